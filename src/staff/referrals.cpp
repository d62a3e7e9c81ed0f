#include "staff/referrals.hpp"

#include <fmt/format.h>

#include "staff/triage.hpp"

namespace redress::staff {

namespace {

util::Error not_found() {
    return util::Error{util::ErrorCode::not_found, "no such complaint"};
}

std::string audit_action(domain::ReferralAnswer answer) {
    return fmt::format("referral.{}", domain::referral_state_name(domain::state_after(answer)));
}

}  // namespace

bool may_answer_referral(const domain::StaffMember& member,
                         const storage::StaffComplaint& complaint) {
    const auto& referral = complaint.referral;
    return referral && referral->state == domain::ReferralState::sent &&
           may_triage(member, referral->to_office);
}

void Referrals::received(const domain::StaffMember& member, std::string office_id,
                         storage::Done<std::vector<storage::ReceivedReferral>> done) {
    if (!may_read(member, office_id)) {
        done(util::fail(util::ErrorCode::not_found, "no such office"));
        return;
    }
    m_casework.received_referrals(std::move(office_id), std::move(done));
}

void Referrals::answer(const domain::StaffMember& member, std::string reference,
                       domain::ReferralDecision decision, domain::Timestamp now,
                       storage::Done<ReferralResult> done) {
    m_casework.staff_complaint(
        reference,
        [this, member, reference, decision = std::move(decision), now, done = std::move(done)](
            util::Expected<std::optional<storage::StaffComplaint>>&& found) mutable {
            if (!found) return done(std::unexpected(found.error()));
            if (!found->has_value() || !may_read(member, **found)) {
                return done(std::unexpected(not_found()));
            }
            const auto& complaint = **found;
            const auto& referral = complaint.referral;
            // Whoever may read it learns only what they could see on its page.
            if (!referral || !may_triage(member, referral->to_office)) {
                return done(util::fail(util::ErrorCode::forbidden,
                                       "only intake officers and supervisors of the office "
                                       "it was referred to answer a referral"));
            }
            if (referral->state != domain::ReferralState::sent) {
                return done(
                    util::fail(util::ErrorCode::conflict, "the referral was already answered"));
            }
            ReferralResult result;
            result.problems = domain::check_referral_answer(decision, referral->state);
            if (!result.problems.empty()) return done(std::move(result));

            storage::ReferralAnswerRecord record;
            record.reference = reference;
            record.office_id = referral->to_office;
            record.staff_id = member.id;
            record.actor = "staff:" + member.username;
            record.at = now;
            record.decision = std::move(decision);
            domain::AuditEvent audit;
            audit.at = now;
            audit.actor = record.actor;
            audit.action = audit_action(record.decision.answer);
            audit.object = "complaint:" + reference;
            audit.reason = record.decision.reason;
            audit.details =
                fmt::format("from={} to={}", referral->from_office, referral->to_office);
            // The write's completion runs on the writer thread: it only hands the answer on.
            m_casework.answer_referral(
                std::move(record), std::move(audit),
                [done = std::move(done)](util::Expected<std::string> office) mutable {
                    if (!office) return done(std::unexpected(office.error()));
                    done(ReferralResult{std::move(*office), {}});
                });
        });
}

}  // namespace redress::staff
