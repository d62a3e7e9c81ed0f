#include "storage/sql/clock_hold_records.hpp"

namespace redress::storage::sql {

namespace {

constexpr std::string_view k_select_holds =
    "SELECT at, reason FROM clock_holds WHERE complaint_id = ?1 ORDER BY id";
// The complaint, its office and status, its latest hold's reason and how many holds.
constexpr std::string_view k_select_for_hold = R"sql(
SELECT c.id, s.office_id, s.status,
       coalesce((SELECT h.reason FROM clock_holds AS h WHERE h.complaint_id = c.id
                 ORDER BY h.id DESC LIMIT 1), 'none'),
       (SELECT count(*) FROM clock_holds AS h WHERE h.complaint_id = c.id)
FROM complaints AS c JOIN complaint_states AS s ON s.complaint_id = c.id
WHERE c.reference = ?1
)sql";
constexpr std::string_view k_insert_hold =
    "INSERT INTO clock_holds (complaint_id, at, reason, staff_id) VALUES (?1, ?2, ?3, ?4)";

}  // namespace

util::Expected<std::vector<domain::ClockHold>> read_clock_holds(StatementCache& statements,
                                                                std::int64_t complaint_id) {
    auto statement = statements.get(k_select_holds);
    if (!statement) return std::unexpected(statement.error());
    auto& rows = **statement;
    rows.bind(1, complaint_id);
    std::vector<domain::ClockHold> holds;
    util::Expected<bool> row;
    while ((row = rows.step()) && *row) {
        const auto reason = domain::parse_pause_reason(rows.column_text(1));
        if (!reason) {
            rows.reset();
            return util::fail(util::ErrorCode::internal, "a clock hold's reason is unreadable");
        }
        holds.push_back({domain::Timestamp(std::chrono::seconds(rows.column_int(0))), *reason});
    }
    rows.reset();
    if (!row) return std::unexpected(row.error());
    return holds;
}

util::Expected<bool> insert_clock_hold(WriteContext& context, const ClockHoldRecord& record,
                                       const domain::AuditEvent& audit) {
    auto statement = context.statements.get(k_select_for_hold);
    if (!statement) return std::unexpected(statement.error());
    auto& select = **statement;
    select.bind(1, record.reference);
    auto found = select.step();
    std::int64_t complaint_id = 0, count = 0;
    std::string office, status, latest;
    if (found && *found) {
        complaint_id = select.column_int(0);
        office = select.column_text(1);
        status = select.column_text(2);
        latest = select.column_text(3);
        count = select.column_int(4);
    }
    select.reset();
    if (!found) return std::unexpected(found.error());
    if (!*found || office != record.office_id) {
        return util::fail(util::ErrorCode::not_found, "no such complaint for this office");
    }
    const bool paused = latest != domain::pause_reason_name(domain::PauseReason::none);
    const bool pausing = record.reason != domain::PauseReason::none;
    if (paused == pausing) {
        return util::fail(util::ErrorCode::conflict,
                          pausing ? "the clocks are paused already" : "the clocks are not paused");
    }
    if (pausing && status == domain::status_name(domain::Status::closed)) {
        return util::fail(util::ErrorCode::conflict, "a closed complaint's clocks do not run");
    }
    if (count >= static_cast<std::int64_t>(k_clock_holds_per_complaint_max)) {
        return util::fail(util::ErrorCode::conflict, "the complaint holds all the holds it may");
    }
    const auto at = record.at.time_since_epoch().count();
    auto insert = context.statements.get(k_insert_hold);
    if (!insert) return std::unexpected(insert.error());
    auto inserted = (*insert)
                        ->bind(1, complaint_id)
                        .bind(2, static_cast<std::int64_t>(at))
                        .bind(3, domain::pause_reason_name(record.reason))
                        .bind(4, record.staff_id)
                        .run();
    if (!inserted) return std::unexpected(inserted.error());
    if (auto entry = context.audit.append(audit); !entry) return std::unexpected(entry.error());
    return true;
}

}  // namespace redress::storage::sql
