#pragma once
// The names of an enumeration's values, as stored and typed ("intake_officer", "urgent"),
// kept in one table per enumeration so that naming and parsing cannot disagree.

#include <optional>
#include <string_view>
#include <utility>

namespace redress::domain {

// `table` is an array of {value, name} pairs.
template <typename Table, typename Value>
constexpr std::string_view name_in(const Table& table, Value value) {
    for (const auto& [each, name] : table) {
        if (each == value) return name;
    }
    return {};
}

template <typename Table>
constexpr auto parse_in(const Table& table, std::string_view name)
    -> std::optional<typename Table::value_type::first_type> {
    for (const auto& [each, text] : table) {
        if (text == name) return each;
    }
    return std::nullopt;
}

}  // namespace redress::domain
