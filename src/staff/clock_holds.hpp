#pragma once
// Pausing a complaint's service-level clocks while the office waits on someone (the
// complainant, or another agency), and resuming them (domain/complaint_clocks.hpp), as staff
// do it: those who may write to the complainant may (intake officers and supervisors of the
// office handling it, and the investigator assigned to its case). Each hold is an audit
// entry naming whom the office waits on.

#include <string>
#include <vector>

#include "domain/clock.hpp"
#include "domain/form_problem.hpp"
#include "domain/staff_member.hpp"
#include "storage/casework.hpp"

namespace redress::staff {

class ClockHolds {
  public:
    explicit ClockHolds(storage::Casework& casework) : m_casework(casework) {}

    // `reason` none resumes. not_found when the member may not read the complaint; forbidden
    // when they may read but not hold its clocks; conflict when the clocks are already so
    // (paused, or running), or the complaint is closed. `done` runs on a storage thread.
    void hold(const domain::StaffMember& member, std::string reference, domain::PauseReason reason,
              domain::Timestamp now, storage::Done<bool> done);

  private:
    storage::Casework& m_casework;
};

}  // namespace redress::staff
