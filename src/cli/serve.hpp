#pragma once
// `redress serve`: the composition root. Builds every part from the Config and serves
// until SIGTERM or SIGINT.

#include "config/config.hpp"

namespace redress::cli {

// Returns the process exit status.
int serve(const config::Config& config);

}  // namespace redress::cli
