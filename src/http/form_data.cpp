#include "http/form_data.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "util/text.hpp"

namespace redress::http {

namespace {

// A form with more fields than any page of ours sends is an attack on the parser's memory.

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

util::Expected<std::string> decode(std::string_view encoded) {
    std::string decoded;
    decoded.reserve(encoded.size());
    for (std::size_t i = 0; i < encoded.size(); ++i) {
        const char c = encoded[i];
        if (c == '+') {
            decoded += ' ';
        } else if (c == '%') {
            const bool complete = i + 2 < encoded.size();
            const int high = complete ? hex_value(encoded[i + 1]) : -1;
            const int low = complete ? hex_value(encoded[i + 2]) : -1;
            if (high < 0 || low < 0) {
                return util::fail(util::ErrorCode::invalid_input,
                                  fmt::format("malformed percent escape at offset {}", i));
            }
            decoded += static_cast<char>(high * 16 + low);
            i += 2;
        } else {
            decoded += c;
        }
    }
    if (!util::valid_utf8(decoded)) {
        return util::fail(util::ErrorCode::invalid_input, "form field is not valid UTF-8");
    }
    return decoded;
}

}  // namespace

util::Expected<FormData> FormData::parse(std::string_view encoded, std::size_t max_fields) {
    FormData form;
    while (!encoded.empty()) {
        const std::size_t end = std::min(encoded.find('&'), encoded.size());
        const std::string_view pair = encoded.substr(0, end);
        encoded.remove_prefix(end == encoded.size() ? end : end + 1);
        if (pair.empty()) continue;  // "a=1&&b=2" and a trailing '&' are harmless
        if (form.m_fields.size() == max_fields) {
            return util::fail(util::ErrorCode::conflict,
                              fmt::format("more than {} form fields", max_fields));
        }
        const std::size_t equals = pair.find('=');
        auto name = decode(pair.substr(0, equals));
        if (!name) return std::unexpected(std::move(name.error()));
        auto value =
            decode(equals == std::string_view::npos ? std::string_view{} : pair.substr(equals + 1));
        if (!value) return std::unexpected(std::move(value.error()));
        form.m_fields.emplace_back(std::move(*name), std::move(*value));
    }
    form.index();
    return form;
}

FormData FormData::of_fields(std::vector<std::pair<std::string, std::string>> fields) {
    FormData form;
    form.m_fields = std::move(fields);
    form.index();
    return form;
}

void FormData::index() {
    m_by_name.resize(m_fields.size());
    std::iota(m_by_name.begin(), m_by_name.end(), std::size_t{0});
    std::ranges::stable_sort(m_by_name, {},
                             [this](std::size_t i) { return std::string_view(m_fields[i].first); });
}

namespace {

// The positions (in m_fields) of the fields called `name`, in the order they were sent.
template <typename Fields>
auto positions_of(const Fields& fields, const std::vector<std::size_t>& by_name,
                  std::string_view name) {
    return std::ranges::equal_range(
        by_name, name, {}, [&](std::size_t i) { return std::string_view(fields[i].first); });
}

}  // namespace

std::string_view FormData::get(std::string_view name) const {
    const auto found = positions_of(m_fields, m_by_name, name);
    return found.empty() ? std::string_view() : std::string_view(m_fields[found.front()].second);
}

std::vector<std::string_view> FormData::get_all(std::string_view name) const {
    std::vector<std::string_view> values;
    for (const std::size_t i : positions_of(m_fields, m_by_name, name)) {
        values.emplace_back(m_fields[i].second);
    }
    return values;
}

bool FormData::has(std::string_view name) const {
    return !positions_of(m_fields, m_by_name, name).empty();
}

}  // namespace redress::http
