#pragma once
// Opening a complainant's identity, as staff do it (domain/identity_access.hpp): the member
// states a reason; where the deployment asks for it, a custodian of the office handling the
// complaint approves first (for approval_lifetime); every opening is recorded with its
// reason in the audit trail. The identity leaves here still sealed with the identity key:
// the page that shows it opens it, and nothing else ever holds it in the clear.
//
// A member who may not read the complaint is told what a missing one gets (not_found).

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "domain/form_problem.hpp"
#include "domain/identity_access.hpp"
#include "domain/staff_member.hpp"
#include "storage/casework.hpp"
#include "storage/confidentiality.hpp"

namespace redress::staff {

struct IdentitySettings {
    bool custodian_approval = false;  // a custodian approves each member's access first
    std::chrono::hours approval_lifetime = domain::k_identity_approval_default;
};

// Where a member stands with a complaint's identity, for its page.
struct IdentityPage {
    storage::StaffComplaint complaint;
    // What would refuse an opening now (approval asked and pending, declined...); nullopt:
    // the member may open it, stating a reason.
    std::optional<domain::IdentityRefusal> refusal;
    storage::IdentityStanding standing;
    bool approval_required = false;
};

struct IdentityResult {
    std::vector<domain::FormProblem> problems;       // the reason missing or unusable
    std::optional<domain::IdentityRefusal> refusal;  // refused for what it is, not the form
    std::optional<std::int64_t> requested;           // a request for approval, recorded
    storage::Sealed sealed_people;                   // opened: the record, still sealed
    std::string confidentiality;
};

class IdentityAccess {
  public:
    IdentityAccess(storage::Casework& casework, storage::Confidentiality& confidentiality,
                   IdentitySettings settings)
        : m_casework(casework), m_confidentiality(confidentiality), m_settings(settings) {}

    const IdentitySettings& settings() const { return m_settings; }

    void page(const domain::StaffMember& member, std::string reference, domain::Timestamp now,
              storage::Done<IdentityPage> done);

    // With approval required and none in force, records a request for it (with `reason`);
    // otherwise opens the identity and records the view. `done` runs on a storage thread.
    void open(const domain::StaffMember& member, std::string reference, std::string reason,
              domain::Timestamp now, storage::Done<IdentityResult> done);

    // The requests waiting for the member as custodian, of every office they are custodian of.
    void pending(const domain::StaffMember& member,
                 storage::Done<std::vector<storage::IdentityRequest>> done);

    // A custodian's answer. not_found when the request is not on a complaint of an office
    // they are custodian of; forbidden when it is their own; conflict when answered.
    void answer(const domain::StaffMember& member, std::int64_t request_id, bool approve,
                std::string answer, domain::Timestamp now,
                storage::Done<std::vector<domain::FormProblem>> done);

  private:
    storage::IdentityAsker asker(const domain::StaffMember& member) const;

    storage::Casework& m_casework;
    storage::Confidentiality& m_confidentiality;
    IdentitySettings m_settings;
};

}  // namespace redress::staff
