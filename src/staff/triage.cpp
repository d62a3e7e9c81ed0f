#include "staff/triage.hpp"

#include <fmt/format.h>

#include "domain/identity_access.hpp"

namespace redress::staff {

namespace {

util::Error not_found() {
    return util::Error{util::ErrorCode::not_found, "no such complaint"};
}

std::string details_of(const domain::TriageDecision& decision) {
    std::string details =
        fmt::format("action={} priority={}", domain::triage_action_name(decision.action),
                    domain::priority_name(decision.priority));
    if (!decision.categories.empty()) {
        details += fmt::format(" categories={}", fmt::join(decision.categories, ","));
    }
    if (decision.action == domain::TriageAction::refer) {
        details += fmt::format(" to={}", decision.to_office);
        if (!decision.external_reference.empty()) {
            details += fmt::format(" their_reference={}", decision.external_reference);
        }
    }
    if (decision.close_reason) {
        details +=
            fmt::format(" close_reason={}", domain::close_reason_name(*decision.close_reason));
    }
    return details;
}

}  // namespace

bool may_read(const domain::StaffMember& member, std::string_view office_id) {
    return member.works_complaints_of(office_id);
}

bool may_triage(const domain::StaffMember& member, std::string_view office_id) {
    return may_read(member, office_id) &&
           (member.has(domain::Role::intake_officer) || member.has(domain::Role::supervisor));
}

bool may_read(const domain::StaffMember& member, const storage::StaffComplaint& complaint) {
    if (domain::is_closed_to(member, complaint.excluded_staff, complaint.subject_marks)) {
        return false;
    }
    if (may_read(member, complaint.office_id)) {
        // In a case, an investigator reads only the cases assigned to them.
        return !complaint.case_id || member.has(domain::Role::intake_officer) ||
               member.has(domain::Role::supervisor) ||
               (complaint.case_investigator && *complaint.case_investigator == member.id);
    }
    const auto& referral = complaint.referral;
    return referral && referral->state == domain::ReferralState::sent &&
           may_read(member, referral->to_office);
}

void Triage::complaint(const domain::StaffMember& member, std::string reference,
                       storage::Done<storage::StaffComplaint> done) {
    m_casework.staff_complaint(
        std::move(reference),
        [member, done = std::move(done)](
            util::Expected<std::optional<storage::StaffComplaint>>&& found) mutable {
            if (!found) return done(std::unexpected(found.error()));
            if (!found->has_value() || !may_read(member, **found)) {
                return done(std::unexpected(not_found()));
            }
            done(std::move(**found));
        });
}

void Triage::decide(const domain::StaffMember& member, std::string reference,
                    domain::TriageDecision decision, domain::Timestamp now,
                    storage::Done<TriageResult> done) {
    m_casework.staff_complaint(
        reference,
        [this, member, reference, decision = std::move(decision), now, done = std::move(done)](
            util::Expected<std::optional<storage::StaffComplaint>>&& found) mutable {
            if (!found) return done(std::unexpected(found.error()));
            if (!found->has_value() || !may_read(member, **found)) {
                return done(std::unexpected(not_found()));
            }
            const auto& complaint = **found;
            if (!may_triage(member, complaint.office_id)) {
                return done(util::fail(util::ErrorCode::forbidden,
                                       "only intake officers and supervisors triage"));
            }
            TriageResult result;
            result.problems =
                domain::check_triage(decision, complaint.status, complaint.office_id, m_deployment);
            if (!result.problems.empty()) return done(std::move(result));

            storage::TriageRecord record;
            record.reference = reference;
            record.office_id = complaint.office_id;
            record.staff_id = member.id;
            record.actor = "staff:" + member.username;
            record.at = now;
            record.decision = std::move(decision);
            domain::AuditEvent audit;
            audit.at = now;
            audit.actor = record.actor;
            audit.action = "complaint.triaged";
            audit.object = "complaint:" + reference;
            audit.reason = record.decision.reason;
            audit.details = details_of(record.decision);
            // The write's completion runs on the writer thread: it only hands the answer on.
            m_casework.record_triage(
                std::move(record), std::move(audit),
                [done = std::move(done)](util::Expected<domain::Status> status) mutable {
                    if (!status) return done(std::unexpected(status.error()));
                    done(TriageResult{*status, {}});
                });
        });
}

}  // namespace redress::staff
