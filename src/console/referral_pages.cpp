#include "console/referral_pages.hpp"

#include <spdlog/spdlog.h>

#include <array>
#include <memory>
#include <set>

#include "console/form_errors.hpp"
#include "console/queue_filters.hpp"
#include "console/staff_view.hpp"
#include "domain/reference.hpp"
#include "domain/referral.hpp"
#include "http/form_data.hpp"
#include "staff/referrals.hpp"
#include "staff/triage.hpp"
#include "web/messages.hpp"

namespace redress::console {

namespace {

constexpr std::array k_answers{domain::ReferralAnswer::accept, domain::ReferralAnswer::decline,
                               domain::ReferralAnswer::send_back};
// The form's fields that a problem can name, with the template's name for its section.
constexpr std::array k_answer_form_fields{
    std::pair{std::string_view("answer"), std::string_view("ANSWER")},
    std::pair{std::string_view("reason"), std::string_view("REASON")},
};
// The list's query has one field (office); a few more are tolerated and ignored.
constexpr std::size_t k_max_referral_query_fields = 4;

bool answered_already(const std::vector<domain::TriageProblem>& problems) {
    for (const auto& problem : problems) {
        if (problem.code == "not_sent") return true;
    }
    return false;
}

}  // namespace

void fill_referral(web::Dictionary& page, const i18n::Catalogue& catalogue, const Visit& visit,
                   const storage::StaffComplaint& complaint, const ReferralAttempt* attempt,
                   const std::function<std::string(std::string_view)>& office_name) {
    if (!complaint.referral) return;
    const auto& referral = *complaint.referral;
    auto* shown = page.AddSectionDictionary("REFERRAL");
    shown->SetValue("FROM_NAME", office_name(referral.from_office));
    shown->SetValue("TO_NAME", office_name(referral.to_office));
    shown->SetValue("SENT", domain::iso_timestamp(referral.at));
    shown->SetValue("REFERRAL_REASON", referral.reason);
    shown->SetValue("STATE",
                    web::tstr(catalogue.text(message_key(
                        "staff.referral.state.", domain::referral_state_name(referral.state)))));
    if (referral.answered_at) {
        auto* answered = shown->AddSectionDictionary("ANSWERED");
        answered->SetValue("ANSWERED_AT", domain::iso_timestamp(*referral.answered_at));
        if (!referral.answer_reason.empty()) {
            answered->AddSectionDictionary("ANSWER_REASON")
                ->SetValue("TEXT", referral.answer_reason);
        }
    }
    if (!staff::may_answer_referral(visit.signed_in.member, complaint)) return;

    // The form, blank or with the refused attempt and its problems.
    const domain::ReferralDecision blank{};
    const auto& decision = attempt != nullptr ? attempt->decision : blank;
    auto* form = shown->AddSectionDictionary("ANSWER_FORM");
    form->SetValue("CSRF", visit.signed_in.form_token);
    form->SetValue("REFERENCE", complaint.reference);
    for (const auto answer : k_answers) {
        const auto name = domain::referral_answer_name(answer);
        auto* item = form->AddSectionDictionary("ANSWER_OPTION");
        item->SetValue("VALUE", web::tstr(name));
        item->SetValue("LABEL",
                       web::tstr(catalogue.text(message_key("staff.referral.answer.", name))));
        if (answer == decision.answer) item->ShowSection("CHECKED");
    }
    form->SetValue("REASON_VALUE", decision.reason);
    form->SetValue("REASON_MAX", std::to_string(domain::k_longest_triage_reason));
    if (attempt == nullptr || attempt->problems.empty()) return;

    fill_field_errors(*form, catalogue, attempt->problems, k_answer_form_fields,
                      "staff.referral.error.");
}

void ReferralPages::add_routes(StaffRoutes& routes) {
    using domain::Role;
    using http::Method;
    routes.add(Method::get, "/staff/referrals",
               Access::roles({Role::intake_officer, Role::investigator, Role::supervisor}),
               [this](Visit visit, http::Responder respond) {
                   received(std::move(visit), std::move(respond));
               });
    routes.add(Method::post, "/staff/complaints/{reference}/referral",
               Access::roles({Role::intake_officer, Role::supervisor}),
               [this](Visit visit, http::Responder respond) {
                   answer(std::move(visit), std::move(respond));
               });
}

http::Response ReferralPages::failure(const util::Error& error) const {
    return m_view.failure(error,
                          {"referrals", "staff.referral.forbidden", "staff.referral.conflict.title",
                           "staff.referral.conflict.message"});
}

void ReferralPages::received(Visit visit, http::Responder respond) const {
    const auto& member = visit.signed_in.member;
    const auto& deployment = m_work.parts().deployment;
    const auto fields = http::FormData::parse(visit.request.query, k_max_referral_query_fields);
    if (!fields) {
        respond(m_view.page(
            400, "staff/problem.tpl", "staff.queue.bad_filter.title", [&](web::Dictionary& page) {
                page.SetValue("MESSAGE",
                              web::fill(m_view.catalogue().text("staff.queue.bad_filter.message"),
                                        {{"field", "query"}}));
            }));
        return;
    }
    const std::string office = office_to_list(fields->get("office"), member);
    // An office the member does not work for is answered like one that does not exist.
    if (deployment.find_office(office) == nullptr || !staff::may_read(member, office)) {
        respond(failure(util::Error{util::ErrorCode::not_found, "no such office"}));
        return;
    }
    auto shared = std::make_shared<Visit>(std::move(visit));
    m_work.parts().referrals.received(
        shared->signed_in.member, office,
        [this, shared, office, respond = std::move(respond)](
            util::Expected<std::vector<storage::ReceivedReferral>> list) mutable {
            respond.render([this, shared, office, list = std::move(list)] {
                if (!list) return failure(list.error());
                return received_page(office, *list, *shared);
            });
        });
}

http::Response ReferralPages::received_page(const std::string& office_id,
                                            const std::vector<storage::ReceivedReferral>& list,
                                            const Visit& visit) const {
    const auto& catalogue = m_view.catalogue();
    const auto& member = visit.signed_in.member;
    const auto& zone = m_work.parts().deployment.time_zone;
    return m_view.page(
        200, "staff/referrals.tpl", "staff.referrals.title", [&](web::Dictionary& page) {
            page.SetValue("OFFICE_NAME", m_work.office_name(office_id));
            page.SetValue("OFFICE_ID", office_id);
            for (const auto& office : member.offices) {
                if (!member.works_complaints_of(office)) continue;
                auto* item = page.AddSectionDictionary("OFFICE_OPTION");
                item->SetValue("VALUE", office);
                item->SetValue("LABEL", m_work.office_name(office));
                if (office == office_id) item->ShowSection("SELECTED");
            }
            for (const auto& each : list) {
                auto* row = page.AddSectionDictionary("ITEM");
                row->SetValue("REFERENCE", each.reference);
                row->SetValue("FROM_NAME", m_work.office_name(each.referral.from_office));
                row->SetValue("SENT", domain::iso_date(zone.local_date(each.referral.at)));
                row->SetValue("RECEIVED", domain::iso_date(zone.local_date(each.received_at)));
                row->SetValue("PRIORITY",
                              web::tstr(catalogue.text(message_key(
                                  "staff.priority.", domain::priority_name(each.priority)))));
                row->SetValue("REFERRAL_REASON", each.referral.reason);
            }
            page.ShowSection(list.empty() ? "EMPTY" : "LIST");
            if (list.size() >= storage::k_received_referrals_max) page.ShowSection("MORE");
        });
}

void ReferralPages::answer(Visit visit, http::Responder respond) const {
    std::string reference(visit.request.parameter("reference"));
    if (!domain::may_be_reference(reference)) {
        respond(failure(util::Error{util::ErrorCode::not_found, "no such complaint"}));
        return;
    }
    auto form = read_referral_form(visit.form);
    if (!form.problems.empty()) {
        refuse(std::move(visit),
               ReferralAttempt{std::move(form.decision), std::move(form.problems)},
               std::move(respond));
        return;
    }
    auto shared = std::make_shared<Visit>(std::move(visit));
    const auto& parts = m_work.parts();
    parts.referrals.answer(
        shared->signed_in.member, reference, form.decision, parts.now(),
        [this, shared, reference, decision = form.decision,
         respond = std::move(respond)](util::Expected<staff::ReferralResult> result) mutable {
            if (!result) {
                respond.render([this, error = result.error()] { return failure(error); });
                return;
            }
            if (result->handling_office) {
                // Accepted, the complaint is the member's office's now: its page. Declined
                // or returned, it is no longer theirs to read: the office's list.
                // The reference matched a stored complaint, so it is fit for a header.
                const auto& member = shared->signed_in.member;
                respond(http::Response::redirect(staff::may_read(member, *result->handling_office)
                                                     ? "/staff/complaints/" + reference
                                                     : "/staff/referrals"));
                return;
            }
            if (answered_already(result->problems)) {
                respond.render([this] {
                    return failure(util::Error{util::ErrorCode::conflict, "already answered"});
                });
                return;
            }
            refuse(std::move(*shared),
                   ReferralAttempt{std::move(decision), std::move(result->problems)},
                   std::move(respond));
        });
}

void ReferralPages::refuse(Visit visit, ReferralAttempt attempt, http::Responder respond) const {
    std::string reference(visit.request.parameter("reference"));
    if (!domain::may_be_reference(reference)) {
        respond(failure(util::Error{util::ErrorCode::not_found, "no such complaint"}));
        return;
    }
    auto shared = std::make_shared<Visit>(std::move(visit));
    m_work.parts().triage.complaint(
        shared->signed_in.member, std::move(reference),
        [this, shared, attempt = std::move(attempt),
         respond = std::move(respond)](util::Expected<storage::StaffComplaint> found) mutable {
            respond.render([this, shared, attempt = std::move(attempt), found = std::move(found)] {
                if (!found) return failure(found.error());
                const auto& member = shared->signed_in.member;
                const auto& referral = found->referral;
                // The same answers, in the same order, as an answer that was well formed.
                if (!referral || !staff::may_triage(member, referral->to_office)) {
                    return failure(util::Error{util::ErrorCode::forbidden, "may not answer"});
                }
                if (referral->state != domain::ReferralState::sent) {
                    return failure(util::Error{util::ErrorCode::conflict, "already answered"});
                }
                return m_work.complaint_page(422, *shared, *found, &attempt);
            });
        });
}

}  // namespace redress::console
