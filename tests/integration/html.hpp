#pragma once
// Reading the server's HTML as a browser with JavaScript off would: the inputs of a form,
// their values, and the page's text with entities decoded.

#include <map>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "support/http_client.hpp"

namespace redress::testing {

inline void append_utf8(std::string& out, unsigned long code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

// HTML text with its character references decoded (the named ones an escaper writes).
inline std::string decode_entities(std::string_view html) {
    static const std::map<std::string, std::string, std::less<>> k_named = {
        {"amp", "&"},   {"lt", "<"},   {"gt", ">"},
        {"quot", "\""}, {"apos", "'"}, {"nbsp", "\xC2\xA0"}};
    std::string out;
    for (std::size_t i = 0; i < html.size();) {
        if (html[i] == '&') {
            const auto semicolon = html.find(';', i);
            if (semicolon != std::string_view::npos && semicolon - i <= 10) {
                const std::string_view name = html.substr(i + 1, semicolon - i - 1);
                if (name.size() > 1 && name[0] == '#') {
                    const bool hex = name[1] == 'x' || name[1] == 'X';
                    try {
                        append_utf8(out, std::stoul(std::string(name.substr(hex ? 2 : 1)), nullptr,
                                                    hex ? 16 : 10));
                        i = semicolon + 1;
                        continue;
                    } catch (const std::exception&) {
                    }
                } else if (const auto found = k_named.find(name); found != k_named.end()) {
                    out += found->second;
                    i = semicolon + 1;
                    continue;
                }
            }
        }
        out += html[i++];
    }
    return out;
}

using Attributes = std::map<std::string, std::string>;

// The attributes of every <tag ...> in `html`, values decoded.
inline std::vector<Attributes> tags_named(std::string_view html, std::string_view tag) {
    static const std::regex k_attribute(
        R"re(([A-Za-z_:][-A-Za-z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?)re");
    std::vector<Attributes> found;
    const std::string opening = "<" + std::string(tag);
    for (std::size_t at = html.find(opening); at != std::string_view::npos;
         at = html.find(opening, at + 1)) {
        const std::size_t after = at + opening.size();
        if (after >= html.size() ||
            !(html[after] == ' ' || html[after] == '\n' || html[after] == '\t' ||
              html[after] == '>' || html[after] == '/')) {
            continue;
        }
        const auto end = html.find('>', after);
        if (end == std::string_view::npos) break;
        const std::string inside(html.substr(after, end - after));
        Attributes attributes;
        for (auto it = std::sregex_iterator(inside.begin(), inside.end(), k_attribute);
             it != std::sregex_iterator(); ++it) {
            const auto& match = *it;
            std::string value = match[2].matched   ? match[2].str()
                                : match[3].matched ? match[3].str()
                                                   : match[4].str();
            attributes[lower_ascii(match[1].str())] = decode_entities(value);
        }
        found.push_back(std::move(attributes));
    }
    return found;
}

// The value of the first <input name="name">, or nullopt when there is none.
inline std::optional<std::string> input_value(std::string_view html, std::string_view name) {
    for (const Attributes& input : tags_named(html, "input")) {
        const auto found = input.find("name");
        if (found != input.end() && found->second == name) {
            const auto value = input.find("value");
            return value == input.end() ? std::string() : value->second;
        }
    }
    return std::nullopt;
}

// Whether an input `name` with `value` is checked (checkbox or radio).
inline bool is_checked(std::string_view html, std::string_view name, std::string_view value) {
    for (const Attributes& input : tags_named(html, "input")) {
        const auto n = input.find("name");
        const auto v = input.find("value");
        if (n != input.end() && n->second == name && v != input.end() && v->second == value) {
            return input.contains("checked");
        }
    }
    return false;
}

// The decoded content of <textarea name="name">...</textarea>, or nullopt.
inline std::optional<std::string> textarea_content(std::string_view html, std::string_view name) {
    const std::string marker = "name=\"" + std::string(name) + "\"";
    for (std::size_t at = html.find("<textarea"); at != std::string_view::npos;
         at = html.find("<textarea", at + 1)) {
        const auto end = html.find('>', at);
        if (end == std::string_view::npos) break;
        if (html.substr(at, end - at).find(marker) == std::string_view::npos) continue;
        const auto close = html.find("</textarea>", end);
        if (close == std::string_view::npos) break;
        std::string_view content = html.substr(end + 1, close - end - 1);
        // HTML drops one line break right after the start tag.
        if (content.starts_with("\r\n")) {
            content.remove_prefix(2);
        } else if (content.starts_with("\n")) {
            content.remove_prefix(1);
        }
        return decode_entities(content);
    }
    return std::nullopt;
}

// What a browser sends back from the hidden inputs of a page, in order.
inline HeaderList hidden_fields(std::string_view html) {
    HeaderList fields;
    for (const Attributes& input : tags_named(html, "input")) {
        const auto type = input.find("type");
        const auto name = input.find("name");
        if (type == input.end() || lower_ascii(type->second) != "hidden" || name == input.end()) {
            continue;
        }
        const auto value = input.find("value");
        fields.emplace_back(name->second, value == input.end() ? "" : value->second);
    }
    return fields;
}

// The page's text: tags removed, entities decoded, runs of white space made one space.
inline std::string visible_text(std::string_view html) {
    std::string text;
    bool in_tag = false;
    for (const char c : html) {
        if (c == '<') {
            in_tag = true;
            text += ' ';
        } else if (c == '>') {
            in_tag = false;
        } else if (!in_tag) {
            text += c;
        }
    }
    text = decode_entities(text);
    std::string squeezed;
    for (const char c : text) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (space && (squeezed.empty() || squeezed.back() == ' ')) continue;
        squeezed += space ? ' ' : c;
    }
    return squeezed;
}

}  // namespace redress::testing
