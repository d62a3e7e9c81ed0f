#include "api/status_json.hpp"

#include "domain/finding.hpp"
#include "domain/message.hpp"

namespace redress::api {
namespace {

std::string office_name(const domain::Office* office, const std::string& language) {
    // An office removed from the configuration after filing keeps its id but loses its name.
    return office == nullptr ? std::string() : office->name.in(language);
}

std::string status_text(domain::Status status) {
    return std::string(domain::status_name(status));
}

}  // namespace

// What the office owes next by its service levels, and whether its day has passed.
nlohmann::json owed_json(const std::optional<domain::Owed>& owed) {
    if (!owed) return nullptr;
    return {
        {"promise", domain::clock_kind_name(owed->kind)},
        {"due", domain::iso_date(owed->due)},
        {"late", owed->tense == domain::OwedTense::was_due},
        {"waiting_on",
         owed->waiting_on == domain::PauseReason::none
             ? nlohmann::json(nullptr)
             : nlohmann::json(owed->waiting_on == domain::PauseReason::waiting_on_complainant
                                  ? "complainant"
                                  : "agency")},
    };
}

nlohmann::json next_step_json(const std::optional<domain::NextStep>& next_step) {
    if (!next_step) return nullptr;
    return {
        {"status", status_text(next_step->step)},
        {"due", domain::iso_date(next_step->due)},
    };
}

nlohmann::json filed_json(const intake::Filed& filed, const std::string& language) {
    nlohmann::json complaints = nlohmann::json::array();
    for (const intake::FiledWithOffice& each : filed.complaints) {
        complaints.push_back({
            {"office", each.complaint.office_id},
            {"office_name", office_name(each.office, language)},
            {"reference", each.complaint.reference},
            {"status", status_text(domain::Status::received)},
            {"next_step", next_step_json(each.next_step)},
        });
    }
    return {
        {"receipt", filed.receipt.text()},
        {"received_at", domain::iso_timestamp(filed.received_at)},
        {"complaints", std::move(complaints)},
        {"confirmation", confirmation_json(filed.confirmation)},
    };
}

nlohmann::json confirmation_json(const domain::Confirmation& confirmation) {
    return {
        {"text", confirmation.text()},
        {"received_at", domain::iso_timestamp(confirmation.received_at)},
        {"references", confirmation.references},
        {"filing_digest", confirmation.filing_digest},
        {"key", confirmation.key_id},
        {"signature", confirmation.signature},
    };
}

namespace {

// Both ways, oldest first: "office" or "complainant", never a member's name.
nlohmann::json messages_json(const std::vector<domain::Message>& messages) {
    nlohmann::json list = nlohmann::json::array();
    for (const domain::Message& message : messages) {
        list.push_back({
            {"at", domain::iso_timestamp(message.at)},
            {"from",
             message.kind == domain::MessageKind::to_complainant ? "office" : "complainant"},
            {"kind",
             message.kind == domain::MessageKind::reconsideration ? "reconsideration" : "message"},
            {"text", message.text},
        });
    }
    return list;
}

// The outcome once the case is closed: findings per allegation, the closure in plain words,
// the remedy, and until when reconsideration may be asked for.
nlohmann::json outcome_json(const std::optional<intake::OutcomeView>& outcome) {
    if (!outcome) return nullptr;
    nlohmann::json findings = nlohmann::json::array();
    for (const domain::AllegationFinding& each : outcome->findings) {
        findings.push_back(
            {{"category", each.category}, {"finding", domain::finding_name(each.finding)}});
    }
    return {
        {"findings", std::move(findings)},
        {"text", outcome->text},
        {"remedy",
         outcome->remedy.empty() ? nlohmann::json(nullptr) : nlohmann::json(outcome->remedy)},
        {"reconsider_until", outcome->reconsider_until
                                 ? nlohmann::json(domain::iso_date(*outcome->reconsider_until))
                                 : nlohmann::json(nullptr)},
        {"may_reconsider", outcome->may_reconsider},
    };
}

}  // namespace

nlohmann::json status_json(const intake::StatusView& view, const std::string& language) {
    const domain::ComplaintRecord& complaint = view.complaint;
    nlohmann::json timeline = nlohmann::json::array();
    for (const domain::TimelineEvent& event : complaint.timeline) {
        timeline.push_back({
            {"at", domain::iso_timestamp(event.at)},
            {"status", status_text(event.status)},
        });
    }
    return {
        {"reference", complaint.reference},
        {"office", complaint.office_id},
        {"office_name", office_name(view.office, language)},
        {"status", status_text(complaint.status)},
        {"received_at", domain::iso_timestamp(complaint.received_at)},
        {"timeline", std::move(timeline)},
        {"next_step", next_step_json(view.next_step)},
        {"owed", owed_json(view.owed)},
        {"messages", messages_json(view.messages)},
        {"outcome", outcome_json(view.outcome)},
        // Asked only of a confidential complainant: whether an office the complaint is
        // referred to may see who they are.
        {"identity_consent", complaint.confidentiality == "confidential"
                                 ? nlohmann::json(complaint.identity_consent)
                                 : nlohmann::json(nullptr)},
    };
}

}  // namespace redress::api
