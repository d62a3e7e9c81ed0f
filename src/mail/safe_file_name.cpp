#include "mail/safe_file_name.hpp"

#include "mail/utf8_repair.hpp"

namespace redress::mail {
namespace {

constexpr std::size_t k_max_kept_extension = 16;

std::string_view trim_spaces(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    return text;
}

}  // namespace

std::string safe_file_name(std::string_view declared) {
    const std::string cleaned = clean_text(declared, Newlines::as_spaces);
    std::string_view name(cleaned);
    if (const auto slash = name.find_last_of("/\\"); slash != std::string_view::npos) {
        name.remove_prefix(slash + 1);
    }
    name = trim_spaces(name);
    // A leading dot hides a file on Unix; "." and ".." are folders, not names.
    while (!name.empty() && name.front() == '.') name.remove_prefix(1);
    name = trim_spaces(name);
    if (name.empty()) return {};
    if (name.size() <= k_max_file_name_bytes) return std::string(name);

    // Too long: keep the extension, so that the name still says what kind of file it claims.
    std::string_view extension;
    if (const auto dot = name.rfind('.');
        dot != std::string_view::npos && name.size() - dot <= k_max_kept_extension) {
        extension = name.substr(dot);
    }
    std::string shortened(cut_utf8(name, k_max_file_name_bytes - extension.size()));
    shortened += extension;
    return shortened;
}

}  // namespace redress::mail
