#pragma once
// Messages to a complainant as staff write them: who may write, and the message sealed and
// recorded with its audit entry (which says that a message was sent, never what it says).
// Intake officers and supervisors of the office handling the complaint write, and the
// investigator assigned to its case.

#include <string>
#include <vector>

#include "crypto/keys.hpp"
#include "domain/form_problem.hpp"
#include "domain/staff_member.hpp"
#include "storage/casework.hpp"
#include "storage/correspondence.hpp"

namespace redress::staff {

bool may_message(const domain::StaffMember& member, const storage::StaffComplaint& complaint);

struct MessageResult {
    bool recorded = false;
    std::vector<domain::FormProblem> problems;
};

class Messages {
  public:
    Messages(storage::Casework& casework, storage::Correspondence& correspondence,
             const crypto::Key& content_key)
        : m_casework(casework), m_correspondence(correspondence), m_content_key(content_key) {}

    // not_found when the member may not read the complaint; forbidden when they may but not
    // write; conflict when the complaint holds all the messages it may; problems when the
    // text is blank or unusable. `done` runs on a storage thread.
    void send(const domain::StaffMember& member, std::string reference, std::string text,
              domain::Timestamp now, storage::Done<MessageResult> done);

  private:
    storage::Casework& m_casework;
    storage::Correspondence& m_correspondence;
    const crypto::Key& m_content_key;
};

}  // namespace redress::staff
