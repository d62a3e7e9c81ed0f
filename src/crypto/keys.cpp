#include "crypto/keys.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

#include "fmt/format.h"

namespace redress::crypto {
namespace {

// The file holds a versioned header line and the master key in hex, so an operator can
// back it up and compare copies by eye.
constexpr std::string_view k_header = "redress-key-v1 ";
constexpr char k_context[crypto_kdf_CONTEXTBYTES + 1] = "redress1";

using MasterKey = std::array<std::uint8_t, crypto_kdf_KEYBYTES>;

Keys derive(const MasterKey& master) {
    Keys keys{};
    crypto_kdf_derive_from_key(keys.identity.data(), keys.identity.size(), 1, k_context,
                               master.data());
    crypto_kdf_derive_from_key(keys.receipt_hash.data(), keys.receipt_hash.size(), 2, k_context,
                               master.data());
    crypto_kdf_derive_from_key(keys.form_token.data(), keys.form_token.size(), 3, k_context,
                               master.data());
    return keys;
}

util::Error io_error(const std::filesystem::path& file, std::string_view what) {
    return {util::ErrorCode::unavailable,
            fmt::format("key file {}: {}: {}", file.string(), what, std::strerror(errno))};
}

util::Expected<Keys> create(const std::filesystem::path& file) {
    MasterKey master{};
    crypto_kdf_keygen(master.data());
    std::string text(k_header);
    std::string hex(master.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), master.data(), master.size());
    text += hex.c_str();
    text += '\n';

    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return std::unexpected(io_error(file, "cannot create"));
    const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    const bool synced = written && ::fsync(fd) == 0;
    ::close(fd);
    sodium_memzero(text.data(), text.size());
    if (!synced) {
        std::filesystem::remove(file);
        return std::unexpected(io_error(file, "cannot write"));
    }
    // The key must survive a crash once anything sealed with it is acknowledged.
    const int dir = ::open(file.parent_path().empty() ? "." : file.parent_path().c_str(),
                           O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return derive(master);
}

util::Expected<Keys> read(const std::filesystem::path& file) {
    struct stat status {};
    if (::stat(file.c_str(), &status) != 0) return std::unexpected(io_error(file, "cannot stat"));
    if ((status.st_mode & 077) != 0) {
        return util::fail(util::ErrorCode::invalid_input,
                          fmt::format("key file {} is readable by group or others; "
                                      "run chmod 600 on it",
                                      file.string()));
    }
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::unexpected(io_error(file, "cannot open"));
    std::string text(256, '\0');
    const ssize_t n = ::read(fd, text.data(), text.size());
    ::close(fd);
    if (n < 0) return std::unexpected(io_error(file, "cannot read"));
    text.resize(static_cast<std::size_t>(n));
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();

    MasterKey master{};
    std::size_t length = 0;
    const bool ok = text.starts_with(k_header) &&
                    sodium_hex2bin(master.data(), master.size(), text.data() + k_header.size(),
                                   text.size() - k_header.size(), nullptr, &length, nullptr) == 0 &&
                    length == master.size();
    sodium_memzero(text.data(), text.size());
    if (!ok) {
        return util::fail(util::ErrorCode::invalid_input,
                          fmt::format("key file {} is not a redress key file", file.string()));
    }
    auto keys = derive(master);
    sodium_memzero(master.data(), master.size());
    return keys;
}

}  // namespace

void init() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

util::Expected<Keys> load_or_create_keys(const std::filesystem::path& key_file) {
    std::error_code error;
    if (std::filesystem::exists(key_file, error)) return read(key_file);
    return create(key_file);
}

}  // namespace redress::crypto
