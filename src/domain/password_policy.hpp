#pragma once
// What a staff password must be. Length does most of the work (NIST SP 800-63B: at least
// 12 characters, no composition rules, any Unicode), and a list of passwords leaked most
// often catches the guesses an attacker tries first. Pure: the list is loaded by cli/.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace redress::domain {

inline constexpr std::size_t k_password_min_code_points = 12;
// Bounds what is hashed (Argon2 reads it all) and what a form may carry.
inline constexpr std::size_t k_password_max_code_points = 256;
inline constexpr std::size_t k_password_max_bytes = 1024;
// A common password followed by digits or punctuation ("dragon2024!") counts as common
// when what is left has at least this many bytes; below it the list would refuse
// passwords whose strength lies in what follows.
inline constexpr std::size_t k_password_min_stem_bytes = 4;

enum class PasswordProblem {
    too_short,          // fewer than 12 code points
    too_long,           // more than 256 code points or 1024 bytes
    not_utf8,           // not well-formed UTF-8
    repeated,           // one shorter text repeated ("aaaaaaaaaaaa", "passwordpassword")
    sequence,           // a run of digits or letters ("123456789012", "lkjihgfedcba")
    contains_username,  // the user name within it, in any case
    common,             // on the list, in any case, with or without trailing digits or marks
};

// The code of a problem, for messages ("error.password_<code>"): "too_short", "too_long",
// "not_utf8", "repeated", "sequence", "contains_username", "common".
std::string_view problem_code(PasswordProblem problem);

// The passwords to refuse, compared without ASCII case.
class CommonPasswords {
  public:
    CommonPasswords() = default;
    // Any order, any case, duplicates allowed.
    explicit CommonPasswords(std::vector<std::string> passwords);

    // Whether `password`, in ASCII lower case, is on the list.
    bool contains(std::string_view password) const;
    std::size_t size() const { return m_sorted.size(); }

  private:
    std::vector<std::string> m_sorted;  // lower case, sorted, unique
};

// The first problem of `password` for the user `username`, checked in the order of
// PasswordProblem (cheap bounds first), or nothing when the password may be used.
// User names shorter than 3 code points are not looked for: they would forbid too much.
std::optional<PasswordProblem> check_password(std::string_view password, std::string_view username,
                                              const CommonPasswords& common);

}  // namespace redress::domain
