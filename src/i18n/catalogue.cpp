#include "i18n/catalogue.hpp"

#include <fmt/format.h>

#include <fstream>
#include <optional>
#include <sstream>

namespace redress::i18n {

namespace {

enum class Field { none, msgid, msgstr };

struct Entry {
    std::string msgid;
    std::string msgstr;
    std::size_t line = 0;  // where its msgid was
    bool has_msgid = false;
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

}  // namespace

util::Expected<Catalogue> Catalogue::parse(std::string_view po_text, std::string language) {
    Catalogue catalogue;
    catalogue.m_language = std::move(language);

    Entry entry;
    Field field = Field::none;
    std::size_t line_number = 0;

    // Commits the entry being read, if any; the header (msgid "") and untranslated
    // entries (msgstr "") are skipped so that a gap shows as the key.
    auto finish = [&]() -> util::Expected<void> {
        if (!entry.has_msgid) return {};
        if (!entry.has_msgstr) return malformed(entry.line, "msgid without msgstr");
        if (!entry.msgid.empty() && !entry.msgstr.empty()) {
            if (!catalogue.m_messages.emplace(entry.msgid, entry.msgstr).second) {
                return malformed(entry.line, fmt::format("duplicate msgid \"{}\"", entry.msgid));
            }
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
            if (field == Field::msgid) {
                entry.msgid += *text;
            } else if (field == Field::msgstr) {
                entry.msgstr += *text;
            } else {
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
        } else if (keyword == "msgstr") {
            if (!entry.has_msgid || entry.has_msgstr) {
                return malformed(line_number, "msgstr without msgid");
            }
            entry.has_msgstr = true;
            entry.msgstr = std::move(*text);
            field = Field::msgstr;
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

void Catalogue::merge(const Catalogue& other) {
    for (const auto& [key, text] : other.m_messages) m_messages.insert_or_assign(key, text);
}

std::string_view Catalogue::text(std::string_view key) const {
    const auto it = m_messages.find(std::string(key));
    return it == m_messages.end() ? key : std::string_view(it->second);
}

bool Catalogue::has(std::string_view key) const {
    return m_messages.contains(std::string(key));
}

}  // namespace redress::i18n
