#pragma once
// One database, as the store's threads connect to it: SQLite's file (storage/sqlite/) or a
// PostgreSQL server (storage/postgresql/). Each backend sets its connections up for the
// job they are given (durability, read-only readers) before handing them out.

#include <memory>

#include "storage/sql/connection.hpp"
#include "util/error.hpp"

namespace redress::storage::sql {

class Database {
  public:
    virtual ~Database() = default;

    // A new connection, for one thread at a time.
    virtual util::Expected<std::unique_ptr<Connection>> connect(Access access) = 0;

    // Around a transaction that overwrites clear text that must not linger in the
    // database's files once the transaction commits (SQLite: freed pages zeroed, then
    // the journal emptied into the file).
    virtual util::Expected<void> begin_erasing(Connection& connection) = 0;
    virtual util::Expected<void> finish_erasing(Connection& connection) = 0;
};

}  // namespace redress::storage::sql
