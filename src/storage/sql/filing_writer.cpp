#include "storage/sql/filing_writer.hpp"

#include <chrono>

#include "domain/calendar.hpp"
#include "domain/complaint_status.hpp"
#include "domain/reference.hpp"
#include "storage/sql/evidence_records.hpp"
#include "storage/sql/seconds.hpp"
#include "storage/sql/state_timeline.hpp"

namespace redress::storage::sql {

namespace {

// Who appended the first status event of every complaint.
constexpr std::string_view k_intake_actor = "intake";

// Each max() is one step down its primary key, on both databases.
constexpr std::string_view k_select_last_ids = R"sql(
SELECT (SELECT max(id) FROM filings), (SELECT max(id) FROM complaints)
)sql";

// The rows a filing adds, written a batch of filings at a time (row_batches.hpp), in this
// order: each after what it refers to.
constexpr BatchedStatement k_filings{
    "INSERT INTO filings (id, channel, language, received_at, receipt_hash, confidentiality, "
    "whistleblower, on_behalf, sealed_people, witness_count, incident_date, "
    "incident_date_precision, sealed_account, subject_count, subject_marks, incident_time, "
    "incident_when, place, city, region, narrative, injuries) VALUES ",
    // What the sealed account holds is kept in clear nowhere.
    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', '', '', '', '', '')"};
constexpr BatchedStatement k_categories{
    "INSERT INTO filing_categories (filing_id, category) VALUES ", "(?, ?)",
    " ON CONFLICT DO NOTHING"};
constexpr BatchedStatement k_complaints{
    "INSERT INTO complaints (id, filing_id, office_id, prefix, year, sequence, reference) VALUES ",
    "(?, ?, ?, ?, ?, ?, ?)"};
constexpr BatchedStatement k_events{
    "INSERT INTO status_events (complaint_id, at, status, actor) VALUES ", "(?, ?, 'received', ?)"};
// What the search for the same incident reads: a row per complaint and category (the
// categories may repeat).
constexpr BatchedStatement k_marks{
    "INSERT INTO incident_marks (office_id, category, incident_date, received_at, complaint_id, "
    "filing_id) VALUES ",
    "(?, ?, ?, ?, ?, ?)", " ON CONFLICT DO NOTHING"};
// A new complaint waits in its office's triage queue, with its first deadline (-1 and ''
// for none; clocks_moved 1 when it is the deadline keeper's to work out), and what a status
// look-up compares and shows, with the copy of its timeline (storage/sql/state_timeline.hpp),
// so that a look-up reads neither the filing nor the status events.
constexpr BatchedStatement k_states{
    "INSERT INTO complaint_states (complaint_id, office_id, queue, status, channel, received_at, "
    "changed_at, due_at, due_clock, clocks_moved, receipt_hash, confidentiality, timeline) "
    "VALUES ",
    "(?, ?, 'triage', 'received', ?, ?, ?, NULLIF(?, -1), NULLIF(?, ''), ?, ?, ?, ?)"};

constexpr std::string_view k_select_sequence = R"sql(
SELECT last FROM office_sequences WHERE prefix = ?1 AND year = ?2
)sql";

constexpr std::string_view k_save_sequence = R"sql(
INSERT INTO office_sequences (prefix, year, last) VALUES (?1, ?2, ?3)
ON CONFLICT (prefix, year) DO UPDATE SET last = excluded.last
)sql";

std::string_view confidentiality_name(domain::Confidentiality confidentiality) {
    switch (confidentiality) {
        case domain::Confidentiality::anonymous:
            return "anonymous";
        case domain::Confidentiality::confidential:
            return "confidential";
        case domain::Confidentiality::open:
            return "open";
    }
    return "anonymous";
}

std::int64_t flag(bool value) {
    return value ? 1 : 0;
}

}  // namespace

util::Expected<FilingWriter> FilingWriter::prepare(Connection& connection, RowBatches& batches) {
    Statements statements;
    const std::pair<std::unique_ptr<Statement>*, std::string_view> all[] = {
        {&statements.last_ids, k_select_last_ids},
        {&statements.sequence, k_select_sequence},
        {&statements.save_sequence, k_save_sequence},
    };
    for (const auto& [statement, sql] : all) {
        auto prepared = connection.prepare(sql);
        if (!prepared) return std::unexpected(prepared.error());
        *statement = std::move(*prepared);
    }
    // Asked for now, so that they are written in this order.
    Tables tables{&batches.rows(k_filings),    &evidence_rows(batches), &batches.rows(k_categories),
                  &batches.rows(k_complaints), &batches.rows(k_events), &batches.rows(k_states),
                  &batches.rows(k_marks)};
    return FilingWriter(std::move(statements), tables);
}

void FilingWriter::begin() {
    m_sequences.clear();
    m_last_ids.reset();
}

util::Expected<FilingWriter::LastIds*> FilingWriter::last_ids() {
    if (!m_last_ids) {
        auto& select = *m_statements.last_ids;
        auto row = select.step();
        // No row yet in a table: its max() is NULL, read as 0.
        if (row && *row) m_last_ids = LastIds{select.column_int(0), select.column_int(1)};
        select.reset();
        if (!row) return std::unexpected(row.error());
        if (!m_last_ids) return util::fail(util::ErrorCode::internal, "no last ids were read");
    }
    return &*m_last_ids;
}

util::Expected<void> FilingWriter::finish() {
    for (const auto& [key, last] : m_sequences) {
        auto saved =
            m_statements.save_sequence->bind(1, key.first).bind(2, key.second).bind(3, last).send();
        if (!saved) return saved;
    }
    return {};
}

util::Expected<std::vector<domain::FiledComplaint>> FilingWriter::write(
    const domain::ReceivedFiling& filing) {
    auto ids = last_ids();
    if (!ids) return std::unexpected(ids.error());
    const std::int64_t filing_id = ++(*ids)->filing;
    add_filing(filing_id, filing);
    for (const auto& category : filing.categories)
        m_tables.categories->add(filing_id).add(category);
    add_evidence_rows(*m_tables.evidence, filing_id, filing.evidence);

    const auto received_at = seconds(filing.received_at);
    const std::string received_entry =
        timeline_entry(filing.received_at, domain::Status::received, {});
    const int year = static_cast<int>(domain::date_of(filing.received_at).year());
    std::vector<domain::FiledComplaint> filed;
    filed.reserve(filing.destinations.size());
    m_complaint_ids.clear();
    for (const auto& destination : filing.destinations) {
        auto sequence = next_sequence(destination.reference_prefix, year);
        if (!sequence) return std::unexpected(sequence.error());
        const std::string reference =
            domain::Reference{destination.reference_prefix, year, *sequence}.text();
        const std::int64_t complaint_id = ++(*ids)->complaint;
        m_tables.complaints->add(complaint_id)
            .add(filing_id)
            .add(destination.office_id)
            .add(destination.reference_prefix)
            .add(std::int64_t{year})
            .add(std::int64_t{*sequence})
            .add(reference);
        m_tables.events->add(complaint_id).add(received_at).add(k_intake_actor);
        m_tables.states->add(complaint_id)
            .add(destination.office_id)
            .add(domain::channel_name(filing.channel))
            .add(received_at)
            .add(received_at);
        if (const auto& deadline = destination.deadline) {
            m_tables.states->add(seconds(deadline->deadline))
                .add(domain::clock_kind_name(deadline->kind));
        } else {
            m_tables.states->add(std::int64_t{-1}).add(std::string_view());
        }
        m_tables.states->add(std::int64_t{destination.deadline_worked_out ? 0 : 1})
            .add(std::span<const std::uint8_t>(filing.receipt_hash))
            .add(confidentiality_name(filing.confidentiality))
            .add(received_entry);
        for (const auto& category : filing.categories) {
            m_tables.marks->add(destination.office_id)
                .add(category)
                .add(filing.incident_date)
                .add(received_at)
                .add(complaint_id)
                .add(filing_id);
        }
        m_complaint_ids.push_back(complaint_id);
        filed.push_back({destination.office_id, reference});
    }
    return filed;
}

void FilingWriter::add_filing(std::int64_t filing_id, const domain::ReceivedFiling& filing) {
    m_tables.filings->add(filing_id)
        .add(domain::channel_name(filing.channel))
        .add(filing.language)
        .add(seconds(filing.received_at))
        .add(std::span<const std::uint8_t>(filing.receipt_hash))
        .add(confidentiality_name(filing.confidentiality))
        .add(flag(filing.whistleblower))
        .add(flag(filing.on_behalf))
        .add(std::span<const std::uint8_t>(filing.sealed_people))
        .add(static_cast<std::int64_t>(filing.witness_count))
        .add(filing.incident_date)
        .add(filing.incident_date_precision)
        .add(std::span<const std::uint8_t>(filing.sealed_account))
        .add(static_cast<std::int64_t>(filing.subject_count))
        .add(std::span<const std::uint8_t>(filing.subject_marks));
}

util::Expected<long> FilingWriter::next_sequence(const std::string& prefix, int year) {
    auto key = std::make_pair(prefix, year);
    auto found = m_sequences.find(key);
    if (found == m_sequences.end()) {
        auto row = m_statements.sequence->bind(1, prefix).bind(2, std::int64_t{year}).step();
        const long last = row && *row ? static_cast<long>(m_statements.sequence->column_int(0)) : 0;
        m_statements.sequence->reset();
        if (!row) return std::unexpected(row.error());
        found = m_sequences.emplace(std::move(key), last).first;
    }
    return ++found->second;
}

}  // namespace redress::storage::sql
