#include "cli/common_passwords.hpp"

#include <fstream>
#include <streambuf>
#include <string>
#include <system_error>
#include <vector>

namespace redress::cli {

namespace {

constexpr std::string_view k_comment = "#!comment:";

}  // namespace

util::Expected<domain::CommonPasswords> load_common_passwords(const std::filesystem::path& file) {
    std::error_code error;
    if (!std::filesystem::exists(file, error)) {
        return util::fail(util::ErrorCode::not_found,
                          "the list of common passwords " + file.string() +
                              " does not exist (install Debian's ncrack package, or name "
                              "another list of one password per line)");
    }
    if (!std::filesystem::is_regular_file(file, error)) {
        return util::fail(util::ErrorCode::invalid_input,
                          "the list of common passwords " + file.string() + " is not a file");
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return util::fail(util::ErrorCode::unavailable,
                          "cannot read the list of common passwords " + file.string());
    }
    std::vector<std::string> passwords;
    std::string line;
    bool too_long = false;  // the current line passed the bound: skipped to its end
    const auto keep = [&] {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (!too_long && !line.empty() && line.size() <= k_common_password_max_bytes &&
            !line.starts_with(k_comment)) {
            passwords.push_back(line);
        }
        line.clear();
        too_long = false;
    };
    std::streambuf& bytes = *in.rdbuf();
    for (int c = bytes.sbumpc(); c != std::char_traits<char>::eof(); c = bytes.sbumpc()) {
        if (c == '\n') {
            keep();
            if (passwords.size() == k_common_passwords_max) {
                break;
            }
        } else if (line.size() <= k_common_password_max_bytes) {
            line += static_cast<char>(c);  // one byte more than allowed: "\r" or too long
        } else {
            too_long = true;
        }
    }
    if (passwords.size() < k_common_passwords_max) {
        keep();  // a last line without a line end
    }
    if (passwords.empty()) {
        // An empty list would quietly allow every common password.
        return util::fail(util::ErrorCode::invalid_input,
                          "the list of common passwords " + file.string() + " holds none");
    }
    return domain::CommonPasswords(std::move(passwords));
}

}  // namespace redress::cli
