#include "storage/sql/statement_cache.hpp"

namespace redress::storage::sql {

util::Expected<Statement*> StatementCache::get(std::string_view sql) {
    auto found = m_statements.find(sql.data());
    if (found == m_statements.end()) {
        auto prepared = m_connection->prepare(sql);
        if (!prepared) return std::unexpected(prepared.error());
        found = m_statements.emplace(sql.data(), std::move(*prepared)).first;
    }
    return found->second.get();
}

}  // namespace redress::storage::sql
