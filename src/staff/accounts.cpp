#include "staff/accounts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "util/await.hpp"
#include "util/text.hpp"

namespace redress::staff {

namespace {

constexpr std::size_t k_longest_display_name = 100;

std::string password_problem_text(domain::PasswordProblem problem) {
    switch (problem) {
        case domain::PasswordProblem::too_short:
            return "the password is too short: at least 12 characters";
        case domain::PasswordProblem::too_long:
            return "the password is too long: at most 256 characters";
        case domain::PasswordProblem::not_utf8:
            return "the password is not valid UTF-8 text";
        case domain::PasswordProblem::repeated:
            return "the password repeats the same few characters";
        case domain::PasswordProblem::sequence:
            return "the password is a run of letters or digits";
        case domain::PasswordProblem::contains_username:
            return "the password contains the user name";
        case domain::PasswordProblem::common:
            return "the password is in a list of common passwords";
    }
    return "the password cannot be used";
}

std::string roles_text(const std::vector<domain::Role>& roles) {
    std::string text;
    for (const auto role : roles) {
        if (!text.empty()) text += ',';
        text += domain::role_name(role);
    }
    return text;
}

}  // namespace

std::vector<std::string> check_new_member(const NewMember& member, const AccountRules& rules) {
    std::vector<std::string> problems;
    if (const auto problem = domain::check_username(member.username)) {
        problems.emplace_back(domain::username_problem_text(*problem));
    }
    const auto name = util::trim(member.display_name);
    if (name.empty()) {
        problems.emplace_back("a name to show is needed");
    } else if (!util::valid_utf8(name) || util::has_forbidden_controls(name, false)) {
        problems.emplace_back("the name has characters that cannot be shown");
    } else if (util::code_points(name) > k_longest_display_name) {
        problems.emplace_back(
            fmt::format("the name has at most {} characters", k_longest_display_name));
    }
    if (member.roles.empty()) problems.emplace_back("at least one role is needed");
    std::set<std::string_view> offices;
    for (const auto& office : member.offices) {
        if (rules.deployment.find_office(office) == nullptr) {
            problems.push_back(
                fmt::format("no office '{}' in this deployment's configuration", office));
        } else if (!offices.insert(office).second) {
            problems.push_back(fmt::format("office '{}' is named twice", office));
        }
    }
    const bool works =
        std::any_of(member.roles.begin(), member.roles.end(), domain::is_working_role);
    if (works && member.offices.empty()) {
        problems.emplace_back(
            "a working role (intake officer, investigator, supervisor) needs an office");
    }
    if (const auto problem =
            domain::check_password(member.password, member.username, rules.common_passwords)) {
        problems.push_back(password_problem_text(*problem));
    }
    return problems;
}

util::Expected<domain::StaffId> add_member(storage::StaffDirectory& directory,
                                           const NewMember& member, const AccountRules& rules,
                                           std::string actor, domain::Timestamp now) {
    if (const auto problems = check_new_member(member, rules); !problems.empty()) {
        std::string text;
        for (const auto& problem : problems) text += (text.empty() ? "" : "; ") + problem;
        return util::fail(util::ErrorCode::invalid_input, text);
    }
    auto hash = crypto::hash_password(member.password, rules.password_cost);
    if (!hash) return std::unexpected(hash.error());

    storage::StaffAccount account;
    account.member.username = member.username;
    account.member.display_name = std::string(util::trim(member.display_name));
    for (const auto role : domain::all_roles()) {  // each once, in the listed order
        if (std::find(member.roles.begin(), member.roles.end(), role) != member.roles.end()) {
            account.member.roles.push_back(role);
        }
    }
    account.member.offices = member.offices;
    account.member.created_at = now;
    account.password_hash = std::move(*hash);

    domain::AuditEvent audit;
    audit.at = now;
    audit.actor = std::move(actor);
    audit.action = "staff.added";
    audit.object = "staff:" + member.username;
    audit.details = fmt::format("roles={} offices={}", roles_text(account.member.roles),
                                fmt::join(account.member.offices, ","));
    return util::await<domain::StaffId>([&](auto done) {
        directory.add_staff(std::move(account), std::move(audit), std::move(done));
    });
}

}  // namespace redress::staff
