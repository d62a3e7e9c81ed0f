#include "console/identity_pages.hpp"

#include <spdlog/spdlog.h>

#include <memory>

#include "console/case_pages.hpp"
#include "console/form_errors.hpp"
#include "domain/identity_access.hpp"
#include "domain/reference.hpp"
#include "intake/people_sealing.hpp"
#include "staff/exclusions.hpp"
#include "staff/identity_access.hpp"
#include "staff/triage.hpp"
#include "web/messages.hpp"

namespace redress::console {

namespace {

constexpr std::string_view k_identity_error_prefix = "staff.case.error.";

util::Error no_complaint() {
    return util::Error{util::ErrorCode::not_found, "no such complaint"};
}

// The section that says why the identity cannot be opened now.
void show_refusal(web::Dictionary& page, domain::IdentityRefusal refusal) {
    switch (refusal) {
        case domain::IdentityRefusal::no_identity:
            page.ShowSection("NO_IDENTITY");
            return;
        case domain::IdentityRefusal::not_handling:
            page.ShowSection("NOT_HANDLING");
            return;
        case domain::IdentityRefusal::no_consent:
            page.ShowSection("NO_CONSENT");
            return;
        case domain::IdentityRefusal::approval_pending:
        case domain::IdentityRefusal::approval_needed:
        case domain::IdentityRefusal::approval_declined:
            return;
    }
}

std::string yes_no(const i18n::Catalogue& catalogue, bool yes) {
    return std::string(catalogue.text(yes ? "staff.identity.yes" : "staff.identity.no"));
}

}  // namespace

void fill_confidentiality(web::Dictionary& page, const Visit& visit,
                          const storage::StaffComplaint& complaint) {
    auto* section = page.AddSectionDictionary("CONFIDENTIAL_ACTIONS");
    section->SetValue("REFERENCE", complaint.reference);
    section->SetValue("CSRF", visit.signed_in.form_token);
    section->SetValue("REASON_MAX", std::to_string(staff::k_longest_recusal_reason));
    if (complaint.confidentiality != "anonymous") section->ShowSection("IDENTITY_LINK");
    if (staff::may_triage(visit.signed_in.member, complaint.office_id)) {
        section->ShowSection("NAME_FORM");
    }
}

void IdentityPages::add_routes(StaffRoutes& routes) {
    using domain::Role;
    using http::Method;
    const auto working =
        Access::roles({Role::intake_officer, Role::investigator, Role::supervisor});
    routes.add(Method::get, "/staff/complaints/{reference}/identity", working,
               [this](Visit visit, http::Responder respond) {
                   identity(std::move(visit), std::move(respond));
               });
    routes.add(Method::post, "/staff/complaints/{reference}/identity", working,
               [this](Visit visit, http::Responder respond) {
                   open(std::move(visit), std::move(respond));
               });
    routes.add(Method::post, "/staff/complaints/{reference}/recusal", working,
               [this](Visit visit, http::Responder respond) {
                   recuse(std::move(visit), std::move(respond));
               });
    routes.add(Method::post, "/staff/complaints/{reference}/named-staff",
               Access::roles({Role::intake_officer, Role::supervisor}),
               [this](Visit visit, http::Responder respond) {
                   name(std::move(visit), std::move(respond));
               });
    routes.add(Method::get, "/staff/identity-requests", Access::roles({Role::custodian}),
               [this](Visit visit, http::Responder respond) {
                   requests(std::move(visit), std::move(respond));
               });
    routes.add(Method::post, "/staff/identity-requests/{request}", Access::roles({Role::custodian}),
               [this](Visit visit, http::Responder respond) {
                   answer(std::move(visit), std::move(respond));
               });
}

http::Response IdentityPages::failure(const util::Error& error) const {
    return m_view.failure(error,
                          {"identity", "staff.identity.forbidden", "staff.identity.conflict.title",
                           "staff.identity.conflict.message"});
}

void IdentityPages::identity(Visit visit, http::Responder respond) const {
    std::string reference(visit.request.parameter("reference"));
    if (!domain::may_be_reference(reference)) return respond(failure(no_complaint()));
    auto shared = std::make_shared<Visit>(std::move(visit));
    const auto& parts = m_work.parts();
    parts.identity.page(shared->signed_in.member, reference, parts.now(),
                        [this, shared, respond = std::move(respond)](
                            util::Expected<staff::IdentityPage>&& page) mutable {
                            respond.render([this, shared, page = std::move(page)] {
                                if (!page) return failure(page.error());
                                return identity_page(200, *shared, *page, {});
                            });
                        });
}

void IdentityPages::open(Visit visit, http::Responder respond) const {
    std::string reference(visit.request.parameter("reference"));
    if (!domain::may_be_reference(reference)) return respond(failure(no_complaint()));
    auto shared = std::make_shared<Visit>(std::move(visit));
    const auto& parts = m_work.parts();
    std::string reason(shared->form.get("reason"));
    parts.identity.open(
        shared->signed_in.member, reference, reason, parts.now(),
        [this, shared, reference, reason,
         respond = std::move(respond)](util::Expected<staff::IdentityResult>&& result) mutable {
            if (!result) {
                respond.render([this, error = result.error()] { return failure(error); });
                return;
            }
            // The page is read again after the post: where the member stands now.
            auto opened = std::make_shared<staff::IdentityResult>(std::move(*result));
            const auto& again = m_work.parts();
            again.identity.page(
                shared->signed_in.member, reference, again.now(),
                [this, shared, reason, opened,
                 respond = std::move(respond)](util::Expected<staff::IdentityPage>&& page) mutable {
                    respond.render([this, shared, reason, opened, page = std::move(page)] {
                        if (!page) return failure(page.error());
                        Shown shown;
                        shown.problems = opened->problems;
                        shown.requested = opened->requested.has_value();
                        if (!shown.problems.empty()) shown.reason = reason;
                        if (!opened->refusal && opened->problems.empty()) {
                            shown.opened = opened.get();
                        }
                        const int status = !shown.problems.empty()           ? 422
                                           : shown.opened || shown.requested ? 200
                                                                             : 403;
                        return identity_page(status, *shared, *page, shown);
                    });
                });
        });
}

http::Response IdentityPages::identity_page(int status, const Visit& visit,
                                            const staff::IdentityPage& standing,
                                            const Shown& shown) const {
    const auto& catalogue = m_view.catalogue();
    const auto& parts = m_work.parts();
    // Opened only now, for this answer; a record that does not open is said, never guessed.
    std::optional<intake::People> people;
    if (shown.opened != nullptr && !shown.opened->sealed_people.empty()) {
        auto opened = intake::open_people(shown.opened->sealed_people, parts.identity_key);
        if (!opened) {
            spdlog::error("console: the identity of {} does not open: {}",
                          standing.complaint.reference, opened.error().message);
        } else {
            people = std::move(*opened);
        }
    }
    return m_view.page(
        status, "staff/identity.tpl", "staff.identity.title", [&](web::Dictionary& page) {
            const auto& complaint = standing.complaint;
            page.SetValue("REFERENCE", complaint.reference);
            page.SetValue("VIEWS_TEXT", std::string(catalogue.text("staff.identity.views")) + " " +
                                            std::to_string(standing.standing.views));
            const auto& latest = standing.standing.latest_request;
            const auto refusal = standing.refusal;
            if (refusal) show_refusal(page, *refusal);
            if (latest && refusal == domain::IdentityRefusal::approval_pending) {
                page.SetValueAndShowSection("ASKED_AT", domain::iso_timestamp(latest->at),
                                            "PENDING");
            }
            if (latest && refusal == domain::IdentityRefusal::approval_declined) {
                auto* declined = page.AddSectionDictionary("DECLINED");
                declined->SetValue("DECIDED_AT", latest->decided_at
                                                     ? domain::iso_timestamp(*latest->decided_at)
                                                     : "");
                declined->SetValue("DECIDED_BY", latest->decided_by);
                declined->SetValue("ANSWER", latest->answer);
            }
            if (latest && !refusal && standing.approval_required &&
                latest->state == domain::IdentityRequestState::approved) {
                auto* approved = page.AddSectionDictionary("APPROVED");
                approved->SetValue("DECIDED_AT", latest->decided_at
                                                     ? domain::iso_timestamp(*latest->decided_at)
                                                     : "");
                approved->SetValue("DECIDED_BY", latest->decided_by);
            }
            if (shown.requested) page.ShowSection("REQUESTED");
            const bool may_ask = refusal == domain::IdentityRefusal::approval_needed ||
                                 refusal == domain::IdentityRefusal::approval_declined;
            if ((!refusal || may_ask) && shown.opened == nullptr) {
                auto* form = page.AddSectionDictionary("FORM");
                form->SetValue("REFERENCE", complaint.reference);
                form->SetValue("CSRF", visit.signed_in.form_token);
                form->SetValue("REASON_MAX", std::to_string(domain::k_longest_identity_reason));
                form->SetValue("REASON_VALUE", shown.reason);
                form->ShowSection(may_ask ? "ASK" : "OPEN");
                fill_error_list(*form, catalogue, shown.problems, k_identity_error_prefix);
            }
            if (shown.opened == nullptr) return;
            auto* shown_section = page.AddSectionDictionary("SHOWN");
            shown_section->SetValue("CONFIDENTIALITY", shown.opened->confidentiality);
            if (!people) {
                shown_section->SetValue("NAME",
                                        std::string(catalogue.text("staff.case.unreadable")));
                return;
            }
            const auto& who = people->complainant;
            shown_section->SetValue("NAME", who.name);
            shown_section->SetValue("EMAIL", who.email);
            shown_section->SetValue("PHONE", who.phone);
            shown_section->SetValue("ADDRESS", who.postal_address);
            shown_section->SetValue("LANGUAGE", who.preferred_language);
            shown_section->SetValue("REPLIES_BY_EMAIL", yes_no(catalogue, who.replies_by_email));
            if (people->on_behalf.applies) {
                const auto& behalf = people->on_behalf;
                auto* section = shown_section->AddSectionDictionary("ON_BEHALF");
                section->SetValue("RELATIONSHIP", behalf.relationship);
                section->SetValue("PERSON", behalf.person_name);
                section->SetValue("FACILITY", behalf.detention_facility);
                section->SetValue("CASE_NUMBER", behalf.case_number);
                section->SetValue("PERSON_CONSENT", behalf.consent);
            }
            if (!people->witnesses.empty()) {
                auto* witnesses = shown_section->AddSectionDictionary("WITNESSES");
                for (const auto& witness : people->witnesses) {
                    auto* row = witnesses->AddSectionDictionary("WITNESS");
                    row->SetValue("NAME", witness.name);
                    row->SetValue("CONTACT", witness.contact);
                    row->SetValue("ACCOUNT", witness.account);
                }
            }
        });
}

void IdentityPages::requests(Visit visit, http::Responder respond) const {
    auto shared = std::make_shared<Visit>(std::move(visit));
    m_work.parts().identity.pending(
        shared->signed_in.member,
        [this, shared, respond = std::move(respond)](
            util::Expected<std::vector<storage::IdentityRequest>>&& found) mutable {
            respond.render([this, shared, found = std::move(found)] {
                if (!found) return failure(found.error());
                return requests_page(200, *shared, *found, {});
            });
        });
}

http::Response IdentityPages::requests_page(
    int status, const Visit& visit, const std::vector<storage::IdentityRequest>& requests,
    const std::vector<domain::FormProblem>& problems) const {
    return m_view.page(
        status, "staff/identity_requests.tpl", "staff.identity_requests.title",
        [&](web::Dictionary& page) {
            if (requests.empty()) page.ShowSection("EMPTY");
            fill_error_list(page, m_view.catalogue(), problems, k_identity_error_prefix);
            for (const auto& request : requests) {
                auto* row = page.AddSectionDictionary("REQUEST");
                row->SetValue("ID", std::to_string(request.id));
                row->SetValue("REFERENCE", request.reference);
                row->SetValue("AT", domain::iso_timestamp(request.at));
                row->SetValue("REQUESTER", request.requester);
                row->SetValue("REQUESTER_NAME", request.requester_name);
                row->SetValue("OFFICE_NAME", m_work.office_name(request.office_id));
                row->SetValue("REASON", request.reason);
                row->SetValue("CSRF", visit.signed_in.form_token);
                row->SetValue("REASON_MAX", std::to_string(domain::k_longest_identity_reason));
            }
        });
}

void IdentityPages::answer(Visit visit, http::Responder respond) const {
    const auto id = parse_case_id(visit.request.parameter("request"));
    const auto decision = visit.form.get("decision");
    if (!id) {
        return respond(failure({util::ErrorCode::not_found, "no such identity request"}));
    }
    if (decision != "approve" && decision != "decline") {
        return respond(m_view.problem(400, "staff.bad_post.title", "staff.identity.bad_decision"));
    }
    auto shared = std::make_shared<Visit>(std::move(visit));
    const auto& parts = m_work.parts();
    parts.identity.answer(
        shared->signed_in.member, *id, decision == "approve",
        std::string(shared->form.get("answer")), parts.now(),
        [this, shared, respond = std::move(respond)](
            util::Expected<std::vector<domain::FormProblem>>&& problems) mutable {
            if (!problems) {
                respond.render([this, error = problems.error()] { return failure(error); });
                return;
            }
            if (problems->empty()) {
                respond(http::Response::redirect("/staff/identity-requests"));
                return;
            }
            auto refused = std::make_shared<std::vector<domain::FormProblem>>(std::move(*problems));
            m_work.parts().identity.pending(
                shared->signed_in.member,
                [this, shared, refused, respond = std::move(respond)](
                    util::Expected<std::vector<storage::IdentityRequest>>&& found) mutable {
                    respond.render([this, shared, refused, found = std::move(found)] {
                        if (!found) return failure(found.error());
                        return requests_page(422, *shared, *found, *refused);
                    });
                });
        });
}

storage::Done<std::vector<domain::FormProblem>> IdentityPages::exclusion_answer(
    http::Responder respond, std::string recorded_to, std::string_view refused_title) const {
    return
        [this, recorded_to = std::move(recorded_to), refused_title, respond = std::move(respond)](
            util::Expected<std::vector<domain::FormProblem>>&& problems) mutable {
            if (!problems) {
                respond.render([this, error = problems.error()] { return failure(error); });
                return;
            }
            if (problems->empty()) {
                respond(http::Response::redirect(recorded_to));
                return;
            }
            const std::string message_key = "staff.exclusion.refused." + problems->front().code;
            respond.render([this, refused_title, message_key] {
                return m_view.problem(422, refused_title, message_key);
            });
        };
}

void IdentityPages::recuse(Visit visit, http::Responder respond) const {
    std::string reference(visit.request.parameter("reference"));
    if (!domain::may_be_reference(reference)) return respond(failure(no_complaint()));
    const auto& parts = m_work.parts();
    // Closed to them from now on: nothing of it to go back to.
    parts.exclusions.recuse(
        visit.signed_in.member, reference, std::string(visit.form.get("reason")), parts.now(),
        exclusion_answer(std::move(respond), "/staff/", "staff.recusal.refused.title"));
}

void IdentityPages::name(Visit visit, http::Responder respond) const {
    std::string reference(visit.request.parameter("reference"));
    if (!domain::may_be_reference(reference)) return respond(failure(no_complaint()));
    const auto& parts = m_work.parts();
    parts.exclusions.name(
        visit.signed_in.member, reference, std::string(visit.form.get("member")), parts.now(),
        exclusion_answer(std::move(respond), "/staff/complaints/" + reference + "#confidentiality",
                         "staff.named_staff.refused.title"));
}

}  // namespace redress::console
