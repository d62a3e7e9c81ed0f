#include "storage/sql/audit_writer.hpp"

#include <algorithm>
#include <span>

#include "crypto/chain_hash.hpp"

namespace redress::storage::sql {

namespace {

constexpr std::string_view k_select_head =
    "SELECT sequence, hash FROM audit_events ORDER BY sequence DESC LIMIT 1";
constexpr std::string_view k_insert_entry = R"sql(
INSERT INTO audit_events (sequence, at, actor, action, object, reason, details, previous, hash)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
)sql";

}  // namespace

util::Expected<AuditWriter::Head> AuditWriter::head() {
    if (m_head) return *m_head;
    auto select = m_statements->get(k_select_head);
    if (!select) return std::unexpected(select.error());
    auto row = (*select)->step();
    if (!row) {
        (*select)->reset();
        return std::unexpected(row.error());
    }
    Head head;
    if (*row) {
        head.sequence = (*select)->column_int(0);
        const auto hash = (*select)->column_blob(1);
        if (hash.size() != head.hash.size()) {
            (*select)->reset();
            return util::fail(util::ErrorCode::internal, "stored audit hash has the wrong size");
        }
        std::copy(hash.begin(), hash.end(), head.hash.begin());
    }
    (*select)->reset();
    m_head = head;
    return head;
}

util::Expected<domain::AuditEntry> AuditWriter::append(const domain::AuditEvent& event) {
    auto last = head();
    if (!last) return std::unexpected(last.error());
    domain::AuditEntry entry;
    entry.sequence = last->sequence + 1;
    entry.event = event;
    entry.previous = last->hash;
    entry.hash =
        crypto::chain_hash(entry.previous, domain::audit_entry_text(entry.sequence, event));
    auto insert = m_statements->get(k_insert_entry);
    if (!insert) return std::unexpected(insert.error());
    auto inserted = (*insert)
                        ->bind(1, entry.sequence)
                        .bind(2, static_cast<std::int64_t>(event.at.time_since_epoch().count()))
                        .bind(3, event.actor)
                        .bind(4, event.action)
                        .bind(5, event.object)
                        .bind(6, event.reason)
                        .bind(7, event.details)
                        .bind(8, std::span<const std::uint8_t>(entry.previous))
                        .bind(9, std::span<const std::uint8_t>(entry.hash))
                        .run();
    if (!inserted) return std::unexpected(inserted.error());
    m_head = Head{entry.sequence, entry.hash};
    return entry;
}

}  // namespace redress::storage::sql
