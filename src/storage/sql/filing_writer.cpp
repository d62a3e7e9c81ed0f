#include "storage/sql/filing_writer.hpp"

#include <chrono>

#include "domain/calendar.hpp"
#include "domain/complaint_status.hpp"
#include "domain/reference.hpp"
#include "storage/sql/evidence_records.hpp"
#include "storage/sql/seconds.hpp"

namespace redress::storage::sql {

namespace {

// Who appended the first status event of every complaint.
constexpr std::string_view k_intake_actor = "intake";

// Each max() is one step down its primary key, on both databases.
constexpr std::string_view k_select_last_ids = R"sql(
SELECT (SELECT max(id) FROM filings), (SELECT max(id) FROM complaints)
)sql";

constexpr std::string_view k_insert_filing = R"sql(
INSERT INTO filings (channel, language, received_at, receipt_hash, confidentiality,
                     whistleblower, on_behalf, sealed_people, witness_count, incident_date,
                     incident_date_precision, sealed_account, subject_count, incident_time,
                     incident_when, place, city, region, narrative, injuries, subject_marks, id)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, '', '', '', '', '', '', '', ?14,
        ?15)
)sql";

constexpr std::string_view k_insert_category = R"sql(
INSERT INTO filing_categories (filing_id, category) VALUES (?1, ?2) ON CONFLICT DO NOTHING
)sql";

constexpr std::string_view k_select_sequence = R"sql(
SELECT last FROM office_sequences WHERE prefix = ?1 AND year = ?2
)sql";

constexpr std::string_view k_save_sequence = R"sql(
INSERT INTO office_sequences (prefix, year, last) VALUES (?1, ?2, ?3)
ON CONFLICT (prefix, year) DO UPDATE SET last = excluded.last
)sql";

constexpr std::string_view k_insert_complaint = R"sql(
INSERT INTO complaints (filing_id, office_id, prefix, year, sequence, reference, id)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
)sql";

constexpr std::string_view k_insert_event = R"sql(
INSERT INTO status_events (complaint_id, at, status, actor) VALUES (?1, ?2, ?3, ?4)
)sql";

// A new complaint waits in its office's triage queue.
constexpr std::string_view k_insert_state = R"sql(
INSERT INTO complaint_states (complaint_id, office_id, queue, status, channel, received_at,
                              changed_at)
VALUES (?1, ?2, 'triage', 'received', ?3, ?4, ?4)
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

util::Expected<FilingWriter> FilingWriter::prepare(Connection& connection) {
    Statements statements;
    const std::pair<std::unique_ptr<Statement>*, std::string_view> all[] = {
        {&statements.last_ids, k_select_last_ids},
        {&statements.filing, k_insert_filing},
        {&statements.category, k_insert_category},
        {&statements.sequence, k_select_sequence},
        {&statements.save_sequence, k_save_sequence},
        {&statements.complaint, k_insert_complaint},
        {&statements.event, k_insert_event},
        {&statements.state, k_insert_state},
        {&statements.evidence, insert_evidence_query()},
    };
    for (const auto& [statement, sql] : all) {
        auto prepared = connection.prepare(sql);
        if (!prepared) return std::unexpected(prepared.error());
        *statement = std::move(*prepared);
    }
    return FilingWriter(std::move(statements));
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
    if (auto inserted = insert_filing(filing_id, filing); !inserted) {
        return std::unexpected(inserted.error());
    }
    if (auto details = insert_categories(filing_id, filing); !details) {
        return std::unexpected(details.error());
    }
    if (auto files = insert_evidence(filing_id, filing); !files) {
        return std::unexpected(files.error());
    }

    const int year = static_cast<int>(domain::date_of(filing.received_at).year());
    std::vector<domain::FiledComplaint> filed;
    filed.reserve(filing.destinations.size());
    for (const auto& destination : filing.destinations) {
        auto sequence = next_sequence(destination.reference_prefix, year);
        if (!sequence) return std::unexpected(sequence.error());
        const std::string reference =
            domain::Reference{destination.reference_prefix, year, *sequence}.text();
        const std::int64_t complaint_id = ++(*ids)->complaint;
        auto complaint = m_statements.complaint->bind(1, filing_id)
                             .bind(2, destination.office_id)
                             .bind(3, destination.reference_prefix)
                             .bind(4, std::int64_t{year})
                             .bind(5, std::int64_t{*sequence})
                             .bind(6, reference)
                             .bind(7, complaint_id)
                             .send();
        if (!complaint) return std::unexpected(complaint.error());
        auto event = m_statements.event->bind(1, complaint_id)
                         .bind(2, seconds(filing.received_at))
                         .bind(3, domain::status_name(domain::Status::received))
                         .bind(4, k_intake_actor)
                         .send();
        if (!event) return std::unexpected(event.error());
        auto state = m_statements.state->bind(1, complaint_id)
                         .bind(2, destination.office_id)
                         .bind(3, domain::channel_name(filing.channel))
                         .bind(4, seconds(filing.received_at))
                         .send();
        if (!state) return std::unexpected(state.error());
        filed.push_back({destination.office_id, reference});
    }
    return filed;
}

util::Expected<void> FilingWriter::insert_filing(std::int64_t filing_id,
                                                 const domain::ReceivedFiling& filing) {
    return m_statements.filing->bind(1, domain::channel_name(filing.channel))
        .bind(2, filing.language)
        .bind(3, seconds(filing.received_at))
        .bind(4, std::span<const std::uint8_t>(filing.receipt_hash))
        .bind(5, confidentiality_name(filing.confidentiality))
        .bind(6, flag(filing.whistleblower))
        .bind(7, flag(filing.on_behalf))
        .bind(8, std::span<const std::uint8_t>(filing.sealed_people))
        .bind(9, static_cast<std::int64_t>(filing.witness_count))
        .bind(10, filing.incident_date)
        .bind(11, filing.incident_date_precision)
        .bind(12, std::span<const std::uint8_t>(filing.sealed_account))
        .bind(13, static_cast<std::int64_t>(filing.subject_count))
        .bind(14, std::span<const std::uint8_t>(filing.subject_marks))
        .bind(15, filing_id)
        .send();
}

util::Expected<void> FilingWriter::insert_categories(std::int64_t filing_id,
                                                     const domain::ReceivedFiling& filing) {
    for (const auto& category : filing.categories) {
        auto inserted = m_statements.category->bind(1, filing_id).bind(2, category).send();
        if (!inserted) return inserted;
    }
    return {};
}

util::Expected<void> FilingWriter::insert_evidence(std::int64_t filing_id,
                                                   const domain::ReceivedFiling& filing) {
    return sql::insert_evidence(*m_statements.evidence, filing_id, filing.evidence);
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
