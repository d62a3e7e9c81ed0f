#include "domain/role.hpp"

#include <array>
#include <utility>

#include "domain/name_table.hpp"

namespace redress::domain {

namespace {

constexpr std::array k_roles{
    std::pair{Role::intake_officer, std::string_view("intake_officer")},
    std::pair{Role::investigator, std::string_view("investigator")},
    std::pair{Role::supervisor, std::string_view("supervisor")},
    std::pair{Role::auditor, std::string_view("auditor")},
    std::pair{Role::administrator, std::string_view("administrator")},
    std::pair{Role::custodian, std::string_view("custodian")},
};

constexpr std::array k_all{Role::intake_officer, Role::investigator,  Role::supervisor,
                           Role::auditor,        Role::administrator, Role::custodian};

}  // namespace

std::span<const Role> all_roles() {
    return k_all;
}

std::string_view role_name(Role role) {
    return name_in(k_roles, role);
}

std::optional<Role> parse_role(std::string_view name) {
    return parse_in(k_roles, name);
}

bool is_working_role(Role role) {
    return role == Role::intake_officer || role == Role::investigator || role == Role::supervisor;
}

}  // namespace redress::domain
