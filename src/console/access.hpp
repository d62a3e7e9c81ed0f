#pragma once
// Who may use a staff route. Every route of the console is declared with one (see
// staff_routes.hpp): there is no way to add a route without saying who may use it.

#include <initializer_list>
#include <string>
#include <vector>

#include "domain/role.hpp"
#include "domain/staff_member.hpp"

namespace redress::console {

class Access {
  public:
    // Any signed-in member, whatever their roles.
    static const Access any_staff;
    // A signed-in member with at least one of `roles` (not empty).
    static Access roles(std::initializer_list<domain::Role> roles);

    bool allows(const domain::StaffMember& member) const;
    // "any staff", or "roles: auditor, administrator": for listings and tests.
    std::string describe() const;

  private:
    explicit Access(std::vector<domain::Role> roles) : m_roles(std::move(roles)) {}

    std::vector<domain::Role> m_roles;  // empty: any staff
};

// The policy of the sign-in pages alone: anyone, signed in or not.
struct Anyone {};
inline constexpr Anyone k_anyone{};

}  // namespace redress::console
