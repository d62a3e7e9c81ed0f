#include "cli/ingest_command.hpp"

#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>

#include "inbound/mail_spool.hpp"

namespace redress::cli {

namespace {

// mail.max_message_mib from the data folder's configuration, read without loading it (the
// command must not depend on more than the spool folder being writable): a line
// "max_message_mib = N" under [mail]. 25 when there is none or it cannot be read.
std::size_t configured_limit_mib(const std::filesystem::path& data_dir) {
    std::size_t mib = 25;
    std::ifstream in(data_dir / "redress.toml");
    std::string line;
    bool in_mail = false;
    static const std::regex setting(R"(^\s*max_message_mib\s*=\s*([0-9]{1,3})\s*(#.*)?$)");
    while (std::getline(in, line)) {
        const auto start = line.find_first_not_of(" \t");
        if (start != std::string::npos && line[start] == '[') {
            in_mail = line.compare(start, 6, "[mail]") == 0;
            continue;
        }
        std::smatch match;
        if (in_mail && std::regex_match(line, match, setting)) {
            mib = std::clamp<std::size_t>(std::stoul(match[1].str()), 1, 100);
        }
    }
    return mib;
}

int spool_maildir(const std::filesystem::path& spool, const std::filesystem::path& maildir,
                  std::size_t max_bytes) {
    std::size_t spooled = 0;
    std::size_t failed = 0;
    for (const char* part : {"new", "cur"}) {
        std::error_code error;
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::directory_iterator(maildir / part, error)) {
            if (entry.is_regular_file() && !entry.path().filename().string().starts_with('.')) {
                files.push_back(entry.path());
            }
        }
        if (error) {
            spdlog::error("ingest-email: cannot read {}: {}", (maildir / part).string(),
                          error.message());
            return inbound::k_exit_try_later;
        }
        std::ranges::sort(files);
        for (const auto& file : files) {
            const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
            if (fd < 0) {
                ++failed;
                continue;
            }
            auto kept = inbound::spool_message(spool, fd, max_bytes);
            ::close(fd);
            if (kept) {
                ++spooled;
            } else {
                ++failed;
                spdlog::error("ingest-email: {}: {}", file.filename().string(),
                              kept.error().message);
            }
        }
    }
    fmt::print("{} message(s) spooled", spooled);
    if (failed > 0) fmt::print(", {} not", failed);
    fmt::print("\n");
    return failed == 0 ? 0 : inbound::k_exit_try_later;
}

}  // namespace

void add_ingest_options(CLI::App& command, IngestOptions& options) {
    command.add_option("--data", options.data_dir, "Data folder of the running redress serve")
        ->capture_default_str();
    command.add_option("--maildir", options.maildir,
                       "Spool every message of this Maildir (new/ and cur/) instead");
    command.add_option("--max-message-mib", options.max_message_mib,
                       "Largest message kept whole (default: mail.max_message_mib, else 25)");
}

int ingest_email(const IngestOptions& options) {
    const std::filesystem::path data_dir = options.data_dir;
    const std::size_t mib =
        options.max_message_mib > 0 ? options.max_message_mib : configured_limit_mib(data_dir);
    const std::size_t max_bytes = mib << 20;
    const auto spool = data_dir / "spool" / "mail";
    if (!options.maildir.empty()) return spool_maildir(spool, options.maildir, max_bytes);
    auto kept = inbound::spool_message(spool, STDIN_FILENO, max_bytes);
    if (!kept) {
        spdlog::error("ingest-email: the message was not kept: {}", kept.error().message);
        return inbound::k_exit_try_later;
    }
    return 0;
}

}  // namespace redress::cli
