#include "console/message_pages.hpp"

#include <spdlog/spdlog.h>

#include <memory>

#include "console/form_errors.hpp"
#include "console/staff_view.hpp"
#include "crypto/secret_box.hpp"
#include "domain/message.hpp"
#include "domain/reference.hpp"
#include "staff/messages.hpp"
#include "web/messages.hpp"

namespace redress::console {

void fill_messages(web::Dictionary& page, const i18n::Catalogue& catalogue, const Visit& visit,
                   const storage::StaffComplaint& complaint, const MessageAttempt* attempt,
                   const crypto::Key& content_key) {
    auto* section = page.AddSectionDictionary("MESSAGES");
    for (const auto& message : complaint.messages) {
        auto* row = section->AddSectionDictionary("MESSAGE");
        row->SetValue("AT", domain::iso_timestamp(message.at));
        row->SetValue("KIND",
                      web::tstr(catalogue.text(message_key(
                          "staff.message.kind.", domain::message_kind_name(message.kind)))));
        row->SetValue("AUTHOR", message.author);
        auto text = crypto::open(content_key, message.sealed_text);
        row->SetValue("TEXT", text ? *text : std::string(catalogue.text("staff.case.unreadable")));
    }
    if (complaint.messages.empty()) section->ShowSection("NO_MESSAGES");
    if (!staff::may_message(visit.signed_in.member, complaint)) return;
    auto* form = section->AddSectionDictionary("MESSAGE_FORM");
    form->SetValue("CSRF", visit.signed_in.form_token);
    form->SetValue("REFERENCE", complaint.reference);
    form->SetValue("MESSAGE_MAX", std::to_string(domain::k_longest_message));
    if (attempt == nullptr) return;
    form->SetValue("TEXT_VALUE", attempt->text);
    fill_error_list(*form, catalogue, attempt->problems, "staff.case.error.");
}

void MessagePages::add_routes(StaffRoutes& routes) {
    using domain::Role;
    routes.add(http::Method::post, "/staff/complaints/{reference}/messages",
               Access::roles({Role::intake_officer, Role::investigator, Role::supervisor}),
               [this](Visit visit, http::Responder respond) {
                   send(std::move(visit), std::move(respond));
               });
}

http::Response MessagePages::failure(const util::Error& error) const {
    return m_view.failure(error, {"messages", "staff.message.forbidden", "staff.message.full.title",
                                  "staff.message.full.message"});
}

void MessagePages::send(Visit visit, http::Responder respond) const {
    std::string reference(visit.request.parameter("reference"));
    if (!domain::may_be_reference(reference)) {
        respond(failure(util::Error{util::ErrorCode::not_found, "no such complaint"}));
        return;
    }
    auto shared = std::make_shared<Visit>(std::move(visit));
    const auto& parts = m_work.parts();
    std::string text(shared->form.get("text"));
    parts.messages.send(
        shared->signed_in.member, reference, text, parts.now(),
        [this, shared, reference, text,
         respond = std::move(respond)](util::Expected<staff::MessageResult>&& result) mutable {
            if (!result) {
                respond.render([this, error = result.error()] { return failure(error); });
                return;
            }
            if (result->recorded) {
                respond(http::Response::redirect("/staff/complaints/" + reference + "#messages"));
                return;
            }
            // Shown again with the text as typed and what was wrong with it.
            auto attempt = std::make_shared<MessageAttempt>(
                MessageAttempt{std::move(text), std::move(result->problems)});
            m_work.parts().triage.complaint(
                shared->signed_in.member, reference,
                [this, shared, attempt, respond = std::move(respond)](
                    util::Expected<storage::StaffComplaint>&& found) mutable {
                    respond.render([this, shared, attempt, found = std::move(found)] {
                        if (!found) return failure(found.error());
                        return m_work.complaint_page(422, *shared, *found, *attempt);
                    });
                });
        });
}

}  // namespace redress::console
