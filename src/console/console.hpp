#pragma once
// The console: the staff side's web interface, under /staff/. Server-rendered pages with
// plain HTML forms, so that everything works with JavaScript off. This holds the sign-in
// pages (password, second factor, enrolment with its QR code, the recovery codes shown
// once), sign-out, and the home page with a link to each office's work list; the pages of
// the offices' work (work_pages.hpp) add themselves to the same StaffRoutes table, each
// with its access policy.

#include <filesystem>
#include <memory>

#include "console/admin_pages.hpp"
#include "console/audit_pages.hpp"
#include "console/case_pages.hpp"
#include "console/clock_hold_pages.hpp"
#include "console/evidence_pages.hpp"
#include "console/identity_pages.hpp"
#include "console/intake_pages.hpp"
#include "console/mail_quarantine_pages.hpp"
#include "console/message_pages.hpp"
#include "console/overdue_pages.hpp"
#include "console/packet_pages.hpp"
#include "console/referral_pages.hpp"
#include "console/staff_routes.hpp"
#include "console/staff_view.hpp"
#include "console/work_pages.hpp"
#include "http/router.hpp"
#include "i18n/languages.hpp"
#include "staff/sessions.hpp"
#include "staff/sign_in.hpp"
#include "util/error.hpp"

namespace redress::console {

struct ConsoleSettings {
    std::filesystem::path templates_dir;
    std::size_t max_form_fields = http::k_default_max_form_fields;
    std::chrono::seconds ticket_lifetime{10 * 60};  // the sign-in cookie between steps
    // Where the public reaches this deployment, for the acknowledgment letter ("" : none).
    std::string public_url{};
};

class Console {
  public:
    // Everything is borrowed and must outlive the Console and its routes.
    Console(staff::Sessions& sessions, staff::SignIn& sign_in, const i18n::Languages& languages,
            WorkParts work, ConsoleSettings settings);
    ~Console();
    Console(const Console&) = delete;
    Console& operator=(const Console&) = delete;

    // Whether the templates are usable; call once at start-up.
    util::Expected<void> check() const;

    // Adds the console's routes to `router`, and answers the table of them.
    StaffRoutes& add_routes(http::Router& router);

  private:
    void sign_in_form(const http::Request& request, http::Responder respond) const;
    void sign_in_post(const http::Request& request, http::Responder respond);
    void code_form(const http::Request& request, http::Responder respond) const;
    void code_post(const http::Request& request, http::Responder respond);
    void password_form(const http::Request& request, http::Responder respond) const;
    void password_post(const http::Request& request, http::Responder respond);
    void enrol_form(const http::Request& request, http::Responder respond) const;
    void enrol_post(const http::Request& request, http::Responder respond);
    void sign_out(Visit visit, http::Responder respond);
    void home(Visit visit, http::Responder respond) const;

    // The result of a sign-in step as a response; `again` shows the step's form again with
    // a notice, for a refusal.
    using Again = std::function<http::Response(std::string_view notice_key)>;
    http::Response step_response(staff::StepResult result, const Again& again) const;
    http::Response page(int status, std::string_view template_file, std::string_view title_key,
                        const std::function<void(web::Dictionary&)>& fill) const;
    http::Response problem(int status, std::string_view title_key,
                           std::string_view message_key) const;
    const i18n::Catalogue& catalogue() const;

    staff::Sessions& m_sessions;
    staff::SignIn& m_sign_in;
    const i18n::Languages& m_languages;
    const domain::Deployment& m_deployment;
    ConsoleSettings m_settings;
    std::unique_ptr<StaffView> m_view;
    std::unique_ptr<WorkPages> m_work;
    std::unique_ptr<ReferralPages> m_referrals;
    std::unique_ptr<CasePages> m_cases;
    std::unique_ptr<MessagePages> m_messages;
    std::unique_ptr<PacketPages> m_packets;
    std::unique_ptr<EvidencePages> m_evidence;
    std::unique_ptr<MailQuarantinePages> m_mail_quarantine;
    std::unique_ptr<AuditPages> m_audit;
    std::unique_ptr<IdentityPages> m_identity;
    std::unique_ptr<ClockHoldPages> m_clock_holds;
    std::unique_ptr<OverduePages> m_overdue;
    std::unique_ptr<AdminPages> m_admin;
    std::unique_ptr<IntakePages> m_intake;
    std::unique_ptr<StaffRoutes> m_routes;
};

}  // namespace redress::console
