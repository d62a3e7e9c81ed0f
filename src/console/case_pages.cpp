#include "console/case_pages.hpp"

#include <spdlog/spdlog.h>

#include <array>
#include <charconv>
#include <memory>

#include "console/form_errors.hpp"
#include "console/staff_view.hpp"
#include "crypto/secret_box.hpp"
#include "web/messages.hpp"

namespace redress::console {

namespace {

constexpr std::array k_findings{domain::Finding::sustained,      domain::Finding::not_sustained,
                                domain::Finding::exonerated,     domain::Finding::unfounded,
                                domain::Finding::policy_failure, domain::Finding::no_finding};

std::string case_path(std::int64_t case_id) {
    return "/staff/cases/" + std::to_string(case_id);
}

// A sealed text opened for the page; what does not open is said, never guessed.
std::string opened(const crypto::Key& key, const storage::Sealed& sealed,
                   const i18n::Catalogue& catalogue) {
    auto text = crypto::open(key, sealed);
    if (!text) return std::string(catalogue.text("staff.case.unreadable"));
    return std::move(*text);
}

}  // namespace

std::optional<std::int64_t> parse_case_id(std::string_view text) {
    std::int64_t id = 0;
    if (text.empty() || text.size() > 18 || text.front() == '0') return std::nullopt;
    const auto* end = text.data() + text.size();
    const auto [last, error] = std::from_chars(text.data(), end, id);
    if (error != std::errc() || last != end || id <= 0) return std::nullopt;
    return id;
}

void CasePages::add_routes(StaffRoutes& routes) {
    using domain::Role;
    using http::Method;
    const auto working =
        Access::roles({Role::intake_officer, Role::investigator, Role::supervisor});
    routes.add(Method::get, "/staff/cases", working, [this](Visit visit, http::Responder respond) {
        mine(std::move(visit), std::move(respond));
    });
    routes.add(Method::get, "/staff/cases/{case}", working,
               [this](Visit visit, http::Responder respond) {
                   case_file(std::move(visit), std::move(respond));
               });
    routes.add(
        Method::post, "/staff/cases/{case}/assignment",
        Access::roles({Role::intake_officer, Role::supervisor}),
        [this](Visit visit, http::Responder respond) {
            post(
                std::move(visit), "assignment",
                [this](const Visit& v, std::int64_t case_id,
                       storage::Done<staff::CaseResult> done) {
                    const auto chosen = parse_case_id(v.form.get("investigator"));
                    if (!chosen) {
                        return done(staff::CaseResult{false, {{"investigator", "required"}}});
                    }
                    m_cases.assign(v.signed_in.member, case_id, *chosen, m_work.parts().now(),
                                   std::move(done));
                },
                std::move(respond));
        });
    routes.add(Method::post, "/staff/cases/{case}/notes", working,
               [this](Visit visit, http::Responder respond) {
                   post(
                       std::move(visit), "note",
                       [this](const Visit& v, std::int64_t case_id,
                              storage::Done<staff::CaseResult> done) {
                           m_cases.add_note(v.signed_in.member, case_id,
                                            std::string(v.form.get("text")), m_work.parts().now(),
                                            std::move(done));
                       },
                       std::move(respond));
               });
    routes.add(Method::post, "/staff/cases/{case}/tasks", working,
               [this](Visit visit, http::Responder respond) {
                   post(
                       std::move(visit), "task",
                       [this](const Visit& v, std::int64_t case_id,
                              storage::Done<staff::CaseResult> done) {
                           m_cases.add_task(v.signed_in.member, case_id,
                                            std::string(v.form.get("title")),
                                            std::string(v.form.get("due")), m_work.parts().now(),
                                            std::move(done));
                       },
                       std::move(respond));
               });
    routes.add(Method::post, "/staff/cases/{case}/tasks/{task}/done", working,
               [this](Visit visit, http::Responder respond) {
                   post(
                       std::move(visit), "task",
                       [this](const Visit& v, std::int64_t case_id,
                              storage::Done<staff::CaseResult> done) {
                           // A task id that cannot be one is answered like a missing task.
                           const auto task = parse_case_id(v.request.parameter("task"));
                           m_cases.complete_task(v.signed_in.member, case_id, task.value_or(0),
                                                 m_work.parts().now(), std::move(done));
                       },
                       std::move(respond));
               });
    routes.add(
        Method::post, "/staff/cases/{case}/findings",
        Access::roles({Role::investigator, Role::supervisor}),
        [this](Visit visit, http::Responder respond) {
            post(
                std::move(visit), "findings",
                [this](const Visit& v, std::int64_t case_id,
                       storage::Done<staff::CaseResult> done) {
                    // Pairs in the form's order: each allegation, then its finding.
                    const auto allegations = v.form.get_all("allegation");
                    const auto findings = v.form.get_all("finding");
                    const auto most = m_work.parts().deployment.categories.size();
                    if (allegations.size() != findings.size() || allegations.size() > most) {
                        return done(staff::CaseResult{false, {{"findings", "unknown_value"}}});
                    }
                    std::vector<domain::AllegationFinding> recorded;
                    for (std::size_t i = 0; i < allegations.size(); ++i) {
                        const auto finding = domain::parse_finding(findings[i]);
                        if (!finding) {
                            return done(staff::CaseResult{false, {{"findings", "missing"}}});
                        }
                        recorded.push_back({std::string(allegations[i]), *finding});
                    }
                    m_cases.record_findings(v.signed_in.member, case_id, std::move(recorded),
                                            m_work.parts().now(), std::move(done));
                },
                std::move(respond));
        });
    routes.add(Method::post, "/staff/cases/{case}/closure",
               Access::roles({Role::investigator, Role::supervisor}),
               [this](Visit visit, http::Responder respond) {
                   post(
                       std::move(visit), "closure",
                       [this](const Visit& v, std::int64_t case_id,
                              storage::Done<staff::CaseResult> done) {
                           m_cases.close(v.signed_in.member, case_id,
                                         domain::Closure{std::string(v.form.get("text")),
                                                         std::string(v.form.get("remedy"))},
                                         m_work.parts().now(), std::move(done));
                       },
                       std::move(respond));
               });
}

http::Response CasePages::failure(const util::Error& error) const {
    return m_view.failure(error, {"cases", "staff.case.forbidden", "staff.case.conflict.title",
                                  "staff.case.conflict.message"});
}

void CasePages::mine(Visit visit, http::Responder respond) const {
    auto shared = std::make_shared<Visit>(std::move(visit));
    m_cases.assigned(
        shared->signed_in.member,
        [this, shared, respond = std::move(respond)](
            util::Expected<std::vector<storage::CaseSummary>> list) mutable {
            respond.render([this, shared, list = std::move(list)] {
                if (!list) return failure(list.error());
                const auto& catalogue = m_view.catalogue();
                const auto& zone = m_work.parts().deployment.time_zone;
                return m_view.page(
                    200, "staff/cases.tpl", "staff.cases.title", [&](web::Dictionary& page) {
                        for (const auto& each : *list) {
                            auto* row = page.AddSectionDictionary("ITEM");
                            row->SetValue("CASE_ID", std::to_string(each.id));
                            row->SetValue("REFERENCE", each.first_reference);
                            row->SetValue("OFFICE_NAME", m_work.office_name(each.office_id));
                            row->SetValue("OPENED",
                                          domain::iso_date(zone.local_date(each.opened_at)));
                            row->SetValue(
                                "STATE",
                                web::tstr(catalogue.text(message_key(
                                    "staff.case.state.", domain::case_state_name(each.state)))));
                        }
                        page.ShowSection(list->empty() ? "EMPTY" : "LIST");
                    });
            });
        });
}

void CasePages::case_file(Visit visit, http::Responder respond) const {
    const auto case_id = parse_case_id(visit.request.parameter("case"));
    if (!case_id) {
        respond(failure(util::Error{util::ErrorCode::not_found, "no such case"}));
        return;
    }
    show(std::make_shared<Visit>(std::move(visit)), *case_id, 200, std::nullopt,
         std::move(respond));
}

void CasePages::post(Visit visit, std::string form, Change change, http::Responder respond) const {
    const auto case_id = parse_case_id(visit.request.parameter("case"));
    if (!case_id) {
        respond(failure(util::Error{util::ErrorCode::not_found, "no such case"}));
        return;
    }
    auto shared = std::make_shared<Visit>(std::move(visit));
    change(*shared, *case_id,
           [this, shared, case_id = *case_id, form = std::move(form),
            respond = std::move(respond)](util::Expected<staff::CaseResult> result) mutable {
               if (!result) {
                   respond.render([this, error = result.error()] { return failure(error); });
                   return;
               }
               if (result->recorded) {
                   respond(http::Response::redirect(case_path(case_id) + "#" + form));
                   return;
               }
               show(shared, case_id, 422,
                    Attempt{std::move(form), &shared->form, std::move(result->problems)},
                    std::move(respond));
           });
}

void CasePages::show(std::shared_ptr<Visit> visit, std::int64_t case_id, int status,
                     std::optional<Attempt> attempt, http::Responder respond) const {
    const auto& member = visit->signed_in.member;
    m_cases.case_file(
        member, case_id,
        [this, visit, status, attempt = std::move(attempt),
         respond = std::move(respond)](util::Expected<storage::CaseFile>&& file) mutable {
            if (!file) {
                respond.render([this, error = file.error()] { return failure(error); });
                return;
            }
            auto shared_file = std::make_shared<storage::CaseFile>(std::move(*file));
            auto render = [this, visit, status, attempt = std::move(attempt), shared_file,
                           respond = std::move(respond)](
                              std::vector<domain::StaffMember> investigators) mutable {
                respond.render([this, visit, status, attempt = std::move(attempt), shared_file,
                                investigators = std::move(investigators)] {
                    return case_page(status, *visit, *shared_file, investigators,
                                     attempt ? &*attempt : nullptr);
                });
            };
            if (!staff::may_assign_case(visit->signed_in.member, *shared_file) ||
                shared_file->state == domain::CaseState::closed) {
                render({});
                return;
            }
            m_cases.investigators(
                shared_file->office_id,
                [render = std::move(render)](
                    util::Expected<std::vector<domain::StaffMember>>&& found) mutable {
                    // Without the list the page still shows; only the assignment form is empty.
                    if (!found) spdlog::error("console: investigators: {}", found.error().message);
                    render(found ? std::move(*found) : std::vector<domain::StaffMember>{});
                });
        });
}

http::Response CasePages::case_page(int status, const Visit& visit, const storage::CaseFile& file,
                                    const std::vector<domain::StaffMember>& investigators,
                                    const Attempt* attempt) const {
    const auto& catalogue = m_view.catalogue();
    const auto& member = visit.signed_in.member;
    const auto& parts = m_work.parts();
    const auto allegations = staff::Cases::allegations(file);
    auto label = [&](std::string_view category) {
        const auto* found = parts.deployment.find_category(category);
        return found != nullptr ? found->label.in(k_staff_language) : std::string(category);
    };
    auto refused = [&](std::string_view form) {
        return attempt != nullptr && attempt->form == form ? attempt : nullptr;
    };
    return m_view.page(status, "staff/case.tpl", "staff.case.title", [&](web::Dictionary& page) {
        const auto id = std::to_string(file.id);
        page.SetValue("CASE_ID", id);
        page.SetValue("OFFICE_ID", file.office_id);
        page.SetValue("OFFICE_NAME", m_work.office_name(file.office_id));
        page.SetValue("STATE", web::tstr(catalogue.text(message_key(
                                   "staff.case.state.", domain::case_state_name(file.state)))));
        page.SetValue("OPENED", domain::iso_timestamp(file.opened_at));
        page.SetValue("PRIORITY", web::tstr(catalogue.text(message_key(
                                      "staff.priority.", domain::priority_name(file.priority)))));
        if (file.investigator_id) {
            page.SetValueAndShowSection("INVESTIGATOR", file.investigator, "ASSIGNED");
        } else {
            page.ShowSection("NOT_ASSIGNED");
        }
        for (const auto& complaint : file.complaints) {
            auto* row = page.AddSectionDictionary("COMPLAINT");
            row->SetValue("REFERENCE", complaint.reference);
            row->SetValue("STATUS", web::tstr(catalogue.text(message_key(
                                        "status.", domain::status_name(complaint.status)))));
            std::string labels;
            for (const auto& each : complaint.allegations) {
                if (!labels.empty()) labels += ", ";
                labels += label(each);
            }
            row->SetValue("ALLEGATIONS", labels);
        }

        const bool open = file.state != domain::CaseState::closed;
        if (open && staff::may_assign_case(member, file)) {
            auto* form = page.AddSectionDictionary("ASSIGN_FORM");
            form->SetValue("CSRF", visit.signed_in.form_token);
            form->SetValue("CASE_ID", id);
            for (const auto& each : investigators) {
                auto* item = form->AddSectionDictionary("INVESTIGATOR_OPTION");
                item->SetValue("VALUE", std::to_string(each.id));
                item->SetValue("LABEL", each.display_name + " (" + each.username + ")");
                if (file.investigator_id == each.id) item->ShowSection("SELECTED");
            }
            if (investigators.empty()) form->ShowSection("NO_INVESTIGATORS");
            if (const auto* refusal = refused("assignment")) {
                fill_error_list(*form, catalogue, refusal->problems, "staff.case.error.");
            }
        }

        for (const auto& note : file.notes) {
            auto* row = page.AddSectionDictionary("NOTE");
            row->SetValue("AT", domain::iso_timestamp(note.at));
            row->SetValue("AUTHOR", note.author);
            row->SetValue("TEXT", opened(parts.content_key, note.sealed_text, catalogue));
        }
        if (file.notes.empty()) page.ShowSection("NO_NOTES");
        {
            auto* form = page.AddSectionDictionary("NOTE_FORM");
            form->SetValue("CSRF", visit.signed_in.form_token);
            form->SetValue("CASE_ID", id);
            form->SetValue("NOTE_MAX", std::to_string(domain::k_longest_note));
            if (const auto* refusal = refused("note")) {
                form->SetValue("TEXT_VALUE", web::tstr(refusal->posted->get("text")));
                fill_error_list(*form, catalogue, refusal->problems, "staff.case.error.");
            }
        }

        const auto today = domain::iso_date(parts.deployment.time_zone.local_date(parts.now()));
        for (const auto& task : file.tasks) {
            auto* row = page.AddSectionDictionary("TASK");
            row->SetValue("TITLE", opened(parts.content_key, task.sealed_title, catalogue));
            row->SetValue("DUE", task.due_on);
            row->SetValue("AUTHOR", task.author);
            if (task.done_at) {
                row->SetValue("DONE_AT", domain::iso_timestamp(*task.done_at));
                row->SetValueAndShowSection("DONE_BY", task.done_by, "DONE");
                continue;
            }
            // Dates as YYYY-MM-DD compare as text.
            if (task.due_on < today) row->ShowSection("LATE");
            auto* form = row->AddSectionDictionary("DONE_FORM");
            form->SetValue("CSRF", visit.signed_in.form_token);
            form->SetValue("CASE_ID", id);
            form->SetValue("TASK_ID", std::to_string(task.id));
        }
        if (file.tasks.empty()) page.ShowSection("NO_TASKS");
        if (open) {
            auto* form = page.AddSectionDictionary("TASK_FORM");
            form->SetValue("CSRF", visit.signed_in.form_token);
            form->SetValue("CASE_ID", id);
            form->SetValue("TASK_MAX", std::to_string(domain::k_longest_task));
            if (const auto* refusal = refused("task")) {
                form->SetValue("TITLE_VALUE", web::tstr(refusal->posted->get("title")));
                form->SetValue("DUE_VALUE", web::tstr(refusal->posted->get("due")));
                fill_error_list(*form, catalogue, refusal->problems, "staff.case.error.");
            }
        }

        for (const auto& each : file.findings) {
            auto* row = page.AddSectionDictionary("FINDING");
            row->SetValue("ALLEGATION", label(each.category));
            row->SetValue("FINDING", web::tstr(catalogue.text(message_key(
                                         "staff.finding.", domain::finding_name(each.finding)))));
        }
        if (file.findings_round == 0) page.ShowSection("NO_FINDINGS");
        const bool concludes = staff::may_conclude_case(member, file);
        if (concludes && file.state == domain::CaseState::open) {
            auto* form = page.AddSectionDictionary("FINDINGS_FORM");
            form->SetValue("CSRF", visit.signed_in.form_token);
            form->SetValue("CASE_ID", id);
            const auto* refusal = refused("findings");
            std::size_t index = 0;
            for (const auto& allegation : allegations) {
                auto* item = form->AddSectionDictionary("ALLEGATION");
                item->SetValue("VALUE", allegation);
                item->SetValue("LABEL", label(allegation));
                item->SetValue("INDEX", std::to_string(index));
                std::string_view chosen;
                if (refusal != nullptr) {
                    const auto posted = refusal->posted->get_all("finding");
                    if (index < posted.size()) chosen = posted[index];
                }
                for (const auto finding : k_findings) {
                    const auto name = domain::finding_name(finding);
                    auto* option = item->AddSectionDictionary("FINDING_OPTION");
                    option->SetValue("VALUE", web::tstr(name));
                    option->SetValue(
                        "LABEL", web::tstr(catalogue.text(message_key("staff.finding.", name))));
                    if (name == chosen) option->ShowSection("SELECTED");
                }
                ++index;
            }
            if (allegations.empty()) form->ShowSection("NO_ALLEGATIONS");
            if (refusal != nullptr)
                fill_error_list(*form, catalogue, refusal->problems, "staff.case.error.");
        }

        if (file.closure) {
            const auto& closure = *file.closure;
            auto* shown = page.AddSectionDictionary("CLOSURE");
            shown->SetValue("AT", domain::iso_timestamp(closure.at));
            shown->SetValue("AUTHOR", closure.author);
            shown->SetValue("TEXT", opened(parts.content_key, closure.sealed_text, catalogue));
            auto remedy = opened(parts.content_key, closure.sealed_remedy, catalogue);
            if (remedy.empty()) {
                shown->ShowSection("NO_REMEDY");
            } else {
                shown->SetValueAndShowSection("REMEDY", remedy, "HAS_REMEDY");
            }
            if (closure.reconsider_until.empty()) {
                shown->ShowSection("NO_RECONSIDERATION");
            } else {
                shown->SetValueAndShowSection("RECONSIDER_UNTIL", closure.reconsider_until,
                                              "RECONSIDERATION");
            }
        }
        if (concludes && file.state == domain::CaseState::findings) {
            auto* form = page.AddSectionDictionary("CLOSURE_FORM");
            form->SetValue("CSRF", visit.signed_in.form_token);
            form->SetValue("CASE_ID", id);
            form->SetValue("CLOSURE_MAX", std::to_string(domain::k_longest_closure));
            form->SetValue("REMEDY_MAX", std::to_string(domain::k_longest_remedy));
            if (const auto* refusal = refused("closure")) {
                form->SetValue("TEXT_VALUE", web::tstr(refusal->posted->get("text")));
                form->SetValue("REMEDY_VALUE", web::tstr(refusal->posted->get("remedy")));
                fill_error_list(*form, catalogue, refusal->problems, "staff.case.error.");
            }
        }
    });
}

}  // namespace redress::console
