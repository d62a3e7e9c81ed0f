#pragma once
// One language's messages, read from gettext .po files (share/locale/<lang>/*.po). Every
// user-facing string of redress is a message here; C++ holds only the keys
// ("form.narrative.label", "error.required", ...).
//
// A message that depends on a number is a gettext plural entry whose msgid (and
// msgid_plural) is the key, with one msgstr[i] per form of the language:
//   msgid "days.calendar"
//   msgid_plural "days.calendar"
//   msgstr[0] "{n} day"
//   msgstr[1] "{n} days"
// The header's Plural-Forms says how many forms there are and which fits a number.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "i18n/plural_rule.hpp"
#include "util/error.hpp"

namespace redress::i18n {

enum class Direction { left_to_right, right_to_left };

class Catalogue {
  public:
    // The message that names the language in itself ("Español"), for the language links.
    static constexpr std::string_view k_name_key = "language.name";
    // "ltr" (the default) or "rtl": the direction the language is written in.
    static constexpr std::string_view k_direction_key = "language.direction";

    // Parses a .po file: msgid/msgstr pairs with C escapes and continued strings, plural
    // entries (msgid_plural, msgstr[i]) and the header's Plural-Forms. Fails with the line
    // number of the first malformed line.
    static util::Expected<Catalogue> load(const std::filesystem::path& po_file,
                                          std::string language);
    static util::Expected<Catalogue> parse(std::string_view po_text, std::string language);
    // Adds the messages of `other`; on a key present in both, `other` wins. Fails when both
    // state a Plural-Forms and they differ.
    util::Expected<void> merge(const Catalogue& other);
    // Whether the whole catalogue is coherent: every plural message has exactly as many
    // forms as the plural rule, and the direction is "ltr" or "rtl".
    util::Expected<void> check() const;

    const std::string& language() const { return m_language; }
    // The message for `key`; the key itself when the catalogue lacks it (so a gap shows).
    std::string_view text(std::string_view key) const;
    bool has(std::string_view key) const;
    const std::unordered_map<std::string, std::string>& all() const { return m_messages; }

    // The form of the plural message `key` that fits `n` (placeholders still unfilled);
    // the key itself when the catalogue lacks it.
    std::string_view plural(std::string_view key, std::uint64_t n) const;
    bool has_plural(std::string_view key) const;
    const std::unordered_map<std::string, std::vector<std::string>>& plurals() const {
        return m_plurals;
    }
    const PluralRule& plural_rule() const { return m_plural_rule; }

    Direction direction() const;

  private:
    std::string m_language;
    std::unordered_map<std::string, std::string> m_messages;
    std::unordered_map<std::string, std::vector<std::string>> m_plurals;
    PluralRule m_plural_rule = PluralRule::one_other();
    bool m_plural_rule_stated = false;  // whether a header gave it
};

}  // namespace redress::i18n
