#pragma once
// Who may see what of a complainant (domain/identity_access.hpp), as storage keeps it: the
// requests to open an identity and the custodians' answers, every opening, and the staff
// closed out of a complaint. (The complainant's consent is theirs to give, with their
// receipt: storage/correspondence.hpp.) Each is appended with its
// audit entry in one transaction, and each rule is checked again inside that transaction,
// so that nothing changed in between (a referral, a consent withdrawn, a recusal) is missed.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/audit_event.hpp"
#include "domain/calendar.hpp"
#include "domain/identity_access.hpp"
#include "domain/staff_member.hpp"
#include "storage/case_files.hpp"

namespace redress::storage {

// The member asking, and what they may do: checked against the complaint inside the write.
struct IdentityAsker {
    domain::StaffId staff_id = 0;
    std::string actor;                         // "staff:<username>"
    std::vector<std::string> working_offices;  // where they have a working role
    domain::NameMark name_mark{};
};

struct IdentityRequestRecord {
    std::string reference;
    IdentityAsker asker;
    domain::Timestamp at{};
    std::string reason;
};

// A request to open an identity, as custodians and the asker see it.
struct IdentityRequest {
    std::int64_t id = 0;
    std::string reference;
    std::string office_id;  // the office handling the complaint now
    domain::StaffId requester_id = 0;
    std::string requester;  // their user name
    std::string requester_name;
    domain::Timestamp at{};
    std::string reason;
    domain::IdentityRequestState state = domain::IdentityRequestState::pending;
    std::optional<domain::Timestamp> decided_at;
    std::string decided_by;  // the custodian's user name
    std::string answer;
};

inline constexpr std::size_t k_identity_requests_max = 200;

// A custodian's answer to a request.
struct IdentityAnswerRecord {
    std::int64_t request_id = 0;
    domain::StaffId staff_id = 0;  // the custodian; never the asker
    std::string actor;
    std::vector<std::string> offices;  // where they are custodian: refused unless handling
    domain::Timestamp at{};
    bool approve = false;
    std::string answer;
};

// An opening of the identity, with the reason stated for it.
struct IdentityOpeningRecord {
    std::string reference;
    IdentityAsker asker;
    domain::Timestamp at{};
    std::string reason;
    bool approval_required = false;
    domain::Timestamp approvals_since{};  // approvals given before this have run out
};

struct IdentityOpening {
    std::optional<domain::IdentityRefusal> refusal;  // nothing opened, nothing recorded
    std::string confidentiality;
    Sealed sealed_people;  // sealed with the identity key; empty when refused
};

// Where a member stands with a complaint's identity, for its page.
struct IdentityStanding {
    std::optional<IdentityRequest> latest_request;  // the member's own
    std::size_t views = 0;                          // openings by anyone, ever
};

// A member closed out of a complaint, by themselves (recused) or by the office (named).
struct ExclusionRecord {
    std::string reference;
    std::string office_id;  // the office handling it: refused (not_found) otherwise
    domain::StaffId excluded = 0;
    domain::ExclusionReason reason = domain::ExclusionReason::recused;
    domain::StaffId by_staff_id = 0;
    domain::Timestamp at{};
};

class Confidentiality {
  public:
    virtual ~Confidentiality() = default;

    // Records a request for a custodian's approval; answers its id. not_found when the
    // complaint is missing or closed to the asker; conflict when a request of theirs on it
    // is pending already. Refusals that no approval could lift (no identity, not handling,
    // no consent) come back as forbidden, with the refusal's name as the message.
    virtual void request_identity(IdentityRequestRecord record, domain::AuditEvent audit,
                                  Done<std::int64_t> done) = 0;

    // The pending requests on complaints handled by `offices`, oldest first, at most
    // k_identity_requests_max. Runs on a reading thread.
    virtual void pending_identity_requests(std::vector<std::string> offices,
                                           Done<std::vector<IdentityRequest>> done) = 0;

    // Records a custodian's answer; answers the request as answered. not_found when there is
    // no such request for the custodian's offices; forbidden when they asked it themselves;
    // conflict when it was answered already.
    virtual void answer_identity_request(IdentityAnswerRecord record, domain::AuditEvent audit,
                                         Done<IdentityRequest> done) = 0;

    // Opens the identity: applies domain::identity_refusal to the facts as they are inside
    // the transaction and, when nothing refuses, records the view with its audit entry and
    // answers the sealed record. not_found when the complaint is missing or closed to them.
    virtual void open_identity(IdentityOpeningRecord record, domain::AuditEvent audit,
                               Done<IdentityOpening> done) = 0;

    // The member's latest request on the complaint and how often it was opened.
    virtual void identity_standing(std::int64_t complaint_id, domain::StaffId staff_id,
                                   Done<IdentityStanding> done) = 0;

    // Closes the complaint to a member; when they are its case's investigator, the case is
    // left unassigned. conflict when they are closed out of it already.
    virtual void exclude_staff(ExclusionRecord record, domain::AuditEvent audit,
                               Done<bool> done) = 0;
};

}  // namespace redress::storage
