// Checking a proof of filing: anyone (a complainant, a court, a journalist) pastes the
// confirmation text and reads whether this deployment signed it, and what it says.

#include "web/form_post.hpp"
#include "web/page_response.hpp"
#include "web/pages.hpp"
#include "web/site.hpp"

namespace redress::web {

void Site::verify_form(const http::Request& request, http::Responder respond) const {
    const auto query = http::FormData::parse(request.query);
    const auto& catalogue = language_of(request, query ? query->get("lang") : "");
    respond(page_response(200, m_pages.get("verify", catalogue.language(), [&] {
        return render_verify(context(catalogue, "/verify"), {});
    })));
}

void Site::verify_post(const http::Request& request, http::Responder respond) const {
    const auto form = read_form_post(request, m_settings.max_form_fields);
    if (!form) return refuse_post(request, form.error(), "/verify", respond);
    const auto& catalogue = language_of(request, form->get("lang"));
    const std::string_view pasted = form->get("confirmation");
    VerifyState state;
    state.pasted = pasted.substr(0, domain::k_max_confirmation_text);
    state.verification = intake::verify_confirmation(pasted, m_signing_keys);
    const int status = state.verification->verdict == intake::Verdict::unreadable ? 422 : 200;
    respond(page_response(status, render_verify(context(catalogue, "/verify"), state)));
}

}  // namespace redress::web
