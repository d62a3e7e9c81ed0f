#pragma once
// Case work as staff do it: who may read a case and change it, and each change recorded
// with its audit entry. Texts are sealed with the content key here, before storage.
//
// Who may do what, in the office handling the case:
// - read it and add notes: intake officers, supervisors, and the investigator assigned;
// - assign it: intake officers and supervisors, to an investigator of the office;
// - record findings and close it: supervisors and the investigator assigned.
// Anyone else is told what a case that does not exist gets (not_found).

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "crypto/keys.hpp"
#include "domain/case_file.hpp"
#include "domain/deployment.hpp"
#include "domain/staff_member.hpp"
#include "storage/case_files.hpp"
#include "storage/casework.hpp"
#include "storage/staff_directory.hpp"

namespace redress::staff {

bool may_read_case(const domain::StaffMember& member, const storage::CaseFile& file);
bool may_assign_case(const domain::StaffMember& member, const storage::CaseFile& file);
bool may_conclude_case(const domain::StaffMember& member, const storage::CaseFile& file);

struct CaseResult {
    bool recorded = false;
    std::vector<domain::FormProblem> problems;  // when refused for what was asked
};

class Cases {
  public:
    Cases(const domain::Deployment& deployment, storage::CaseFiles& files,
          storage::StaffDirectory& directory, const crypto::Key& content_key)
        : m_deployment(deployment),
          m_files(files),
          m_directory(directory),
          m_content_key(content_key) {}

    // The case file; not_found when there is none or the member may not read it. `done`
    // runs on a storage thread.
    void case_file(const domain::StaffMember& member, std::int64_t case_id,
                   storage::Done<storage::CaseFile> done);

    // The cases assigned to the member, open ones first.
    void assigned(const domain::StaffMember& member,
                  storage::Done<std::vector<storage::CaseSummary>> done) {
        m_files.assigned_cases(member.id, std::move(done));
    }

    // The members who may be assigned cases of `office_id`: its investigators, enabled.
    void investigators(std::string office_id, storage::Done<std::vector<domain::StaffMember>> done);

    // Each change: not_found as above; forbidden when the member may read but not do this;
    // conflict when the case moved on meanwhile; problems when what was asked is wrong.
    void assign(const domain::StaffMember& member, std::int64_t case_id,
                domain::StaffId investigator, domain::Timestamp now,
                storage::Done<CaseResult> done);
    void add_note(const domain::StaffMember& member, std::int64_t case_id, std::string text,
                  domain::Timestamp now, storage::Done<CaseResult> done);
    // Tasks: added and marked done by anyone who may read the case; the due day is given as
    // YYYY-MM-DD, not before today in the deployment's zone.
    void add_task(const domain::StaffMember& member, std::int64_t case_id, std::string title,
                  std::string due, domain::Timestamp now, storage::Done<CaseResult> done);
    void complete_task(const domain::StaffMember& member, std::int64_t case_id,
                       std::int64_t task_id, domain::Timestamp now, storage::Done<CaseResult> done);
    void record_findings(const domain::StaffMember& member, std::int64_t case_id,
                         std::vector<domain::AllegationFinding> findings, domain::Timestamp now,
                         storage::Done<CaseResult> done);
    void close(const domain::StaffMember& member, std::int64_t case_id, domain::Closure closure,
               domain::Timestamp now, storage::Done<CaseResult> done);

    // The allegations of the case: every distinct category of its complaints.
    static std::vector<std::string> allegations(const storage::CaseFile& file);

  private:
    // Reads the case and hands it to `decide` when the member may read it; not_found
    // otherwise. `decide` runs on a storage thread.
    using Decide =
        std::move_only_function<void(storage::CaseFile file, storage::Done<CaseResult> done)>;
    void with_case(const domain::StaffMember& member, std::int64_t case_id,
                   storage::Done<CaseResult> done, Decide decide);

    storage::CaseChange change(const domain::StaffMember& member, const storage::CaseFile& file,
                               domain::Timestamp now) const;

    const domain::Deployment& m_deployment;
    storage::CaseFiles& m_files;
    storage::StaffDirectory& m_directory;
    const crypto::Key& m_content_key;
};

}  // namespace redress::staff
