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
    // One file more than allowed is read, to be refused with the form's own message.
    const std::size_t max_files = m_evidence ? m_evidence->intake.limits().max_files + 1 : 0;
    auto post = read_post_with_files(request, m_settings.max_form_fields, max_files);
    if (!post) return refuse_post(request, post.error(), "/complaint", respond);
    const http::FormData* form = &post->form;
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
        if (!post->files.empty()) {
            file_with_evidence(std::move(filing), catalogue, std::move(*post), std::move(respond));
            return;
        }
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
    std::optional<ReviewEvidence> evidence;
    if (m_evidence) evidence.emplace(ReviewEvidence{m_evidence->intake.limits(), {}});
    respond(page_response(200, render_review(context(catalogue, "/complaint"), preview, token,
                                             evidence ? &*evidence : nullptr)));
}

void Site::file_with_evidence(domain::Filing filing, const i18n::Catalogue& catalogue,
                              FormWithFiles post, http::Responder respond) {
    const std::string token = m_tokens.issue(m_now());
    const intake::Preview preview = m_intake.preview(filing);
    if (!preview.errors.empty()) {
        respond_form(respond, 422, catalogue,
                     FormState{filing, blocks_for(filing.subjects.size()),
                               blocks_for(filing.witnesses.size()), preview.errors, "", token});
        return;
    }
    auto checked = std::make_shared<intake::CheckedFiles>(m_evidence->intake.check(post.files));
    if (!checked->errors.empty()) {
        const ReviewEvidence evidence{m_evidence->intake.limits(), checked->errors};
        respond(page_response(
            422, render_review(context(catalogue, "/complaint"), preview, token, &evidence)));
        return;
    }
    // Sealing and flushing files blocks on the disk: on the evidence threads, which then
    // file; the page is made on the connection's thread.
    auto answer = std::make_shared<http::Responder>(std::move(respond));
    auto typed = std::make_shared<const domain::Filing>(std::move(filing));
    auto shared_post = std::make_shared<FormWithFiles>(std::move(post));
    const bool queued = m_evidence->work.try_submit([this, typed, &catalogue, checked, shared_post,
                                                     answer] {
        auto kept = m_evidence->intake.keep(shared_post->files, *checked,
                                            domain::EvidenceSource::complainant, m_now());
        if (!kept) {
            spdlog::error("web: evidence not kept: {}", kept.error().message);
            answer->render([this, typed, &catalogue, failure = kept.error()] {
                return filed_page(*typed, catalogue, std::unexpected(intake::Refusal{{}, failure}));
            });
            return;
        }
        std::vector<std::string> names;
        for (const auto& file : shared_post->files) {
            names.push_back(domain::display_name(file.given_name));
        }
        m_intake.file(
            *typed, domain::Channel::web,
            [this, typed, &catalogue, answer, names = std::move(names), files = *kept,
             folder = m_evidence->intake.folder()](
                std::expected<intake::Stored, intake::Refusal> result) mutable {
                if (!result) intake::EvidenceIntake::discard(folder, files);
                answer->render([this, typed, &catalogue, result = std::move(result),
                                names = std::move(names)]() mutable {
                    return filed_page(*typed, catalogue, std::move(result), names);
                });
            },
            std::move(*kept));
    });
    if (!queued) {
        (*answer)(form_response(503, catalogue,
                                FormState{*typed,
                                          blocks_for(typed->subjects.size()),
                                          blocks_for(typed->witnesses.size()),
                                          {},
                                          "form.not_stored",
                                          token}));
    }
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
                                std::expected<intake::Stored, intake::Refusal> result,
                                std::span<const std::string> files) const {
    if (result) {
        const intake::Filed filed = m_intake.confirm(std::move(*result));
        return page_response(200,
                             render_confirmation(context(catalogue, "/complaint"), filed, files));
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
