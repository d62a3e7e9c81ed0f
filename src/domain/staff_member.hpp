#pragma once
// A member of an office's staff, as the staff side knows them: who they are, their roles
// and the offices they work for. Their secrets (password hash, second factor) are not
// here; they stay in storage and in the sign-in code.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/calendar.hpp"
#include "domain/role.hpp"

namespace redress::domain {

using StaffId = std::int64_t;

// A keyed hash of a name's words (domain/identity_access.hpp, name_words), shortened: how
// subjects' names are kept, and how a member's name is compared with them. All zero: none.
using NameMark = std::array<std::uint8_t, 16>;

struct StaffMember {
    StaffId id = 0;
    std::string username;  // lower case; how they sign in
    std::string display_name;
    std::vector<Role> roles;
    std::vector<std::string> offices;  // office ids
    bool enrolled = false;             // has a second factor
    bool disabled = false;
    bool set_up_pending = false;  // has a set-up code, has not chosen a password yet
    Timestamp created_at{};
    NameMark name_mark{};  // of display_name; set when a request resolves their session

    bool has(Role role) const;
    bool works_for(std::string_view office_id) const;
    // Whether they may read and work complaints of `office_id`: a working role there.
    bool works_complaints_of(std::string_view office_id) const;
};

// Why a user name cannot be used; nullopt when it can. A user name is 1 to 64 of a-z,
// 0-9, '.', '-' and '_', starting with a letter or digit (no look-alike letters, nothing
// that needs escaping in a log or a URL).
enum class UsernameProblem { empty, too_long, bad_character, bad_start };
std::optional<UsernameProblem> check_username(std::string_view username);
std::string_view username_problem_text(UsernameProblem problem);

}  // namespace redress::domain
