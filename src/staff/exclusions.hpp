#pragma once
// Closing a complaint to a member of staff, for good (domain/identity_access.hpp): a member
// recuses themselves, stating why; or an intake officer or supervisor of the office handling
// it names a member of that office whom the complaint is about (beyond the automatic match
// of subjects' names). From then on every route answers them as for a missing complaint, and
// its case, if they were assigned to it, is left unassigned.

#include <string>
#include <vector>

#include "domain/form_problem.hpp"
#include "domain/staff_member.hpp"
#include "storage/casework.hpp"
#include "storage/confidentiality.hpp"
#include "storage/staff_directory.hpp"

namespace redress::staff {

inline constexpr std::size_t k_longest_recusal_reason = 1000;

class Exclusions {
  public:
    Exclusions(storage::Casework& casework, storage::Confidentiality& confidentiality,
               storage::StaffDirectory& directory)
        : m_casework(casework), m_confidentiality(confidentiality), m_directory(directory) {}

    // not_found when the member may not read the complaint; problems when the reason is
    // missing or unusable.
    void recuse(const domain::StaffMember& member, std::string reference, std::string reason,
                domain::Timestamp now, storage::Done<std::vector<domain::FormProblem>> done);

    // not_found as above; forbidden unless an intake officer or supervisor of the office
    // handling it; problems when `username` is no member of that office ("unknown_member")
    // or is closed out already ("already_closed_out").
    void name(const domain::StaffMember& member, std::string reference, std::string username,
              domain::Timestamp now, storage::Done<std::vector<domain::FormProblem>> done);

    // The members of `office_id` who may be named: enabled, with a working role there.
    void nameable(std::string office_id, storage::Done<std::vector<domain::StaffMember>> done);

  private:
    storage::Casework& m_casework;
    storage::Confidentiality& m_confidentiality;
    storage::StaffDirectory& m_directory;
};

}  // namespace redress::staff
