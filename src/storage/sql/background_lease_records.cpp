#include "storage/sql/background_lease_records.hpp"

#include "storage/sql/seconds.hpp"

namespace redress::storage::sql {

namespace {

// A row comes back only when the lease is this node's afterwards: new, renewed, or taken
// over from a node whose lease ran out.
constexpr std::string_view k_hold = R"sql(
INSERT INTO background_leases (job, node, until) VALUES (?1, ?2, ?3)
ON CONFLICT (job) DO UPDATE SET node = excluded.node, until = excluded.until
WHERE background_leases.node = excluded.node OR background_leases.until <= ?4
RETURNING node
)sql";

constexpr std::string_view k_release = R"sql(
DELETE FROM background_leases WHERE job = ?1 AND node = ?2
)sql";

}  // namespace

util::Expected<bool> hold_lease(WriteContext& context, const std::string& job,
                                const std::string& node, domain::Timestamp now,
                                domain::Timestamp until) {
    auto statement = context.statements.get(k_hold);
    if (!statement) return std::unexpected(statement.error());
    auto& hold = **statement;
    auto row = hold.bind(1, job).bind(2, node).bind(3, seconds(until)).bind(4, seconds(now)).step();
    // Stepped to the end: an INSERT's RETURNING rows are all written by the first step, but
    // the statement is finished only when it says so.
    const bool held = row && *row;
    if (held) row = hold.step();
    hold.reset();
    if (!row) return std::unexpected(row.error());
    return held;
}

util::Expected<void> release_lease(WriteContext& context, const std::string& job,
                                   const std::string& node) {
    auto statement = context.statements.get(k_release);
    if (!statement) return std::unexpected(statement.error());
    return (*statement)->bind(1, job).bind(2, node).run();
}

}  // namespace redress::storage::sql
