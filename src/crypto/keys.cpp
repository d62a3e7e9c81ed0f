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

static_assert(sizeof(MasterKey) == crypto_kdf_KEYBYTES);
static_assert(sizeof(SigningKey::public_key) == crypto_sign_PUBLICKEYBYTES);
static_assert(sizeof(SigningKey::secret_key) == crypto_sign_SECRETKEYBYTES);

// Subkey numbers: each purpose has its own, forever. Signing generation g uses
// k_first_signing + g.
enum Subkey : std::uint64_t {
    k_identity = 1,
    k_receipt_hash = 2,
    k_form_token = 3,
    k_content = 4,
    k_check = 5,
    k_staff_session = 6,    // keys the hash of staff session tokens
    k_staff_form = 7,       // binds staff forms' anti-forgery tokens to the session
    k_staff_sign_in = 8,    // signs the cookie of a sign-in between its steps
    k_staff_enrolment = 9,  // seals a new second factor's secret while it is confirmed
    k_totp_secret = 10,     // seals second-factor secrets at rest
    k_recovery_code = 11,   // keys the hash of recovery codes
    k_name_mark = 12,       // marks subjects' names and the staff names compared with them
    k_mail = 14,            // seals complainants' email addresses and what mail must carry
    k_evidence = 20,        // seals evidence files at rest
    k_first_signing = 1000,
};
constexpr std::string_view k_check_text = "redress key check v1";

Key subkey(const MasterKey& master, std::uint64_t number) {
    Key key{};
    crypto_kdf_derive_from_key(key.data(), key.size(), number, k_context, master.data());
    return key;
}

util::Error io_error(const std::filesystem::path& file, std::string_view what) {
    return {util::ErrorCode::unavailable,
            fmt::format("key file {}: {}: {}", file.string(), what, std::strerror(errno))};
}

util::Expected<Keys> create(const std::filesystem::path& file, unsigned signing_generation) {
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
    auto keys = derive_keys(master, signing_generation);
    sodium_memzero(master.data(), master.size());
    return keys;
}

util::Expected<Keys> read(const std::filesystem::path& file, unsigned signing_generation) {
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
    auto keys = derive_keys(master, signing_generation);
    sodium_memzero(master.data(), master.size());
    return keys;
}

}  // namespace

Keys derive_keys(const MasterKey& master, unsigned signing_generation) {
    Keys keys{};
    keys.identity = subkey(master, k_identity);
    keys.receipt_hash = subkey(master, k_receipt_hash);
    keys.form_token = subkey(master, k_form_token);
    keys.content = subkey(master, k_content);
    keys.staff_session = subkey(master, k_staff_session);
    keys.staff_form = subkey(master, k_staff_form);
    keys.staff_sign_in = subkey(master, k_staff_sign_in);
    keys.staff_enrolment = subkey(master, k_staff_enrolment);
    keys.totp_secret = subkey(master, k_totp_secret);
    keys.recovery_code = subkey(master, k_recovery_code);
    keys.name_mark = subkey(master, k_name_mark);
    keys.mail = subkey(master, k_mail);
    keys.evidence = subkey(master, k_evidence);
    Key check_key = subkey(master, k_check);
    crypto_generichash(keys.check.data(), keys.check.size(),
                       reinterpret_cast<const unsigned char*>(k_check_text.data()),
                       k_check_text.size(), check_key.data(), check_key.size());
    sodium_memzero(check_key.data(), check_key.size());
    for (unsigned generation = 1; generation <= signing_generation; ++generation) {
        SigningKey signing{.generation = generation};
        Key seed = subkey(master, k_first_signing + generation);
        crypto_sign_seed_keypair(signing.public_key.data(), signing.secret_key.data(), seed.data());
        sodium_memzero(seed.data(), seed.size());
        keys.signing.push_back(signing);
    }
    return keys;
}

std::string key_id(const KeyCheck& check) {
    std::string hex(17, '\0');
    sodium_bin2hex(hex.data(), hex.size(), check.data(), 8);
    hex.pop_back();
    return hex;
}

void init() {
    // Random bytes from libsodium's own generator (ChaCha20 with fast key erasure, a state
    // per thread, seeded from the kernel's getrandom) rather than a getrandom system call
    // for every draw: a filing draws four (its receipt, three nonces), and on a virtual
    // machine each system call cost more than the sealing it served.
    randombytes_set_implementation(&randombytes_internal_implementation);
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

util::Expected<bool> key_file_exists(const std::filesystem::path& key_file) {
    std::error_code error;
    const bool exists = std::filesystem::exists(key_file, error);
    if (error) {
        return util::fail(util::ErrorCode::unavailable,
                          fmt::format("key file {}: {}", key_file.string(), error.message()));
    }
    return exists;
}

util::Expected<Keys> read_keys(const std::filesystem::path& key_file, unsigned signing_generation) {
    return read(key_file, signing_generation);
}

util::Expected<Keys> create_keys(const std::filesystem::path& key_file,
                                 unsigned signing_generation) {
    return create(key_file, signing_generation);
}

}  // namespace redress::crypto
