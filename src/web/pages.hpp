#pragma once
// The public pages, each a function from what it shows to HTML. They know nothing of
// requests or sockets; site.cpp decides which page answers which request.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/deployment.hpp"
#include "domain/evidence.hpp"
#include "domain/filing.hpp"
#include "domain/validation.hpp"
#include "i18n/catalogue.hpp"
#include "intake/confirmation_signing.hpp"
#include "intake/intake.hpp"
#include "intake/status_lookup.hpp"
#include "util/error.hpp"
#include "web/view.hpp"

namespace redress::web {

struct PageContext {
    const View& view;
    const i18n::Catalogue& catalogue;
    const domain::Deployment& deployment;
    std::string_view path;                                    // where the language links point
    std::span<const intake::PublishedKey> signing_keys = {};  // oldest first
};

// GET /: the offices, what they handle, how to reach them, and their service levels.
util::Expected<std::string> render_landing(const PageContext& context);

struct FormState {
    const domain::Filing& filing;  // as typed
    std::size_t subject_blocks = 1;
    std::size_t witness_blocks = 1;
    std::span<const domain::FieldError> errors;
    std::string_view notice_key;  // a message shown above the form, "" for none
    std::string_view form_token;
    std::size_t errors_listed = 50;  // in the summary; the rest are counted
};

// The complaint form with the values and messages of `state`.
util::Expected<std::string> render_form(const PageContext& context, const FormState& state);

// The form's groups of fields and its error summary (the GROUP and ERROR_SUMMARY sections
// of form.tpl), for another page that takes a whole filing: the staff console's entry of a
// complaint taken by phone or mail.
void fill_filing_fields(Dictionary& page, const PageContext& context, const FormState& state);

// The review step: what will be filed, which offices fit and why, what is still missing,
// every value carried in hidden fields.
// The evidence part of the review step, shown when the deployment takes files.
struct ReviewEvidence {
    const domain::EvidenceLimits& limits;
    std::span<const domain::FieldError> errors;  // of the files sent last; none at first
};
util::Expected<std::string> render_review(const PageContext& context,
                                          const intake::Preview& preview,
                                          std::string_view form_token,
                                          const ReviewEvidence* evidence = nullptr);

// After filing: references, next steps and the receipt, shown this once.
// `files`: the names of the files received with it, as shown to the complainant.
util::Expected<std::string> render_confirmation(const PageContext& context,
                                                const intake::Filed& filed,
                                                std::span<const std::string> files = {});

// The receipt in its groups ("7KQ2", "MZ8D", ...), each shown apart so that it is easy to
// copy by hand or read aloud.
std::vector<std::string> receipt_groups(const std::string& text);

// A problem with what the complainant wrote in one of the status page's forms.
struct ReplyError {
    std::string_view message_key;  // "reply.blank", ...
    std::string_view text;         // as typed, shown again
};

struct StatusState {
    std::string_view reference;  // echoed back into the look-up form
    const intake::StatusView* found = nullptr;
    // With `found`: carried in the reply forms' hidden fields, so that each post shows the
    // receipt again (the page is never stored). The look-up form never echoes it.
    std::string_view receipt;
    bool not_found = false;  // a look-up was made and matched nothing
    std::string_view notice_key;
    std::string_view form_token;
    std::optional<ReplyError> reply_error;            // under the message form
    std::optional<ReplyError> reconsideration_error;  // under the reconsideration form
    // The form for more evidence, when the deployment takes files: its limits, the problems
    // of the files sent last, and how many were just added.
    const domain::EvidenceLimits* evidence = nullptr;
    std::span<const domain::FieldError> evidence_errors;
    std::size_t files_added = 0;
};

util::Expected<std::string> render_status(const PageContext& context, const StatusState& state);

// GET /verify, and POST /verify with its verdict on a pasted confirmation.
struct VerifyState {
    std::string_view pasted;  // shown again in the form
    std::optional<intake::Verification> verification;
};
util::Expected<std::string> render_verify(const PageContext& context, const VerifyState& state);

// A page that only says what went wrong and what to do (storage down, a bad request).
util::Expected<std::string> render_problem(const PageContext& context, std::string_view title_key,
                                           std::string_view message_key);

// Adds a SIGNING_KEY section per key (KEY_ID, PUBLIC_KEY, CURRENT_KEY), for the landing
// and verify pages.
void add_signing_keys(Dictionary& page, std::span<const intake::PublishedKey> keys);

// Adds a NEXT_STEP section: what the office owes next and by which date (confirmation
// and status pages).
void add_next_step(Dictionary& item, const i18n::Catalogue& catalogue,
                   const std::optional<domain::NextStep>& next);

}  // namespace redress::web
