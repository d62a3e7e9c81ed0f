#include "storage/sql/audit_records.hpp"

#include <algorithm>

namespace redress::storage::sql {

namespace {

constexpr std::string_view k_select_entries = R"sql(
SELECT sequence, at, actor, action, object, reason, details, previous, hash
FROM audit_events WHERE sequence > ?1 ORDER BY sequence LIMIT ?2
)sql";
constexpr std::string_view k_select_head = R"sql(
SELECT sequence, at, actor, action, object, reason, details, previous, hash
FROM audit_events ORDER BY sequence DESC LIMIT 1
)sql";
constexpr std::string_view k_insert_checkpoint = R"sql(
INSERT INTO audit_checkpoints (sequence, at, hash, key_id, signature) VALUES (?1, ?2, ?3, ?4, ?5)
)sql";
constexpr std::string_view k_select_checkpoints =
    "SELECT sequence, at, hash, key_id, signature FROM audit_checkpoints ORDER BY sequence";

domain::Timestamp timestamp(std::int64_t seconds) {
    return domain::Timestamp(std::chrono::seconds(seconds));
}

// A stored hash of the wrong size is kept as all zero: the chain check then reports that
// entry as broken, which it is.
domain::ChainHash hash_of(std::span<const std::uint8_t> stored) {
    domain::ChainHash hash{};
    if (stored.size() == hash.size()) std::copy(stored.begin(), stored.end(), hash.begin());
    return hash;
}

domain::AuditEntry entry_of(const Statement& row) {
    domain::AuditEntry entry;
    entry.sequence = row.column_int(0);
    entry.event.at = timestamp(row.column_int(1));
    entry.event.actor = row.column_text(2);
    entry.event.action = row.column_text(3);
    entry.event.object = row.column_text(4);
    entry.event.reason = row.column_text(5);
    entry.event.details = row.column_text(6);
    entry.previous = hash_of(row.column_blob(7));
    entry.hash = hash_of(row.column_blob(8));
    return entry;
}

}  // namespace

util::Expected<std::vector<domain::AuditEntry>> read_audit_entries(ReadContext& context,
                                                                   std::int64_t after,
                                                                   std::size_t max) {
    auto select = context.statements.get(k_select_entries);
    if (!select) return std::unexpected(select.error());
    (*select)->bind(1, after).bind(2, static_cast<std::int64_t>(max));
    std::vector<domain::AuditEntry> entries;
    util::Expected<bool> row;
    while ((row = (*select)->step()) && *row) entries.push_back(entry_of(**select));
    (*select)->reset();
    if (!row) return std::unexpected(row.error());
    return entries;
}

util::Expected<domain::AuditEntry> read_audit_head(ReadContext& context) {
    auto select = context.statements.get(k_select_head);
    if (!select) return std::unexpected(select.error());
    auto row = (*select)->step();
    domain::AuditEntry head;
    if (row && *row) head = entry_of(**select);
    (*select)->reset();
    if (!row) return std::unexpected(row.error());
    return head;
}

util::Expected<std::int64_t> insert_checkpoint(WriteContext& context,
                                               const AuditCheckpoint& checkpoint) {
    auto insert = context.statements.get(k_insert_checkpoint);
    if (!insert) return std::unexpected(insert.error());
    auto inserted =
        (*insert)
            ->bind(1, checkpoint.sequence)
            .bind(2, static_cast<std::int64_t>(checkpoint.at.time_since_epoch().count()))
            .bind(3, std::span<const std::uint8_t>(checkpoint.hash))
            .bind(4, checkpoint.key_id)
            .bind(5, checkpoint.signature)
            .run();
    if (!inserted) return std::unexpected(inserted.error());
    return checkpoint.sequence;
}

util::Expected<std::vector<AuditCheckpoint>> read_checkpoints(ReadContext& context) {
    auto select = context.statements.get(k_select_checkpoints);
    if (!select) return std::unexpected(select.error());
    std::vector<AuditCheckpoint> checkpoints;
    util::Expected<bool> row;
    while ((row = (*select)->step()) && *row) {
        AuditCheckpoint checkpoint;
        checkpoint.sequence = (*select)->column_int(0);
        checkpoint.at = timestamp((*select)->column_int(1));
        checkpoint.hash = hash_of((*select)->column_blob(2));
        checkpoint.key_id = (*select)->column_text(3);
        checkpoint.signature = (*select)->column_text(4);
        checkpoints.push_back(std::move(checkpoint));
    }
    (*select)->reset();
    if (!row) return std::unexpected(row.error());
    return checkpoints;
}

}  // namespace redress::storage::sql
