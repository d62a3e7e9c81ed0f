#include "i18n/catalogue.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <optional>
#include <sstream>

#include "util/text.hpp"

namespace redress::i18n {

namespace {

enum class Field { none, msgid, msgid_plural, msgstr, msgstr_form };

struct Entry {
    std::string msgid;
    std::string msgstr;
    std::vector<std::string> forms;  // msgstr[0], msgstr[1], ... of a plural entry
    std::size_t line = 0;            // where its msgid was
    bool has_msgid = false;
    bool has_plural = false;  // it had a msgid_plural
    bool has_msgstr = false;
};

bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\r';
}

std::string_view strip(std::string_view text) {
    while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
    return text;
}

// Decodes one quoted .po string ("...") with its C escapes; nullopt when malformed.
std::optional<std::string> unquote(std::string_view text) {
    if (text.size() < 2 || text.front() != '"' || text.back() != '"') return std::nullopt;
    text = text.substr(1, text.size() - 2);
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') return std::nullopt;  // an unescaped quote inside the string
        if (c != '\\') {
            out += c;
            continue;
        }
        if (++i == text.size()) return std::nullopt;
        switch (text[i]) {
            case '"':
                out += '"';
                break;
            case '\\':
                out += '\\';
                break;
            case 'n':
                out += '\n';
                break;
            case 't':
                out += '\t';
                break;
            case 'r':
                out += '\r';
                break;
            default:
                return std::nullopt;
        }
    }
    return out;
}

std::unexpected<util::Error> malformed(std::size_t line, std::string_view what) {
    return util::fail(util::ErrorCode::invalid_input, fmt::format("line {}: {}", line, what));
}

// "msgstr[2]" → 2; nullopt for anything else.
std::optional<std::size_t> form_index(std::string_view keyword) {
    constexpr std::string_view prefix = "msgstr[";
    if (!keyword.starts_with(prefix) || !keyword.ends_with(']')) return std::nullopt;
    const std::string_view digits =
        keyword.substr(prefix.size(), keyword.size() - prefix.size() - 1);
    std::size_t index = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), index);
    if (digits.empty() || error != std::errc{} || end != digits.data() + digits.size()) {
        return std::nullopt;
    }
    return index;
}

}  // namespace

util::Expected<Catalogue> Catalogue::parse(std::string_view po_text, std::string language) {
    Catalogue catalogue;
    catalogue.m_language = std::move(language);

    Entry entry;
    Field field = Field::none;
    std::size_t line_number = 0;

    // The header (msgid "") is "Name: value" lines; only Plural-Forms matters here.
    auto read_header = [&](std::string_view header) -> util::Expected<void> {
        while (!header.empty()) {
            const std::size_t end = header.find('\n');
            const std::string_view line = header.substr(0, end);
            header = end == std::string_view::npos ? std::string_view{} : header.substr(end + 1);
            const std::size_t colon = line.find(':');
            if (colon == std::string_view::npos) continue;
            if (util::to_lower_ascii(strip(line.substr(0, colon))) != "plural-forms") continue;
            auto rule = PluralRule::parse(strip(line.substr(colon + 1)));
            if (!rule) return malformed(entry.line, rule.error().message);
            catalogue.m_plural_rule = std::move(*rule);
            catalogue.m_plural_rule_stated = true;
        }
        return {};
    };

    // Commits the entry being read, if any; untranslated entries (an empty msgstr, or any
    // empty form) are skipped so that a gap shows as the key.
    auto finish = [&]() -> util::Expected<void> {
        if (!entry.has_msgid) return {};
        if (entry.has_plural && entry.forms.empty()) {
            return malformed(entry.line, "msgid_plural without msgstr[0]");
        }
        if (!entry.has_plural && !entry.has_msgstr) {
            return malformed(entry.line, "msgid without msgstr");
        }
        const bool duplicate =
            catalogue.m_messages.contains(entry.msgid) || catalogue.m_plurals.contains(entry.msgid);
        if (duplicate) {
            return malformed(entry.line, fmt::format("duplicate msgid \"{}\"", entry.msgid));
        }
        if (entry.msgid.empty()) {
            if (auto header = read_header(entry.msgstr); !header) return header;
        } else if (entry.has_plural) {
            if (std::ranges::none_of(entry.forms,
                                     [](const std::string& form) { return form.empty(); })) {
                catalogue.m_plurals.emplace(entry.msgid, std::move(entry.forms));
            }
        } else if (!entry.msgstr.empty()) {
            catalogue.m_messages.emplace(entry.msgid, entry.msgstr);
        }
        entry = Entry{};
        field = Field::none;
        return {};
    };

    std::size_t position = 0;
    while (position <= po_text.size()) {
        const std::size_t end = po_text.find('\n', position);
        const std::string_view raw = po_text.substr(
            position, end == std::string_view::npos ? std::string_view::npos : end - position);
        position = end == std::string_view::npos ? po_text.size() + 1 : end + 1;
        ++line_number;

        const std::string_view line = strip(raw);
        if (line.empty()) {
            if (auto done = finish(); !done) return std::unexpected(done.error());
            continue;
        }
        if (line.front() == '#') continue;

        if (line.front() == '"') {
            auto text = unquote(line);
            if (!text) return malformed(line_number, "malformed string");
            switch (field) {
                case Field::msgid:
                    entry.msgid += *text;
                    break;
                case Field::msgid_plural:
                    break;  // the key is the msgid; msgid_plural only marks a plural entry
                case Field::msgstr:
                    entry.msgstr += *text;
                    break;
                case Field::msgstr_form:
                    entry.forms.back() += *text;
                    break;
                case Field::none:
                    return malformed(line_number, "string outside msgid or msgstr");
            }
            continue;
        }

        const std::size_t space = line.find_first_of(" \t");
        const std::string_view keyword = line.substr(0, space);
        const std::string_view rest =
            space == std::string_view::npos ? std::string_view{} : strip(line.substr(space));
        auto text = unquote(rest);
        if (!text) return malformed(line_number, "malformed string");

        if (keyword == "msgid") {
            if (entry.has_msgid) {
                if (auto done = finish(); !done) return std::unexpected(done.error());
            }
            entry.has_msgid = true;
            entry.line = line_number;
            entry.msgid = std::move(*text);
            field = Field::msgid;
        } else if (keyword == "msgid_plural") {
            if (!entry.has_msgid || entry.has_plural || entry.has_msgstr) {
                return malformed(line_number, "msgid_plural out of place");
            }
            entry.has_plural = true;
            field = Field::msgid_plural;
        } else if (keyword == "msgstr") {
            if (!entry.has_msgid || entry.has_msgstr || entry.has_plural) {
                return malformed(line_number, "msgstr without msgid");
            }
            entry.has_msgstr = true;
            entry.msgstr = std::move(*text);
            field = Field::msgstr;
        } else if (const auto index = form_index(keyword)) {
            if (!entry.has_plural) return malformed(line_number, "msgstr[] without msgid_plural");
            if (*index != entry.forms.size() || *index >= PluralRule::k_max_forms) {
                return malformed(line_number, fmt::format("msgstr[{}] out of order", *index));
            }
            entry.forms.push_back(std::move(*text));
            field = Field::msgstr_form;
        } else {
            return malformed(line_number, fmt::format("unknown keyword \"{}\"", keyword));
        }
    }
    if (auto done = finish(); !done) return std::unexpected(done.error());
    return catalogue;
}

util::Expected<Catalogue> Catalogue::load(const std::filesystem::path& po_file,
                                          std::string language) {
    std::ifstream in(po_file, std::ios::binary);
    if (!in) {
        return util::fail(util::ErrorCode::not_found,
                          fmt::format("cannot read {}", po_file.string()));
    }
    std::ostringstream text;
    text << in.rdbuf();
    auto parsed = parse(text.str(), std::move(language));
    if (!parsed) {
        return util::fail(parsed.error().code,
                          fmt::format("{}: {}", po_file.string(), parsed.error().message));
    }
    return parsed;
}

util::Expected<void> Catalogue::merge(const Catalogue& other) {
    if (other.m_plural_rule_stated) {
        if (m_plural_rule_stated &&
            m_plural_rule.expression() != other.m_plural_rule.expression()) {
            return util::fail(
                util::ErrorCode::invalid_input,
                fmt::format("the catalogues of \"{}\" state different Plural-Forms", m_language));
        }
        m_plural_rule = other.m_plural_rule;
        m_plural_rule_stated = true;
    }
    for (const auto& [key, text] : other.m_messages) {
        m_plurals.erase(key);
        m_messages.insert_or_assign(key, text);
    }
    for (const auto& [key, forms] : other.m_plurals) {
        m_messages.erase(key);
        m_plurals.insert_or_assign(key, forms);
    }
    return {};
}

util::Expected<void> Catalogue::check() const {
    for (const auto& [key, forms] : m_plurals) {
        if (forms.size() != m_plural_rule.count()) {
            return util::fail(
                util::ErrorCode::invalid_input,
                fmt::format("\"{}\": message \"{}\" has {} plural forms, but Plural-Forms says {}",
                            m_language, key, forms.size(), m_plural_rule.count()));
        }
    }
    const auto direction = m_messages.find(std::string(k_direction_key));
    if (direction != m_messages.end() && direction->second != "ltr" && direction->second != "rtl") {
        return util::fail(
            util::ErrorCode::invalid_input,
            fmt::format("\"{}\": {} must be \"ltr\" or \"rtl\"", m_language, k_direction_key));
    }
    return {};
}

std::string_view Catalogue::text(std::string_view key) const {
    const auto it = m_messages.find(std::string(key));
    return it == m_messages.end() ? key : std::string_view(it->second);
}

bool Catalogue::has(std::string_view key) const {
    return m_messages.contains(std::string(key));
}

std::string_view Catalogue::plural(std::string_view key, std::uint64_t n) const {
    const auto it = m_plurals.find(std::string(key));
    if (it == m_plurals.end()) return key;
    const std::size_t form = m_plural_rule.form(n);
    // check() makes the forms match the rule; a catalogue that skipped it gets its last.
    return it->second[std::min(form, it->second.size() - 1)];
}

bool Catalogue::has_plural(std::string_view key) const {
    return m_plurals.contains(std::string(key));
}

Direction Catalogue::direction() const {
    return text(k_direction_key) == "rtl" ? Direction::right_to_left : Direction::left_to_right;
}

}  // namespace redress::i18n
