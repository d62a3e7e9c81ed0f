#pragma once
// A request body that the server wrote to a file as it arrived (an upload) instead of
// holding it in memory. The file is the server's to remove: it goes when the last
// reference to the body does, and a server that starts clears what a crash left behind.

#include <cstdint>
#include <filesystem>
#include <string_view>

#include "util/error.hpp"

namespace redress::http {

class SpooledBody {
  public:
    SpooledBody(std::filesystem::path path, std::uint64_t size);
    ~SpooledBody();  // unmaps and removes the file
    SpooledBody(const SpooledBody&) = delete;
    SpooledBody& operator=(const SpooledBody&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    std::uint64_t size() const { return m_size; }
    void set_size(std::uint64_t size) { m_size = size; }  // once the body is whole

    // The whole body, mapped read-only: the page cache holds it, not the heap. The view
    // lives as long as this object. Fails (unavailable) when the file cannot be mapped.
    util::Expected<std::string_view> contents();

  private:
    std::filesystem::path m_path;
    std::uint64_t m_size = 0;
    void* m_map = nullptr;
};

// A file name for a new spooled body in `folder`: random, so that names never repeat nor
// say anything.
std::filesystem::path new_spool_path(const std::filesystem::path& folder);

// Removes every file in `folder` (bodies a crash left behind); makes the folder if need be.
util::Expected<void> clear_spool_folder(const std::filesystem::path& folder);

}  // namespace redress::http
