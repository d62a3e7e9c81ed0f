#include "domain/staff_member.hpp"

#include <algorithm>

namespace redress::domain {

bool StaffMember::has(Role role) const {
    return std::find(roles.begin(), roles.end(), role) != roles.end();
}

bool StaffMember::works_for(std::string_view office_id) const {
    return std::find(offices.begin(), offices.end(), office_id) != offices.end();
}

bool StaffMember::works_complaints_of(std::string_view office_id) const {
    if (disabled || !works_for(office_id)) return false;
    return std::any_of(roles.begin(), roles.end(), is_working_role);
}

namespace {

constexpr std::size_t k_longest_username = 64;

bool is_letter_or_digit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

}  // namespace

std::optional<UsernameProblem> check_username(std::string_view username) {
    if (username.empty()) return UsernameProblem::empty;
    if (username.size() > k_longest_username) return UsernameProblem::too_long;
    for (const char c : username) {
        if (!is_letter_or_digit(c) && c != '.' && c != '-' && c != '_') {
            return UsernameProblem::bad_character;
        }
    }
    if (!is_letter_or_digit(username.front())) return UsernameProblem::bad_start;
    return std::nullopt;
}

std::string_view username_problem_text(UsernameProblem problem) {
    switch (problem) {
        case UsernameProblem::empty:
            return "a user name is needed";
        case UsernameProblem::too_long:
            return "a user name has at most 64 characters";
        case UsernameProblem::bad_character:
            return "a user name has only lower-case letters a-z, digits, '.', '-' and '_'";
        case UsernameProblem::bad_start:
            return "a user name starts with a letter or a digit";
    }
    return "the user name cannot be used";
}

}  // namespace redress::domain
