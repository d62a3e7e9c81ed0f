#pragma once
// What a complainant adds to their complaint through the API, with its reference and
// receipt, as the status page lets them (intake/complainant_replies.hpp):
//   POST /api/v1/status/messages  {"reference", "receipt", "text", "kind"}: a reply or
//        information added ("message", the default), or while a closed case's window is
//        open a request to reconsider its outcome ("reconsideration"); 201 with the status.
//   POST /api/v1/status/consent   {"reference", "receipt", "consent": true|false}: whether
//        an office the complaint is referred to may see who they are; 200 with the status.
// The receipt goes through the look-up's checks and throttle: an unknown reference and a
// wrong receipt get the look-up's one 404, and the text is not even checked.
// docs/openapi.yaml is its contract.

#include "http/router.hpp"
#include "i18n/languages.hpp"
#include "intake/complainant_replies.hpp"

namespace redress::api {

class CorrespondenceApi {
  public:
    // Borrowed; they must outlive the routes. `max_errors_listed` bounds a 422's list.
    CorrespondenceApi(intake::ComplainantReplies& replies, const i18n::Languages& languages,
                      std::size_t max_errors_listed)
        : m_replies(replies), m_languages(languages), m_max_errors_listed(max_errors_listed) {}

    void add_routes(http::Router& router);

    void post_message(http::Request request, http::Responder respond) const;
    void give_consent(http::Request request, http::Responder respond) const;

  private:
    intake::ComplainantReplies& m_replies;
    const i18n::Languages& m_languages;
    std::size_t m_max_errors_listed;
};

}  // namespace redress::api
