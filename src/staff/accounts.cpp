#include "staff/accounts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "util/await.hpp"
#include "util/text.hpp"

namespace redress::staff {

namespace {

constexpr std::size_t k_longest_display_name = 100;

std::string_view username_code(domain::UsernameProblem problem) {
    switch (problem) {
        case domain::UsernameProblem::empty:
            return "username_empty";
        case domain::UsernameProblem::too_long:
            return "username_too_long";
        case domain::UsernameProblem::bad_character:
            return "username_bad_character";
        case domain::UsernameProblem::bad_start:
            return "username_bad_start";
    }
    return "username_bad_character";
}

}  // namespace

std::vector<domain::Role> ordered_roles(const std::vector<domain::Role>& roles) {
    std::vector<domain::Role> ordered;
    for (const auto role : domain::all_roles()) {
        if (std::find(roles.begin(), roles.end(), role) != roles.end()) ordered.push_back(role);
    }
    return ordered;
}

std::string roles_text(const std::vector<domain::Role>& roles) {
    std::string text;
    for (const auto role : roles) {
        if (!text.empty()) text += ',';
        text += domain::role_name(role);
    }
    return text;
}

std::vector<domain::FormProblem> check_access(const std::vector<domain::Role>& roles,
                                              const std::vector<std::string>& offices,
                                              const domain::Deployment& deployment) {
    std::vector<domain::FormProblem> problems;
    if (roles.empty()) problems.push_back({"roles", "roles_required"});
    std::set<std::string_view> seen;
    bool unknown = false;
    bool twice = false;
    for (const auto& office : offices) {
        if (deployment.find_office(office) == nullptr) {
            unknown = true;
        } else if (!seen.insert(office).second) {
            twice = true;
        }
    }
    if (unknown) problems.push_back({"offices", "unknown_office"});
    if (twice) problems.push_back({"offices", "office_twice"});
    if (std::any_of(roles.begin(), roles.end(), domain::is_working_role) && offices.empty()) {
        problems.push_back({"offices", "office_needed"});
    }
    return problems;
}

std::vector<domain::FormProblem> check_account(const NewMember& member,
                                               const domain::Deployment& deployment) {
    std::vector<domain::FormProblem> problems;
    if (const auto problem = domain::check_username(member.username)) {
        problems.push_back({"username", std::string(username_code(*problem))});
    }
    const auto name = util::trim(member.display_name);
    if (name.empty()) {
        problems.push_back({"display_name", "name_required"});
    } else if (!util::valid_utf8(name) || util::has_forbidden_controls(name, false)) {
        problems.push_back({"display_name", "name_unusable"});
    } else if (util::code_points(name) > k_longest_display_name) {
        problems.push_back({"display_name", "name_too_long"});
    }
    auto access = check_access(member.roles, member.offices, deployment);
    problems.insert(problems.end(), access.begin(), access.end());
    return problems;
}

std::optional<domain::FormProblem> check_new_password(std::string_view password,
                                                      std::string_view username,
                                                      const domain::CommonPasswords& common) {
    const auto problem = domain::check_password(password, username, common);
    if (!problem) return std::nullopt;
    return domain::FormProblem{"password",
                               "password_" + std::string(domain::problem_code(*problem))};
}

std::string problem_text(const domain::FormProblem& problem) {
    static const std::map<std::string_view, std::string> texts{
        {"username_empty", std::string(username_problem_text(domain::UsernameProblem::empty))},
        {"username_too_long",
         std::string(username_problem_text(domain::UsernameProblem::too_long))},
        {"username_bad_character",
         std::string(username_problem_text(domain::UsernameProblem::bad_character))},
        {"username_bad_start",
         std::string(username_problem_text(domain::UsernameProblem::bad_start))},
        {"username_taken", "the user name is taken"},
        {"name_required", "a name to show is needed"},
        {"name_unusable", "the name has characters that cannot be shown"},
        {"name_too_long",
         fmt::format("the name has at most {} characters", k_longest_display_name)},
        {"roles_required", "at least one role is needed"},
        {"unknown_role",
         "roles are intake_officer, investigator, supervisor, auditor, administrator and "
         "custodian"},
        {"unknown_office", "an office named is not in this deployment's configuration"},
        {"office_twice", "an office is named twice"},
        {"office_needed",
         "a working role (intake officer, investigator, supervisor) needs an office"},
        {"password_too_short", "the password is too short: at least 12 characters"},
        {"password_too_long", "the password is too long: at most 256 characters"},
        {"password_not_utf8", "the password is not valid UTF-8 text"},
        {"password_repeated", "the password repeats the same few characters"},
        {"password_sequence", "the password is a run of letters or digits"},
        {"password_contains_username", "the password contains the user name"},
        {"password_common", "the password is in a list of common passwords"},
    };
    const auto found = texts.find(problem.code);
    return found != texts.end() ? found->second : problem.field + " cannot be used";
}

std::vector<std::string> check_new_member(const NewMember& member, const AccountRules& rules) {
    auto problems = check_account(member, rules.deployment);
    if (auto password =
            check_new_password(member.password, member.username, rules.common_passwords)) {
        problems.push_back(std::move(*password));
    }
    std::vector<std::string> texts;
    for (const auto& problem : problems) {
        auto text = problem_text(problem);
        if (problem.code == "unknown_office") {
            for (const auto& office : member.offices) {
                if (rules.deployment.find_office(office) == nullptr) {
                    texts.push_back(
                        fmt::format("no office '{}' in this deployment's configuration", office));
                }
            }
            continue;
        }
        texts.push_back(std::move(text));
    }
    return texts;
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
    account.member.roles = ordered_roles(member.roles);  // each once, in the listed order
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
