#pragma once
// Who may see what of a complainant. Two rules live here:
//
// - Opening a complainant's identity (name and contact): only staff with a working role in
//   the office handling the complaint, only after stating a reason, only when the
//   complainant gave an identity, never after a referral to an office the complainant did
//   not file with unless a confidential complainant agreed, and, where the deployment asks
//   for it, only with a custodian's approval still in force. Every opening is recorded.
// - Staff closed out of a complaint: those it names as a subject (matched on their name's
//   words, or named by the office) and those who recused themselves read it by no route.

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "domain/staff_member.hpp"

namespace redress::domain {

enum class IdentityRequestState { pending, approved, declined };
std::string_view identity_request_state_name(IdentityRequestState state);
std::optional<IdentityRequestState> parse_identity_request_state(std::string_view name);

// Why a member is closed out of a complaint.
enum class ExclusionReason { named, recused };
std::string_view exclusion_reason_name(ExclusionReason reason);
std::optional<ExclusionReason> parse_exclusion_reason(std::string_view name);

// What decides whether a member may open the identity of a complaint's complainant now.
struct IdentityFacts {
    std::string confidentiality;  // the filing's: "anonymous", "confidential" or "open"
    bool member_handles = false;  // a working role in the office handling the complaint now
    bool moved = false;           // handled by another office than the one it was filed with
    bool consent = false;         // the complainant's latest word allows passing it on
    bool approval_required = false;
    // The member's latest request on the complaint: pending, declined, or approved and
    // still in force; nullopt when there is none (or its approval has run out).
    std::optional<IdentityRequestState> request;
};

enum class IdentityRefusal {
    no_identity,        // an anonymous filing: there is nothing to open
    not_handling,       // not a working role in the office handling the complaint
    no_consent,         // referred on, and the confidential complainant has not agreed
    approval_needed,    // the deployment asks for a custodian's approval; none asked yet
    approval_pending,   // asked; no custodian has answered yet
    approval_declined,  // a custodian said no
};

// Whether a referral may pass the complainant's identity to the office it goes to: an open
// complainant's, or a confidential one's with their recorded consent; never an anonymous
// filing's, which has none.
bool identity_may_pass_on(std::string_view confidentiality, bool consent);

// nullopt: the member may open it (stating their reason).
std::optional<IdentityRefusal> identity_refusal(const IdentityFacts& facts);

// How long an approval stays in force, by default.
inline constexpr std::chrono::hours k_identity_approval_default{24};
// The longest stated reason or custodian's answer, in characters.
inline constexpr std::size_t k_longest_identity_reason = 1000;

// Whether `member` is closed out of a complaint: named in `excluded` (by the office, or
// recused), or their name's mark among the complaint's `subject_marks` (16 bytes each).
bool is_closed_to(const StaffMember& member, std::span<const StaffId> excluded,
                  std::span<const std::uint8_t> subject_marks);

}  // namespace redress::domain
