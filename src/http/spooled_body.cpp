#include "http/spooled_body.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <unistd.h>

#include <array>
#include <random>
#include <system_error>

namespace redress::http {

SpooledBody::SpooledBody(std::filesystem::path path, std::uint64_t size)
    : m_path(std::move(path)), m_size(size) {}

SpooledBody::~SpooledBody() {
    if (m_map != nullptr) ::munmap(m_map, m_size);
    std::error_code ignored;
    std::filesystem::remove(m_path, ignored);
}

util::Expected<std::string_view> SpooledBody::contents() {
    if (m_size == 0) return std::string_view{};
    if (m_map == nullptr) {
        const int fd = ::open(m_path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) return util::fail(util::ErrorCode::unavailable, "cannot open an upload");
        void* map = ::mmap(nullptr, m_size, PROT_READ, MAP_PRIVATE, fd, 0);
        ::close(fd);
        if (map == MAP_FAILED)
            return util::fail(util::ErrorCode::unavailable, "cannot map an upload");
        ::madvise(map, m_size, MADV_SEQUENTIAL);
        m_map = map;
    }
    return std::string_view(static_cast<const char*>(m_map), m_size);
}

std::filesystem::path new_spool_path(const std::filesystem::path& folder) {
    // Not a secret, only unique: the folder is the server's own (0700).
    thread_local std::mt19937_64 random{std::random_device{}()};
    return folder / fmt::format("upload-{:016x}{:016x}", random(), random());
}

util::Expected<void> clear_spool_folder(const std::filesystem::path& folder) {
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) {
        return util::fail(
            util::ErrorCode::unavailable,
            fmt::format("cannot make the upload folder {}: {}", folder.string(), ec.message()));
    }
    std::filesystem::permissions(folder, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::replace, ec);
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
        std::error_code ignored;
        std::filesystem::remove(entry.path(), ignored);
    }
    if (ec) {
        return util::fail(
            util::ErrorCode::unavailable,
            fmt::format("cannot read the upload folder {}: {}", folder.string(), ec.message()));
    }
    return {};
}

}  // namespace redress::http
