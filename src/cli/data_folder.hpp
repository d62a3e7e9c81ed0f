#pragma once
// The data folder of a deployment: created on first start with a sample configuration,
// the key file (by crypto) and the database (by storage).

#include <filesystem>

#include "util/error.hpp"

namespace redress::cli {

// Creates `data_dir` (mode 0700) when absent, and copies the sample configuration to
// `config_file` when that is absent. Fails when the folder cannot be made private.
util::Expected<void> prepare_data_folder(const std::filesystem::path& data_dir,
                                         const std::filesystem::path& config_file,
                                         const std::filesystem::path& share_dir);

}  // namespace redress::cli
