#pragma once
// `redress user add` and `redress user list`: staff accounts from the command line, so
// that a fresh deployment gets its first administrator (and any office its staff) without
// the web interface. The password is read from standard input (without echo on a
// terminal), never from the command line, where other users of the machine could see it.

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "config/config.hpp"

namespace redress::cli {

struct UserOptions {
    std::string username;
    std::string display_name;
    std::vector<std::string> roles;
    std::vector<std::string> offices;
};

void add_user_add_options(CLI::App& command, UserOptions& options);

// 0: added; 1: refused (every reason printed); 2: could not run.
int add_user(const config::Config& config, const UserOptions& options);
// Prints every member: user name, name, roles, offices, whether enrolled, disabled, or not
// yet signed in with the set-up code an administrator's console gave them.
int list_users(const config::Config& config);

}  // namespace redress::cli
