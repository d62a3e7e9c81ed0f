#include "staff/clock_holds.hpp"

#include "staff/messages.hpp"
#include "staff/triage.hpp"

namespace redress::staff {

void ClockHolds::hold(const domain::StaffMember& member, std::string reference,
                      domain::PauseReason reason, domain::Timestamp now,
                      storage::Done<bool> answer) {
    when_readable(
        m_casework, member, reference, std::move(answer),
        [this, member, reference, reason, now](storage::StaffComplaint complaint,
                                               storage::Done<bool> done) mutable {
            if (!may_message(member, complaint)) {
                return done(util::fail(util::ErrorCode::forbidden,
                                       "only those who write to the complainant hold the clocks"));
            }
            domain::AuditEvent audit;
            audit.at = now;
            audit.actor = "staff:" + member.username;
            audit.action = reason == domain::PauseReason::none ? "clocks.resumed" : "clocks.paused";
            audit.object = "complaint:" + reference;
            if (reason != domain::PauseReason::none) {
                audit.details = "waiting_on=" + std::string(domain::pause_reason_name(reason));
            }
            m_casework.hold_clocks({reference, complaint.office_id, member.id, now, reason},
                                   std::move(audit), std::move(done));
        });
}

}  // namespace redress::staff
