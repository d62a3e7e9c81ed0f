#include "api/json_reader.hpp"

#include <algorithm>

namespace redress::api {

std::string member_path(std::string_view parent, std::string_view key) {
    std::string path(parent);
    if (!path.empty()) path += '.';
    path += key;
    return path;
}

std::string element_path(std::string_view parent, std::size_t index) {
    std::string path(parent);
    path += '[';
    path += std::to_string(index);
    path += ']';
    return path;
}

ObjectReader::ObjectReader(const nlohmann::json& object, std::string path, FieldErrors& errors,
                           std::initializer_list<std::string_view> known)
    : m_object(object), m_path(std::move(path)), m_errors(errors) {
    for (const auto& [key, value] : m_object.items()) {
        if (std::ranges::find(known, std::string_view(key)) == known.end()) {
            m_errors.push_back({path_of(key), std::string(k_unknown_field), 0});
        }
    }
}

const nlohmann::json* ObjectReader::find(std::string_view key) const {
    auto it = m_object.find(key);
    if (it == m_object.end() || it->is_null()) return nullptr;
    return &*it;
}

void ObjectReader::invalid_type(std::string_view key) {
    m_errors.push_back({path_of(key), std::string(k_invalid_type), 0});
}

void ObjectReader::text(std::string_view key, std::string& out) {
    const nlohmann::json* value = find(key);
    if (value == nullptr) return;
    if (!value->is_string()) return invalid_type(key);
    out = value->get<std::string>();
}

void ObjectReader::flag(std::string_view key, bool& out) {
    const nlohmann::json* value = find(key);
    if (value == nullptr) return;
    if (!value->is_boolean()) return invalid_type(key);
    out = value->get<bool>();
}

void ObjectReader::texts(std::string_view key, std::vector<std::string>& out, std::size_t max) {
    const nlohmann::json* list = array(key, max);
    if (list == nullptr) return;
    const std::string path = path_of(key);
    std::size_t index = 0;
    for (const auto& element : *list) {
        if (element.is_string()) {
            out.push_back(element.get<std::string>());
        } else {
            m_errors.push_back({element_path(path, index), std::string(k_invalid_type), 0});
        }
        ++index;
    }
}

const nlohmann::json* ObjectReader::object(std::string_view key) {
    const nlohmann::json* value = find(key);
    if (value == nullptr) return nullptr;
    if (!value->is_object()) {
        invalid_type(key);
        return nullptr;
    }
    return value;
}

const nlohmann::json* ObjectReader::array(std::string_view key) {
    const nlohmann::json* value = find(key);
    if (value == nullptr) return nullptr;
    if (!value->is_array()) {
        invalid_type(key);
        return nullptr;
    }
    return value;
}

const nlohmann::json* ObjectReader::array(std::string_view key, std::size_t max) {
    const nlohmann::json* list = array(key);
    if (list == nullptr || list->size() <= max) return list;
    m_errors.push_back({path_of(key), std::string(k_too_many), static_cast<long>(max)});
    return nullptr;
}

bool expect_object(const nlohmann::json& value, const std::string& path, FieldErrors& errors) {
    if (value.is_object()) return true;
    errors.push_back({path, std::string(k_invalid_type), 0});
    return false;
}

}  // namespace redress::api
