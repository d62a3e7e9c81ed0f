#pragma once
// `redress audit verify`: checks the audit trail of a data folder offline (every entry's
// chain hash, the sequence, and each signed checkpoint, with the head file kept outside
// the database) and names the first broken entry.

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "config/config.hpp"

namespace redress::cli {

struct AuditOptions {
    std::string head_file;                 // default: <data>/audit-head when present
    std::vector<std::string> public_keys;  // base64; default: those of the key file
};

void add_audit_verify_options(CLI::App& command, AuditOptions& options);

// Prints what was checked, or the first break. 0: intact; 1: broken; 2: could not check.
int verify_audit(const config::Config& config, const AuditOptions& options);

}  // namespace redress::cli
