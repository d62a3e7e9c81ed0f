#pragma once
// Strict reading of a JSON object into plain C++ values. Every key must be known and every
// value of the expected JSON type; each problem becomes a FieldError with the path of the
// value ("subjects[0].name"), so that a client sees all of them at once. A null value
// counts as absent.

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "domain/validation.hpp"

namespace redress::api {

// Codes of the shape errors (catalogue entries "api.error.<code>").
inline constexpr std::string_view k_unknown_field = "unknown_field";
inline constexpr std::string_view k_invalid_type = "invalid_type";
inline constexpr std::string_view k_too_many = "too_many";

using FieldErrors = std::vector<domain::FieldError>;

// The path of `key` inside the object at `parent` ("" for the top level).
std::string member_path(std::string_view parent, std::string_view key);
std::string element_path(std::string_view parent, std::size_t index);

class ObjectReader {
  public:
    // `object` must be a JSON object and outlive the reader. Reports every key not in
    // `known` as unknown_field.
    ObjectReader(const nlohmann::json& object, std::string path, FieldErrors& errors,
                 std::initializer_list<std::string_view> known);

    // Each reader leaves `out` unchanged when the key is absent or null, and reports
    // invalid_type when the value has another JSON type.
    void text(std::string_view key, std::string& out);
    void flag(std::string_view key, bool& out);
    // A list longer than `max` is reported as too_many (with its limit) and not read.
    void texts(std::string_view key, std::vector<std::string>& out, std::size_t max);

    // The nested object or array, or nullptr when absent, null or (reported) of another type.
    const nlohmann::json* object(std::string_view key);
    const nlohmann::json* array(std::string_view key);
    // The array, or nullptr when absent, of another type, or (reported) longer than `max`.
    const nlohmann::json* array(std::string_view key, std::size_t max);

    std::string path_of(std::string_view key) const { return member_path(m_path, key); }
    FieldErrors& errors() { return m_errors; }

  private:
    const nlohmann::json* find(std::string_view key) const;
    void invalid_type(std::string_view key);

    const nlohmann::json& m_object;
    std::string m_path;
    FieldErrors& m_errors;
};

// Reports invalid_type at `path` when `value` is not an object.
bool expect_object(const nlohmann::json& value, const std::string& path, FieldErrors& errors);

}  // namespace redress::api
