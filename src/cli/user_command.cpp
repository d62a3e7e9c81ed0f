#include "cli/user_command.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "cli/common_passwords.hpp"
#include "cli/database.hpp"
#include "cli/key_custody.hpp"
#include "domain/calendar.hpp"
#include "staff/accounts.hpp"
#include "staff/audit_anchor.hpp"
#include "util/await.hpp"

namespace redress::cli {

namespace {

// A password is at most 256 characters (the policy); a line far longer is not one.
constexpr std::size_t k_longest_password_line = 4096;

// One line from standard input; on a terminal, asked for and not echoed.
std::optional<std::string> read_password() {
    const bool terminal = ::isatty(STDIN_FILENO) == 1;
    termios saved{};
    if (terminal) {
        std::cerr << "Password (at least 12 characters): " << std::flush;
        ::tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    char c = 0;
    bool read_any = false;
    while (std::cin.get(c) && c != '\n') {
        read_any = true;
        if (line.size() < k_longest_password_line) line += c;
    }
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::cerr << '\n';
    }
    if (!read_any && !std::cin) return std::nullopt;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

crypto::PasswordCost password_cost(const config::Config& config) {
    return {.ops = config.staff.password_passes,
            .memory_bytes = config.staff.password_memory_mib << 20};
}

util::Expected<std::unique_ptr<storage::Backend>> open_backend(const config::Config& config) {
    return open_database(config, 1);
}

}  // namespace

void add_user_add_options(CLI::App& command, UserOptions& options) {
    command.add_option("--username", options.username, "How they sign in: a-z, 0-9, . - _")
        ->required();
    command.add_option("--name", options.display_name, "Their name, as shown to colleagues")
        ->required();
    command
        .add_option("--role", options.roles,
                    "intake_officer, investigator, supervisor, auditor, administrator or "
                    "custodian; repeat for several")
        ->required();
    command.add_option("--office", options.offices,
                       "An office they work for (its id in the configuration); repeat for several");
}

int add_user(const config::Config& config, const UserOptions& options) {
    staff::NewMember member;
    member.username = options.username;
    member.display_name = options.display_name;
    member.offices = options.offices;
    for (const auto& name : options.roles) {
        const auto role = domain::parse_role(name);
        if (!role) {
            fmt::print(stderr,
                       "no role '{}': roles are intake_officer, investigator, "
                       "supervisor, auditor, administrator and custodian\n",
                       name);
            return 1;
        }
        member.roles.push_back(*role);
    }
    auto common = load_common_passwords(config.staff.common_passwords_file);
    if (!common) {
        spdlog::critical("{}", common.error().message);
        return 2;
    }
    const staff::AccountRules rules{config.deployment, *common, password_cost(config)};
    // Everything but the password is checked before it is asked for.
    member.password = "a placeholder that passes";
    if (auto problems = staff::check_new_member(member, rules); !problems.empty()) {
        for (const auto& problem : problems) fmt::print(stderr, "refused: {}\n", problem);
        return 1;
    }
    const auto password = read_password();
    if (!password) {
        fmt::print(stderr, "refused: no password on standard input\n");
        return 1;
    }
    member.password = *password;

    auto backend = open_backend(config);
    if (!backend) {
        spdlog::critical("database {}: {}", database_name(config), backend.error().message);
        return 2;
    }
    auto keys = unlock_keys(config, **backend);
    if (!keys) {
        spdlog::critical("{}", keys.error().message);
        return 2;
    }
    const auto at = domain::current_time();
    auto added = staff::add_member(**backend, member, rules, "cli:user-add", at);
    if (!added) {
        if (added.error().code == util::ErrorCode::invalid_input) {
            fmt::print(stderr, "refused: {}\n", added.error().message);
            return 1;
        }
        if (added.error().code == util::ErrorCode::conflict) {
            fmt::print(stderr, "refused: the user name '{}' is taken\n", member.username);
            return 1;
        }
        spdlog::critical("could not add the member: {}", added.error().message);
        return 2;
    }
    // Signed at once, rather than at the running server's next checkpoint.
    if (auto anchored = staff::anchor_audit_trail(**backend, keys->current_signing(),
                                                  config.data_dir / "audit-head", at);
        !anchored) {
        spdlog::error("audit trail: could not sign its head: {}", anchored.error().message);
    }
    fmt::print("added {} ({}); they enrol a second factor at their first sign-in\n",
               member.username, member.display_name);
    return 0;
}

int list_users(const config::Config& config) {
    auto backend = open_backend(config);
    if (!backend) {
        spdlog::critical("database {}: {}", database_name(config), backend.error().message);
        return 2;
    }
    auto members = util::await<std::vector<domain::StaffMember>>(
        [&](auto done) { (*backend)->list_staff(std::move(done)); });
    if (!members) {
        spdlog::critical("staff: {}", members.error().message);
        return 2;
    }
    for (const auto& member : *members) {
        std::vector<std::string_view> roles;
        for (const auto role : member.roles) roles.push_back(domain::role_name(role));
        fmt::print("{}\t{}\t{}\t{}\t{}\n", member.username, member.display_name,
                   fmt::join(roles, ","), fmt::join(member.offices, ","),
                   member.disabled         ? "disabled"
                   : member.set_up_pending ? "awaiting set-up code"
                   : member.enrolled       ? "enrolled"
                                           : "not enrolled");
    }
    return 0;
}

}  // namespace redress::cli
