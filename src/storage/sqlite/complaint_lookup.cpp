#include "storage/sqlite/complaint_lookup.hpp"

#include <algorithm>

#include "domain/complaint_status.hpp"

namespace redress::storage::sqlite {

namespace {

// One row per status event, oldest first; the complaint's columns repeat on each row. The
// office is the one handling it now, which a referral accepted elsewhere changes.
constexpr std::string_view k_find_complaint = R"sql(
SELECT s.office_id, c.reference, f.received_at, f.receipt_hash, e.at, e.status
FROM complaints AS c
JOIN complaint_states AS s ON s.complaint_id = c.id
JOIN filings AS f ON f.id = c.filing_id
JOIN status_events AS e ON e.complaint_id = c.id
WHERE c.reference = ?1
ORDER BY e.at, e.id
)sql";

// A complaint chosen at random, read as k_find_complaint reads one: what a look-up that
// found nothing reads instead, so that a miss costs what a hit does (a random one, so that
// its pages are as likely to be cached as a real hit's).
constexpr std::string_view k_find_decoy = R"sql(
SELECT s.office_id, c.reference, f.received_at, f.receipt_hash, e.at, e.status
FROM complaints AS c
JOIN complaint_states AS s ON s.complaint_id = c.id
JOIN filings AS f ON f.id = c.filing_id
JOIN status_events AS e ON e.complaint_id = c.id
WHERE c.id = 1 + abs(random()) % (SELECT max(id) FROM complaints)
ORDER BY e.at, e.id
)sql";

constexpr std::size_t k_waiting_per_awake_reader = 4;

domain::Timestamp timestamp(std::int64_t seconds) {
    return domain::Timestamp(std::chrono::seconds(seconds));
}

util::Expected<domain::ComplaintRecord> read_first_row(const Statement& row) {
    domain::ComplaintRecord record;
    record.office_id = row.column_text(0);
    record.reference = row.column_text(1);
    record.received_at = timestamp(row.column_int(2));
    const auto hash = row.column_blob(3);
    if (hash.size() != record.receipt_hash.size()) {
        return util::fail(util::ErrorCode::internal, "stored receipt hash has the wrong size");
    }
    std::copy(hash.begin(), hash.end(), record.receipt_hash.begin());
    return record;
}

// The complaint the bound `statement` reads, with its timeline; nullopt when no row.
util::Expected<std::optional<domain::ComplaintRecord>> read_complaint(Statement& statement) {
    std::optional<domain::ComplaintRecord> record;
    util::Expected<bool> row;
    while ((row = statement.step()) && *row) {
        if (!record) {
            auto first = read_first_row(statement);
            if (!first) {
                statement.reset();
                return std::unexpected(first.error());
            }
            record = std::move(*first);
        }
        const auto status = domain::parse_status(statement.column_text(5));
        if (!status) {
            statement.reset();
            return util::fail(util::ErrorCode::internal, "unknown status in the database");
        }
        record->timeline.push_back({timestamp(statement.column_int(4)), *status});
    }
    statement.reset();
    if (!row) return std::unexpected(row.error());
    if (record) record->status = record->timeline.back().status;
    return record;
}

}  // namespace

void find_complaint(ReadContext& context, const std::string& reference, FindDone& done) {
    auto find = context.statements.get(k_find_complaint);
    auto decoy = context.statements.get(k_find_decoy);
    if (!find) return done(std::unexpected(find.error()));
    if (!decoy) return done(std::unexpected(decoy.error()));
    (*find)->bind(1, reference);
    auto found = read_complaint(**find);
    if (found && !found->has_value()) (void)read_complaint(**decoy);
    done(std::move(found));
}

}  // namespace redress::storage::sqlite
