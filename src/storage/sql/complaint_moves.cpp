#include "storage/sql/complaint_moves.hpp"

namespace redress::storage::sql {

namespace {

constexpr std::string_view k_insert_event = R"sql(
INSERT INTO status_events (complaint_id, at, status, actor, note) VALUES (?1, ?2, ?3, ?4, ?5)
)sql";
// An office or priority left NULL stays as it is.
constexpr std::string_view k_update_state = R"sql(
UPDATE complaint_states
SET queue = ?2, status = ?3, changed_at = ?4, office_id = coalesce(?5, office_id),
    priority = coalesce(?6, priority)
WHERE complaint_id = ?1
)sql";

}  // namespace

util::Expected<void> move_complaint(WriteContext& context, const ComplaintMove& move) {
    const auto at = static_cast<std::int64_t>(move.at.time_since_epoch().count());
    auto event = context.statements.get(k_insert_event);
    if (!event) return std::unexpected(event.error());
    auto appended = (*event)
                        ->bind(1, move.complaint_id)
                        .bind(2, at)
                        .bind(3, domain::status_name(move.status))
                        .bind(4, move.actor)
                        .bind(5, move.note)
                        .run();
    if (!appended) return appended;
    auto update = context.statements.get(k_update_state);
    if (!update) return std::unexpected(update.error());
    (*update)
        ->bind(1, move.complaint_id)
        .bind(2, domain::queue_name(domain::queue_of(move.status)))
        .bind(3, domain::status_name(move.status))
        .bind(4, at);
    if (move.office_id) (*update)->bind(5, *move.office_id);
    if (move.priority) (*update)->bind(6, static_cast<std::int64_t>(*move.priority));
    return (*update)->run();
}

}  // namespace redress::storage::sql
