#pragma once
// What passes between an office and a complainant, as storage keeps it: the messages
// (domain/message.hpp), appended with an audit entry, never changed, their texts arriving
// and leaving sealed; and the complainant's consent to their identity being passed on.

#include <cstdint>
#include <string>
#include <vector>

#include "domain/audit_event.hpp"
#include "domain/calendar.hpp"
#include "domain/message.hpp"
#include "domain/staff_member.hpp"
#include "storage/case_files.hpp"

namespace redress::storage {

struct StoredMessage {
    std::int64_t id = 0;
    domain::Timestamp at{};
    domain::MessageKind kind = domain::MessageKind::to_complainant;
    std::string author;  // "staff:<username>" or "complainant"
    Sealed sealed_text;
};

inline constexpr std::size_t k_messages_per_complaint_max = 500;

// A message from staff to the complainant of `reference`, by a member of `office_id`.
struct StaffMessageRecord {
    std::string reference;
    std::string office_id;  // refused (not_found) unless the complaint is this office's
    domain::StaffId staff_id = 0;
    std::string actor;
    domain::Timestamp at{};
    Sealed sealed_text;
};

// A message from the complainant, who showed the receipt of `complaint_id`.
struct ComplainantMessageRecord {
    std::int64_t complaint_id = 0;
    domain::MessageKind kind = domain::MessageKind::from_complainant;
    domain::Timestamp at{};
    std::string today;  // YYYY-MM-DD in the deployment's zone: within the reconsideration window?
    Sealed sealed_text;
};

// The complainant's word on whether an office their complaint is referred to may see their
// identity, given with the receipt. The latest counts.
struct ConsentRecord {
    std::int64_t complaint_id = 0;
    bool given = false;
    domain::Timestamp at{};
};

class Correspondence {
  public:
    virtual ~Correspondence() = default;

    // Appends a staff message; answers its id. Fails with not_found as above, and conflict
    // when the complaint holds k_messages_per_complaint_max messages already.
    virtual void post_staff_message(StaffMessageRecord record, domain::AuditEvent audit,
                                    Done<std::int64_t> done) = 0;

    // Appends the complainant's message; answers its id. A reconsideration request is taken
    // only while the complaint is closed and its window is open, and reopens its case (the
    // case open again, the complaint investigating, with the status event saying why);
    // else conflict. Also conflict past k_messages_per_complaint_max messages.
    virtual void post_complainant_message(ComplainantMessageRecord record, domain::AuditEvent audit,
                                          Done<std::int64_t> done) = 0;

    // Appends the complainant's consent (or its withdrawal) with its audit entry.
    virtual void record_consent(ConsentRecord record, domain::AuditEvent audit,
                                Done<bool> done) = 0;
};

}  // namespace redress::storage
