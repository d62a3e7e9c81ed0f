#pragma once
// The table of settings: each declared once, with its name, help and default. The TOML
// file (`[server] port = 8080` for "server.port"), the environment (REDRESS_SERVER_PORT)
// and the command line (--server-port) all go through this table.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.hpp"

namespace redress::config {

struct Setting {
    std::string_view name;  // "server.port": section and key in the TOML file
    std::string_view help;
    // Parses `text` into the config; fails (invalid_input) with what is wrong.
    std::function<util::Expected<void>(Config&, std::string_view text)> apply;
    std::function<std::string(const Config&)> show;  // current value, for --help and dumps

    std::string environment_variable() const;  // REDRESS_SERVER_PORT
    std::string flag() const;                  // --server-port
};

const std::vector<Setting>& settings();
const Setting* find_setting(std::string_view name);

}  // namespace redress::config
