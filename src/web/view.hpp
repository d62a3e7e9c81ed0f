#pragma once
// Renders the public pages from ctemplate files in the templates folder. Every template
// starts with {{%AUTOESCAPE context="HTML"}}, so each value is escaped for where it lands
// (text, attribute, URL). Templates are loaded once and the cache is then frozen, which
// makes expansion safe from any thread.

#include <ctemplate/template.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/languages.hpp"
#include "util/error.hpp"

namespace redress::web {

using Dictionary = ctemplate::TemplateDictionary;

// ctemplate takes no std::string_view; this views the same characters.
inline ctemplate::TemplateString tstr(std::string_view text) {
    return ctemplate::TemplateString(text.data(), text.size());
}

// The templates of a set of pages: the shared head and foot every page includes, and
// every page's own, all loaded up front.
struct Layout {
    std::string_view head;
    std::string_view foot;
    std::vector<std::string_view> pages;
};

// The public pages' layout.
const Layout& public_layout();

class View {
  public:
    // `languages` is borrowed and must outlive the View.
    View(const std::filesystem::path& templates_dir, const i18n::Languages& languages,
         const Layout& layout = public_layout());

    // Whether every template loaded and parsed; the error names the first that did not.
    util::Expected<void> check() const;

    // A page's dictionary with the catalogue's messages, the language, the page title and
    // the shared header and footer filled in. `path` is where the language links point.
    // Given the page's template, only the messages it names are added (a few dozen rather
    // than the whole catalogue: each value added costs a lock inside ctemplate, which made
    // the whole catalogue most of a staff page's time); without it, every message.
    std::unique_ptr<Dictionary> page(const i18n::Catalogue& catalogue, std::string_view path,
                                     std::string_view title_key,
                                     std::string_view template_file = {}) const;

    // Expands `template_file` (e.g. "form.tpl"); fails when it is unknown or broken.
    util::Expected<std::string> render(std::string_view template_file,
                                       const Dictionary& dictionary) const;

  private:
    // Reads each template for the message variables it names (m_used).
    void remember_used_messages(const std::filesystem::path& templates_dir,
                                const std::vector<std::string_view>& files);
    // The catalogue's messages that `template_file` names, or all of them when it is empty
    // or unknown.
    void add_messages(Dictionary& dictionary, const i18n::Catalogue& catalogue,
                      std::string_view template_file) const;

    const i18n::Languages& m_languages;
    Layout m_layout;
    // Per language: variable name → message, kept here because dictionaries borrow them.
    std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> m_messages;
    // Per template file: the message variables it names.
    std::map<std::string, std::vector<std::string>, std::less<>> m_used;
    std::unique_ptr<ctemplate::TemplateCache> m_cache;
    std::string m_load_error;
};

}  // namespace redress::web
