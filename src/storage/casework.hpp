#pragma once
// The complaints an office works, as storage keeps them for staff: the office's work lists
// (domain/queue.hpp). Decisions, cases and their records follow the same pattern: every
// change written with its audit entry, every read on a reading thread.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/audit_event.hpp"
#include "domain/clock.hpp"
#include "domain/complaint_status.hpp"
#include "domain/queue.hpp"
#include "domain/received_filing.hpp"
#include "domain/referral.hpp"
#include "domain/staff_member.hpp"
#include "domain/triage.hpp"
#include "storage/correspondence.hpp"
#include "storage/staff_directory.hpp"

namespace redress::storage {

// A referral of a complaint from one office of this deployment to another.
struct Referral {
    std::int64_t id = 0;
    std::string from_office;
    std::string to_office;
    domain::Timestamp at{};  // when sent
    domain::ReferralState state = domain::ReferralState::sent;
    std::string reason;  // the sending office's, as given at triage
    std::string external_reference;
    std::optional<domain::Timestamp> answered_at;
    std::string answer_reason;
};

// A complaint as staff of its office see it. The account of what happened comes sealed:
// the staff side opens it with the content key; the complainant's identity is not here
// at all (it is opened apart, with a stated reason, and every opening recorded).
struct StaffComplaint {
    std::int64_t complaint_id = 0;
    std::string reference;
    std::string office_id;  // the office handling it
    domain::Status status = domain::Status::received;
    domain::Priority priority = domain::Priority::normal;
    domain::Channel channel = domain::Channel::web;
    domain::Timestamp received_at{};
    std::string language;
    std::string confidentiality;  // anonymous, confidential, open
    bool whistleblower = false;
    bool on_behalf = false;
    std::string incident_date;
    std::string incident_date_precision;
    std::vector<std::string> filed_categories;  // as the complainant chose
    std::vector<std::string> staff_categories;  // as triage set them
    std::size_t subject_count = 0;
    std::size_t witness_count = 0;
    std::vector<std::uint8_t> sealed_account;
    struct Event {
        domain::Timestamp at{};
        domain::Status status = domain::Status::received;
        std::string actor;
        std::string note;
    };
    std::vector<Event> timeline;  // oldest first
    // The latest referral to another office of this deployment, answered or not. While it
    // is sent, staff of the receiving office may read the complaint too.
    std::optional<Referral> referral;
    std::optional<std::int64_t> case_id;               // once accepted at triage
    std::optional<domain::StaffId> case_investigator;  // the case's, once assigned
    std::vector<StoredMessage> messages;               // with the complainant, oldest first
    // Confidentiality (domain/identity_access.hpp): the office it was filed with, whether
    // the complainant's latest word lets an office it is referred to see their identity,
    // who is closed out of it, and its subjects' name marks.
    std::string filed_with_office;
    bool identity_consent = false;
    std::vector<domain::ClockHold> holds;  // the clocks paused and resumed, oldest first
    std::vector<domain::StaffId> excluded_staff;
    std::vector<std::uint8_t> subject_marks;
    // Closed at triage as a duplicate: the reference of the complaint it repeats ("" else).
    std::string duplicate_of;
    // Entered by a member of staff for a caller or writer (phone, mail): their name, and when
    // the office was contacted; entered at received_at.
    struct Entry {
        std::string entered_by;
        domain::Timestamp contacted_at{};
    };
    std::optional<Entry> staff_entry;
};

// A complaint that may be the same as another: the same filing sent to several offices, or
// the same incident filed by several people (same office, incident date within a day, a
// filed category in common). With what staff::may_read needs to tell who may see it.
struct DuplicateCandidate {
    std::string reference;
    std::string office_id;  // the office handling it
    domain::Status status = domain::Status::received;
    bool same_filing = false;  // else: the same incident, by someone else
    std::string incident_date;
    std::optional<std::int64_t> case_id;
    std::optional<domain::StaffId> case_investigator;
    std::string referred_to;  // the office a referral waiting for an answer went to, or ""
    std::vector<domain::StaffId> excluded_staff;  // closed out of it (identity_access.hpp)
    std::vector<std::uint8_t> subject_marks;
};

// How many candidates of each kind are read, before those the member may not see are left
// out; the page shows at most k_duplicates_shown.
inline constexpr std::size_t k_duplicate_candidates_read = 40;
inline constexpr std::size_t k_duplicates_shown = 20;

// A complaint joined into the case of another complaint of the same office.
struct JoinRecord {
    std::string reference;  // the complaint joined: must be awaiting triage
    std::string office_id;  // its office, and the case's: refused if either moved
    std::string into;       // the complaint whose case it joins
    domain::StaffId staff_id = 0;
    std::string actor;  // "staff:<username>"
    domain::Timestamp at{};
    std::string note;  // what the complainant is told
};

// A referral an office received and has not answered, for its list.
struct ReceivedReferral {
    std::string reference;
    Referral referral;
    domain::Priority priority = domain::Priority::normal;
    domain::Timestamp received_at{};  // the complaint's
};

inline constexpr std::size_t k_received_referrals_max = 200;

// An answer to the referral of a complaint, by a member of the receiving office.
struct ReferralAnswerRecord {
    std::string reference;
    std::string office_id;  // the receiving office: refused unless the referral is to it
    domain::StaffId staff_id = 0;
    std::string actor;  // "staff:<username>"
    domain::Timestamp at{};
    domain::ReferralDecision decision;
};

// A triage decision to record, by a member, on a complaint of an office.
struct TriageRecord {
    std::string reference;
    std::string office_id;  // the office the decision was made for: refused if it moved
    domain::StaffId staff_id = 0;
    std::string actor;  // "staff:<username>"
    domain::Timestamp at{};
    domain::TriageDecision decision;
};

// The clocks of a complaint paused (a reason) or resumed (PauseReason::none) by a member of
// the office handling it.
struct ClockHoldRecord {
    std::string reference;
    std::string office_id;  // refused (not_found) unless the complaint is this office's
    domain::StaffId staff_id = 0;
    domain::Timestamp at{};
    domain::PauseReason reason = domain::PauseReason::none;
};

inline constexpr std::size_t k_clock_holds_per_complaint_max = 500;

class Casework {
  public:
    virtual ~Casework() = default;

    // One page of an office's list, in its order (most urgent, then oldest, then first
    // stored), after `query.after`. Runs on a reading thread, and `done` there.
    virtual void queue(domain::QueueQuery query, Done<domain::QueuePage> done) = 0;

    // The complaint with this reference, for staff; nullopt when there is none.
    virtual void staff_complaint(std::string reference,
                                 Done<std::optional<StaffComplaint>> done) = 0;

    // Records the decision with its audit entry: the status event the complainant sees
    // (with the reason), the complaint's new queue, priority and categories, and for a
    // referral the referral itself. Fails with not_found when the complaint is not the
    // office's, and conflict when it is no longer in triage (another decision came
    // first). Answers the complaint's new status.
    virtual void record_triage(TriageRecord record, domain::AuditEvent audit,
                               Done<domain::Status> done) = 0;

    // The referrals sent to `office_id` and not answered yet, the oldest first, at most
    // k_received_referrals_max. Runs on a reading thread, and `done` there.
    virtual void received_referrals(std::string office_id,
                                    Done<std::vector<ReceivedReferral>> done) = 0;

    // Records the answer to the complaint's latest referral with its audit entry: the
    // referral's state, the status event the complainant sees (with the reason), and the
    // complaint's place: accepted, on the receiving office's triage list, handled by it;
    // declined or returned, back on the sending office's. Fails with not_found when the
    // complaint has no referral to `record.office_id`, and conflict when it was answered
    // already. Answers the office now handling the complaint.
    virtual void answer_referral(ReferralAnswerRecord record, domain::AuditEvent audit,
                                 Done<std::string> done) = 0;

    // Pauses or resumes the complaint's clocks, with its audit entry. not_found as above;
    // conflict when they are paused already (for a pause) or not paused (for a resumption),
    // when the complaint is closed, or past k_clock_holds_per_complaint_max holds.
    virtual void hold_clocks(ClockHoldRecord record, domain::AuditEvent audit, Done<bool> done) = 0;

    // The possible duplicates of the complaint: the other complaints of its filing, then those
    // of the same office whose incident date is within a day of its own and that share a
    // filed category with it, newest first; at most k_duplicate_candidates_read of each kind.
    // Runs on a reading thread, and `done` there.
    virtual void possible_duplicates(std::int64_t complaint_id,
                                     Done<std::vector<DuplicateCandidate>> done) = 0;

    // Joins the complaint into the case of `record.into` with its audit entry: a triage
    // decision to accept, the case's id on the complaint, and the status event the
    // complainant sees (under investigation, with `record.note`). Fails with not_found when
    // either complaint is not the office's or the other is in no case, and conflict when the
    // complaint is no longer awaiting triage or the case is not open. Answers the case's id.
    virtual void record_join(JoinRecord record, domain::AuditEvent audit,
                             Done<std::int64_t> done) = 0;

    // The complaint's people record as sealed (empty when it keeps none): for a referral
    // packet, which takes the witnesses' accounts from it.
    virtual void sealed_people(std::int64_t complaint_id, Done<std::vector<std::uint8_t>> done) = 0;
};

}  // namespace redress::storage
