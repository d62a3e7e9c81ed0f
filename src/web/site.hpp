#pragma once
// The public web side: the offices and their promises, the complaint form with its review
// step, the confirmation with the receipt, and the status look-up. Plain HTML forms only:
// everything works with JavaScript off, and no page loads anything from elsewhere.

#include <chrono>
#include <filesystem>
#include <memory>

#include "crypto/keys.hpp"
#include "http/router.hpp"
#include "i18n/languages.hpp"
#include "intake/intake.hpp"
#include "intake/status_lookup.hpp"
#include "web/form_token.hpp"

namespace redress::web {

class View;
struct PageContext;
struct FormState;

struct SiteSettings {
    std::filesystem::path templates_dir;
    std::filesystem::path static_dir;
    std::chrono::seconds form_token_lifetime{std::chrono::hours(12)};
};

class Site {
  public:
    // All references are borrowed and must outlive the Site and its routes.
    Site(intake::Intake& intake, intake::StatusLookup& status, const i18n::Languages& languages,
         const crypto::Key& form_token_key, SiteSettings settings, intake::Now now);
    ~Site();
    Site(const Site&) = delete;
    Site& operator=(const Site&) = delete;

    // Whether the templates and the static folder are usable; call once at start-up.
    util::Expected<void> check() const;

    // GET /, GET and POST /complaint, GET and POST /status, GET /static/<file>.
    void add_routes(http::Router& router);

  private:
    void landing(const http::Request& request, http::Responder respond) const;
    void complaint_form(const http::Request& request, http::Responder respond) const;
    void complaint_post(const http::Request& request, http::Responder respond);
    void status_form(const http::Request& request, http::Responder respond) const;
    void status_post(const http::Request& request, http::Responder respond) const;

    void file(domain::Filing filing, const i18n::Catalogue& catalogue, http::Responder respond);
    void respond_form(http::Responder& respond, int status, const i18n::Catalogue& catalogue,
                      const FormState& state) const;

    const i18n::Catalogue& language_of(const http::Request& request, std::string_view chosen) const;
    PageContext context(const i18n::Catalogue& catalogue, std::string_view path) const;

    intake::Intake& m_intake;
    intake::StatusLookup& m_status;
    const i18n::Languages& m_languages;
    SiteSettings m_settings;
    intake::Now m_now;
    FormTokens m_tokens;
    std::unique_ptr<View> m_view;
};

}  // namespace redress::web
