#pragma once

namespace redress::cli {

// Parses the command line and runs the command; returns the process exit status.
int run(int argc, char** argv);

}  // namespace redress::cli
