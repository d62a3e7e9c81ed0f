#include "storage/evidence_folder.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

namespace redress::storage {

namespace {

constexpr std::string_view k_partial = ".partial";

util::Error io_error(std::string_view what, const std::string& name) {
    return {util::ErrorCode::unavailable,
            fmt::format("evidence folder: cannot {} {}: {}", what, name, std::strerror(errno))};
}

// Only names the server makes reach the folder; anything else is a bug, never a path.
bool made_name(const std::string& name) {
    return name.size() == 32 && name.find_first_not_of("0123456789abcdef") == std::string::npos;
}

}  // namespace

// A partial file this old is a write that will never finish (its process died).
constexpr std::chrono::hours k_abandoned_after{1};

util::Expected<EvidenceFolder> EvidenceFolder::open(std::filesystem::path folder) {
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (!ec) {
        std::filesystem::permissions(folder, std::filesystem::perms::owner_all,
                                     std::filesystem::perm_options::replace, ec);
    }
    if (ec) {
        return util::fail(
            util::ErrorCode::unavailable,
            fmt::format("cannot make the evidence folder {}: {}", folder.string(), ec.message()));
    }
    // Only writes left long ago: the folder may be shared by several nodes, and another
    // node's write under way is seconds old.
    const auto left_before = std::filesystem::file_time_type::clock::now() - k_abandoned_after;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
        if (entry.path().extension() != k_partial) continue;
        std::error_code ignored;
        const auto written = std::filesystem::last_write_time(entry.path(), ignored);
        if (!ignored && written < left_before) std::filesystem::remove(entry.path(), ignored);
    }
    return EvidenceFolder(std::move(folder));
}

util::Expected<void> EvidenceFolder::keep(
    const std::string& name, const std::function<util::Expected<void>(int fd)>& write) const {
    if (!made_name(name)) {
        return util::fail(util::ErrorCode::invalid_input, "not an evidence file name");
    }
    const auto partial = m_folder / (name + std::string(k_partial));
    const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return std::unexpected(io_error("create", name));
    auto written = write(fd);
    const bool synced = written && ::fsync(fd) == 0;
    const int sync_errno = errno;
    ::close(fd);
    if (!written || !synced) {
        std::error_code ignored;
        std::filesystem::remove(partial, ignored);
        if (!written) return written;
        errno = sync_errno;
        return std::unexpected(io_error("flush", name));
    }
    const auto final_path = m_folder / name;
    // link() then unlink(): unlike rename(), it refuses to replace a file of that name.
    if (::link(partial.c_str(), final_path.c_str()) != 0) {
        const bool exists = errno == EEXIST;
        std::error_code ignored;
        std::filesystem::remove(partial, ignored);
        if (exists) return util::fail(util::ErrorCode::conflict, "evidence file exists");
        return std::unexpected(io_error("name", name));
    }
    ::unlink(partial.c_str());
    return {};
}

util::Expected<void> EvidenceFolder::sync() const {
    const int fd = ::open(m_folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return std::unexpected(io_error("open", m_folder.string()));
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (!synced) return std::unexpected(io_error("flush", m_folder.string()));
    return {};
}

util::Expected<std::string> EvidenceFolder::read(
    const std::string& name, const std::function<util::Expected<std::string>(int fd)>& read) const {
    if (!made_name(name)) return util::fail(util::ErrorCode::not_found, "no such evidence file");
    const int fd = ::open((m_folder / name).c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT) return util::fail(util::ErrorCode::not_found, "no such evidence file");
        return std::unexpected(io_error("open", name));
    }
    auto contents = read(fd);
    ::close(fd);
    return contents;
}

void EvidenceFolder::discard(const std::string& name) const {
    if (!made_name(name)) return;
    std::error_code ignored;
    std::filesystem::remove(m_folder / name, ignored);
}

}  // namespace redress::storage
