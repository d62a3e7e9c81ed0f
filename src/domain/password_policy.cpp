#include "domain/password_policy.hpp"

#include <algorithm>

#include "util/text.hpp"

namespace redress::domain {

namespace {

constexpr std::size_t k_min_username_code_points = 3;

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool is_lower_letter(char c) {
    return c >= 'a' && c <= 'z';
}

// The next character of a run: digits and letters each wrap around ("890", "yza").
char next_in_run(char c) {
    if (is_digit(c)) {
        return c == '9' ? '0' : static_cast<char>(c + 1);
    }
    if (is_lower_letter(c)) {
        return c == 'z' ? 'a' : static_cast<char>(c + 1);
    }
    return '\0';
}

// Whether `lower` (already lower case) is an ascending or descending run.
bool is_sequence(std::string_view lower) {
    bool ascending = true;
    bool descending = true;
    for (std::size_t i = 1; i < lower.size(); ++i) {
        const char step = next_in_run(lower[i - 1]);
        ascending = ascending && step != '\0' && lower[i] == step;
        descending =
            descending && next_in_run(lower[i]) != '\0' && next_in_run(lower[i]) == lower[i - 1];
    }
    return ascending || descending;
}

// Whether `password` is a unit repeated whose own length is below the minimum: then it is
// no stronger than that unit. A repeat of valid UTF-8 starts each unit at a code point.
bool is_repeated(std::string_view password) {
    for (std::size_t period = 1; period <= password.size() / 2; ++period) {
        if (password.size() % period != 0) {
            continue;
        }
        const std::string_view unit = password.substr(0, period);
        if (util::code_points(unit) >= k_password_min_code_points) {
            return false;
        }
        bool repeats = true;
        for (std::size_t at = period; repeats && at < password.size(); at += period) {
            repeats = password.substr(at, period) == unit;
        }
        if (repeats) {
            return true;
        }
    }
    return false;
}

bool is_trailing_mark(char c) {
    const auto byte = static_cast<unsigned char>(c);
    // ASCII digits, punctuation and spaces.
    return byte < 0x80 && !is_lower_letter(c) && !(c >= 'A' && c <= 'Z');
}

bool is_common(std::string_view lower, const CommonPasswords& common) {
    if (common.contains(lower)) {
        return true;
    }
    std::string_view stem = lower;
    while (!stem.empty() && is_trailing_mark(stem.back())) {
        stem.remove_suffix(1);
    }
    return stem.size() != lower.size() && stem.size() >= k_password_min_stem_bytes &&
           common.contains(stem);
}

}  // namespace

std::string_view problem_code(PasswordProblem problem) {
    switch (problem) {
        case PasswordProblem::too_short:
            return "too_short";
        case PasswordProblem::too_long:
            return "too_long";
        case PasswordProblem::not_utf8:
            return "not_utf8";
        case PasswordProblem::repeated:
            return "repeated";
        case PasswordProblem::sequence:
            return "sequence";
        case PasswordProblem::contains_username:
            return "contains_username";
        case PasswordProblem::common:
            return "common";
    }
    return "unknown";
}

CommonPasswords::CommonPasswords(std::vector<std::string> passwords)
    : m_sorted(std::move(passwords)) {
    for (std::string& password : m_sorted) {
        password = util::to_lower_ascii(password);
    }
    std::ranges::sort(m_sorted);
    const auto duplicates = std::ranges::unique(m_sorted);
    m_sorted.erase(duplicates.begin(), duplicates.end());
}

bool CommonPasswords::contains(std::string_view password) const {
    const std::string lower = util::to_lower_ascii(password);
    return std::ranges::binary_search(m_sorted, lower);
}

std::optional<PasswordProblem> check_password(std::string_view password, std::string_view username,
                                              const CommonPasswords& common) {
    if (password.size() > k_password_max_bytes) {
        return PasswordProblem::too_long;
    }
    if (!util::valid_utf8(password)) {
        return PasswordProblem::not_utf8;
    }
    const std::size_t length = util::code_points(password);
    if (length < k_password_min_code_points) {
        return PasswordProblem::too_short;
    }
    if (length > k_password_max_code_points) {
        return PasswordProblem::too_long;
    }
    const std::string lower = util::to_lower_ascii(password);
    if (is_repeated(lower)) {
        return PasswordProblem::repeated;
    }
    if (is_sequence(lower)) {
        return PasswordProblem::sequence;
    }
    if (util::valid_utf8(username) && util::code_points(username) >= k_min_username_code_points &&
        util::contains_ignoring_case(password, username)) {
        return PasswordProblem::contains_username;
    }
    if (is_common(lower, common)) {
        return PasswordProblem::common;
    }
    return std::nullopt;
}

}  // namespace redress::domain
