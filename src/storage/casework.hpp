#pragma once
// The complaints an office works, as storage keeps them for staff: the office's work lists
// (domain/queue.hpp). Decisions, cases and their records follow the same pattern: every
// change written with its audit entry, every read on a reading thread.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/audit_event.hpp"
#include "domain/complaint_status.hpp"
#include "domain/queue.hpp"
#include "domain/received_filing.hpp"
#include "domain/staff_member.hpp"
#include "domain/triage.hpp"
#include "storage/staff_directory.hpp"

namespace redress::storage {

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
};

}  // namespace redress::storage
