#include "console/work_pages.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <memory>
#include <set>

#include "console/clock_hold_pages.hpp"
#include "console/clock_table.hpp"
#include "console/form_errors.hpp"
#include "console/identity_pages.hpp"
#include "console/message_pages.hpp"
#include "console/queue_filters.hpp"
#include "console/referral_pages.hpp"
#include "console/staff_view.hpp"
#include "console/triage_form.hpp"
#include "domain/overdue.hpp"
#include "domain/reference.hpp"
#include "domain/triage_proposal.hpp"
#include "http/form_data.hpp"
#include "intake/account_sealing.hpp"
#include "util/text.hpp"
#include "web/messages.hpp"

namespace redress::console {

namespace {

constexpr std::array k_queues{domain::Queue::triage, domain::Queue::referred,
                              domain::Queue::investigating, domain::Queue::findings,
                              domain::Queue::closed};
constexpr std::array k_priorities{domain::Priority::urgent, domain::Priority::high,
                                  domain::Priority::normal, domain::Priority::low};
constexpr std::array k_channels{domain::Channel::web,   domain::Channel::api,
                                domain::Channel::email, domain::Channel::phone,
                                domain::Channel::mail,  domain::Channel::referral};
constexpr std::array k_close_reasons{
    domain::CloseReason::no_jurisdiction, domain::CloseReason::insufficient_information,
    domain::CloseReason::duplicate, domain::CloseReason::withdrawn};
constexpr std::array k_actions{domain::TriageAction::accept, domain::TriageAction::refer,
                               domain::TriageAction::close};
// The form's fields that a problem can name, with the template's name for its section.
constexpr std::array k_triage_form_fields{
    std::pair{std::string_view("action"), std::string_view("ACTION")},
    std::pair{std::string_view("priority"), std::string_view("PRIORITY")},
    std::pair{std::string_view("categories"), std::string_view("CATEGORIES")},
    std::pair{std::string_view("to_office"), std::string_view("TO_OFFICE")},
    std::pair{std::string_view("external_reference"), std::string_view("EXTERNAL_REFERENCE")},
    std::pair{std::string_view("close_reason"), std::string_view("CLOSE_REASON")},
    std::pair{std::string_view("duplicate_of"), std::string_view("DUPLICATE_OF")},
    std::pair{std::string_view("reason"), std::string_view("REASON")},
};
constexpr std::array k_join_fields{
    std::pair{std::string_view("into"), std::string_view("INTO")},
};
// The page's query: which proposal, or which duplicate, fills the triage form.
constexpr std::size_t k_max_page_fields = 4;

// Adds an <option> of a select to `page`'s section `section`.
void option(web::Dictionary& page, const char* section, std::string_view value,
            std::string_view label, bool selected) {
    auto* item = page.AddSectionDictionary(section);
    item->SetValue("VALUE", web::tstr(value));
    item->SetValue("LABEL", web::tstr(label));
    if (selected) item->ShowSection("SELECTED");
}

bool has_problem(const std::vector<domain::TriageProblem>& problems, std::string_view code) {
    return std::any_of(problems.begin(), problems.end(),
                       [&](const auto& problem) { return problem.code == code; });
}

}  // namespace

void WorkPages::add_routes(StaffRoutes& routes) {
    using domain::Role;
    using http::Method;
    const auto working =
        Access::roles({Role::intake_officer, Role::investigator, Role::supervisor});
    routes.add(Method::get, "/staff/queue", working, [this](Visit visit, http::Responder respond) {
        queue(std::move(visit), std::move(respond));
    });
    routes.add(Method::get, "/staff/complaints/{reference}", working,
               [this](Visit visit, http::Responder respond) {
                   complaint(std::move(visit), std::move(respond));
               });
    routes.add(Method::post, "/staff/complaints/{reference}/triage",
               Access::roles({Role::intake_officer, Role::supervisor}),
               [this](Visit visit, http::Responder respond) {
                   triage(std::move(visit), std::move(respond));
               });
    routes.add(Method::post, "/staff/complaints/{reference}/join",
               Access::roles({Role::intake_officer, Role::supervisor}),
               [this](Visit visit, http::Responder respond) {
                   join(std::move(visit), std::move(respond));
               });
}

std::string WorkPages::office_name(std::string_view office_id) const {
    const auto* office = m_parts.deployment.find_office(office_id);
    return office != nullptr ? office->name.in(k_staff_language) : std::string(office_id);
}

std::string WorkPages::category_label(std::string_view category_id) const {
    const auto* category = m_parts.deployment.find_category(category_id);
    return category != nullptr ? category->label.in(k_staff_language) : std::string(category_id);
}

http::Response WorkPages::bad_filter(std::string_view field) const {
    const auto& catalogue = m_view.catalogue();
    return m_view.page(
        400, "staff/problem.tpl", "staff.queue.bad_filter.title", [&](web::Dictionary& page) {
            page.SetValue("MESSAGE", web::fill(catalogue.text("staff.queue.bad_filter.message"),
                                               {{"field", field}}));
        });
}

http::Response WorkPages::not_found() const {
    return m_view.problem(404, "staff.not_found.title", "staff.not_found.message");
}

http::Response WorkPages::failure(const util::Error& error) const {
    return m_view.failure(error, {"casework", "staff.triage.forbidden",
                                  "staff.triage.conflict.title", "staff.triage.conflict.message"});
}

void WorkPages::queue(Visit visit, http::Responder respond) const {
    const auto& member = visit.signed_in.member;
    auto query = read_queue_filters(visit.request.query, member, m_parts.deployment, m_parts.now());
    if (!query) {
        respond(bad_filter(query.error().field));
        return;
    }
    // An office the member does not work for is answered like one that does not exist.
    if (m_parts.deployment.find_office(query->office_id) == nullptr ||
        !staff::may_read(member, query->office_id)) {
        respond(not_found());
        return;
    }
    // Complaints that name the member, or that they recused themselves from, are not listed.
    query->reader = member.id;
    query->reader_mark = member.name_mark;
    auto shared = std::make_shared<Visit>(std::move(visit));
    m_parts.casework.queue(*query, [this, shared, query = *query, respond = std::move(respond)](
                                       util::Expected<domain::QueuePage> page) mutable {
        respond.render([this, shared, query = std::move(query), page = std::move(page)] {
            if (!page) return failure(page.error());
            return queue_page(*shared, query, *page);
        });
    });
}

http::Response WorkPages::queue_page(const Visit& visit, const domain::QueueQuery& query,
                                     const domain::QueuePage& list) const {
    const auto& catalogue = m_view.catalogue();
    const auto& member = visit.signed_in.member;
    const auto& zone = m_parts.deployment.time_zone;
    const auto now = query.overdue_at.value_or(m_parts.now());
    return m_view.page(200, "staff/queue.tpl", "staff.queue.title", [&](web::Dictionary& page) {
        page.SetValue("OFFICE_NAME", office_name(query.office_id));
        page.SetValue("OFFICE_ID", query.office_id);
        page.SetValue("QUEUE_NAME", web::tstr(catalogue.text(message_key(
                                        "staff.queue.", domain::queue_name(query.queue)))));
        for (const auto& office : member.offices) {
            if (!member.works_complaints_of(office)) continue;
            option(page, "OFFICE_OPTION", office, office_name(office), office == query.office_id);
        }
        for (const auto queue : k_queues) {
            const auto name = domain::queue_name(queue);
            option(page, "QUEUE_OPTION", name, catalogue.text(message_key("staff.queue.", name)),
                   queue == query.queue);
        }
        for (const auto priority : k_priorities) {
            const auto name = domain::priority_name(priority);
            option(page, "PRIORITY_OPTION", name,
                   catalogue.text(message_key("staff.priority.", name)),
                   query.priority == priority);
        }
        for (const auto channel : k_channels) {
            const auto name = domain::channel_name(channel);
            option(page, "CHANNEL_OPTION", name,
                   catalogue.text(message_key("staff.channel.", name)), query.channel == channel);
        }
        for (const auto& category : m_parts.deployment.categories) {
            option(page, "CATEGORY_OPTION", category.id, category.label.in(k_staff_language),
                   query.category == category.id);
        }
        for (const auto& item : list.items) {
            auto* row = page.AddSectionDictionary("ITEM");
            row->SetValue("REFERENCE", item.reference);
            row->SetValue("RECEIVED", domain::iso_date(zone.local_date(item.received_at)));
            row->SetValue("CHANNEL", web::tstr(catalogue.text(message_key(
                                         "staff.channel.", domain::channel_name(item.channel)))));
            row->SetValue("PRIORITY",
                          web::tstr(catalogue.text(message_key(
                              "staff.priority.", domain::priority_name(item.priority)))));
            row->SetValue("STATUS", web::tstr(catalogue.text(
                                        message_key("status.", domain::status_name(item.status)))));
            if (item.deadline) {
                row->SetValue("DUE", domain::iso_date(domain::due_day(*item.deadline, zone)));
                if (*item.deadline <= now) row->ShowSection("LATE");
            }
        }
        if (query.overdue_at) page.ShowSection("OVERDUE_ONLY");
        if (member.has(domain::Role::supervisor)) page.ShowSection("OVERDUE_LINK");
        if (list.items.empty()) {
            page.ShowSection("EMPTY");
        } else {
            page.ShowSection("LIST");
        }
        if (list.next) {
            auto next = query;
            next.after = list.next;
            page.AddSectionDictionary("NEXT")->SetValue("NEXT_URL", queue_target(next));
        }
        if (query.after) {
            auto first = query;
            first.after.reset();
            page.AddSectionDictionary("FIRST")->SetValue("FIRST_URL", queue_target(first));
        }
    });
}

void WorkPages::complaint(Visit visit, http::Responder respond) const {
    std::string reference(visit.request.parameter("reference"));
    if (!domain::may_be_reference(reference)) {
        respond(not_found());
        return;
    }
    auto shared = std::make_shared<Visit>(std::move(visit));
    m_parts.triage.complaint(
        shared->signed_in.member, std::move(reference),
        [this, shared,
         respond = std::move(respond)](util::Expected<storage::StaffComplaint> found) mutable {
            if (!found) {
                respond.render([this, error = found.error()] { return failure(error); });
                return;
            }
            with_duplicates(
                *shared, std::move(*found),
                [this, shared](const storage::StaffComplaint& complaint,
                               const std::vector<storage::DuplicateCandidate>& duplicates) {
                    return complaint_page(200, *shared, complaint,
                                          Shown{.duplicates = &duplicates});
                },
                std::move(respond));
        });
}

void WorkPages::with_duplicates(const Visit& visit, storage::StaffComplaint complaint,
                                WithDuplicates render, http::Responder respond) const {
    auto shared = std::make_shared<storage::StaffComplaint>(std::move(complaint));
    m_parts.triage.duplicates(
        visit.signed_in.member, *shared,
        [this, shared, render = std::move(render), respond = std::move(respond)](
            util::Expected<std::vector<storage::DuplicateCandidate>> found) mutable {
            respond.render([this, shared, render = std::move(render), found = std::move(found)] {
                if (!found) return failure(found.error());
                return render(*shared, *found);
            });
        });
}

void WorkPages::triage(Visit visit, http::Responder respond) const {
    std::string reference(visit.request.parameter("reference"));
    if (!domain::may_be_reference(reference)) {
        respond(not_found());
        return;
    }
    auto form = read_triage_form(visit.form, m_parts.deployment);
    if (!form.problems.empty()) {
        refuse(std::move(visit), Attempt{std::move(form.decision), std::move(form.problems)},
               std::move(respond));
        return;
    }
    auto shared = std::make_shared<Visit>(std::move(visit));
    const auto& member = shared->signed_in.member;
    m_parts.triage.decide(
        member, reference, form.decision, m_parts.now(),
        [this, shared, reference, decision = form.decision,
         respond = std::move(respond)](util::Expected<staff::TriageResult> result) mutable {
            if (!result) {
                respond.render([this, error = result.error()] { return failure(error); });
                return;
            }
            if (result->recorded) {
                // The reference matched a stored complaint, so it is fit for a header.
                respond(http::Response::redirect("/staff/complaints/" + reference));
                return;
            }
            // Another decision came first: the complaint left the triage queue meanwhile.
            if (has_problem(result->problems, "not_in_triage")) {
                respond.render([this] {
                    return failure(util::Error{util::ErrorCode::conflict, "already triaged"});
                });
                return;
            }
            refuse(std::move(*shared), Attempt{std::move(decision), std::move(result->problems)},
                   std::move(respond));
        });
}

void WorkPages::refuse(Visit visit, Attempt attempt, http::Responder respond) const {
    std::string reference(visit.request.parameter("reference"));
    auto shared = std::make_shared<Visit>(std::move(visit));
    m_parts.triage.complaint(
        shared->signed_in.member, std::move(reference),
        [this, shared, attempt = std::make_shared<Attempt>(std::move(attempt)),
         respond = std::move(respond)](util::Expected<storage::StaffComplaint> found) mutable {
            if (!found) {
                respond.render([this, error = found.error()] { return failure(error); });
                return;
            }
            const auto& member = shared->signed_in.member;
            // The same answers, in the same order, as a decision that was well formed.
            if (!staff::may_triage(member, found->office_id)) {
                respond.render([this] {
                    return failure(util::Error{util::ErrorCode::forbidden, "may not triage"});
                });
                return;
            }
            if (domain::queue_of(found->status) != domain::Queue::triage) {
                respond.render([this] {
                    return failure(util::Error{util::ErrorCode::conflict, "already triaged"});
                });
                return;
            }
            with_duplicates(
                *shared, std::move(*found),
                [this, shared, attempt](
                    const storage::StaffComplaint& complaint,
                    const std::vector<storage::DuplicateCandidate>& duplicates) {
                    return complaint_page(
                        422, *shared, complaint,
                        Shown{.attempt = attempt.get(), .duplicates = &duplicates});
                },
                std::move(respond));
        });
}

void WorkPages::join(Visit visit, http::Responder respond) const {
    std::string reference(visit.request.parameter("reference"));
    if (!domain::may_be_reference(reference)) {
        respond(not_found());
        return;
    }
    std::string into(util::trim(visit.form.get("into")));
    auto shared = std::make_shared<Visit>(std::move(visit));
    m_parts.triage.join(
        shared->signed_in.member, reference, into, m_parts.now(),
        [this, shared, reference, into,
         respond = std::move(respond)](util::Expected<staff::JoinResult> result) mutable {
            if (!result) {
                respond.render([this, error = result.error()] { return failure(error); });
                return;
            }
            if (result->case_id) {
                // The reference matched a stored complaint, so it is fit for a header.
                respond(http::Response::redirect("/staff/complaints/" + reference));
                return;
            }
            refuse_join(std::move(*shared), JoinAttempt{into, std::move(result->problems)},
                        std::move(respond));
        });
}

void WorkPages::refuse_join(Visit visit, JoinAttempt attempt, http::Responder respond) const {
    std::string reference(visit.request.parameter("reference"));
    auto shared = std::make_shared<Visit>(std::move(visit));
    m_parts.triage.complaint(
        shared->signed_in.member, std::move(reference),
        [this, shared, attempt = std::make_shared<JoinAttempt>(std::move(attempt)),
         respond = std::move(respond)](util::Expected<storage::StaffComplaint> found) mutable {
            if (!found) {
                respond.render([this, error = found.error()] { return failure(error); });
                return;
            }
            with_duplicates(
                *shared, std::move(*found),
                [this, shared, attempt](
                    const storage::StaffComplaint& complaint,
                    const std::vector<storage::DuplicateCandidate>& duplicates) {
                    return complaint_page(422, *shared, complaint,
                                          Shown{.join = attempt.get(), .duplicates = &duplicates});
                },
                std::move(respond));
        });
}

http::Response WorkPages::complaint_page(int status, const Visit& visit,
                                         const storage::StaffComplaint& complaint,
                                         const ReferralAttempt* referral) const {
    return complaint_page(status, visit, complaint, Shown{.referral = referral});
}

http::Response WorkPages::complaint_page(int status, const Visit& visit,
                                         const storage::StaffComplaint& complaint,
                                         const MessageAttempt& message) const {
    return complaint_page(status, visit, complaint, Shown{.message = &message});
}

http::Response WorkPages::complaint_page(int status, const Visit& visit,
                                         const storage::StaffComplaint& complaint,
                                         const Shown& shown) const {
    const Attempt* attempt = shown.attempt;
    const ReferralAttempt* referral = shown.referral;
    const MessageAttempt* message_attempt = shown.message;
    const auto& catalogue = m_view.catalogue();
    const auto& member = visit.signed_in.member;
    auto account = intake::open_account(complaint.sealed_account, m_parts.content_key);
    if (!account) {
        // Never the account itself in the log: only that it did not open.
        spdlog::error("console: the account of {} does not open: {}", complaint.reference,
                      account.error().message);
    }
    return m_view.page(
        status, "staff/complaint.tpl", "staff.complaint.title", [&](web::Dictionary& page) {
            page.SetValue("REFERENCE", complaint.reference);
            page.SetValue("OFFICE_ID", complaint.office_id);
            page.SetValue("OFFICE_NAME", office_name(complaint.office_id));
            page.SetValue("STATUS", web::tstr(catalogue.text(message_key(
                                        "status.", domain::status_name(complaint.status)))));
            page.SetValue("PRIORITY",
                          web::tstr(catalogue.text(message_key(
                              "staff.priority.", domain::priority_name(complaint.priority)))));
            page.SetValue("CHANNEL",
                          web::tstr(catalogue.text(message_key(
                              "staff.channel.", domain::channel_name(complaint.channel)))));
            page.SetValue("RECEIVED", domain::iso_timestamp(complaint.received_at));
            if (complaint.staff_entry) {
                const auto& entry = *complaint.staff_entry;
                page.SetValueAndShowSection(
                    "ENTERED",
                    web::fill(catalogue.text("staff.complaint.entered_by"),
                              {{"member", entry.entered_by},
                               {"date", domain::iso_timestamp(complaint.received_at)},
                               {"contacted", domain::iso_timestamp(entry.contacted_at)}}),
                    "STAFF_ENTRY");
            }
            page.SetValue("LANGUAGE", complaint.language);
            page.SetValue("CONFIDENTIALITY", complaint.confidentiality);
            page.SetValue("INCIDENT_DATE", complaint.incident_date);
            if (complaint.incident_date.empty()) page.ShowSection("NO_INCIDENT_DATE");
            if (complaint.incident_date_precision == "approximate") page.ShowSection("APPROXIMATE");
            if (complaint.whistleblower) page.ShowSection("WHISTLEBLOWER");
            if (complaint.on_behalf) page.ShowSection("ON_BEHALF");
            for (const auto& category : complaint.filed_categories) {
                page.AddSectionDictionary("FILED_CATEGORY")
                    ->SetValue("LABEL", category_label(category));
            }
            if (complaint.filed_categories.empty()) page.ShowSection("NO_FILED_CATEGORY");
            for (const auto& category : complaint.staff_categories) {
                page.AddSectionDictionary("STAFF_CATEGORY")
                    ->SetValue("LABEL", category_label(category));
            }
            if (complaint.staff_categories.empty()) page.ShowSection("NO_STAFF_CATEGORY");
            page.SetValue("SUBJECT_COUNT", std::to_string(complaint.subject_count));
            page.SetValue("WITNESS_COUNT", std::to_string(complaint.witness_count));

            if (account) {
                auto* opened = page.AddSectionDictionary("ACCOUNT");
                const auto& incident = account->incident;
                const std::array<std::pair<const char*, const std::string*>, 7> parts{{
                    {"TIME", &incident.time},
                    {"WHEN", &incident.when_description},
                    {"PLACE", &incident.place},
                    {"CITY", &incident.city},
                    {"REGION", &incident.region},
                    {"NARRATIVE", &incident.narrative},
                    {"INJURIES", &incident.injuries},
                }};
                for (const auto& [name, text] : parts) {
                    if (text->empty()) continue;
                    opened->AddSectionDictionary(name)->SetValue("TEXT", *text);
                }
                for (const auto& subject : account->subjects) {
                    auto* item = opened->AddSectionDictionary("SUBJECT");
                    const std::array<std::pair<const char*, const std::string*>, 8> fields{{
                        {"staff.subject.name", &subject.name},
                        {"staff.subject.badge", &subject.badge},
                        {"staff.subject.agency", &subject.agency},
                        {"staff.subject.component", &subject.component},
                        {"staff.subject.unit", &subject.unit},
                        {"staff.subject.description", &subject.description},
                        {"staff.subject.uniform", &subject.uniform},
                        {"staff.subject.vehicle", &subject.vehicle},
                    }};
                    for (const auto& [label, text] : fields) {
                        if (text->empty()) continue;
                        auto* field = item->AddSectionDictionary("FIELD");
                        field->SetValue("LABEL", web::tstr(catalogue.text(label)));
                        field->SetValue("TEXT", *text);
                    }
                }
            } else {
                page.ShowSection("ACCOUNT_UNREADABLE");
            }

            for (const auto& event : complaint.timeline) {
                auto* row = page.AddSectionDictionary("EVENT");
                row->SetValue("AT", domain::iso_timestamp(event.at));
                row->SetValue("STATUS", web::tstr(catalogue.text(message_key(
                                            "status.", domain::status_name(event.status)))));
                row->SetValue("ACTOR", event.actor);
                row->SetValue("NOTE", event.note);
            }

            fill_referral(page, catalogue, visit, complaint, referral,
                          [this](std::string_view office) { return office_name(office); });
            if (complaint.case_id) {
                page.SetValueAndShowSection("CASE_ID", std::to_string(*complaint.case_id), "CASE");
            }
            if (!complaint.duplicate_of.empty()) {
                page.SetValueAndShowSection("DUPLICATE_REFERENCE", complaint.duplicate_of,
                                            "DUPLICATE_OF");
            }
            if (complaint.referral) {
                const auto* to = m_parts.deployment.find_office(complaint.referral->to_office);
                if (to != nullptr && to->kind == domain::OfficeKind::external) {
                    page.ShowSection("PACKET");
                }
            }
            if (shown.duplicates != nullptr) {
                fill_duplicates(page, visit, complaint, *shown.duplicates);
            }
            fill_messages(page, catalogue, visit, complaint, message_attempt, m_parts.content_key);
            fill_confidentiality(page, visit, complaint);
            fill_hold_form(page, catalogue, visit, complaint);
            fill_clocks(page, catalogue, m_parts.deployment, complaint, m_parts.now());

            if (!staff::may_triage(member, complaint.office_id) ||
                domain::queue_of(complaint.status) != domain::Queue::triage) {
                return;
            }
            // The triage form, blank, filled with a proposal or a duplicate the member chose,
            // or with the refused attempt and its problems.
            auto* form = page.AddSectionDictionary("TRIAGE");
            std::optional<domain::TriageDecision> taken;
            fill_proposals(*form, visit, complaint, account ? &*account : nullptr, taken);
            domain::TriageDecision blank = taken.value_or(domain::TriageDecision{});
            blank.priority = complaint.priority;
            blank.categories = complaint.filed_categories;
            const auto& decision = attempt != nullptr ? attempt->decision : blank;
            form->SetValue("CSRF", visit.signed_in.form_token);
            form->SetValue("REFERENCE", complaint.reference);
            for (const auto action : k_actions) {
                const auto name = domain::triage_action_name(action);
                auto* item = form->AddSectionDictionary("ACTION_OPTION");
                item->SetValue("VALUE", web::tstr(name));
                item->SetValue(
                    "LABEL", web::tstr(catalogue.text(message_key("staff.triage.action.", name))));
                if (action == decision.action) item->ShowSection("CHECKED");
            }
            for (const auto priority : k_priorities) {
                const auto name = domain::priority_name(priority);
                option(*form, "PRIORITY_OPTION", name,
                       catalogue.text(message_key("staff.priority.", name)),
                       priority == decision.priority);
            }
            const std::set<std::string_view> chosen(decision.categories.begin(),
                                                    decision.categories.end());
            for (const auto& category : m_parts.deployment.categories) {
                auto* item = form->AddSectionDictionary("CATEGORY_OPTION");
                item->SetValue("VALUE", category.id);
                item->SetValue("LABEL", category.label.in(k_staff_language));
                if (chosen.contains(category.id)) item->ShowSection("CHECKED");
            }
            for (const auto& office : m_parts.deployment.offices) {
                if (office.id == complaint.office_id) continue;
                option(*form, "OFFICE_OPTION", office.id, office.name.in(k_staff_language),
                       office.id == decision.to_office);
            }
            form->SetValue("EXTERNAL_REFERENCE_VALUE", decision.external_reference);
            for (const auto reason : k_close_reasons) {
                const auto name = domain::close_reason_name(reason);
                option(*form, "CLOSE_REASON_OPTION", name,
                       catalogue.text(message_key("staff.triage.close_reason.", name)),
                       decision.close_reason == reason);
            }
            form->SetValue("DUPLICATE_OF_VALUE", decision.duplicate_of);
            form->SetValue("REASON_VALUE", decision.reason);
            form->SetValue("REASON_MAX", std::to_string(domain::k_longest_triage_reason));

            // Joining another complaint's case instead of a decision of its own.
            auto* join = form->AddSectionDictionary("JOIN");
            join->SetValue("CSRF", visit.signed_in.form_token);
            join->SetValue("REFERENCE", complaint.reference);
            if (shown.join != nullptr) {
                join->SetValue("INTO_VALUE", shown.join->into);
                join->ShowSection("REFUSED");
                fill_field_errors(*join, catalogue, shown.join->problems, k_join_fields,
                                  "staff.join.error.");
            }
            if (attempt == nullptr || attempt->problems.empty()) return;

            fill_field_errors(*form, catalogue, attempt->problems, k_triage_form_fields,
                              "staff.triage.error.");
        });
}

void WorkPages::fill_proposals(web::Dictionary& form, const Visit& visit,
                               const storage::StaffComplaint& complaint,
                               const intake::Account* account,
                               std::optional<domain::TriageDecision>& taken) const {
    const auto& catalogue = m_view.catalogue();
    // The filing as far as the rules read it: what the complaint keeps of it.
    domain::Filing filing;
    filing.incident.categories = complaint.filed_categories;
    filing.complainant.whistleblower = complaint.whistleblower;
    if (account != nullptr) filing.subjects = account->subjects;
    const auto proposals = domain::propose_triage(filing, complaint.office_id, m_parts.deployment);

    const auto query = http::FormData::parse(visit.request.query, k_max_page_fields);
    const std::string_view take = query ? query->get("take") : std::string_view();
    const std::string_view duplicate = query ? query->get("duplicate") : std::string_view();
    for (const auto& proposal : proposals) {
        auto* row = form.AddSectionDictionary("PROPOSAL");
        row->SetValue("OFFICE_NAME", office_name(proposal.office));
        row->SetValue(
            "ACTION",
            web::tstr(catalogue.text(proposal.action == domain::TriageAction::accept
                                         ? "staff.proposal.accept"
                                         : (proposal.external ? "staff.proposal.refer_external"
                                                              : "staff.proposal.refer"))));
        row->SetValue("TAKE_URL", "/staff/complaints/" + complaint.reference +
                                      "?take=" + proposal.office + "#triage");
        for (const auto* rule : proposal.because) {
            auto* because = row->AddSectionDictionary("BECAUSE");
            because->SetValue("RULE", rule->id);
            because->SetValue("EXPLANATION", rule->explanation.in(k_staff_language));
        }
        if (proposal.because.empty()) row->ShowSection("DEFAULT_OFFICE");
        if (proposal.office == take) {
            row->ShowSection("TAKEN");
            taken = domain::decision_for(proposal, k_staff_language);
        }
    }
    if (taken) {
        form.ShowSection("PROPOSAL_TAKEN");
    } else if (domain::may_be_reference(duplicate)) {
        // Whether the member may read it is checked when the decision is posted.
        domain::TriageDecision closing;
        closing.action = domain::TriageAction::close;
        closing.close_reason = domain::CloseReason::duplicate;
        closing.duplicate_of = std::string(duplicate);
        taken = std::move(closing);
        form.ShowSection("DUPLICATE_TAKEN");
    }
}

void WorkPages::fill_duplicates(web::Dictionary& page, const Visit& visit,
                                const storage::StaffComplaint& complaint,
                                const std::vector<storage::DuplicateCandidate>& duplicates) const {
    const auto& catalogue = m_view.catalogue();
    auto* section = page.AddSectionDictionary("DUPLICATES");
    if (duplicates.empty()) section->ShowSection("NO_DUPLICATES");
    const bool deciding = staff::may_triage(visit.signed_in.member, complaint.office_id) &&
                          domain::queue_of(complaint.status) == domain::Queue::triage;
    for (const auto& candidate : duplicates) {
        auto* row = section->AddSectionDictionary("DUPLICATE");
        row->SetValue("REFERENCE", candidate.reference);
        row->SetValue("OFFICE_NAME", office_name(candidate.office_id));
        row->SetValue("INCIDENT_DATE", candidate.incident_date);
        row->SetValue("STATUS", web::tstr(catalogue.text(message_key(
                                    "status.", domain::status_name(candidate.status)))));
        row->SetValue("WHY", web::tstr(catalogue.text(candidate.same_filing
                                                          ? "staff.duplicates.same_filing"
                                                          : "staff.duplicates.same_incident")));
        row->SetValue("IN_CASE", web::tstr(catalogue.text(candidate.case_id
                                                              ? "staff.duplicates.in_case"
                                                              : "staff.duplicates.not_in_case")));
        if (!deciding) continue;
        row->SetValueAndShowSection("CLOSE_URL",
                                    "/staff/complaints/" + complaint.reference +
                                        "?duplicate=" + candidate.reference + "#triage",
                                    "CLOSE_AS_DUPLICATE");
        if (candidate.case_id && candidate.office_id == complaint.office_id &&
            domain::queue_of(candidate.status) == domain::Queue::investigating) {
            auto* join = row->AddSectionDictionary("JOIN_CASE");
            join->SetValue("CSRF", visit.signed_in.form_token);
            join->SetValue("REFERENCE", complaint.reference);
            join->SetValue("INTO", candidate.reference);
        }
    }
}

}  // namespace redress::console
