#include "inbound/mail_spool.hpp"

#include <errno.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstring>

#include "crypto/random.hpp"

namespace redress::inbound {

namespace {

constexpr std::string_view k_partial_suffix = ".partial";

util::Error system_error(std::string_view what) {
    return util::Error{util::ErrorCode::unavailable,
                       fmt::format("{}: {}", what, std::strerror(errno))};
}

std::string random_hex() {
    std::array<std::uint8_t, 16> random{};
    crypto::fill_random(random);
    std::string text;
    for (const auto byte : random) text += fmt::format("{:02x}", byte);
    return text;
}

class Descriptor {
  public:
    explicit Descriptor(int fd) : m_fd(fd) {}
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    ~Descriptor() {
        if (m_fd >= 0) ::close(m_fd);
    }
    int get() const { return m_fd; }
    // Closes now, reporting a failure (a write the file system could not finish).
    bool close() {
        const int fd = m_fd;
        m_fd = -1;
        return ::close(fd) == 0;
    }

  private:
    int m_fd;
};

bool write_all(int fd, std::string_view data) {
    while (!data.empty()) {
        const auto written = ::write(fd, data.data(), data.size());
        if (written < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        data.remove_prefix(static_cast<std::size_t>(written));
    }
    return true;
}

util::Expected<void> sync_folder(const std::filesystem::path& folder) {
    Descriptor directory(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (directory.get() < 0) return std::unexpected(system_error("cannot open the spool folder"));
    if (::fsync(directory.get()) != 0) {
        return std::unexpected(system_error("cannot flush the spool folder"));
    }
    return {};
}

}  // namespace

util::Expected<void> make_spool_folder(const std::filesystem::path& folder) {
    std::error_code error;
    if (std::filesystem::is_directory(folder, error)) return {};
    std::filesystem::create_directories(folder, error);
    if (error) {
        return util::fail(
            util::ErrorCode::unavailable,
            fmt::format("cannot create the spool folder {}: {}", folder.string(), error.message()));
    }
    ::chmod(folder.c_str(), 0700);
    return {};
}

util::Expected<std::string> spool_message(const std::filesystem::path& folder, int input,
                                          std::size_t max_bytes) {
    if (auto made = make_spool_folder(folder); !made) return std::unexpected(made.error());
    const std::string token = random_hex();
    const auto partial = folder / ("." + token + std::string(k_partial_suffix));
    Descriptor file(
        ::open(partial.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (file.get() < 0) return std::unexpected(system_error("cannot create a spool file"));
    auto abandon = [&](util::Error error) -> util::Expected<std::string> {
        ::unlink(partial.c_str());
        return std::unexpected(std::move(error));
    };

    // The whole input is read, even past the limit, so that the mail server sees it taken.
    std::array<char, 64 * 1024> buffer{};
    std::size_t total = 0;
    std::size_t kept = 0;
    for (;;) {
        const auto got = ::read(input, buffer.data(), buffer.size());
        if (got < 0) {
            if (errno == EINTR) continue;
            return abandon(system_error("cannot read the message"));
        }
        if (got == 0) break;
        const auto size = static_cast<std::size_t>(got);
        total += size;
        const std::size_t room = max_bytes - kept;
        const std::size_t keep = std::min(room, size);
        if (keep > 0) {
            if (!write_all(file.get(), std::string_view(buffer.data(), keep))) {
                return abandon(system_error("cannot write a spool file"));
            }
            kept += keep;
        }
    }
    const bool cut = total > kept;
    if (cut) {
        const auto marker =
            fmt::format("\r\n[redress: message cut at {} of {} bytes]\r\n", kept, total);
        if (!write_all(file.get(), marker))
            return abandon(system_error("cannot write a spool file"));
    }
    if (::fsync(file.get()) != 0) return abandon(system_error("cannot flush a spool file"));
    if (!file.close()) return abandon(system_error("cannot close a spool file"));

    const auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
    const std::string name =
        fmt::format("{:013}-{}{}", now_ms, token, cut ? k_cut_suffix : k_spool_suffix);
    // link() never replaces a file; the name is random, so it is free.
    if (::link(partial.c_str(), (folder / name).c_str()) != 0) {
        return abandon(system_error("cannot name a spool file"));
    }
    ::unlink(partial.c_str());
    if (auto synced = sync_folder(folder); !synced) {
        // The message may or may not survive a power cut: the mail server must try again.
        ::unlink((folder / name).c_str());
        return std::unexpected(synced.error());
    }
    return name;
}

util::Expected<std::vector<std::string>> spooled_messages(const std::filesystem::path& folder) {
    std::vector<std::string> names;
    std::error_code error;
    std::filesystem::directory_iterator entries(folder, error);
    if (error) {
        if (error == std::errc::no_such_file_or_directory) return names;
        return util::fail(util::ErrorCode::unavailable,
                          fmt::format("cannot list the spool folder: {}", error.message()));
    }
    for (const auto& entry : entries) {
        std::string name = entry.path().filename().string();
        if (name.starts_with('.') || !name.ends_with(k_spool_suffix)) continue;
        names.push_back(std::move(name));
    }
    std::ranges::sort(names);
    return names;
}

void clear_stale_partials(const std::filesystem::path& folder) {
    std::error_code error;
    const auto cutoff = std::filesystem::file_time_type::clock::now() - std::chrono::hours(1);
    for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
        const std::string name = entry.path().filename().string();
        if (!name.starts_with('.') || !name.ends_with(k_partial_suffix)) continue;
        std::error_code time_error;
        const auto written = entry.last_write_time(time_error);
        if (!time_error && written < cutoff) std::filesystem::remove(entry.path(), time_error);
    }
}

util::Expected<void> remove_spooled(const std::filesystem::path& folder, const std::string& name) {
    if (::unlink((folder / name).c_str()) != 0 && errno != ENOENT) {
        return std::unexpected(system_error("cannot remove a spool file"));
    }
    return {};
}

}  // namespace redress::inbound
