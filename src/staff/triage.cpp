#include "staff/triage.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "domain/identity_access.hpp"
#include "domain/reference.hpp"

namespace redress::staff {

namespace {

util::Error not_found() {
    return util::Error{util::ErrorCode::not_found, "no such complaint"};
}

}  // namespace

std::string triage_details(const domain::TriageDecision& decision) {
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
    if (!decision.duplicate_of.empty()) {
        details += fmt::format(" duplicate_of={}", decision.duplicate_of);
    }
    return details;
}

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

bool may_read(const domain::StaffMember& member, const storage::DuplicateCandidate& candidate) {
    storage::StaffComplaint seen;
    seen.office_id = candidate.office_id;
    seen.case_id = candidate.case_id;
    seen.case_investigator = candidate.case_investigator;
    seen.excluded_staff = candidate.excluded_staff;
    seen.subject_marks = candidate.subject_marks;
    if (!candidate.referred_to.empty()) {
        seen.referral = storage::Referral{};
        seen.referral->state = domain::ReferralState::sent;
        seen.referral->to_office = candidate.referred_to;
    }
    return may_read(member, seen);
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
        reference, [this, member, decision = std::move(decision), now, done = std::move(done)](
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
            if (decision.duplicate_of.empty()) {
                return record(member, complaint, std::move(decision), now, std::move(done));
            }
            // The complaint it duplicates must be one the member may read, and another one.
            if (decision.duplicate_of == complaint.reference) {
                return done(TriageResult{{}, {{"duplicate_of", "same_complaint"}}});
            }
            auto other = decision.duplicate_of;
            m_casework.staff_complaint(
                std::move(other),
                [this, member, complaint, decision = std::move(decision), now,
                 done = std::move(done)](
                    util::Expected<std::optional<storage::StaffComplaint>>&& duplicated) mutable {
                    if (!duplicated) return done(std::unexpected(duplicated.error()));
                    if (!duplicated->has_value() || !may_read(member, **duplicated)) {
                        return done(TriageResult{{}, {{"duplicate_of", "unknown_complaint"}}});
                    }
                    record(member, complaint, std::move(decision), now, std::move(done));
                });
        });
}

void Triage::record(const domain::StaffMember& member, const storage::StaffComplaint& complaint,
                    domain::TriageDecision decision, domain::Timestamp now,
                    storage::Done<TriageResult> done) {
    storage::TriageRecord record;
    record.reference = complaint.reference;
    record.office_id = complaint.office_id;
    record.staff_id = member.id;
    record.actor = "staff:" + member.username;
    record.at = now;
    record.decision = std::move(decision);
    domain::AuditEvent audit;
    audit.at = now;
    audit.actor = record.actor;
    audit.action = "complaint.triaged";
    audit.object = "complaint:" + complaint.reference;
    audit.reason = record.decision.reason;
    audit.details = triage_details(record.decision);
    // The write's completion runs on the writer thread: it only hands the answer on.
    m_casework.record_triage(
        std::move(record), std::move(audit),
        [done = std::move(done)](util::Expected<domain::Status> status) mutable {
            if (!status) return done(std::unexpected(status.error()));
            done(TriageResult{*status, {}});
        });
}

void Triage::duplicates(const domain::StaffMember& member, const storage::StaffComplaint& complaint,
                        storage::Done<std::vector<storage::DuplicateCandidate>> done) {
    m_casework.possible_duplicates(
        complaint.complaint_id,
        [member, done = std::move(done)](
            util::Expected<std::vector<storage::DuplicateCandidate>>&& found) mutable {
            if (!found) return done(std::unexpected(found.error()));
            std::vector<storage::DuplicateCandidate> shown;
            for (auto& candidate : *found) {
                if (shown.size() == storage::k_duplicates_shown) break;
                // A complaint of the same filing found again as the same incident: once.
                const bool listed = std::any_of(shown.begin(), shown.end(), [&](const auto& each) {
                    return each.reference == candidate.reference;
                });
                if (!listed && may_read(member, candidate)) shown.push_back(std::move(candidate));
            }
            done(std::move(shown));
        });
}

void Triage::join(const domain::StaffMember& member, std::string reference, std::string into,
                  domain::Timestamp now, storage::Done<JoinResult> done) {
    m_casework.staff_complaint(
        reference, [this, member, into = std::move(into), now, done = std::move(done)](
                       util::Expected<std::optional<storage::StaffComplaint>>&& found) mutable {
            if (!found) return done(std::unexpected(found.error()));
            if (!found->has_value() || !may_read(member, **found)) {
                return done(std::unexpected(not_found()));
            }
            auto complaint = std::move(**found);
            if (!may_triage(member, complaint.office_id)) {
                return done(util::fail(util::ErrorCode::forbidden,
                                       "only intake officers and supervisors join complaints"));
            }
            if (domain::queue_of(complaint.status) != domain::Queue::triage) {
                return done(util::fail(util::ErrorCode::conflict, "already triaged"));
            }
            const auto refuse = [&done](std::string code) {
                done(JoinResult{{}, {{"into", std::move(code)}}});
            };
            if (into.empty()) return refuse("required");
            if (into.size() > domain::k_longest_reference) return refuse("unknown_complaint");
            if (into == complaint.reference) return refuse("same_complaint");
            m_casework.staff_complaint(
                into, [this, member, complaint = std::move(complaint), now, done = std::move(done)](
                          util::Expected<std::optional<storage::StaffComplaint>>&& other) mutable {
                    if (!other) return done(std::unexpected(other.error()));
                    const auto refuse_into = [&done](std::string code) {
                        done(JoinResult{{}, {{"into", std::move(code)}}});
                    };
                    if (!other->has_value() || !may_read(member, **other)) {
                        return refuse_into("unknown_complaint");
                    }
                    const auto& target = **other;
                    if (target.office_id != complaint.office_id) return refuse_into("other_office");
                    if (!target.case_id) return refuse_into("no_case");
                    if (domain::queue_of(target.status) != domain::Queue::investigating) {
                        return refuse_into("case_not_open");
                    }
                    storage::JoinRecord record;
                    record.reference = complaint.reference;
                    record.office_id = complaint.office_id;
                    record.into = target.reference;
                    record.staff_id = member.id;
                    record.actor = "staff:" + member.username;
                    record.at = now;
                    record.note = std::string(domain::k_joined_note);
                    domain::AuditEvent audit;
                    audit.at = now;
                    audit.actor = record.actor;
                    audit.action = "complaint.joined";
                    audit.object = "complaint:" + complaint.reference;
                    audit.details =
                        fmt::format("into={} case={}", target.reference, *target.case_id);
                    m_casework.record_join(
                        std::move(record), std::move(audit),
                        [done = std::move(done)](util::Expected<std::int64_t> case_id) mutable {
                            if (!case_id) return done(std::unexpected(case_id.error()));
                            done(JoinResult{*case_id, {}});
                        });
                });
        });
}

}  // namespace redress::staff
