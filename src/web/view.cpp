#include "web/view.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>

#include "web/messages.hpp"

namespace redress::web {

namespace {

constexpr ctemplate::Strip k_strip = ctemplate::STRIP_BLANK_LINES;

ctemplate::TemplateString template_string(std::string_view text) {
    return ctemplate::TemplateString(text.data(), text.size());
}

// The value of an HTML dir attribute for a language.
std::string_view dir_attribute(const i18n::Catalogue& catalogue) {
    return catalogue.direction() == i18n::Direction::right_to_left ? "rtl" : "ltr";
}

}  // namespace

const Layout& public_layout() {
    // Every template a public page may use, loaded up front so that the cache can be frozen.
    static const Layout layout{"head.tpl",
                               "foot.tpl",
                               {"landing.tpl", "form.tpl", "review.tpl", "confirmation.tpl",
                                "status.tpl", "problem.tpl", "verify.tpl"}};
    return layout;
}

View::View(const std::filesystem::path& templates_dir, const i18n::Languages& languages,
           const Layout& layout)
    : m_languages(languages),
      m_layout(layout),
      m_cache(std::make_unique<ctemplate::TemplateCache>()) {
    for (const i18n::Catalogue& catalogue : languages.all()) {
        auto& messages = m_messages[catalogue.language()];
        for (const auto& [key, text] : catalogue.all()) messages.emplace(variable_name(key), text);
    }
    if (!m_cache->SetTemplateRootDirectory(templates_dir.string())) {
        m_load_error = fmt::format("cannot use template folder {}", templates_dir.string());
        return;
    }
    std::vector<std::string_view> files{m_layout.head, m_layout.foot};
    files.insert(files.end(), m_layout.pages.begin(), m_layout.pages.end());
    for (const std::string_view file : files) {
        if (!m_cache->LoadTemplate(template_string(file), k_strip)) {
            m_load_error =
                fmt::format("cannot load template {} from {}", file, templates_dir.string());
            return;
        }
    }
    m_cache->Freeze();
    remember_used_messages(templates_dir, files);
}

void View::remember_used_messages(const std::filesystem::path& templates_dir,
                                  const std::vector<std::string_view>& files) {
    for (const std::string_view file : files) {
        std::ifstream in(templates_dir / file);
        const std::string text((std::istreambuf_iterator<char>(in)),
                               std::istreambuf_iterator<char>());
        std::vector<std::string> used;
        // Message variables are lower case ({{staff_queue_office}}, maybe with modifiers);
        // the page's own values are upper case.
        for (std::size_t open = text.find("{{"); open != std::string::npos;
             open = text.find("{{", open + 2)) {
            std::size_t end = open + 2;
            while (end < text.size() &&
                   (std::islower(static_cast<unsigned char>(text[end])) ||
                    std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == '_')) {
                ++end;
            }
            if (end > open + 2) used.emplace_back(text.substr(open + 2, end - open - 2));
        }
        std::sort(used.begin(), used.end());
        used.erase(std::unique(used.begin(), used.end()), used.end());
        m_used.emplace(std::string(file), std::move(used));
    }
}

util::Expected<void> View::check() const {
    if (!m_load_error.empty()) return util::fail(util::ErrorCode::internal, m_load_error);
    return {};
}

void View::add_messages(Dictionary& dictionary, const i18n::Catalogue& catalogue,
                        std::string_view template_file) const {
    const auto found = m_messages.find(catalogue.language());
    if (found == m_messages.end()) return;
    const auto used = template_file.empty() ? m_used.end() : m_used.find(template_file);
    if (used == m_used.end()) {
        for (const auto& [variable, text] : found->second) {
            dictionary.SetValueWithoutCopy(template_string(variable), template_string(text));
        }
        return;
    }
    for (const std::string& variable : used->second) {
        const auto message = found->second.find(variable);
        if (message == found->second.end()) continue;  // ctemplate shows nothing, as before
        dictionary.SetValueWithoutCopy(template_string(message->first),
                                       template_string(message->second));
    }
}

std::unique_ptr<Dictionary> View::page(const i18n::Catalogue& catalogue, std::string_view path,
                                       std::string_view title_key,
                                       std::string_view template_file) const {
    auto dictionary = std::make_unique<Dictionary>("page");
    add_messages(*dictionary, catalogue, template_file);
    dictionary->SetValue("LANG", template_string(catalogue.language()));
    dictionary->SetValue("DIR", template_string(dir_attribute(catalogue)));

    // Included templates do not see their parent's values, so each gets its own.
    for (const char* part : {"HEAD", "FOOT"}) {
        Dictionary* included = dictionary->AddIncludeDictionary(part);
        included->SetFilename(
            template_string(std::string_view(part) == "HEAD" ? m_layout.head : m_layout.foot));
        // The head and foot name few messages; they get those alone whenever the page's
        // own template is known.
        add_messages(*included, catalogue,
                     template_file.empty()              ? std::string_view()
                     : std::string_view(part) == "HEAD" ? m_layout.head
                                                        : m_layout.foot);
        included->SetValue("LANG", template_string(catalogue.language()));
        included->SetValue("DIR", template_string(dir_attribute(catalogue)));
        included->SetValue("TITLE", template_string(catalogue.text(title_key)));
        // One link per catalogue present, each named in its own language and direction.
        for (const i18n::Catalogue& other : m_languages.all()) {
            Dictionary* link = included->AddSectionDictionary("LANGUAGE");
            link->SetValue("CODE", template_string(other.language()));
            link->SetValue("LINK_DIR", template_string(dir_attribute(other)));
            link->SetValue("NAME", template_string(other.text(i18n::Catalogue::k_name_key)));
            link->SetValue("HREF", fmt::format("{}?lang={}", path, other.language()));
            if (&other == &catalogue) link->ShowSection("CURRENT");
        }
    }
    return dictionary;
}

util::Expected<std::string> View::render(std::string_view template_file,
                                         const Dictionary& dictionary) const {
    if (auto ready = check(); !ready) return std::unexpected(ready.error());
    std::string out;
    if (!m_cache->ExpandNoLoad(template_string(template_file), k_strip, &dictionary, nullptr,
                               &out)) {
        return util::fail(util::ErrorCode::internal,
                          fmt::format("cannot expand template {}", template_file));
    }
    return out;
}

}  // namespace redress::web
