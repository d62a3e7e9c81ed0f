#pragma once
// The catalogues this deployment has, and the choice of one for a request: an explicit
// choice (a `lang` link or form field) wins, then the Accept-Language header, then the
// default language.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/catalogue.hpp"

namespace redress::i18n {

class Languages {
  public:
    // Loads one catalogue per folder <locale_dir>/<lang>/, merging every .po file in it
    // (errors.po, web.po, api.po, ...). Fails when none is found, one is malformed or
    // incoherent (plural forms that do not match its Plural-Forms, an unknown direction),
    // or when `default_language` has no catalogue.
    static util::Expected<Languages> load(const std::filesystem::path& locale_dir,
                                          std::string default_language);

    // `chosen` is the explicit choice ("" for none); `accept_language` the header value.
    const Catalogue& negotiate(std::string_view chosen, std::string_view accept_language) const;
    const Catalogue* find(std::string_view language) const;
    const Catalogue& fallback() const;
    const std::vector<Catalogue>& all() const { return m_catalogues; }

  private:
    std::vector<Catalogue> m_catalogues;
    std::size_t m_default = 0;
};

}  // namespace redress::i18n
