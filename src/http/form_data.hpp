#pragma once
// application/x-www-form-urlencoded bodies and query strings, decoded (percent escapes and
// '+'), in order, with repeated names kept.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/error.hpp"

namespace redress::http {

// More fields than any form of ours has, by far; a setting can change it.
inline constexpr std::size_t k_default_max_form_fields = 1000;

class FormData {
  public:
    // Fails (invalid_input) on a malformed percent escape or invalid UTF-8, and (conflict)
    // when there are more than `max_fields` fields.
    static util::Expected<FormData> parse(std::string_view encoded,
                                          std::size_t max_fields = k_default_max_form_fields);
    // Fields already decoded (a multipart form's), in order.
    static FormData of_fields(std::vector<std::pair<std::string, std::string>> fields);

    // Look-ups take logarithmic time: a form is read field by field, and a client chooses
    // how many fields it sends.
    std::string_view get(std::string_view name) const;  // first value, "" when absent
    std::vector<std::string_view> get_all(std::string_view name) const;  // in order
    bool has(std::string_view name) const;
    const std::vector<std::pair<std::string, std::string>>& fields() const { return m_fields; }

  private:
    void index();

    std::vector<std::pair<std::string, std::string>> m_fields;
    std::vector<std::size_t> m_by_name;  // indices of m_fields, by name, then position
};

}  // namespace redress::http
