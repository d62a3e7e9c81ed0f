#include "cli/data_folder.hpp"

#include <sys/stat.h>

#include "fmt/format.h"

namespace redress::cli {

util::Expected<void> prepare_data_folder(const std::filesystem::path& data_dir,
                                         const std::filesystem::path& config_file,
                                         const std::filesystem::path& share_dir) {
    std::error_code error;
    if (!std::filesystem::exists(data_dir, error)) {
        std::filesystem::create_directories(data_dir, error);
        if (error) {
            return util::fail(util::ErrorCode::unavailable,
                              fmt::format("cannot create data folder {}: {}", data_dir.string(),
                                          error.message()));
        }
        ::chmod(data_dir.c_str(), 0700);
    }
    if (!std::filesystem::is_directory(data_dir, error)) {
        return util::fail(util::ErrorCode::invalid_input,
                          fmt::format("{} is not a folder", data_dir.string()));
    }
    if (!std::filesystem::exists(config_file, error)) {
        const auto sample = share_dir / "config" / "redress.sample.toml";
        std::filesystem::copy_file(sample, config_file, error);
        if (error) {
            return util::fail(util::ErrorCode::unavailable,
                              fmt::format("cannot copy the sample configuration {} to {}: {}",
                                          sample.string(), config_file.string(), error.message()));
        }
        ::chmod(config_file.c_str(), 0600);
    }
    return {};
}

}  // namespace redress::cli
