#pragma once
// The server settings that make a commit durable, checked rather than assumed: a PostgreSQL
// whose settings could lose an acknowledged complaint is refused (docs/deployment.md).

#include "storage/sql/connection.hpp"
#include "util/error.hpp"

namespace redress::storage::postgresql {

// Fails (unavailable, naming the setting and what it must be) when fsync, full_page_writes
// or synchronous_commit (on, remote_write, remote_apply or local are durable here; off is
// not) could let a committed transaction be lost in a crash.
util::Expected<void> require_durability(sql::Connection& connection);

}  // namespace redress::storage::postgresql
