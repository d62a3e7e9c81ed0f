#pragma once
// Reads the list of common passwords that staff passwords are checked against
// (domain/password_policy.hpp) from a file of one password per line.

#include <cstddef>
#include <filesystem>
#include <string_view>

#include "domain/password_policy.hpp"
#include "util/error.hpp"

namespace redress::cli {

// The default list (the setting staff.common_passwords_file) is the 50,000 passwords most
// often found in leaked lists, shipped by Debian's ncrack package
// (scripts/install-dependencies). John the Ripper's /usr/share/john/password.lst has the
// same format and can be named instead.

// Bounds on what is read, so that a wrong path (a log, a disk image) cannot fill memory.
inline constexpr std::size_t k_common_password_max_bytes = 256;   // longer lines skipped
inline constexpr std::size_t k_common_passwords_max = 1'000'000;  // lines past it ignored

// The passwords of `file`: one a line, "\r\n" or "\n"; empty lines, lines longer than
// k_common_password_max_bytes and John the Ripper's "#!comment:" lines skipped; the first
// k_common_passwords_max kept. Fails with not_found when the file is missing and
// unavailable when it cannot be read, invalid_input when it is not a
// regular file or holds no password; each with a message naming the file.
util::Expected<domain::CommonPasswords> load_common_passwords(const std::filesystem::path& file);

}  // namespace redress::cli
