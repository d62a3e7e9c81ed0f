#include "web/site.hpp"

#include <spdlog/spdlog.h>

#include "http/form_data.hpp"
#include "web/form_post.hpp"
#include "web/page_cache.hpp"
#include "web/page_response.hpp"
#include "web/pages.hpp"
#include "web/static_files.hpp"
#include "web/view.hpp"

namespace redress::web {

http::Response page_response(int status, util::Expected<std::string> html) {
    if (!html) {
        spdlog::error("web: cannot render a page: {}", html.error().message);
        return http::Response::text(500, "Internal Server Error");
    }
    return http::Response::html(status, std::move(*html));
}

Site::Site(intake::Intake& intake, intake::StatusLookup& status,
           intake::ComplainantReplies& replies, const i18n::Languages& languages,
           const crypto::Key& form_token_key, SiteSettings settings, intake::Now now,
           std::vector<intake::PublishedKey> signing_keys)
    : m_intake(intake),
      m_status(status),
      m_replies(replies),
      m_languages(languages),
      m_settings(std::move(settings)),
      m_now(std::move(now)),
      m_tokens(form_token_key, m_settings.form_token_lifetime),
      m_signing_keys(std::move(signing_keys)),
      m_view(std::make_unique<View>(m_settings.templates_dir, languages)) {}

Site::~Site() = default;

void Site::accept_evidence(intake::EvidenceIntake& evidence, util::WorkPool& work,
                           std::uint64_t max_request_bytes, intake::ComplainantEvidence* later) {
    m_evidence.emplace(EvidenceDesk{evidence, work, max_request_bytes, later});
}

const domain::EvidenceLimits* Site::evidence_limits() const {
    return m_evidence ? &m_evidence->intake.limits() : nullptr;
}

util::Expected<void> Site::check() const {
    if (auto ready = m_view->check(); !ready) return ready;
    http::Router probe;
    return add_static_routes(probe, m_settings.static_dir);
}

void Site::add_routes(http::Router& router) {
    using http::Method;
    router.add(Method::get, "/", [this](http::Request request, http::Responder respond) {
        landing(request, std::move(respond));
    });
    router.add(Method::get, "/complaint", [this](http::Request request, http::Responder respond) {
        complaint_form(request, std::move(respond));
    });
    auto complaint_post_route = [this](http::Request request, http::Responder respond) {
        complaint_post(request, std::move(respond));
    };
    if (m_evidence) {
        router.add_upload(Method::post, "/complaint", complaint_post_route,
                          m_evidence->max_request_bytes);
    } else {
        router.add(Method::post, "/complaint", complaint_post_route);
    }
    router.add(Method::get, "/status", [this](http::Request request, http::Responder respond) {
        status_form(request, std::move(respond));
    });
    router.add(Method::post, "/status", [this](http::Request request, http::Responder respond) {
        status_post(request, std::move(respond));
    });
    router.add(Method::post, "/status/messages",
               [this](http::Request request, http::Responder respond) {
                   reply_post(request, std::move(respond), domain::MessageKind::from_complainant);
               });
    router.add(Method::post, "/status/reconsideration",
               [this](http::Request request, http::Responder respond) {
                   reply_post(request, std::move(respond), domain::MessageKind::reconsideration);
               });
    if (m_evidence && m_evidence->later != nullptr) {
        router.add_upload(
            Method::post, "/status/evidence",
            [this](http::Request request, http::Responder respond) {
                evidence_post(request, std::move(respond));
            },
            m_evidence->max_request_bytes);
    }
    router.add(Method::post, "/status/consent",
               [this](http::Request request, http::Responder respond) {
                   consent_post(request, std::move(respond));
               });
    router.add(Method::get, "/verify", [this](http::Request request, http::Responder respond) {
        verify_form(request, std::move(respond));
    });
    router.add(Method::post, "/verify", [this](http::Request request, http::Responder respond) {
        verify_post(request, std::move(respond));
    });
    if (auto added = add_static_routes(router, m_settings.static_dir); !added) {
        spdlog::error("web: {}", added.error().message);
    }
}

namespace {

// The `lang` of a query string; "" when absent or the query is malformed.
std::string chosen_in_query(const http::Request& request) {
    const auto query = http::FormData::parse(request.query);
    return query ? std::string(query->get("lang")) : std::string();
}

}  // namespace

const i18n::Catalogue& Site::language_of(const http::Request& request,
                                         std::string_view chosen) const {
    return m_languages.negotiate(chosen, request.headers.get("Accept-Language"));
}

void Site::refuse_post(const http::Request& request, PostRefusal refusal, std::string_view path,
                       http::Responder& respond) const {
    const auto& catalogue = language_of(request, chosen_in_query(request));
    respond(page_response(status_of(refusal),
                          render_problem(context(catalogue, path), "problem.bad_request.title",
                                         message_key_of(refusal))));
}

PageContext Site::context(const i18n::Catalogue& catalogue, std::string_view path) const {
    return PageContext{*m_view, catalogue, m_intake.deployment(), path, m_signing_keys};
}

void Site::landing(const http::Request& request, http::Responder respond) const {
    const auto& catalogue = language_of(request, chosen_in_query(request));
    respond(page_response(200, m_pages.get("landing", catalogue.language(), [&] {
        return render_landing(context(catalogue, "/"));
    })));
}

void Site::status_form(const http::Request& request, http::Responder respond) const {
    const auto& catalogue = language_of(request, chosen_in_query(request));
    auto page = m_pages.get("status", catalogue.language(), [&] {
        StatusState state;
        state.form_token = k_token_placeholder;
        return render_status(context(catalogue, "/status"), state);
    });
    if (page) page = with_token(std::move(*page), m_tokens.issue(m_now()));
    respond(page_response(200, std::move(page)));
}

namespace {

constexpr std::size_t k_max_echoed_reference = 64;

// The answer to a look-up; an unknown reference and a wrong receipt get the same page.
http::Response status_page(const PageContext& page, StatusState state,
                           const intake::LookupResult& result) {
    using Outcome = intake::LookupResult::Outcome;
    switch (result.outcome) {
        case Outcome::found:
            // The reply forms carry the receipt that matched; nothing else echoes it.
            state.found = &*result.view;
            return page_response(200, render_status(page, state));
        case Outcome::busy: {
            http::Response busy = page_response(
                503, render_problem(page, "problem.unavailable.title", "lookup.busy"));
            busy.headers.set("Retry-After", "1");
            return busy;
        }
        case Outcome::failed:
            spdlog::error("web: status look-up failed: {}", result.failure->message);
            return page_response(
                503, render_problem(page, "problem.unavailable.title", "lookup.unavailable"));
        case Outcome::not_found:
            break;
    }
    state.not_found = true;
    state.receipt = {};
    return page_response(404, render_status(page, state));
}

}  // namespace

struct Site::StatusPost {
    http::FormData form;
    PageContext page;
    std::string token;
    std::string echoed;
    std::vector<intake::ArrivingFile> files;  // views into `upload`
    std::shared_ptr<http::SpooledBody> upload;
};

std::optional<Site::StatusPost> Site::begin_status_post(const http::Request& request,
                                                        http::Responder& respond) const {
    const std::size_t max_files = m_evidence ? m_evidence->intake.limits().max_files + 1 : 0;
    auto posted = read_post_with_files(request, m_settings.max_form_fields, max_files);
    if (!posted) {
        refuse_post(request, posted.error(), "/status", respond);
        return std::nullopt;
    }
    const auto& catalogue = language_of(request, posted->form.get("lang"));
    // Echoed back into the form; a reference is short, so anything longer is not.
    const std::string_view typed = posted->form.get("reference");
    std::string echoed =
        typed.size() <= k_max_echoed_reference ? std::string(typed) : std::string();
    StatusPost post{std::move(posted->form),  context(catalogue, "/status"),
                    m_tokens.issue(m_now()),  std::move(echoed),
                    std::move(posted->files), std::move(posted->upload)};
    if (!m_tokens.verify(post.form.get("form_token"), m_now())) {
        StatusState state;
        state.form_token = post.token;
        state.reference = post.echoed;
        state.notice_key = "form.expired";
        respond(page_response(400, render_status(post.page, state)));
        return std::nullopt;
    }
    return post;
}

namespace {

// What answers a post to the status page once the look-up hears back: the page, made later
// on the connection's thread by `make` (page, state, result), showing again what the post
// did. The receipt goes back into the forms' hidden fields only once it has matched (`make`
// clears it otherwise).
template <typename Result, typename Make>
auto answer_later(const PageContext& page, const std::string& token, const std::string& reference,
                  std::string_view receipt, const domain::EvidenceLimits* limits,
                  http::Responder respond, Make make) {
    return [page, token, reference, receipt = std::string(receipt), limits, make = std::move(make),
            respond = std::move(respond)](Result result) mutable {
        respond.render([page, token = std::move(token), reference = std::move(reference),
                        receipt = std::move(receipt), limits, make = std::move(make),
                        result = std::move(result)]() {
            StatusState state;
            state.evidence = limits;
            state.form_token = token;
            state.reference = reference;
            state.receipt = receipt;
            http::Response response = make(page, state, result);
            response.delay = result.delay;
            return response;
        });
    };
}

}  // namespace

void Site::status_post(const http::Request& request, http::Responder respond) const {
    auto post = begin_status_post(request, respond);
    if (!post) return;
    const auto& form = post->form;
    const auto& page = post->page;
    const std::string& token = post->token;
    const std::string& echoed = post->echoed;
    m_status.look_up(
        form.get("reference"), form.get("receipt"), request.client_address,
        answer_later<intake::LookupResult>(
            page, token, echoed, form.get("receipt"), evidence_limits(), std::move(respond),
            [](const PageContext& shown, const StatusState& state,
               const intake::LookupResult& result) { return status_page(shown, state, result); }));
}

namespace {

std::string_view problem_key(intake::ReplyProblem problem) {
    switch (problem) {
        case intake::ReplyProblem::blank:
            return "reply.blank";
        case intake::ReplyProblem::too_long:
            return "reply.too_long";
        case intake::ReplyProblem::unusable:
            break;
    }
    return "reply.unusable";
}

// Past this, a text is not shown again: it was refused as too long, and a page that echoes
// whatever it is sent would be a cheap way to make us write large pages.
constexpr std::size_t k_max_echoed_text = 4 * (domain::k_longest_message + 100);

// The answer to a reply or a request for reconsideration. Whatever the receipt checks did
// not find gets the look-up's own answer, so a post tells no more than a look-up does.
http::Response reply_page(const PageContext& page, StatusState state, std::string_view text,
                          domain::MessageKind kind, const intake::ReplyResult& result) {
    using Outcome = intake::ReplyResult::Outcome;
    const bool reconsideration = kind == domain::MessageKind::reconsideration;
    if (result.view) state.found = &*result.view;
    int status = 200;
    switch (result.outcome) {
        case Outcome::added:
            state.notice_key = reconsideration ? "reconsider.added" : "reply.added";
            break;
        case Outcome::invalid: {
            const ReplyError error{problem_key(*result.problem),
                                   text.size() <= k_max_echoed_text ? text : std::string_view()};
            (reconsideration ? state.reconsideration_error : state.reply_error) = error;
            status = 422;
            break;
        }
        case Outcome::full:
            state.notice_key = "reply.full";
            status = 409;
            break;
        case Outcome::not_reconsiderable:
            state.notice_key = "reconsider.not_open";
            status = 409;
            break;
        case Outcome::not_found:
        case Outcome::busy:
        case Outcome::failed: {
            state.receipt = {};
            return status_page(page, state, intake::lookup_of(result));
        }
    }
    return page_response(status, render_status(page, state));
}

// The answer to a consent given or withdrawn; like a reply's, what the receipt checks did
// not find gets the look-up's own answer.
http::Response consent_page(const PageContext& page, StatusState state, bool given,
                            const intake::ReplyResult& result) {
    using Outcome = intake::ReplyResult::Outcome;
    if (result.view) state.found = &*result.view;
    switch (result.outcome) {
        case Outcome::added:
            state.notice_key = given ? "consent.recorded_given" : "consent.recorded_withdrawn";
            return page_response(200, render_status(page, state));
        case Outcome::invalid:
        case Outcome::full:
        case Outcome::not_reconsiderable:
            // Not a confidential complaint: there is nothing to consent to.
            return page_response(409, render_status(page, state));
        case Outcome::not_found:
        case Outcome::busy:
        case Outcome::failed:
            break;
    }
    state.receipt = {};
    return status_page(page, state, intake::lookup_of(result));
}

// The answer to files sent from the status page; like a reply's, what the receipt checks
// did not find gets the look-up's own answer.
http::Response evidence_page(const PageContext& page, StatusState state,
                             const intake::ReplyResult& result) {
    using Outcome = intake::ReplyResult::Outcome;
    if (result.view) state.found = &*result.view;
    int status = 200;
    switch (result.outcome) {
        case Outcome::added:
            state.files_added = result.files_added;
            break;
        case Outcome::invalid:
            state.evidence_errors = result.file_errors;
            status = 422;
            break;
        case Outcome::full:
        case Outcome::not_reconsiderable:
        case Outcome::not_found:
        case Outcome::busy:
        case Outcome::failed: {
            state.receipt = {};
            return status_page(page, state, intake::lookup_of(result));
        }
    }
    return page_response(status, render_status(page, state));
}

}  // namespace

void Site::reply_post(const http::Request& request, http::Responder respond,
                      domain::MessageKind kind) const {
    auto post = begin_status_post(request, respond);
    if (!post) return;
    const auto& form = post->form;
    const auto& page = post->page;
    const std::string& token = post->token;
    const std::string& echoed = post->echoed;
    m_replies.post(
        form.get("reference"), form.get("receipt"), request.client_address, kind,
        std::string(form.get("text")),
        answer_later<intake::ReplyResult>(page, token, echoed, form.get("receipt"),
                                          evidence_limits(), std::move(respond),
                                          [kind, text = std::string(form.get("text"))](
                                              const PageContext& shown, const StatusState& state,
                                              const intake::ReplyResult& result) {
                                              return reply_page(shown, state, text, kind, result);
                                          }));
}

void Site::evidence_post(const http::Request& request, http::Responder respond) const {
    auto post = begin_status_post(request, respond);
    if (!post) return;
    const auto& form = post->form;
    const auto& page = post->page;
    const std::string& token = post->token;
    const std::string& echoed = post->echoed;
    if (post->files.empty()) {
        // A form of ours sends at least one file; nothing to look the complaint up for.
        StatusState state;
        state.form_token = token;
        state.reference = echoed;
        state.notice_key = "evidence.none_chosen";
        respond(page_response(422, render_status(page, state)));
        return;
    }
    m_evidence->later->add(
        form.get("reference"), form.get("receipt"), request.client_address, std::move(post->files),
        post->upload,
        answer_later<intake::ReplyResult>(
            page, token, echoed, form.get("receipt"), evidence_limits(), std::move(respond),
            [](const PageContext& shown, const StatusState& state,
               const intake::ReplyResult& result) { return evidence_page(shown, state, result); }));
}

void Site::consent_post(const http::Request& request, http::Responder respond) const {
    auto post = begin_status_post(request, respond);
    if (!post) return;
    const auto& form = post->form;
    const auto& page = post->page;
    const std::string& token = post->token;
    const std::string& echoed = post->echoed;
    const std::string_view choice = form.get("consent");
    if (choice != "given" && choice != "withdrawn") {
        // Only a form that was not ours sends anything else.
        respond(page_response(
            400, render_problem(page, "problem.bad_request.title", "problem.bad_request.message")));
        return;
    }
    const bool given = choice == "given";
    m_replies.consent(
        form.get("reference"), form.get("receipt"), request.client_address, given,
        answer_later<intake::ReplyResult>(
            page, token, echoed, form.get("receipt"), evidence_limits(), std::move(respond),
            [given](const PageContext& shown, const StatusState& state,
                    const intake::ReplyResult& result) {
                return consent_page(shown, state, given, result);
            }));
}

}  // namespace redress::web
