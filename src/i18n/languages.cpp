#include "i18n/languages.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <optional>

#include "util/text.hpp"

namespace redress::i18n {

namespace {

bool same_tag(std::string_view a, std::string_view b) {
    return util::to_lower_ascii(a) == util::to_lower_ascii(b);
}

std::string_view primary_subtag(std::string_view tag) {
    return tag.substr(0, tag.find_first_of("-_"));
}

// A folder name that can be a language tag ("en", "es", "pt-BR"); anything else in the
// locale folder is ignored.
bool looks_like_tag(std::string_view name) {
    if (name.empty() || name.size() > 35) return false;
    return std::ranges::all_of(name, [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '_';
    });
}

struct Preference {
    std::string tag;
    double quality = 1.0;
};

// Accept-Language (RFC 9110 12.5.4): tags with optional q-values, best first; q=0 and
// malformed q-values are dropped.
std::vector<Preference> parse_accept_language(std::string_view header) {
    std::vector<Preference> preferences;
    while (!header.empty()) {
        const std::size_t comma = header.find(',');
        std::string_view item = util::trim(header.substr(0, comma));
        header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);

        const std::size_t semicolon = item.find(';');
        Preference preference{std::string(util::trim(item.substr(0, semicolon))), 1.0};
        if (preference.tag.empty()) continue;
        bool valid = true;
        if (semicolon != std::string_view::npos) {
            std::string_view parameter = util::trim(item.substr(semicolon + 1));
            if (parameter.size() < 2 || (parameter[0] != 'q' && parameter[0] != 'Q') ||
                parameter[1] != '=') {
                valid = false;
            } else {
                parameter.remove_prefix(2);
                const auto [end, error] = std::from_chars(
                    parameter.data(), parameter.data() + parameter.size(), preference.quality);
                valid = error == std::errc{} && end == parameter.data() + parameter.size() &&
                        preference.quality >= 0.0 && preference.quality <= 1.0;
            }
        }
        if (valid && preference.quality > 0.0) preferences.push_back(std::move(preference));
    }
    std::ranges::stable_sort(preferences, std::ranges::greater{}, &Preference::quality);
    return preferences;
}

}  // namespace

util::Expected<Languages> Languages::load(const std::filesystem::path& locale_dir,
                                          std::string default_language) {
    std::error_code error;
    std::vector<std::filesystem::path> folders;
    for (const auto& item : std::filesystem::directory_iterator(locale_dir, error)) {
        if (item.is_directory() && looks_like_tag(item.path().filename().string())) {
            folders.push_back(item.path());
        }
    }
    if (error) {
        return util::fail(
            util::ErrorCode::not_found,
            fmt::format("cannot read locale folder {}: {}", locale_dir.string(), error.message()));
    }
    std::ranges::sort(folders);

    Languages languages;
    for (const auto& folder : folders) {
        std::vector<std::filesystem::path> files;
        for (const auto& item : std::filesystem::directory_iterator(folder, error)) {
            if (item.is_regular_file() && item.path().extension() == ".po") {
                files.push_back(item.path());
            }
        }
        if (error) {
            return util::fail(util::ErrorCode::not_found,
                              fmt::format("cannot read {}: {}", folder.string(), error.message()));
        }
        if (files.empty()) continue;
        std::ranges::sort(files);

        const std::string language = folder.filename().string();
        std::optional<Catalogue> merged;
        for (const auto& file : files) {
            auto catalogue = Catalogue::load(file, language);
            if (!catalogue) return std::unexpected(catalogue.error());
            if (merged) {
                if (auto done = merged->merge(*catalogue); !done) {
                    return std::unexpected(done.error());
                }
            } else {
                merged = std::move(*catalogue);
            }
        }
        if (auto coherent = merged->check(); !coherent) {
            return util::fail(coherent.error().code,
                              fmt::format("{}: {}", folder.string(), coherent.error().message));
        }
        languages.m_catalogues.push_back(std::move(*merged));
    }
    if (languages.m_catalogues.empty()) {
        return util::fail(util::ErrorCode::not_found,
                          fmt::format("no message catalogue in {}", locale_dir.string()));
    }
    const auto found = std::ranges::find_if(languages.m_catalogues, [&](const Catalogue& c) {
        return same_tag(c.language(), default_language);
    });
    if (found == languages.m_catalogues.end()) {
        return util::fail(util::ErrorCode::not_found,
                          fmt::format("no message catalogue for the default language \"{}\" in {}",
                                      default_language, locale_dir.string()));
    }
    languages.m_default = static_cast<std::size_t>(found - languages.m_catalogues.begin());
    return languages;
}

const Catalogue* Languages::find(std::string_view language) const {
    if (language.empty()) return nullptr;
    for (const Catalogue& catalogue : m_catalogues) {
        if (same_tag(catalogue.language(), language)) return &catalogue;
    }
    // "es-MX" is served by "es".
    const std::string_view primary = primary_subtag(language);
    for (const Catalogue& catalogue : m_catalogues) {
        if (same_tag(catalogue.language(), primary)) return &catalogue;
    }
    return nullptr;
}

const Catalogue& Languages::fallback() const {
    return m_catalogues[m_default];
}

const Catalogue& Languages::negotiate(std::string_view chosen,
                                      std::string_view accept_language) const {
    if (const Catalogue* catalogue = find(util::trim(chosen))) return *catalogue;
    for (const Preference& preference : parse_accept_language(accept_language)) {
        if (preference.tag == "*") return fallback();
        if (const Catalogue* catalogue = find(preference.tag)) return *catalogue;
    }
    return fallback();
}

}  // namespace redress::i18n
