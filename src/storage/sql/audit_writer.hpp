#pragma once
// Appends audit entries inside the writer's transaction, chaining each to the one before:
// hash = SHA-256(previous hash, domain::audit_entry_text(sequence, event)). Only the
// writer thread appends, so the chain has one order and no gaps.

#include <optional>

#include "domain/audit_event.hpp"
#include "storage/sql/statement_cache.hpp"
#include "util/error.hpp"

namespace redress::storage::sql {

class AuditWriter {
  public:
    explicit AuditWriter(StatementCache& statements) : m_statements(&statements) {}

    // Appends `event` after the last entry; answers the entry as stored.
    util::Expected<domain::AuditEntry> append(const domain::AuditEvent& event);

    // Call at the start of each transaction: the head is read again from the database,
    // so that a rolled-back transaction leaves no trace.
    void begin() { m_head.reset(); }

    // The head as known so far in this transaction, to go back to when a job is rolled
    // back to its savepoint.
    struct Head {
        std::int64_t sequence = 0;
        domain::ChainHash hash{};
    };
    std::optional<Head> checkpoint() const { return m_head; }
    void restore(std::optional<Head> head) { m_head = head; }

  private:
    util::Expected<Head> head();

    StatementCache* m_statements;
    std::optional<Head> m_head;
};

}  // namespace redress::storage::sql
