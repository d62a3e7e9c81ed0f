#pragma once
// What a staff member may do. Working roles (intake officer, investigator, supervisor)
// read and work the complaints of the member's own offices; the others do not read
// complaints at all: an auditor reads the audit trail, a custodian approves access to a
// confidential identity, an administrator manages accounts and configuration.

#include <optional>
#include <span>
#include <string_view>

namespace redress::domain {

enum class Role { intake_officer, investigator, supervisor, auditor, administrator, custodian };

// Every role, in the order they are listed to people.
std::span<const Role> all_roles();

std::string_view role_name(Role role);  // "intake_officer", as stored and typed
std::optional<Role> parse_role(std::string_view name);

// Whether the role reads and works complaints of the member's offices.
bool is_working_role(Role role);

}  // namespace redress::domain
