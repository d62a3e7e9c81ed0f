#include "domain/identity_access.hpp"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

namespace redress::domain {

namespace {

constexpr std::array k_request_states{
    std::pair{IdentityRequestState::pending, std::string_view("pending")},
    std::pair{IdentityRequestState::approved, std::string_view("approved")},
    std::pair{IdentityRequestState::declined, std::string_view("declined")},
};

constexpr std::array k_exclusion_reasons{
    std::pair{ExclusionReason::named, std::string_view("named")},
    std::pair{ExclusionReason::recused, std::string_view("recused")},
};

template <typename Enum, std::size_t N>
std::string_view name_in(const std::array<std::pair<Enum, std::string_view>, N>& names,
                         Enum value) {
    for (const auto& [each, name] : names) {
        if (each == value) return name;
    }
    return {};
}

template <typename Enum, std::size_t N>
std::optional<Enum> parse_in(const std::array<std::pair<Enum, std::string_view>, N>& names,
                             std::string_view text) {
    for (const auto& [each, name] : names) {
        if (name == text) return each;
    }
    return std::nullopt;
}

}  // namespace

std::string_view identity_request_state_name(IdentityRequestState state) {
    return name_in(k_request_states, state);
}

std::optional<IdentityRequestState> parse_identity_request_state(std::string_view name) {
    return parse_in(k_request_states, name);
}

std::string_view exclusion_reason_name(ExclusionReason reason) {
    return name_in(k_exclusion_reasons, reason);
}

std::optional<ExclusionReason> parse_exclusion_reason(std::string_view name) {
    return parse_in(k_exclusion_reasons, name);
}

bool identity_may_pass_on(std::string_view confidentiality, bool consent) {
    return confidentiality == "open" || (confidentiality == "confidential" && consent);
}

std::optional<IdentityRefusal> identity_refusal(const IdentityFacts& facts) {
    if (facts.confidentiality.empty() || facts.confidentiality == "anonymous") {
        return IdentityRefusal::no_identity;
    }
    if (!facts.member_handles) return IdentityRefusal::not_handling;
    // An open complainant let their name be known; a confidential one gave it to the
    // office they chose, and to no other without their word.
    if (facts.moved && !identity_may_pass_on(facts.confidentiality, facts.consent)) {
        return IdentityRefusal::no_consent;
    }
    if (!facts.approval_required) return std::nullopt;
    if (!facts.request) return IdentityRefusal::approval_needed;
    switch (*facts.request) {
        case IdentityRequestState::approved:
            return std::nullopt;
        case IdentityRequestState::pending:
            return IdentityRefusal::approval_pending;
        case IdentityRequestState::declined:
            return IdentityRefusal::approval_declined;
    }
    return IdentityRefusal::approval_needed;
}

bool is_closed_to(const StaffMember& member, std::span<const StaffId> excluded,
                  std::span<const std::uint8_t> subject_marks) {
    if (std::ranges::find(excluded, member.id) != excluded.end()) return true;
    if (member.name_mark == NameMark{}) return false;
    for (std::size_t at = 0; at + member.name_mark.size() <= subject_marks.size();
         at += member.name_mark.size()) {
        if (std::equal(member.name_mark.begin(), member.name_mark.end(),
                       subject_marks.begin() + static_cast<std::ptrdiff_t>(at))) {
            return true;
        }
    }
    return false;
}

}  // namespace redress::domain
