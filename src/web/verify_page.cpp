#include "crypto/signature.hpp"
#include "domain/calendar.hpp"
#include "web/messages.hpp"
#include "web/pages.hpp"

namespace redress::web {

void add_signing_keys(Dictionary& page, std::span<const intake::PublishedKey> keys) {
    for (const auto& key : keys) {
        Dictionary* item = page.AddSectionDictionary("SIGNING_KEY");
        item->SetValue("KEY_ID", key.key_id);
        item->SetValue("PUBLIC_KEY", crypto::to_base64(key.public_key));
        if (key.current) item->ShowSection("CURRENT_KEY");
    }
}

util::Expected<std::string> render_verify(const PageContext& context, const VerifyState& state) {
    const auto& catalogue = context.catalogue;
    auto page = context.view.page(catalogue, context.path, "verify.title");
    page->SetValue("PASTED", tstr(state.pasted));
    add_signing_keys(*page, context.signing_keys);
    if (state.verification) {
        const auto& verification = *state.verification;
        Dictionary* verdict = page->AddSectionDictionary("VERDICT");
        const std::string key = "verify." + std::string(intake::verdict_name(verification.verdict));
        verdict->SetValue("VERDICT_TEXT", tstr(catalogue.text(key)));
        if (verification.verdict == intake::Verdict::genuine) {
            verdict->ShowSection("GENUINE");
            const auto& confirmation = verification.confirmation;
            Dictionary* details = verdict->AddSectionDictionary("DETAILS");
            details->SetValue("RECEIVED_AT", domain::iso_timestamp(confirmation.received_at));
            for (const auto& reference : confirmation.references) {
                details->AddSectionDictionary("REFERENCE")->SetValue("REF", reference);
            }
            details->SetValue("DIGEST", confirmation.filing_digest);
            details->SetValue("KEY", confirmation.key_id);
        }
    }
    return context.view.render("verify.tpl", *page);
}

}  // namespace redress::web
