#include "console/staff_view.hpp"

#include <spdlog/spdlog.h>

#include "web/page_response.hpp"

namespace redress::console {

namespace {

const web::Layout& console_layout() {
    static const web::Layout layout{"staff/head.tpl",
                                    "staff/foot.tpl",
                                    {"staff/sign_in.tpl",
                                     "staff/code.tpl",
                                     "staff/enrol.tpl",
                                     "staff/recovery_codes.tpl",
                                     "staff/home.tpl",
                                     "staff/problem.tpl",
                                     "staff/queue.tpl",
                                     "staff/complaint.tpl",
                                     "staff/referrals.tpl",
                                     "staff/case.tpl",
                                     "staff/cases.tpl",
                                     "staff/audit.tpl",
                                     "staff/identity.tpl",
                                     "staff/identity_requests.tpl",
                                     "staff/referral_packet.tpl",
                                     "staff/users.tpl",
                                     "staff/user.tpl",
                                     "staff/user_created.tpl",
                                     "staff/choose_password.tpl",
                                     "staff/overdue.tpl",
                                     "staff/evidence.tpl",
                                     "staff/mail_quarantine.tpl",

                                     "staff/intake.tpl",
                                     "staff/letter.tpl"}};
    return layout;
}

}  // namespace

StaffView::StaffView(const std::filesystem::path& templates_dir, const i18n::Languages& languages)
    : m_languages(languages),
      m_view(std::make_unique<web::View>(templates_dir, languages, console_layout())) {}

util::Expected<void> StaffView::check() const {
    return m_view->check();
}

const i18n::Catalogue& StaffView::catalogue() const {
    const auto* found = m_languages.find(k_staff_language);
    return found != nullptr ? *found : m_languages.fallback();
}

http::Response StaffView::page(int status, std::string_view template_file,
                               std::string_view title_key,
                               const std::function<void(web::Dictionary&)>& fill) const {
    auto dictionary = m_view->page(catalogue(), "/staff/", title_key, template_file);
    dictionary->SetValue("TITLE", web::tstr(catalogue().text(title_key)));
    if (fill) fill(*dictionary);
    return web::page_response(status, m_view->render(template_file, *dictionary));
}

http::Response StaffView::problem(int status, std::string_view title_key,
                                  std::string_view message_key) const {
    return page(status, "staff/problem.tpl", title_key, [&](web::Dictionary& page) {
        page.SetValue("MESSAGE", web::tstr(catalogue().text(message_key)));
    });
}

http::Response StaffView::failure(const util::Error& error, const FailureWords& words) const {
    switch (error.code) {
        case util::ErrorCode::not_found:
            return problem(404, "staff.not_found.title", "staff.not_found.message");
        case util::ErrorCode::forbidden:
            return problem(403, "staff.forbidden.title", words.forbidden);
        case util::ErrorCode::conflict:
            return problem(409, words.conflict_title, words.conflict_message);
        default:
            spdlog::error("console: {}: {}", words.what, error.message);
            return problem(503, "staff.unavailable.title", "staff.unavailable.message");
    }
}

}  // namespace redress::console
