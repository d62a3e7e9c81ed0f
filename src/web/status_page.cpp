#include "domain/calendar.hpp"
#include "domain/complaint_status.hpp"
#include "domain/finding.hpp"
#include "web/field_text.hpp"
#include "web/messages.hpp"
#include "web/pages.hpp"

namespace redress::web {

namespace {

// What the office owes next, said truthfully: due by a day, or due on a day now past.
void add_owed(Dictionary& result, const i18n::Catalogue& catalogue,
              const std::optional<domain::Owed>& owed) {
    if (!owed) return;
    const auto tense = owed->tense == domain::OwedTense::due_by ? "due_by" : "was_due";
    const std::string key =
        "owed." + std::string(domain::clock_kind_name(owed->kind)) + "." + tense;
    const std::string due = domain::iso_date(owed->due);
    Dictionary* shown = result.AddSectionDictionary("OWED");
    shown->SetValue("OWED_TEXT",
                    fill(catalogue.text(key), {{"date", left_to_right(catalogue, due)}}));
    shown->SetValue("OWED_DATE", due);
    if (owed->tense == domain::OwedTense::was_due) shown->ShowSection("LATE");
    if (owed->waiting_on != domain::PauseReason::none) {
        shown->SetValueAndShowSection(
            "WAITING_TEXT",
            tstr(
                catalogue.text("owed." + std::string(domain::pause_reason_name(owed->waiting_on)))),
            "WAITING");
    }
}

std::string status_label(const i18n::Catalogue& catalogue, domain::Status status) {
    return std::string(catalogue.text("status." + std::string(domain::status_name(status))));
}

// The deployment's name for an allegation, in the page's language; its id if unknown.
std::string category_label(const PageContext& context, const std::string& id) {
    for (const domain::Category& category : context.deployment.categories) {
        if (category.id == id) return category.label.in(context.catalogue.language());
    }
    return id;
}

void add_messages(Dictionary& result, const PageContext& context, const intake::StatusView& view) {
    const auto& catalogue = context.catalogue;
    if (view.messages.empty()) result.ShowSection("NO_MESSAGES");
    for (const domain::Message& message : view.messages) {
        Dictionary* item = result.AddSectionDictionary("MESSAGE");
        const bool from_office = message.kind == domain::MessageKind::to_complainant;
        item->SetValue("MESSAGE_CLASS", from_office ? "from-office" : "from-you");
        item->SetValue("MESSAGE_FROM",
                       tstr(catalogue.text(from_office ? "messages.from_office"
                                           : message.kind == domain::MessageKind::reconsideration
                                               ? "messages.from_you.reconsideration"
                                               : "messages.from_you")));
        item->SetValue("MESSAGE_DATE", domain::iso_date(domain::date_of(message.at)));
        item->SetValue("MESSAGE_TEXT", message.text);
    }
}

void add_error(Dictionary& form, const PageContext& context,
               const std::optional<ReplyError>& error) {
    if (!error) return;
    form.ShowSection("HAS_ERROR");
    form.SetValue("ERROR", tstr(context.catalogue.text(error->message_key)));
    form.SetValue("TEXT_VALUE", tstr(error->text));
}

void add_outcome(Dictionary& result, const PageContext& context, const intake::OutcomeView& outcome,
                 const StatusState& state) {
    const auto& catalogue = context.catalogue;
    Dictionary* section = result.AddSectionDictionary("OUTCOME");
    for (const domain::AllegationFinding& finding : outcome.findings) {
        Dictionary* item = section->AddSectionDictionary("FINDING");
        item->SetValue("ALLEGATION", category_label(context, finding.category));
        item->SetValue(
            "FINDING_TEXT",
            tstr(catalogue.text("finding." + std::string(domain::finding_name(finding.finding)))));
    }
    section->SetValue("OUTCOME_TEXT", outcome.text);
    if (!outcome.remedy.empty()) {
        section->SetValueAndShowSection("REMEDY_TEXT", outcome.remedy, "HAS_REMEDY");
    }
    if (!outcome.reconsider_until) return;
    const std::string until = domain::iso_date(*outcome.reconsider_until);
    const std::string shown = left_to_right(catalogue, until);
    if (!outcome.may_reconsider) {
        section->SetValueAndShowSection(
            "RECONSIDER_CLOSED", fill(catalogue.text("reconsider.closed"), {{"date", shown}}),
            "WINDOW_CLOSED");
        return;
    }
    Dictionary* form = section->AddSectionDictionary("RECONSIDER_FORM");
    form->SetValue("RECONSIDER_OPEN", fill(catalogue.text("reconsider.open"), {{"date", shown}}));
    form->SetValue("RECONSIDER_UNTIL", until);
    add_error(*form, context, state.reconsideration_error);
}

void add_evidence_form(Dictionary& result, const PageContext& context, const StatusState& state) {
    const auto& catalogue = context.catalogue;
    const auto& limits = *state.evidence;
    Dictionary* form = result.AddSectionDictionary("EVIDENCE_FORM");
    constexpr std::uint64_t k_mib = 1024 * 1024;
    form->SetValue("EVIDENCE_LIMITS",
                   fill(catalogue.text("review.evidence.limits"),
                        {{"files", std::to_string(limits.max_files)},
                         {"size", std::to_string(limits.max_file_bytes / k_mib)},
                         {"total", std::to_string(limits.max_total_bytes / k_mib)}}));
    for (const domain::FieldError& error : state.evidence_errors) {
        form->AddSectionDictionary("EVIDENCE_ERROR")
            ->SetValue("EVIDENCE_ERROR_TEXT", error_text(catalogue, error));
    }
    if (state.files_added > 0) {
        form->SetValueAndShowSection(
            "EVIDENCE_ADDED",
            fill(catalogue.text("evidence.added"), {{"count", std::to_string(state.files_added)}}),
            "HAS_EVIDENCE_ADDED");
    }
}

void add_result(Dictionary& page, const PageContext& context, const StatusState& state) {
    const auto& catalogue = context.catalogue;
    const intake::StatusView& view = *state.found;
    Dictionary* result = page.AddSectionDictionary("RESULT");
    result->SetValue("REFERENCE", view.complaint.reference);
    result->SetValue("RECEIPT", tstr(state.receipt));
    result->SetValue("OFFICE_NAME", view.office ? view.office->name.in(catalogue.language())
                                                : view.complaint.office_id);
    result->SetValue("RECEIVED_ON", domain::iso_date(domain::date_of(view.complaint.received_at)));
    result->SetValue("STATUS_LABEL", status_label(catalogue, view.complaint.status));
    for (const domain::TimelineEvent& event : view.complaint.timeline) {
        Dictionary* entry = result->AddSectionDictionary("EVENT");
        entry->SetValue("EVENT_DATE", domain::iso_date(domain::date_of(event.at)));
        entry->SetValue("EVENT_STATUS", status_label(catalogue, event.status));
        if (!event.note.empty()) entry->SetValueAndShowSection("NOTE", event.note, "EVENT_NOTE");
    }
    add_owed(*result, catalogue, view.owed);
    if (view.outcome) add_outcome(*result, context, *view.outcome, state);
    add_messages(*result, context, view);
    Dictionary* reply = result->AddSectionDictionary("REPLY_FORM");
    add_error(*reply, context, state.reply_error);
    if (state.evidence != nullptr) add_evidence_form(*result, context, state);
    // Only a confidential complainant is asked whether a referral may pass on who they are.
    if (view.complaint.confidentiality == "confidential") {
        Dictionary* consent = result->AddSectionDictionary("CONSENT");
        consent->ShowSection(view.complaint.identity_consent ? "CONSENT_GIVEN"
                                                             : "CONSENT_NOT_GIVEN");
    }
}

}  // namespace

util::Expected<std::string> render_status(const PageContext& context, const StatusState& state) {
    const auto& catalogue = context.catalogue;
    auto page = context.view.page(catalogue, context.path, "lookup.title");
    page->SetValue("FORM_TOKEN", tstr(state.form_token));
    page->SetValue("REFERENCE_VALUE", tstr(state.reference));
    if (!state.notice_key.empty()) {
        page->SetValueAndShowSection("NOTICE", tstr(catalogue.text(state.notice_key)),
                                     "HAS_NOTICE");
    }
    if (state.not_found) page->ShowSection("NOT_FOUND");
    if (state.found) add_result(*page, context, state);
    return context.view.render("status.tpl", *page);
}

}  // namespace redress::web
