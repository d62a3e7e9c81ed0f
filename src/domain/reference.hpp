#pragma once
// A complaint reference such as OPR-2026-000017: office prefix, year, sequence within
// that office and year. Human-friendly and not secret.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace redress::domain {

// The longest text a reference can be, with room to spare: longer text is no reference,
// and is answered as one without a look-up.
inline constexpr std::size_t k_longest_reference = 40;

// Whether `text` is short enough, and not empty, to be looked up as a reference at all.
inline bool may_be_reference(std::string_view text) {
    return !text.empty() && text.size() <= k_longest_reference;
}

struct Reference {
    std::string prefix;
    int year = 0;
    long sequence = 0;

    std::string text() const;  // "OPR-2026-000017"
    bool operator==(const Reference&) const = default;
};

// Accepts surrounding spaces and lower case; nullopt when it is not a reference.
std::optional<Reference> parse_reference(std::string_view text);

}  // namespace redress::domain
