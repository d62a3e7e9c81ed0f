#pragma once
// application/x-www-form-urlencoded bodies and query strings, decoded (percent escapes and
// '+'), in order, with repeated names kept.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/error.hpp"

namespace redress::http {

class FormData {
  public:
    // Fails (invalid_input) on a malformed percent escape or invalid UTF-8.
    static util::Expected<FormData> parse(std::string_view encoded);

    std::string_view get(std::string_view name) const;  // first value, "" when absent
    std::vector<std::string_view> get_all(std::string_view name) const;
    bool has(std::string_view name) const;
    const std::vector<std::pair<std::string, std::string>>& fields() const { return m_fields; }

  private:
    std::vector<std::pair<std::string, std::string>> m_fields;
};

}  // namespace redress::http
