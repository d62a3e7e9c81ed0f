#include "web/messages.hpp"

namespace redress::web {

std::string variable_name(std::string_view key) {
    std::string name;
    name.reserve(key.size());
    for (const char c : key) {
        const bool plain =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        name += plain ? c : '_';
    }
    return name;
}

std::string fill(std::string_view text, Placeholders values) {
    std::string out;
    out.reserve(text.size());
    std::size_t position = 0;
    while (position < text.size()) {
        const std::size_t open = text.find('{', position);
        if (open == std::string_view::npos) break;
        const std::size_t close = text.find('}', open);
        if (close == std::string_view::npos) break;
        out.append(text.substr(position, open - position));
        const std::string_view name = text.substr(open + 1, close - open - 1);
        bool replaced = false;
        for (const auto& [placeholder, value] : values) {
            if (placeholder == name) {
                out.append(value);
                replaced = true;
                break;
            }
        }
        if (!replaced) out.append(text.substr(open, close - open + 1));
        position = close + 1;
    }
    if (position < text.size()) out.append(text.substr(position));
    return out;
}

std::string left_to_right(const i18n::Catalogue& catalogue, std::string_view text) {
    if (catalogue.direction() != i18n::Direction::right_to_left) return std::string(text);
    constexpr std::string_view k_left_to_right_isolate = "\xE2\x81\xA6";    // U+2066
    constexpr std::string_view k_pop_directional_isolate = "\xE2\x81\xA9";  // U+2069
    std::string out;
    out.reserve(text.size() + 6);
    out.append(k_left_to_right_isolate).append(text).append(k_pop_directional_isolate);
    return out;
}

}  // namespace redress::web
