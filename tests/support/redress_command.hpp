#pragma once
// Runs a `redress` command other than `serve` (REDRESS_BINARY, as integration tests get it)
// to its end, for tests of what it prints and its exit status. A command given `--data DIR`
// keeps its data where the test run does (support/data_folder_database.hpp).

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "support/data_folder_database.hpp"

namespace redress::testing {

struct CommandOutcome {
    int exit_code = -1;  // -1 when a signal ended it
    std::string output;  // standard output and error together
};

// `arguments` are single-quoted for the shell and must not contain a quote; the output
// goes through a file in `scratch`, and so does `input`, given on standard input.
inline CommandOutcome run_redress(const std::vector<std::string>& arguments,
                                  const std::filesystem::path& scratch,
                                  const std::string& input = {}) {
    const auto output = scratch / "command.out";
    const auto given = scratch / "command.in";
    std::ofstream(given, std::ios::binary | std::ios::trunc) << input;
    std::string command;
    for (std::size_t i = 0; i + 1 < arguments.size(); ++i) {
        if (arguments[i] == "--data") {
            command += "REDRESS_STORAGE_DATABASE='" + database_for(arguments[i + 1]) + "' ";
            break;
        }
    }
    command += std::string("'") + REDRESS_BINARY + "'";
    for (const auto& argument : arguments) command += " '" + argument + "'";
    command += " <'" + given.string() + "' >'" + output.string() + "' 2>&1";
    const int status = std::system(command.c_str());
    std::ifstream in(output);
    CommandOutcome outcome;
    outcome.output.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    outcome.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return outcome;
}

}  // namespace redress::testing
