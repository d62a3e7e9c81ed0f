#pragma once
// The public web side: the offices and their promises, the complaint form with its review
// step, the confirmation with the receipt, and the status look-up with the messages between
// the office and the complainant, who may reply there. Plain HTML forms only:
// everything works with JavaScript off, and no page loads anything from elsewhere.

#include <chrono>
#include <filesystem>
#include <memory>

#include "crypto/keys.hpp"
#include "http/form_data.hpp"
#include "http/router.hpp"
#include "i18n/languages.hpp"
#include "intake/complainant_evidence.hpp"
#include "intake/complainant_replies.hpp"
#include "intake/confirmation_signing.hpp"
#include "intake/evidence_intake.hpp"
#include "intake/intake.hpp"
#include "intake/status_lookup.hpp"
#include "util/work_pool.hpp"
#include "web/form_token.hpp"
#include "web/page_cache.hpp"

namespace redress::web {

class View;
struct PageContext;
struct FormState;
struct FormWithFiles;
enum class PostRefusal;

struct SiteSettings {
    std::filesystem::path templates_dir;
    std::filesystem::path static_dir;
    std::chrono::seconds form_token_lifetime{std::chrono::hours(12)};
    std::size_t max_form_fields = http::k_default_max_form_fields;
};

class Site {
  public:
    // All references are borrowed and must outlive the Site and its routes.
    // `signing_keys` are the deployment's, oldest first (intake::published_keys).
    Site(intake::Intake& intake, intake::StatusLookup& status, intake::ComplainantReplies& replies,
         const i18n::Languages& languages, const crypto::Key& form_token_key, SiteSettings settings,
         intake::Now now, std::vector<intake::PublishedKey> signing_keys = {});
    ~Site();
    Site(const Site&) = delete;
    Site& operator=(const Site&) = delete;

    // Lets complainants attach evidence on the review step: the complaint form then takes
    // multipart uploads of up to `max_request_bytes`, kept by `evidence` on `work`'s
    // threads (sealing and flushing files never holds an I/O thread). Before add_routes.
    // With `later`, complainants also add files from the status page (/status/evidence).
    void accept_evidence(intake::EvidenceIntake& evidence, util::WorkPool& work,
                         std::uint64_t max_request_bytes,
                         intake::ComplainantEvidence* later = nullptr);

    // Whether the templates and the static folder are usable; call once at start-up.
    util::Expected<void> check() const;

    // GET /, GET and POST /complaint, GET and POST /status, POST /status/messages,
    // /status/reconsideration and /status/consent, GET and POST /verify, GET /static/<file>.
    void add_routes(http::Router& router);

  private:
    void landing(const http::Request& request, http::Responder respond) const;
    void complaint_form(const http::Request& request, http::Responder respond) const;
    void complaint_post(const http::Request& request, http::Responder respond);
    void status_form(const http::Request& request, http::Responder respond) const;
    void status_post(const http::Request& request, http::Responder respond) const;
    void reply_post(const http::Request& request, http::Responder respond,
                    domain::MessageKind kind) const;
    void consent_post(const http::Request& request, http::Responder respond) const;
    void evidence_post(const http::Request& request, http::Responder respond) const;
    // What every post to /status and its forms begins with: the form, the page in the
    // language asked for, a fresh form token, and the reference as it may be echoed. nullopt
    // when the post was refused or its form token had expired (then answered already).
    struct StatusPost;
    std::optional<StatusPost> begin_status_post(const http::Request& request,
                                                http::Responder& respond) const;

    void verify_form(const http::Request& request, http::Responder respond) const;
    void verify_post(const http::Request& request, http::Responder respond) const;

    void file(domain::Filing filing, const i18n::Catalogue& catalogue, http::Responder respond);
    // Filing with files attached: checked here, kept and filed on the evidence threads.
    void file_with_evidence(domain::Filing filing, const i18n::Catalogue& catalogue,
                            FormWithFiles post, http::Responder respond);
    http::Response filed_page(const domain::Filing& typed, const i18n::Catalogue& catalogue,
                              std::expected<intake::Stored, intake::Refusal> result,
                              std::span<const std::string> files = {}) const;
    void respond_form(http::Responder& respond, int status, const i18n::Catalogue& catalogue,
                      const FormState& state) const;
    http::Response form_response(int status, const i18n::Catalogue& catalogue,
                                 const FormState& state) const;

    void refuse_post(const http::Request& request, PostRefusal refusal, std::string_view path,
                     http::Responder& respond) const;
    const i18n::Catalogue& language_of(const http::Request& request, std::string_view chosen) const;
    PageContext context(const i18n::Catalogue& catalogue, std::string_view path) const;

    intake::Intake& m_intake;
    intake::StatusLookup& m_status;
    intake::ComplainantReplies& m_replies;
    const i18n::Languages& m_languages;
    SiteSettings m_settings;
    intake::Now m_now;
    FormTokens m_tokens;
    std::vector<intake::PublishedKey> m_signing_keys;
    struct EvidenceDesk {
        intake::EvidenceIntake& intake;
        util::WorkPool& work;
        std::uint64_t max_request_bytes;
        intake::ComplainantEvidence* later;
    };
    // The limits the evidence forms state, or null when no files are taken.
    const domain::EvidenceLimits* evidence_limits() const;
    std::optional<EvidenceDesk> m_evidence;
    std::unique_ptr<View> m_view;
    PageCache m_pages;
};

}  // namespace redress::web
