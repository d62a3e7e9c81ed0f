#pragma once
// `redress verify-confirmation`: checks a proof of filing offline, against public keys
// given on the command line (as a deployment publishes them at
// /.well-known/redress-signing-keys), so that anyone can check one without the
// deployment's site or data.

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace redress::cli {

struct VerifyOptions {
    std::vector<std::string> public_keys;  // base64, as published
    std::string file;                      // "" or "-": standard input
};

void add_verify_options(CLI::App& command, VerifyOptions& options);

// Prints the verdict and what the confirmation says. 0: genuine; 1: not genuine or
// unreadable; 2: the command was used wrongly.
int verify_confirmation(const VerifyOptions& options);

}  // namespace redress::cli
