#pragma once
// Triage as staff do it: who may see a complaint and decide on it, and the recording of a
// decision with its audit entry. A member who may not see a complaint is told exactly
// what they would be told of a reference that does not exist (not_found), so that
// references of other offices cannot be probed.

#include <optional>
#include <string>
#include <vector>

#include "domain/deployment.hpp"
#include "domain/staff_member.hpp"
#include "domain/triage.hpp"
#include "storage/casework.hpp"

namespace redress::staff {

// Whether `member` may read complaints handled by `office_id`: a working role there.
bool may_read(const domain::StaffMember& member, std::string_view office_id);
// Whether `member` may triage them: an intake officer or supervisor there.
bool may_triage(const domain::StaffMember& member, std::string_view office_id);
// Whether `member` may read `complaint`: a working role in the office handling it (once it
// is in a case, an investigator only when the case is assigned to them), or in the office
// its referral was sent to while that referral waits for an answer.
bool may_read(const domain::StaffMember& member, const storage::StaffComplaint& complaint);
// The same rule for a possible duplicate listed on another complaint's page.
bool may_read(const domain::StaffMember& member, const storage::DuplicateCandidate& candidate);

// The facts of a decision as its audit entry states them: "action=refer priority=high
// to=oig ..." (the reason is the entry's own field).
std::string triage_details(const domain::TriageDecision& decision);

// Reads the complaint with `reference` and hands it to `readable(complaint, done)` when
// `member` may read it; else `done` gets not_found, exactly as for a complaint that does not
// exist. Both run on a storage thread.
template <typename T, typename Readable>
void when_readable(storage::Casework& casework, const domain::StaffMember& member,
                   std::string reference, storage::Done<T> done, Readable readable) {
    casework.staff_complaint(
        std::move(reference),
        [member, done = std::move(done), readable = std::move(readable)](
            util::Expected<std::optional<storage::StaffComplaint>>&& found) mutable {
            if (!found) return done(std::unexpected(std::move(found).error()));
            if (!found->has_value() || !may_read(member, **found)) {
                return done(util::fail(util::ErrorCode::not_found, "no such complaint"));
            }
            readable(std::move(**found), std::move(done));
        });
}

struct TriageResult {
    std::optional<domain::Status> recorded;       // the complaint's new status
    std::vector<domain::TriageProblem> problems;  // when refused for what was asked
};

struct JoinResult {
    std::optional<std::int64_t> case_id;        // the case it joined
    std::vector<domain::FormProblem> problems;  // when refused for what was asked ("into")
};

class Triage {
  public:
    Triage(const domain::Deployment& deployment, storage::Casework& casework)
        : m_deployment(deployment), m_casework(casework) {}

    // The complaint, when `member` may read it; not_found otherwise, as for a missing one.
    // `done` runs on a storage thread.
    void complaint(const domain::StaffMember& member, std::string reference,
                   storage::Done<storage::StaffComplaint> done);

    // Records the decision: not_found as above; forbidden when the member may read but
    // not triage; problems when the decision does not fit the complaint; conflict when
    // another decision came first. `done` runs on a storage thread.
    void decide(const domain::StaffMember& member, std::string reference,
                domain::TriageDecision decision, domain::Timestamp now,
                storage::Done<TriageResult> done);

    // The possible duplicates of `complaint` that `member` may read, at most
    // storage::k_duplicates_shown: the same filing's complaints first, then the same
    // incident's. `done` runs on a storage thread.
    void duplicates(const domain::StaffMember& member, const storage::StaffComplaint& complaint,
                    storage::Done<std::vector<storage::DuplicateCandidate>> done);

    // Joins the complaint `reference` (awaiting triage) into the case of complaint `into`, of
    // the same office: not_found, forbidden and conflict as for a decision; problems for
    // `into` when it names no complaint the member may read ("unknown_complaint"), the
    // complaint itself ("same_complaint"), one of another office ("other_office"), one in no
    // case ("no_case") or in a case no longer open ("case_not_open"). `done` runs on a
    // storage thread.
    void join(const domain::StaffMember& member, std::string reference, std::string into,
              domain::Timestamp now, storage::Done<JoinResult> done);

  private:
    void record(const domain::StaffMember& member, const storage::StaffComplaint& complaint,
                domain::TriageDecision decision, domain::Timestamp now,
                storage::Done<TriageResult> done);

    const domain::Deployment& m_deployment;
    storage::Casework& m_casework;
};

}  // namespace redress::staff
