#pragma once
// Arguments for the `redress serve` of a test: staff passwords hashed cheaply (a test is
// about the pages, not the hashing), the password its members are given, and a way to add
// arguments to a list.

#include <string>
#include <string_view>
#include <vector>

namespace redress::testing {

inline const std::vector<std::string> k_cheap = {"--staff-password-memory-mib", "8",
                                                 "--staff-password-passes", "1"};

inline constexpr std::string_view k_password = "Quiet-River-Stone-2041";

inline std::vector<std::string> with(std::vector<std::string> arguments,
                                     const std::vector<std::string>& more) {
    arguments.insert(arguments.end(), more.begin(), more.end());
    return arguments;
}

}  // namespace redress::testing
