// The complaint form's routes: show it, add blocks, review, file.

#include <spdlog/spdlog.h>

#include <algorithm>
#include <memory>

#include "http/form_data.hpp"
#include "web/filing_form.hpp"
#include "web/form_post.hpp"
#include "web/page_cache.hpp"
#include "web/page_response.hpp"
#include "web/pages.hpp"
#include "web/site.hpp"

namespace redress::web {

namespace {

std::size_t blocks_for(std::size_t filled) {
    return std::max<std::size_t>(1, filled);
}

}  // namespace

void Site::respond_form(http::Responder& respond, int status, const i18n::Catalogue& catalogue,
                        const FormState& state) const {
    respond(form_response(status, catalogue, state));
}

http::Response Site::form_response(int status, const i18n::Catalogue& catalogue,
                                   const FormState& state) const {
    FormState bounded = state;
    bounded.errors_listed = m_intake.limits().errors_reported;
    return page_response(status, render_form(context(catalogue, "/complaint"), bounded));
}

void Site::complaint_form(const http::Request& request, http::Responder respond) const {
    const auto query = http::FormData::parse(request.query);
    const auto& catalogue = language_of(request, query ? query->get("lang") : "");
    auto page = m_pages.get("complaint", catalogue.language(), [&] {
        const domain::Filing filing;
        return render_form(context(catalogue, "/complaint"),
                           FormState{filing, 1, 1, {}, "", k_token_placeholder});
    });
    if (page) page = with_token(std::move(*page), m_tokens.issue(m_now()));
    respond(page_response(200, std::move(page)));
}

void Site::complaint_post(const http::Request& request, http::Responder respond) {
    const auto form = read_form_post(request, m_settings.max_form_fields);
    if (!form) return refuse_post(request, form.error(), "/complaint", respond);
    const auto& catalogue = language_of(request, form->get("lang"));
    domain::Filing filing = filing_from_form(*form, catalogue.language());
    std::size_t subjects = blocks_for(filing.subjects.size());
    std::size_t witnesses = blocks_for(filing.witnesses.size());
    const std::string token = m_tokens.issue(m_now());

    // Nothing is stored, nor even checked, without a token from a recent form of ours.
    if (!m_tokens.verify(form->get("form_token"), m_now())) {
        respond_form(respond, 400, catalogue,
                     FormState{filing, subjects, witnesses, {}, "form.expired", token});
        return;
    }

    const std::string_view action = form->get("action");
    if (action == "add_subject" || action == "add_witness") {
        std::size_t& blocks = action == "add_subject" ? subjects : witnesses;
        blocks = std::min(blocks + 1, k_max_blocks);
        respond_form(respond, 200, catalogue,
                     FormState{filing, subjects, witnesses, {}, "", token});
        return;
    }
    if (action == "edit") {
        respond_form(respond, 200, catalogue,
                     FormState{filing, subjects, witnesses, {}, "", token});
        return;
    }
    if (action == "file") {
        file(std::move(filing), catalogue, std::move(respond));
        return;
    }
    // "review", and a form sent without a button (Enter in a field on an old browser).
    const intake::Preview preview = m_intake.preview(filing);
    if (!preview.errors.empty()) {
        respond_form(respond, 422, catalogue,
                     FormState{filing, subjects, witnesses, preview.errors, "", token});
        return;
    }
    respond(page_response(200, render_review(context(catalogue, "/complaint"), preview, token)));
}

void Site::file(domain::Filing filing, const i18n::Catalogue& catalogue, http::Responder respond) {
    // The form is shown again from what was typed if filing is refused, so keep a copy.
    auto typed = std::make_shared<const domain::Filing>(filing);
    // The page is made (and the proof signed) on the connection's thread, not the store's.
    m_intake.file(
        std::move(filing), domain::Channel::web,
        [this, typed, &catalogue, respond = std::move(respond)](
            std::expected<intake::Stored, intake::Refusal> result) mutable {
            respond.render([this, typed, &catalogue, result = std::move(result)]() mutable {
                return filed_page(*typed, catalogue, std::move(result));
            });
        });
}

http::Response Site::filed_page(const domain::Filing& typed, const i18n::Catalogue& catalogue,
                                std::expected<intake::Stored, intake::Refusal> result) const {
    if (result) {
        const intake::Filed filed = m_intake.confirm(std::move(*result));
        return page_response(200, render_confirmation(context(catalogue, "/complaint"), filed));
    }
    const std::size_t subjects = blocks_for(typed.subjects.size());
    const std::size_t witnesses = blocks_for(typed.witnesses.size());
    const std::string token = m_tokens.issue(m_now());
    if (result.error().failure) {
        spdlog::error("web: filing not stored: {}", result.error().failure->message);
        return form_response(503, catalogue,
                             FormState{typed, subjects, witnesses, {}, "form.not_stored", token});
    }
    return form_response(422, catalogue,
                         FormState{typed, subjects, witnesses, result.error().errors, "", token});
}

}  // namespace redress::web
