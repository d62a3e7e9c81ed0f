#include "storage/sqlite/durability.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace redress::storage::sqlite {

namespace {

constexpr mode_t k_owner_only = S_IRUSR | S_IWUSR;

util::Expected<void> restrict_mode(const std::filesystem::path& path) {
    if (::chmod(path.c_str(), k_owner_only) != 0 && errno != ENOENT) {
        return util::fail(
            util::ErrorCode::unavailable,
            fmt::format("cannot set mode 0600 on {}: {}", path.string(), std::strerror(errno)));
    }
    return {};
}

}  // namespace

util::Expected<void> prepare_database_file(const std::filesystem::path& path) {
    // Created here rather than by SQLite so that the file is never, even briefly, readable
    // by others; SQLite gives the -wal and -shm files the mode of the database file.
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, k_owner_only);
    if (fd < 0) {
        return util::fail(
            util::ErrorCode::unavailable,
            fmt::format("cannot open or create {}: {}", path.string(), std::strerror(errno)));
    }
    ::close(fd);
    for (const char* suffix : {"", "-wal", "-shm"}) {
        auto companion = path;
        companion += suffix;
        if (auto restricted = restrict_mode(companion); !restricted) return restricted;
    }
    return {};
}

util::Expected<void> require_durability(Connection& connection) {
    auto mode = connection.query_text("PRAGMA journal_mode = WAL");
    if (!mode) return std::unexpected(mode.error());
    if (*mode != "wal") {
        return util::fail(util::ErrorCode::unavailable,
                          fmt::format("sqlite refused write-ahead logging (journal mode is "
                                      "'{}'); redress cannot promise durable commits",
                                      *mode));
    }
    if (auto set = connection.execute("PRAGMA synchronous = FULL"); !set) return set;
    auto synchronous = connection.query_text("PRAGMA synchronous");
    if (!synchronous) return std::unexpected(synchronous.error());
    if (*synchronous != "2") {  // 2 is FULL
        return util::fail(util::ErrorCode::unavailable,
                          fmt::format("sqlite synchronous is {}, not FULL (2); redress cannot "
                                      "promise durable commits",
                                      *synchronous));
    }
    return connection.execute("PRAGMA foreign_keys = ON");
}

}  // namespace redress::storage::sqlite
