#include "console/packet_pages.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <memory>

#include "console/referral_packet.hpp"
#include "domain/identity_access.hpp"
#include "domain/reference.hpp"
#include "intake/people_sealing.hpp"

namespace redress::console {

namespace {

std::string_view delivery_name(bool download) {
    return download ? "download" : "print";
}

}  // namespace

void PacketPages::add_routes(StaffRoutes& routes) {
    using domain::Role;
    using http::Method;
    const auto working =
        Access::roles({Role::intake_officer, Role::investigator, Role::supervisor});
    routes.add(Method::get, "/staff/complaints/{reference}/referral-packet", working,
               [this](Visit visit, http::Responder respond) {
                   packet(std::move(visit), Delivery::print, std::move(respond));
               });
    routes.add(Method::get, "/staff/complaints/{reference}/referral-packet/download", working,
               [this](Visit visit, http::Responder respond) {
                   packet(std::move(visit), Delivery::download, std::move(respond));
               });
}

http::Response PacketPages::failure(const util::Error& error) const {
    return m_view.failure(error, {"referral packet", "staff.triage.forbidden",
                                  "staff.triage.conflict.title", "staff.triage.conflict.message"});
}

void PacketPages::packet(Visit visit, Delivery delivery, http::Responder respond) const {
    std::string reference(visit.request.parameter("reference"));
    if (!domain::may_be_reference(reference)) {
        respond(failure(util::Error{util::ErrorCode::not_found, "no such complaint"}));
        return;
    }
    const auto& parts = m_work.parts();
    const auto member = visit.signed_in.member;
    parts.triage.complaint(
        member, std::move(reference),
        [this, member, delivery,
         respond = std::move(respond)](util::Expected<storage::StaffComplaint> found) mutable {
            const auto& deployment = m_work.parts().deployment;
            if (!found) {
                respond.render([this, error = found.error()] { return failure(error); });
                return;
            }
            // Only a complaint referred to an external office has a packet.
            const auto* to =
                found->referral ? deployment.find_office(found->referral->to_office) : nullptr;
            if (to == nullptr || to->kind != domain::OfficeKind::external) {
                respond.render([this] {
                    return failure(util::Error{util::ErrorCode::not_found, "no referral packet"});
                });
                return;
            }
            auto complaint = std::make_shared<storage::StaffComplaint>(std::move(*found));
            const auto complaint_id = complaint->complaint_id;
            m_work.parts().casework.sealed_people(
                complaint_id, [this, member, delivery, complaint, respond = std::move(respond)](
                                  util::Expected<std::vector<std::uint8_t>> people) mutable {
                    const auto& work = m_work.parts();
                    if (!people) {
                        respond.render([this, error = people.error()] { return failure(error); });
                        return;
                    }
                    domain::AuditEvent audit;
                    audit.at = work.now();
                    audit.actor = "staff:" + member.username;
                    audit.action = "complaint.exported";
                    audit.object = "complaint:" + complaint->reference;
                    // Whether the complainant's identity went with it: their own word.
                    const bool identity = domain::identity_may_pass_on(complaint->confidentiality,
                                                                       complaint->identity_consent);
                    audit.details = fmt::format("packet=referral to={} as={} identity={}",
                                                complaint->referral->to_office,
                                                delivery_name(delivery == Delivery::download),
                                                identity ? "included" : "withheld");
                    auto sealed = std::make_shared<std::vector<std::uint8_t>>(std::move(*people));
                    // The packet leaves only once its export is on the record.
                    work.audit_trail.record_audit(
                        std::move(audit),
                        [this, delivery, complaint, sealed, respond = std::move(respond)](
                            util::Expected<std::int64_t> recorded) mutable {
                            respond.render([this, delivery, complaint, sealed, recorded] {
                                if (!recorded) return failure(recorded.error());
                                return page(*complaint, *sealed, delivery);
                            });
                        });
                });
        });
}

http::Response PacketPages::page(const storage::StaffComplaint& complaint,
                                 const std::vector<std::uint8_t>& sealed_people,
                                 Delivery delivery) const {
    const auto& parts = m_work.parts();
    const auto& catalogue = m_view.catalogue();
    auto account = intake::open_account(complaint.sealed_account, parts.content_key);
    if (!account) {
        // Never the account itself in the log: only that it did not open.
        spdlog::error("console: the account of {} does not open: {}", complaint.reference,
                      account.error().message);
    }
    std::optional<intake::People> people;
    if (sealed_people.empty()) {
        people.emplace();  // nothing personal was kept: no witnesses
    } else if (auto opened = intake::open_people(sealed_people, parts.identity_key)) {
        people = std::move(*opened);
    } else {
        spdlog::error("console: the people record of {} does not open: {}", complaint.reference,
                      opened.error().message);
    }
    const auto packet = assemble_referral_packet(
        complaint, account ? &*account : nullptr, people ? &*people : nullptr, parts.deployment,
        [&catalogue](std::string_view key) { return std::string(catalogue.text(key)); });

    auto response = m_view.page(
        200, "staff/referral_packet.tpl", "staff.packet.title", [&](web::Dictionary& page) {
            page.SetValue("REFERENCE", packet.reference);
            page.SetValue("OTHER_REFERENCE", packet.other_reference);
            if (packet.other_reference.empty()) page.ShowSection("NO_OTHER_REFERENCE");
            page.SetValue("FROM_OFFICE", packet.from_office);
            page.SetValue("TO_OFFICE", packet.to_office);
            page.SetValue("REFERRED_AT", packet.referred_at);
            page.SetValue("RECEIVED_AT", packet.received_at);
            page.SetValue("INCIDENT_DATE", packet.incident_date);
            if (packet.incident_date.empty()) page.ShowSection("NO_INCIDENT_DATE");
            page.SetValue("REFERRED_BY", packet.referred_by);
            page.SetValue("REASON", packet.reason);
            for (const auto& category : packet.categories) {
                page.AddSectionDictionary("CATEGORY")->SetValue("LABEL", category);
            }
            if (packet.categories.empty()) page.ShowSection("NO_CATEGORY");
            if (!packet.account_opened) page.ShowSection("ACCOUNT_UNREADABLE");
            for (const auto& line : packet.account) {
                auto* row = page.AddSectionDictionary("ACCOUNT_LINE");
                row->SetValue("LABEL", line.label);
                row->SetValue("TEXT", line.text);
            }
            for (const auto& subject : packet.subjects) {
                auto* item = page.AddSectionDictionary("SUBJECT");
                for (const auto& line : subject) {
                    auto* row = item->AddSectionDictionary("FIELD");
                    row->SetValue("LABEL", line.label);
                    row->SetValue("TEXT", line.text);
                }
            }
            if (packet.subjects.empty()) page.ShowSection("NO_SUBJECT");
            page.SetValue("WITNESS_COUNT", std::to_string(packet.witness_count));
            if (!packet.witnesses_opened) page.ShowSection("WITNESSES_UNREADABLE");
            for (const auto& witness : packet.witnesses) {
                page.AddSectionDictionary("WITNESS")->SetValue("TEXT", witness);
            }
            if (packet.witnesses_opened && packet.witnesses.empty()) page.ShowSection("NO_WITNESS");
            page.SetValue("IDENTITY", packet.identity);
            if (!packet.complainant.empty()) {
                auto* complainant = page.AddSectionDictionary("COMPLAINANT");
                for (const auto& line : packet.complainant) {
                    auto* row = complainant->AddSectionDictionary("LINE");
                    row->SetValue("LABEL", line.label);
                    row->SetValue("TEXT", line.text);
                }
            }
            for (const auto& event : packet.timeline) {
                auto* row = page.AddSectionDictionary("EVENT");
                row->SetValue("AT", event.at);
                row->SetValue("STATUS", event.status);
                row->SetValue("ACTOR", event.actor);
                row->SetValue("NOTE", event.note);
            }
            if (delivery == Delivery::print) page.ShowSection("PRINT");
        });
    response.headers.set("X-Content-Type-Options", "nosniff");
    if (delivery == Delivery::download) {
        // The reference is one the store matched: letters, digits and hyphens.
        response.headers.set("Content-Disposition", "attachment; filename=\"referral-packet-" +
                                                        packet.reference + ".html\"");
    }
    return response;
}

}  // namespace redress::console
