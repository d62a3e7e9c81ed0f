#include "console/referral_packet.hpp"

#include <array>
#include <utility>

#include "console/staff_view.hpp"
#include "domain/calendar.hpp"
#include "domain/identity_access.hpp"

namespace redress::console {

namespace {

std::string office_name(const domain::Deployment& deployment, std::string_view id) {
    const auto* office = deployment.find_office(id);
    return office != nullptr ? office->name.in(k_staff_language) : std::string(id);
}

std::string category_label(const domain::Deployment& deployment, std::string_view id) {
    const auto* category = deployment.find_category(id);
    return category != nullptr ? category->label.in(k_staff_language) : std::string(id);
}

}  // namespace

ReferralPacket assemble_referral_packet(const storage::StaffComplaint& complaint,
                                        const intake::Account* account,
                                        const intake::People* people,
                                        const domain::Deployment& deployment,
                                        const PacketWords& words) {
    ReferralPacket packet;
    packet.reference = complaint.reference;
    packet.received_at = domain::iso_timestamp(complaint.received_at);
    packet.incident_date = complaint.incident_date;
    if (!packet.incident_date.empty() && complaint.incident_date_precision == "approximate") {
        packet.incident_date += " (" + words("staff.complaint.approximate") + ")";
    }
    if (const auto& referral = complaint.referral) {
        packet.from_office = office_name(deployment, referral->from_office);
        packet.to_office = office_name(deployment, referral->to_office);
        packet.referred_at = domain::iso_timestamp(referral->at);
        packet.reason = referral->reason;
        packet.other_reference = referral->external_reference;
    }
    // The referring member: the actor of the latest event that referred it.
    for (auto event = complaint.timeline.rbegin(); event != complaint.timeline.rend(); ++event) {
        if (event->status == domain::Status::referred) {
            packet.referred_by = event->actor;
            break;
        }
    }
    const auto& categories = complaint.staff_categories.empty() ? complaint.filed_categories
                                                                : complaint.staff_categories;
    for (const auto& category : categories) {
        packet.categories.push_back(category_label(deployment, category));
    }

    packet.account_opened = account != nullptr;
    if (account != nullptr) {
        const auto& incident = account->incident;
        const std::array<std::pair<std::string_view, const std::string*>, 7> parts{{
            {"staff.complaint.time", &incident.time},
            {"staff.complaint.when", &incident.when_description},
            {"staff.complaint.place", &incident.place},
            {"staff.complaint.city", &incident.city},
            {"staff.complaint.region", &incident.region},
            {"staff.complaint.narrative", &incident.narrative},
            {"staff.complaint.injuries", &incident.injuries},
        }};
        for (const auto& [label, text] : parts) {
            if (!text->empty()) packet.account.push_back({words(label), *text});
        }
        for (const auto& subject : account->subjects) {
            const std::array<std::pair<std::string_view, const std::string*>, 8> fields{{
                {"staff.subject.name", &subject.name},
                {"staff.subject.badge", &subject.badge},
                {"staff.subject.agency", &subject.agency},
                {"staff.subject.component", &subject.component},
                {"staff.subject.unit", &subject.unit},
                {"staff.subject.description", &subject.description},
                {"staff.subject.uniform", &subject.uniform},
                {"staff.subject.vehicle", &subject.vehicle},
            }};
            auto& lines = packet.subjects.emplace_back();
            for (const auto& [label, text] : fields) {
                if (!text->empty()) lines.push_back({words(label), *text});
            }
        }
    }

    packet.witness_count = complaint.witness_count;
    packet.witnesses_opened = people != nullptr;
    if (people != nullptr) {
        for (const auto& witness : people->witnesses) {
            if (!witness.account.empty()) packet.witnesses.push_back(witness.account);
        }
    }

    // The complainant's identity goes only where they let it: open, or with their consent.
    const bool passes =
        domain::identity_may_pass_on(complaint.confidentiality, complaint.identity_consent);
    if (passes && people != nullptr) {
        packet.identity =
            words(complaint.confidentiality == "open" ? "staff.packet.identity_open"
                                                      : "staff.packet.identity_with_consent");
        const auto& who = people->complainant;
        for (const auto& [label, text] : {std::pair{"staff.identity.name", &who.name},
                                          {"staff.identity.email", &who.email},
                                          {"staff.identity.phone", &who.phone},
                                          {"staff.identity.address", &who.postal_address}}) {
            if (!text->empty()) packet.complainant.push_back({words(label), *text});
        }
    } else {
        packet.identity = words("staff.packet.identity_withheld");
    }

    for (const auto& event : complaint.timeline) {
        packet.timeline.push_back(
            {domain::iso_timestamp(event.at),
             words("status." + std::string(domain::status_name(event.status))), event.actor,
             event.note});
    }
    return packet;
}

}  // namespace redress::console
