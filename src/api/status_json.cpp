#include "api/status_json.hpp"

#include "domain/finding.hpp"
#include "domain/message.hpp"
#include "util/json_text.hpp"

namespace redress::api {
namespace {

std::string office_name(const domain::Office* office, const std::string& language) {
    // An office removed from the configuration after filing keeps its id but loses its name.
    return office == nullptr ? std::string() : office->name.in(language);
}

// Members are written in the order of their keys, as a JSON document would write them.

// The next step of the complaint's course and its date from receipt.
void write_next_step(util::JsonText& out, const std::optional<domain::NextStep>& next_step) {
    if (!next_step) {
        out.null("next_step");
        return;
    }
    out.open_object("next_step")
        .text("due", domain::iso_date(next_step->due))
        .text("status", domain::status_name(next_step->step))
        .close();
}

// What the office owes next by its service levels, and whether its day has passed.
void write_owed(util::JsonText& out, const std::optional<domain::Owed>& owed) {
    if (!owed) {
        out.null("owed");
        return;
    }
    out.open_object("owed")
        .text("due", domain::iso_date(owed->due))
        .flag("late", owed->tense == domain::OwedTense::was_due)
        .text("promise", domain::clock_kind_name(owed->kind));
    std::string_view waiting_on;
    if (owed->waiting_on != domain::PauseReason::none) {
        waiting_on = owed->waiting_on == domain::PauseReason::waiting_on_complainant ? "complainant"
                                                                                     : "agency";
    }
    out.text_or_null("waiting_on", waiting_on).close();
}

// Both ways, oldest first: "office" or "complainant", never a member's name.
void write_messages(util::JsonText& out, const std::vector<domain::Message>& messages) {
    out.open_list("messages");
    for (const domain::Message& message : messages) {
        out.open_object()
            .text("at", domain::iso_timestamp(message.at))
            .text("from",
                  message.kind == domain::MessageKind::to_complainant ? "office" : "complainant")
            .text("kind", message.kind == domain::MessageKind::reconsideration ? "reconsideration"
                                                                               : "message")
            .text("text", message.text)
            .close();
    }
    out.close();
}

// The outcome once the case is closed: findings per allegation, the closure in plain words,
// the remedy, and until when reconsideration may be asked for.
void write_outcome(util::JsonText& out, const std::optional<intake::OutcomeView>& outcome) {
    if (!outcome) {
        out.null("outcome");
        return;
    }
    out.open_object("outcome").open_list("findings");
    for (const domain::AllegationFinding& each : outcome->findings) {
        out.open_object()
            .text("category", each.category)
            .text("finding", domain::finding_name(each.finding))
            .close();
    }
    const std::string until =
        outcome->reconsider_until ? domain::iso_date(*outcome->reconsider_until) : "";
    out.close()
        .flag("may_reconsider", outcome->may_reconsider)
        .text_or_null("reconsider_until", until)
        .text_or_null("remedy", outcome->remedy)
        .text("text", outcome->text)
        .close();
}

}  // namespace

void write_confirmation(util::JsonText& out, std::string_view key,
                        const domain::Confirmation& confirmation) {
    out.open_object(key)
        .text("filing_digest", confirmation.filing_digest)
        .text("key", confirmation.key_id)
        .text("received_at", domain::iso_timestamp(confirmation.received_at))
        .texts("references", confirmation.references)
        .text("signature", confirmation.signature)
        .text("text", confirmation.text())
        .close();
}

std::string filed_json(const intake::Filed& filed, const std::string& language) {
    util::JsonText out;
    out.open_list("complaints");
    for (const intake::FiledWithOffice& each : filed.complaints) {
        out.open_object();
        write_next_step(out, each.next_step);
        out.text("office", each.complaint.office_id)
            .text("office_name", office_name(each.office, language))
            .text("reference", each.complaint.reference)
            .text("status", domain::status_name(domain::Status::received))
            .close();
    }
    out.close();
    write_confirmation(out, "confirmation", filed.confirmation);
    return out.text("receipt", filed.receipt.text())
        .text("received_at", domain::iso_timestamp(filed.received_at))
        .take();
}

std::string status_json(const intake::StatusView& view, const std::string& language) {
    const domain::ComplaintRecord& complaint = view.complaint;
    util::JsonText out;
    // Asked only of a confidential complainant: whether an office the complaint is referred
    // to may see who they are.
    if (complaint.confidentiality == "confidential") {
        out.flag("identity_consent", complaint.identity_consent);
    } else {
        out.null("identity_consent");
    }
    write_messages(out, view.messages);
    write_next_step(out, view.next_step);
    out.text("office", complaint.office_id).text("office_name", office_name(view.office, language));
    write_outcome(out, view.outcome);
    write_owed(out, view.owed);
    out.text("received_at", domain::iso_timestamp(complaint.received_at))
        .text("reference", complaint.reference)
        .text("status", domain::status_name(complaint.status))
        .open_list("timeline");
    for (const domain::TimelineEvent& event : complaint.timeline) {
        out.open_object()
            .text("at", domain::iso_timestamp(event.at))
            .text("status", domain::status_name(event.status))
            .close();
    }
    return out.take();
}

}  // namespace redress::api
