#pragma once
// The connection interface of storage/sql/ on PostgreSQL, through libpq.
//
// Statements are prepared on the server lazily, at their first step, under a name unique on
// the connection, with the parameter types of that first execution's bindings (int8, text,
// bytea; an unbound parameter is NULL of a type the server infers); an execution that binds
// other types prepares a second variant. The connection keeps what it prepared for the rest
// of the session, shared by every statement object of the same text, and never deallocates
// it: the record code's texts are constants, so there are few. Results come back as text and are
// read as SQLite's would be: a boolean is 1 or 0 ("1" or "0" as text), a numeric without fraction
// (sum()) an integer, bytea decoded into bytes.
//
// Statement::send() inside a transaction uses libpq's pipeline mode: the statement is sent
// and the connection goes on without waiting; the next statement whose result is needed (a
// step), an execute() or settle() ends the pipeline with a Sync and waits for every outcome,
// reporting the first failure. Each round trip saved is a wait the one writer, which every
// node's writes queue behind, no longer makes. At most 128 are sent ahead at once.
//
// A lost server connection (a restart, a terminated backend) fails the call that finds it
// lost; the next call resets it once, and the session's prepared statements are prepared
// again as they are next used. A transaction that was open is gone with the session.
//
// Errors: a broken integrity constraint (SQLSTATE class 23) is util::ErrorCode::conflict,
// everything else unavailable; messages begin "postgresql: " and carry PostgreSQL's primary
// message and SQLSTATE, never its detail (which can quote the values of a row).

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "storage/sql/connection.hpp"
#include "util/error.hpp"

namespace redress::storage::postgresql {

// The key of PostgreSQL's transaction-level advisory lock that Connection::begin_writing()
// takes: redress's one write lock, shared by every redress process on the database
// ("redress" in ASCII). Other software on the same database must not use it.
inline constexpr std::int64_t k_write_lock_key = 0x72'65'64'72'65'73'73;

// Opens a connection to `url` (postgresql://user:password@host:port/database?...). It uses
// UTF-8 and, read_only, runs every transaction read-only. A statement must not outlive its
// connection; a connection and its statements are used by one thread at a time. Fails
// (unavailable) with libpq's reason, never with the password; invalid_input when `url` is
// not a postgresql:// or postgres:// URL.
util::Expected<std::unique_ptr<sql::Connection>> connect(const std::string& url,
                                                         sql::Access access);

// `url` without its password (neither in the user information nor as a `password=`
// parameter), for logs and messages.
std::string redacted_url(std::string_view url);

}  // namespace redress::storage::postgresql
