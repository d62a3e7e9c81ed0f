#include "console/access.hpp"

#include <algorithm>
#include <stdexcept>

namespace redress::console {

const Access Access::any_staff{std::vector<domain::Role>{}};

Access Access::roles(std::initializer_list<domain::Role> roles) {
    if (roles.size() == 0) throw std::invalid_argument("Access::roles needs at least one role");
    return Access(std::vector<domain::Role>(roles));
}

Access Access::unlisted(std::initializer_list<domain::Role> roles) {
    Access access = Access::roles(roles);
    access.m_unlisted = true;
    return access;
}

bool Access::allows(const domain::StaffMember& member) const {
    if (member.disabled) return false;
    if (m_roles.empty()) return true;
    return std::any_of(m_roles.begin(), m_roles.end(),
                       [&member](domain::Role role) { return member.has(role); });
}

std::string Access::describe() const {
    if (m_roles.empty()) return "any staff";
    std::string text = m_unlisted ? "unlisted, roles:" : "roles:";
    for (const auto role : m_roles) {
        text += text.back() == ':' ? " " : ", ";
        text += domain::role_name(role);
    }
    return text;
}

}  // namespace redress::console
