#include "domain/confirmation.hpp"

#include <algorithm>

#include "domain/reference.hpp"

namespace redress::domain {
namespace {

constexpr std::string_view k_begin = "-----BEGIN REDRESS CONFIRMATION-----";
constexpr std::string_view k_end = "-----END REDRESS CONFIRMATION-----";
constexpr std::string_view k_version = "1";
constexpr std::size_t k_max_references = 64;

bool is_lower_hex(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool is_base64(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               c == '+' || c == '/' || c == '=';
    });
}

std::vector<std::string> split_words(std::string_view text) {
    std::vector<std::string> words;
    while (!text.empty() && words.size() <= k_max_references) {
        const auto start = text.find_first_not_of(' ');
        if (start == std::string_view::npos) break;
        text.remove_prefix(start);
        const auto end = std::min(text.find(' '), text.size());
        words.emplace_back(text.substr(0, end));
        text.remove_prefix(end);
    }
    return words;
}

}  // namespace

std::string Confirmation::statement() const {
    std::string joined;
    for (const auto& reference : references) {
        if (!joined.empty()) joined += ' ';
        joined += reference;
    }
    std::string out;
    out += "Version: ";
    out += k_version;
    out += "\nReceived-At: " + iso_timestamp(received_at);
    out += "\nReferences: " + joined;
    out += "\nFiling-Digest: " + filing_digest;
    out += "\nKey: " + key_id;
    out += '\n';
    return out;
}

std::string Confirmation::text() const {
    std::string out(k_begin);
    out += '\n';
    out += statement();
    out += "Signature: " + signature + "\n";
    out += k_end;
    out += '\n';
    return out;
}

std::optional<Confirmation> parse_confirmation(std::string_view text) {
    if (text.size() > k_max_confirmation_text) return std::nullopt;
    const auto begin = text.find(k_begin);
    if (begin == std::string_view::npos) return std::nullopt;
    text.remove_prefix(begin + k_begin.size());
    const auto end = text.find(k_end);
    if (end == std::string_view::npos) return std::nullopt;
    text = text.substr(0, end);

    // Each field once, in the order statement() writes them. The text is read as words, so
    // that a copy whose line breaks became spaces (a web page, a messenger) still reads.
    constexpr std::string_view k_fields[] = {
        "Version:", "Received-At:", "References:", "Filing-Digest:", "Key:", "Signature:"};
    std::vector<std::string> values;
    while (!text.empty()) {
        const auto start = text.find_first_not_of(" \t\r\n");
        if (start == std::string_view::npos) break;
        text.remove_prefix(start);
        const auto word_end = std::min(text.find_first_of(" \t\r\n"), text.size());
        const std::string_view word = text.substr(0, word_end);
        text.remove_prefix(word_end);
        if (values.size() < std::size(k_fields) && word == k_fields[values.size()]) {
            values.emplace_back();
            continue;
        }
        if (values.empty()) return std::nullopt;  // text before the first field
        if (!values.back().empty()) values.back() += ' ';
        values.back() += word;
    }
    if (values.size() != std::size(k_fields) || values[0] != k_version) return std::nullopt;

    Confirmation confirmation;
    const auto received_at = parse_iso_timestamp(values[1]);
    if (!received_at) return std::nullopt;
    confirmation.received_at = *received_at;
    confirmation.references = split_words(values[2]);
    if (confirmation.references.empty() || confirmation.references.size() > k_max_references) {
        return std::nullopt;
    }
    for (const auto& reference : confirmation.references) {
        if (!parse_reference(reference)) return std::nullopt;
    }
    constexpr std::string_view k_sha256 = "sha256:";
    const std::string_view digest = values[3];
    if (!digest.starts_with(k_sha256) || digest.size() != k_sha256.size() + 64 ||
        !is_lower_hex(digest.substr(k_sha256.size()))) {
        return std::nullopt;
    }
    confirmation.filing_digest = std::string(digest);
    if (values[4].size() != 16 || !is_lower_hex(values[4])) return std::nullopt;
    confirmation.key_id = values[4];
    if (!is_base64(values[5]) || values[5].size() > 256) return std::nullopt;
    confirmation.signature = values[5];
    return confirmation;
}

}  // namespace redress::domain
