#pragma once
// Referrals as the receiving office works them: the list of referrals it received and has
// not answered, and the answer (accept, decline with a reason, or return with a reason),
// recorded with its audit entry. Only an intake officer or supervisor of the receiving
// office answers. As everywhere on the staff side, a member who may not see the complaint
// is told what a missing reference gets (not_found).

#include <optional>
#include <string>
#include <vector>

#include "domain/referral.hpp"
#include "domain/staff_member.hpp"
#include "domain/triage.hpp"
#include "storage/casework.hpp"

namespace redress::staff {

// Whether `member` may answer the complaint's referral: it waits for an answer, and they
// are an intake officer or supervisor of the office it was sent to.
bool may_answer_referral(const domain::StaffMember& member,
                         const storage::StaffComplaint& complaint);

struct ReferralResult {
    std::optional<std::string> handling_office;   // recorded: the office handling it now
    std::vector<domain::TriageProblem> problems;  // when refused for what was asked
};

class Referrals {
  public:
    explicit Referrals(storage::Casework& casework) : m_casework(casework) {}

    // The referrals sent to `office_id` and not answered yet; not_found when the member
    // has no working role there (as for an office that does not exist). `done` runs on a
    // storage thread.
    void received(const domain::StaffMember& member, std::string office_id,
                  storage::Done<std::vector<storage::ReceivedReferral>> done);

    // Records the answer to the complaint's referral: not_found when the member may not
    // read the complaint; forbidden when they may, but the referral is not theirs to
    // answer (no referral to their office, or not an intake officer or supervisor there);
    // conflict when it was answered already; problems when the answer is incomplete
    // (a reason is required to decline or return). `done` runs on a storage thread.
    void answer(const domain::StaffMember& member, std::string reference,
                domain::ReferralDecision decision, domain::Timestamp now,
                storage::Done<ReferralResult> done);

  private:
    storage::Casework& m_casework;
};

}  // namespace redress::staff
