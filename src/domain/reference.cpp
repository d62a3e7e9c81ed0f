#include "domain/reference.hpp"

#include <fmt/format.h>

#include <charconv>

#include "util/text.hpp"

namespace redress::domain {
namespace {

constexpr std::size_t k_sequence_width = 6;
constexpr int k_first_year = 2000;

bool all_upper(std::string_view text) {
    for (char c : text) {
        if (c < 'A' || c > 'Z') return false;
    }
    return !text.empty();
}

bool all_digits(std::string_view text) {
    for (char c : text) {
        if (c < '0' || c > '9') return false;
    }
    return !text.empty();
}

}  // namespace

std::string Reference::text() const {
    return fmt::format("{}-{:04}-{:06}", prefix, year, sequence);
}

std::optional<Reference> parse_reference(std::string_view text) {
    std::string upper(util::trim(text));
    for (char& c : upper) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }

    const auto first = upper.find('-');
    if (first == std::string::npos) return std::nullopt;
    const auto second = upper.find('-', first + 1);
    if (second == std::string::npos) return std::nullopt;

    const std::string_view whole(upper);
    const auto prefix = whole.substr(0, first);
    const auto year = whole.substr(first + 1, second - first - 1);
    const auto sequence = whole.substr(second + 1);

    // Prefixes are 2-8 letters (Deployment::check enforces the same on configuration).
    if (prefix.size() < 2 || prefix.size() > 8 || !all_upper(prefix)) {
        return std::nullopt;
    }
    if (year.size() != 4 || !all_digits(year)) return std::nullopt;
    // Sequences are written at least six digits wide; a shorter one is a typo, and an
    // overlong one would not fit in a long.
    if (sequence.size() < k_sequence_width || sequence.size() > 18 || !all_digits(sequence)) {
        return std::nullopt;
    }

    Reference reference;
    reference.prefix = std::string(prefix);
    std::from_chars(year.data(), year.data() + year.size(), reference.year);
    std::from_chars(sequence.data(), sequence.data() + sequence.size(), reference.sequence);
    if (reference.year < k_first_year || reference.sequence < 1) return std::nullopt;
    // Only the canonical spelling is a reference: "OPR-2026-0000017" is not OPR-2026-000017.
    if (reference.text() != whole) return std::nullopt;
    return reference;
}

}  // namespace redress::domain
