#pragma once
// A message given to inbound::spool_message as a command's standard input would be: through
// a file descriptor.

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "inbound/mail_spool.hpp"

namespace redress::testing {

inline util::Expected<std::string> spool_text(const std::filesystem::path& spool,
                                              const std::filesystem::path& scratch,
                                              const std::string& text, std::size_t max_bytes) {
    const auto input = scratch / "input.eml";
    std::ofstream(input, std::ios::binary | std::ios::trunc) << text;
    const int fd = ::open(input.c_str(), O_RDONLY | O_CLOEXEC);
    auto kept = inbound::spool_message(spool, fd, max_bytes);
    ::close(fd);
    return kept;
}

inline std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace redress::testing
