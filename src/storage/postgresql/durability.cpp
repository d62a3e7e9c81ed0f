#include "storage/postgresql/durability.hpp"

#include <fmt/format.h>

#include <array>

namespace redress::storage::postgresql {

namespace {

struct Required {
    std::string_view setting;
    std::string_view unsafe;  // the value that can lose a commit
    std::string_view why;
};

// synchronous_commit = off answers COMMIT before the commit is on disk; fsync = off never
// makes it so; full_page_writes = off leaves pages torn by a crash unrecoverable.
constexpr std::array k_required = {
    Required{"fsync", "off", "committed data may never reach the disk"},
    Required{"synchronous_commit", "off",
             "a commit is acknowledged before it is on disk, and lost in a crash"},
    Required{"full_page_writes", "off", "a page torn in a crash cannot be repaired"},
};

}  // namespace

util::Expected<void> require_durability(sql::Connection& connection) {
    for (const auto& required : k_required) {
        auto value = connection.query_text(fmt::format("SHOW {}", required.setting));
        if (!value) return std::unexpected(value.error());
        if (*value == required.unsafe) {
            return util::fail(
                util::ErrorCode::unavailable,
                fmt::format("the PostgreSQL server has {} = {}: {}. redress acknowledges a "
                            "complaint only once it is durable, so it refuses this server; set "
                            "{} to on (postgresql.conf, or ALTER SYSTEM) and start again",
                            required.setting, *value, required.why, required.setting));
        }
    }
    return {};
}

}  // namespace redress::storage::postgresql
