#pragma once
// The console's pages as responses: a template of share/templates/staff/ filled with the
// staff catalogue's messages and the page's own values. Shared by the sign-in pages and
// the pages of the offices' work, so that every staff page has the same head and foot.

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "http/message.hpp"
#include "i18n/languages.hpp"
#include "util/error.hpp"
#include "web/view.hpp"

namespace redress::console {

// The language staff pages are written in (English for now), office and category names too.
inline constexpr std::string_view k_staff_language = "en";

// A message key of the staff catalogue: a prefix ("staff.case.state.") and a name.
inline std::string message_key(std::string_view prefix, std::string_view name) {
    return std::string(prefix) + std::string(name);
}

class StaffView {
  public:
    // `languages` is borrowed and must outlive the StaffView.
    StaffView(const std::filesystem::path& templates_dir, const i18n::Languages& languages);

    // Whether every staff template loaded and parsed.
    util::Expected<void> check() const;

    // The catalogue staff pages are written in (English for now).
    const i18n::Catalogue& catalogue() const;

    // `template_file` filled by `fill` (may be empty), titled by the message `title_key`.
    http::Response page(int status, std::string_view template_file, std::string_view title_key,
                        const std::function<void(web::Dictionary&)>& fill) const;
    // The page that says what went wrong, in two messages of the catalogue.
    http::Response problem(int status, std::string_view title_key,
                           std::string_view message_key) const;

    // The page for an error a staff service answered with: 404 as for a missing object,
    // 403 and 409 with the messages of `words`, 503 for anything else (logged, for `what`).
    struct FailureWords {
        std::string_view what;            // "cases": names the failure in the log
        std::string_view forbidden;       // the 403's message key
        std::string_view conflict_title;  // the 409's keys
        std::string_view conflict_message;
    };
    http::Response failure(const util::Error& error, const FailureWords& words) const;

    // The templates, for a page that fills part of itself as a public page does (the form's
    // fields on the entry of a complaint taken by phone or mail).
    const web::View& view() const { return *m_view; }

  private:
    const i18n::Languages& m_languages;
    std::unique_ptr<web::View> m_view;
};

}  // namespace redress::console
