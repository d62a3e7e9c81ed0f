#include "console/mail_quarantine_pages.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <charconv>
#include <memory>

#include "intake/evidence_intake.hpp"
#include "web/messages.hpp"

namespace redress::console {

namespace {

constexpr std::size_t k_listed = 200;

std::optional<std::int64_t> mail_id(std::string_view text) {
    std::int64_t id = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (error != std::errc{} || end != text.data() + text.size() || id <= 0) return std::nullopt;
    return id;
}

util::Error not_found() {
    return util::Error{util::ErrorCode::not_found, "no such quarantined mail"};
}

}  // namespace

void MailQuarantinePages::add_routes(StaffRoutes& routes) {
    using domain::Role;
    const auto intake = Access::roles({Role::intake_officer, Role::supervisor});
    routes.add(http::Method::get, "/staff/mail-quarantine", intake,
               [this](Visit visit, http::Responder respond) {
                   list(std::move(visit), std::move(respond));
               });
    routes.add(http::Method::get, "/staff/mail-quarantine/{mail}", intake,
               [this](Visit visit, http::Responder respond) {
                   download(std::move(visit), std::move(respond));
               });
}

http::Response MailQuarantinePages::failure(const util::Error& error) const {
    return m_view.failure(error, {"mail quarantine", "staff.triage.forbidden",
                                  "staff.triage.conflict.title", "staff.triage.conflict.message"});
}

void MailQuarantinePages::list(Visit, http::Responder respond) const {
    auto* inbox = m_work.parts().mail_inbox;
    if (inbox == nullptr) return respond(failure(not_found()));
    inbox->quarantined_mail(
        k_listed, [this, respond = std::move(respond)](
                      util::Expected<std::vector<storage::QuarantinedMail>>&& rows) mutable {
            auto shared = std::make_shared<util::Expected<std::vector<storage::QuarantinedMail>>>(
                std::move(rows));
            respond.render([this, shared] {
                if (!*shared) return failure(shared->error());
                return list_page(**shared);
            });
        });
}

void MailQuarantinePages::download(Visit visit, http::Responder respond) const {
    auto* inbox = m_work.parts().mail_inbox;
    const auto id = mail_id(visit.request.parameter("mail"));
    if (inbox == nullptr || !id) return respond(failure(not_found()));
    const std::string actor = "staff:" + visit.signed_in.member.username;
    inbox->find_quarantined(
        *id, [this, actor, respond = std::move(respond)](
                 util::Expected<std::optional<storage::QuarantinedMail>>&& found) mutable {
            if (!found || !*found) {
                auto error = found ? not_found() : found.error();
                respond.render([this, error] { return failure(error); });
                return;
            }
            auto mail = std::make_shared<storage::QuarantinedMail>(std::move(**found));
            const auto& work = m_work.parts();
            domain::AuditEvent audit;
            audit.at = work.now();
            audit.actor = actor;
            audit.action = "mail.quarantine_downloaded";
            audit.object = fmt::format("mail-quarantine:{}", mail->id);
            // The message leaves only once its download is on the record.
            work.audit_trail.record_audit(std::move(audit),
                                          [this, mail, respond = std::move(respond)](
                                              util::Expected<std::int64_t> recorded) mutable {
                                              respond.render([this, mail, recorded] {
                                                  if (!recorded) return failure(recorded.error());
                                                  return attachment(*mail);
                                              });
                                          });
        });
}

http::Response MailQuarantinePages::list_page(
    const std::vector<storage::QuarantinedMail>& rows) const {
    return m_view.page(200, "staff/mail_quarantine.tpl", "staff.mail_quarantine.title",
                       [&](web::Dictionary& page) {
                           for (const auto& mail : rows) {
                               auto* row = page.AddSectionDictionary("MAIL");
                               row->SetIntValue("ID", static_cast<long>(mail.id));
                               row->SetValue("RECEIVED_AT",
                                             domain::iso_timestamp(mail.received_at));
                               row->SetValue("REASON", mail.reason);
                               row->SetValue("DETAIL", mail.detail);
                               row->SetValue("SIZE", fmt::format("{}", mail.size));
                           }
                           page.ShowSection(rows.empty() ? "EMPTY" : "LIST");
                       });
}

http::Response MailQuarantinePages::attachment(const storage::QuarantinedMail& mail) const {
    auto raw = m_work.parts().evidence.sealed_file(mail.stored_name, mail.size);
    if (!raw) {
        spdlog::error("console: quarantined mail {} cannot be given: {}", mail.id,
                      raw.error().message);
        return m_view.problem(500, "staff.evidence.unreadable.title",
                              "staff.evidence.unreadable.message");
    }
    http::Response response;
    response.body = std::move(*raw);
    response.headers.set("Content-Type", "application/octet-stream");
    response.headers.set("Content-Disposition",
                         fmt::format("attachment; filename=\"quarantined-mail-{}.eml\"", mail.id));
    // Should a browser open it anyway, it runs nothing and loads nothing.
    response.headers.set("Content-Security-Policy", "sandbox; default-src 'none'");
    return response;
}

}  // namespace redress::console
