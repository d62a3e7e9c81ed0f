#pragma once
// The JSON API (/api/v1): file a complaint, look up its status with reference and receipt,
// and list the deployment's offices and categories. docs/openapi.yaml is its contract.
// Handlers only translate between JSON and intake; messages follow Accept-Language.

#include "api/status_answer.hpp"
#include "http/router.hpp"
#include "i18n/languages.hpp"
#include "intake/confirmation_signing.hpp"
#include "intake/intake.hpp"
#include "intake/status_lookup.hpp"

namespace redress::api {

class Api {
  public:
    // All references are borrowed and must outlive the Api and the routes it adds.
    // `signing_keys` are the deployment's, oldest first (intake::published_keys).
    Api(intake::Intake& intake, intake::StatusLookup& status_lookup,
        const i18n::Languages& languages, std::vector<intake::PublishedKey> signing_keys = {});

    // POST /api/v1/complaints, POST /api/v1/status, GET /api/v1/offices,
    // GET /.well-known/redress-signing-keys, POST /api/v1/confirmations/verify
    void add_routes(http::Router& router);

    void file_complaint(http::Request request, http::Responder respond);
    void look_up_status(http::Request request, http::Responder respond) const;
    void list_offices(http::Request request, http::Responder respond) const;
    // Every signing key the deployment has had, for anyone checking a proof of filing.
    void list_signing_keys(http::Request request, http::Responder respond) const;
    // {"confirmation": text} → {"verdict", ...}; see confirmations_api.cpp.
    void verify_confirmation(http::Request request, http::Responder respond) const;

  private:
    const i18n::Catalogue& messages_for(const http::Request& request) const;

    intake::Intake& m_intake;
    intake::StatusLookup& m_status_lookup;
    const i18n::Languages& m_languages;
    std::vector<intake::PublishedKey> m_signing_keys;
};

}  // namespace redress::api
