#pragma once
// One language's messages, read from gettext .po files (share/locale/<lang>/*.po). Every
// user-facing string of redress is a message here; C++ holds only the keys
// ("form.narrative.label", "error.required", ...).

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>

#include "util/error.hpp"

namespace redress::i18n {

class Catalogue {
  public:
    // Parses a .po file: msgid/msgstr pairs with C escapes and continued strings.
    // Fails with the line number of the first malformed line.
    static util::Expected<Catalogue> load(const std::filesystem::path& po_file,
                                          std::string language);
    static util::Expected<Catalogue> parse(std::string_view po_text, std::string language);
    // Adds the messages of `other`; on a key present in both, `other` wins.
    void merge(const Catalogue& other);

    const std::string& language() const { return m_language; }
    // The message for `key`; the key itself when the catalogue lacks it (so a gap shows).
    std::string_view text(std::string_view key) const;
    bool has(std::string_view key) const;
    const std::unordered_map<std::string, std::string>& all() const { return m_messages; }

  private:
    std::string m_language;
    std::unordered_map<std::string, std::string> m_messages;
};

}  // namespace redress::i18n
