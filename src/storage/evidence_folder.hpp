#pragma once
// The folder where evidence files lie, sealed (crypto/file_sealing.hpp), each under the
// name the server made for it. A file is written whole under a temporary name, flushed to
// disk, then renamed, so that a name in the folder always means a whole file; the folder
// itself is flushed before the filing that names the files is acknowledged.

#include <filesystem>
#include <functional>
#include <string>

#include "util/error.hpp"

namespace redress::storage {

class EvidenceFolder {
  public:
    // Makes the folder (0700) if need be, and removes what a write interrupted over an hour
    // ago left (the folder may be shared by several nodes).
    static util::Expected<EvidenceFolder> open(std::filesystem::path folder);

    // Writes a new file `name` with `write` (given a descriptor open for writing), flushes
    // it and renames it into place. Fails (conflict) when `name` exists.
    util::Expected<void> keep(const std::string& name,
                              const std::function<util::Expected<void>(int fd)>& write) const;
    // Flushes the folder's entries: the files kept so far survive a power cut.
    util::Expected<void> sync() const;
    // Reads the file `name` with `read` (given a descriptor open for reading). Fails
    // (not_found) when there is none.
    util::Expected<std::string> read(
        const std::string& name,
        const std::function<util::Expected<std::string>(int fd)>& read) const;
    // Removes a file that no record names (a filing that was refused after its files were
    // kept); nothing when there is none.
    void discard(const std::string& name) const;

    const std::filesystem::path& path() const { return m_folder; }

  private:
    explicit EvidenceFolder(std::filesystem::path folder) : m_folder(std::move(folder)) {}

    std::filesystem::path m_folder;
};

}  // namespace redress::storage
