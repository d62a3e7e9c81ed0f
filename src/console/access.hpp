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
    // Like roles(), for pages whose existence is kept from everyone else: anyone else,
    // signed in or not, gets what a path that does not exist gets (404), never 403 or the
    // sign-in page.
    static Access unlisted(std::initializer_list<domain::Role> roles);

    bool is_unlisted() const { return m_unlisted; }

    bool allows(const domain::StaffMember& member) const;
    // "any staff", "roles: auditor, administrator", or "unlisted, roles: administrator": for
    // listings and tests.
    std::string describe() const;

  private:
    explicit Access(std::vector<domain::Role> roles, bool unlisted = false)
        : m_roles(std::move(roles)), m_unlisted(unlisted) {}

    std::vector<domain::Role> m_roles;  // empty: any staff
    bool m_unlisted = false;
};

// The policy of the sign-in pages alone: anyone, signed in or not.
struct Anyone {};
inline constexpr Anyone k_anyone{};

}  // namespace redress::console
