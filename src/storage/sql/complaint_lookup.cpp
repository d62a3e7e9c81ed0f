#include "storage/sql/complaint_lookup.hpp"

#include <algorithm>
#include <functional>
#include <string_view>

#include "domain/complaint_status.hpp"
#include "storage/sql/clock_hold_records.hpp"
#include "storage/sql/outcome_copy.hpp"
#include "storage/sql/state_timeline.hpp"

namespace redress::storage::sql {

namespace {

// The complaint asked for by its reference (?1) or, when the reference matches nothing,
// another that stands in for it, read the same way by the same statement, so that a miss
// costs what a hit does; the last column but one tells which it was. ?2 is a non-negative
// number drawn from the reference (find_complaint) that picks the stand-in. Either way: a
// step down the reference's index (which holds the complaint's id, so the complaint's own
// row is not read; each of the two subqueries asking it runs once, as neither depends on
// the row, and the second walks the pages the first just read), then the complaint's state
// row, and nothing else. A miss adds the step to the last id, on a path always cached.
// The state row carries all that the look-up compares and shows (the receipt's hash, when
// received, the confidentiality, the latest answer on showing the identity, a copy of the
// timeline: storage/sql/state_timeline.hpp), and whether there are messages or clock holds
// to read, so that neither the filing (kilobytes a row) nor another index is read for a
// complaint that has none (most of them). The office is the one handling the complaint
// now, which a referral accepted elsewhere changes.
constexpr std::string_view k_find_complaint = R"sql(
SELECT s.office_id, s.received_at, s.receipt_hash, s.complaint_id, coalesce(s.case_id, 0),
       s.has_messages, s.confidentiality, s.identity_consent, s.has_clock_holds,
       (SELECT c.id FROM complaints AS c WHERE c.reference = ?1) IS NOT NULL, s.timeline
FROM complaint_states AS s
WHERE s.complaint_id = coalesce((SELECT c.id FROM complaints AS c WHERE c.reference = ?1),
                                1 + ?2 % (SELECT max(complaint_id) FROM complaint_states))
)sql";

// Read only when the complaint has messages.
constexpr std::string_view k_find_messages = R"sql(
SELECT at, kind, sealed_text FROM messages WHERE complaint_id = ?1 ORDER BY id
)sql";

// Read only while the complaint is closed and has a case: its case's outcome, the latest
// closure and the findings of its latest round, copied into one row (outcome_copy.hpp). No
// row, or one without a closure: the case was never closed.
constexpr std::string_view k_find_outcome = R"sql(
SELECT sealed_text, sealed_remedy, reconsider_until, findings FROM case_outcomes
WHERE case_id = ?1 AND sealed_text IS NOT NULL
)sql";

domain::Timestamp timestamp(std::int64_t seconds) {
    return domain::Timestamp(std::chrono::seconds(seconds));
}

std::vector<std::uint8_t> bytes(std::span<const std::uint8_t> blob) {
    return {blob.begin(), blob.end()};
}

// A complaint as the first statement reads it, with what decides the further reads.
struct Found {
    domain::ComplaintRecord record;
    std::int64_t case_id = 0;
    bool has_messages = false;
    bool has_holds = false;
    bool asked_for = false;  // false: a stand-in for a reference that matches nothing
};

util::Expected<Found> read_found(const Statement& row, std::string_view reference) {
    Found found;
    auto& record = found.record;
    record.office_id = row.column_text(0);
    record.reference = reference;
    record.received_at = timestamp(row.column_int(1));
    const auto hash = row.column_blob(2);
    if (hash.size() != record.receipt_hash.size()) {
        return util::fail(util::ErrorCode::internal, "stored receipt hash has the wrong size");
    }
    std::copy(hash.begin(), hash.end(), record.receipt_hash.begin());
    record.id = row.column_int(3);
    found.case_id = row.column_int(4);
    found.has_messages = row.column_int(5) != 0;
    record.confidentiality = row.column_text(6);
    record.identity_consent = row.column_int(7) != 0;
    found.has_holds = row.column_int(8) != 0;
    found.asked_for = row.column_int(9) != 0;
    auto timeline = read_state_timeline(row.column_text(10));
    if (!timeline) return std::unexpected(timeline.error());
    if (timeline->empty()) {
        return util::fail(util::ErrorCode::internal, "a complaint has no status events");
    }
    record.timeline = std::move(*timeline);
    record.status = record.timeline.back().status;
    return found;
}

// The complaint the bound `statement` reads, with its timeline; nullopt when no row.
util::Expected<std::optional<Found>> read_complaint(Statement& statement,
                                                    std::string_view reference) {
    auto row = statement.step();
    if (!row || !*row) {
        statement.reset();
        if (!row) return std::unexpected(row.error());
        return std::nullopt;
    }
    auto found = read_found(statement, reference);
    statement.reset();
    if (!found) return std::unexpected(found.error());
    return std::move(*found);
}

util::Expected<void> read_messages(StatementCache& statements, domain::ComplaintRecord& record) {
    auto statement = statements.get(k_find_messages);
    if (!statement) return std::unexpected(statement.error());
    auto& rows = **statement;
    rows.bind(1, record.id);
    util::Expected<bool> row;
    while ((row = rows.step()) && *row) {
        const auto kind = domain::parse_message_kind(rows.column_text(1));
        if (!kind) {
            rows.reset();
            return util::fail(util::ErrorCode::internal, "a message's kind is unreadable");
        }
        record.messages.push_back(
            {timestamp(rows.column_int(0)), *kind, bytes(rows.column_blob(2))});
    }
    rows.reset();
    if (!row) return std::unexpected(row.error());
    return {};
}

util::Expected<void> read_outcome(StatementCache& statements, std::int64_t case_id,
                                  domain::ComplaintRecord& record) {
    auto statement = statements.get(k_find_outcome);
    if (!statement) return std::unexpected(statement.error());
    auto& row = **statement;
    row.bind(1, case_id);
    auto found = row.step();
    if (!found || !*found) {
        row.reset();
        if (!found) return std::unexpected(found.error());
        return {};
    }
    domain::SealedOutcome outcome;
    outcome.sealed_text = bytes(row.column_blob(0));
    outcome.sealed_remedy = bytes(row.column_blob(1));
    outcome.reconsider_until = row.column_text(2);
    auto findings = read_outcome_findings(row.column_text(3));
    row.reset();
    if (!findings) return std::unexpected(findings.error());
    outcome.findings = std::move(*findings);
    record.outcome = std::move(outcome);
    return {};
}

// The messages, the clocks' holds and the outcome, each read only when there is something
// to read.
util::Expected<void> read_correspondence(StatementCache& statements, Found& found) {
    if (found.has_messages) {
        if (auto read = read_messages(statements, found.record); !read) return read;
    }
    if (found.has_holds) {
        auto holds = read_clock_holds(statements, found.record.id);
        if (!holds) return std::unexpected(holds.error());
        found.record.holds = std::move(*holds);
    }
    if (found.record.status == domain::Status::closed && found.case_id != 0) {
        return read_outcome(statements, found.case_id, found.record);
    }
    return {};
}

// Reads the complaint of the bound `statement`, asked for by `reference`, with all that the
// complainant sees; a stand-in is read as wholly as a hit, and dropped.
util::Expected<std::optional<domain::ComplaintRecord>> read_whole(StatementCache& statements,
                                                                  Statement& statement,
                                                                  std::string_view reference) {
    auto found = read_complaint(statement, reference);
    if (!found) return std::unexpected(found.error());
    if (!found->has_value()) return std::nullopt;
    if (auto read = read_correspondence(statements, **found); !read) {
        return std::unexpected(read.error());
    }
    if (!(*found)->asked_for) return std::nullopt;
    return std::move((*found)->record);
}

}  // namespace

void find_complaint(ReadContext& context, const std::string& reference, FindDone& done) {
    auto find = context.statements.get(k_find_complaint);
    if (!find) return done(std::unexpected(find.error()));
    // The same reference always has the same stand-in, as a real one always reads the same
    // complaint: asked again, its pages are as likely to be cached, and its cost is as
    // steady (a stand-in drawn afresh each time would read a new complaint, now a closed one
    // with messages, now a new one, and the spread would tell). Which complaint stands in
    // is no secret; only its cost must match a hit's.
    const auto drawn = std::hash<std::string_view>{}(reference);
    (*find)->bind(1, reference).bind(2, static_cast<std::int64_t>(drawn >> 1));
    done(read_whole(context.statements, **find, reference));
}

}  // namespace redress::storage::sql
