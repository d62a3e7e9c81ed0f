#include "console/clock_hold_pages.hpp"

#include <memory>

#include "domain/reference.hpp"
#include "staff/clock_holds.hpp"
#include "staff/messages.hpp"
#include "web/messages.hpp"

namespace redress::console {

void fill_hold_form(web::Dictionary& page, const i18n::Catalogue& catalogue, const Visit& visit,
                    const storage::StaffComplaint& complaint) {
    if (complaint.status == domain::Status::closed ||
        !staff::may_message(visit.signed_in.member, complaint)) {
        return;
    }
    auto* form = page.AddSectionDictionary("HOLD_FORM");
    form->SetValue("REFERENCE", complaint.reference);
    form->SetValue("CSRF", visit.signed_in.form_token);
    const auto waiting_on =
        complaint.holds.empty() ? domain::PauseReason::none : complaint.holds.back().reason;
    if (waiting_on == domain::PauseReason::none) {
        form->ShowSection("RUNNING");
        return;
    }
    form->SetValueAndShowSection(
        "WAITING_TEXT",
        web::tstr(catalogue.text("staff.clocks.paused." +
                                 std::string(domain::pause_reason_name(waiting_on)))),
        "PAUSED");
}

void ClockHoldPages::add_routes(StaffRoutes& routes) {
    using domain::Role;
    routes.add(http::Method::post, "/staff/complaints/{reference}/clocks",
               Access::roles({Role::intake_officer, Role::investigator, Role::supervisor}),
               [this](Visit visit, http::Responder respond) {
                   hold(std::move(visit), std::move(respond));
               });
}

http::Response ClockHoldPages::failure(const util::Error& error) const {
    return m_view.failure(error, {"clocks", "staff.clocks.forbidden", "staff.clocks.conflict.title",
                                  "staff.clocks.conflict.message"});
}

void ClockHoldPages::hold(Visit visit, http::Responder respond) const {
    std::string reference(visit.request.parameter("reference"));
    if (!domain::may_be_reference(reference)) {
        return respond(failure({util::ErrorCode::not_found, "no such complaint"}));
    }
    const auto reason = domain::parse_pause_reason(visit.form.get("reason"));
    auto shared = std::make_shared<Visit>(std::move(visit));
    const auto& parts = m_work.parts();
    if (!reason) {
        // Refused for what it holds only once the complaint is known to be the member's to
        // hold: to anyone else, the answer is that of a missing complaint.
        parts.triage.complaint(
            shared->signed_in.member, reference,
            [this, shared, respond = std::move(respond)](
                util::Expected<storage::StaffComplaint>&& found) mutable {
                respond.render([this, shared, found = std::move(found)] {
                    if (!found) return failure(found.error());
                    if (!staff::may_message(shared->signed_in.member, *found)) {
                        return failure({util::ErrorCode::forbidden, "may not hold the clocks"});
                    }
                    return m_view.problem(422, "staff.clocks.bad_reason.title",
                                          "staff.clocks.bad_reason.message");
                });
            });
        return;
    }
    parts.clock_holds.hold(
        shared->signed_in.member, reference, *reason, parts.now(),
        [this, reference, respond = std::move(respond)](util::Expected<bool>&& held) mutable {
            if (!held) {
                respond.render([this, error = held.error()] { return failure(error); });
                return;
            }
            respond(http::Response::redirect("/staff/complaints/" + reference + "#clocks"));
        });
}

}  // namespace redress::console
