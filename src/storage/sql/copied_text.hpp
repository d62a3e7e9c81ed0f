#pragma once
// The pieces of the text form in which the state row and the case's outcome row carry
// copies of the record (state_timeline.hpp, outcome_copy.hpp): decimal numbers ended by a
// given character, and text written as "<bytes>:<text>", so that any text, with spaces,
// colons or line breaks, reads back whole. Each reader takes what it read off the front.

#include <charconv>
#include <cstddef>
#include <optional>
#include <string_view>
#include <system_error>

namespace redress::storage::sql {

// The decimal number at the front of `text`, up to `end`, taken with it; nullopt without
// one.
template <typename Number>
std::optional<Number> take_number(std::string_view& text, char end) {
    Number value{};
    const auto [stop, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || stop == text.data() || stop == text.data() + text.size() ||
        *stop != end) {
        return std::nullopt;
    }
    text.remove_prefix(static_cast<std::size_t>(stop - text.data()) + 1);
    return value;
}

// The word at the front of `text`, up to a space, taken with the space; nullopt without one.
inline std::optional<std::string_view> take_word(std::string_view& text) {
    const auto space = text.find(' ');
    if (space == std::string_view::npos) return std::nullopt;
    const auto word = text.substr(0, space);
    text.remove_prefix(space + 1);
    return word;
}

// "<bytes>:<text>" at the front of `text`, taken; nullopt when it is not there whole.
inline std::optional<std::string_view> take_counted(std::string_view& text) {
    const auto length = take_number<std::size_t>(text, ':');
    if (!length || *length > text.size()) return std::nullopt;
    const auto counted = text.substr(0, *length);
    text.remove_prefix(*length);
    return counted;
}

}  // namespace redress::storage::sql
