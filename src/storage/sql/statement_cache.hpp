#pragma once
// The statements one connection has prepared, kept for reuse: each job or look-up names
// its SQL, and the cache prepares it on first use. The SQL must be text that lives for
// the whole program (a constant), since it is kept by address.

#include <memory>
#include <unordered_map>

#include "storage/sql/connection.hpp"
#include "util/error.hpp"

namespace redress::storage::sql {

class StatementCache {
  public:
    explicit StatementCache(Connection& connection) : m_connection(&connection) {}

    // The statement for `sql`, reset and without bindings. Valid as long as the cache.
    util::Expected<Statement*> get(std::string_view sql);

  private:
    Connection* m_connection;
    std::unordered_map<const char*, std::unique_ptr<Statement>> m_statements;
};

}  // namespace redress::storage::sql
