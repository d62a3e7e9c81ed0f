#pragma once
// Evidence as it arrives, whatever the channel (a web form's files, an email's
// attachments): each file's type told from its content, checked against the limits, then
// sealed with the evidence key into the evidence folder and flushed to disk, so that the
// filing that names them is acknowledged only once the files, too, are durable. The SHA-256
// of each original is kept, so that staff can show a file is the one received.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/keys.hpp"
#include "domain/evidence.hpp"
#include "domain/validation.hpp"
#include "storage/evidence_folder.hpp"

namespace redress::intake {

// A file as it arrived: what the sender's device called it, and its bytes (a view into an
// upload or a message that the caller keeps alive meanwhile).
struct ArrivingFile {
    std::string given_name;
    std::string_view content;
};

// The files' types as detected, and what is wrong with them.
struct CheckedFiles {
    std::vector<std::string> media_types;  // one per file, in order
    std::vector<domain::FieldError> errors;
};

class EvidenceIntake {
  public:
    // All references are borrowed and must outlive the EvidenceIntake.
    EvidenceIntake(const storage::EvidenceFolder& folder, const crypto::Keys& keys,
                   domain::EvidenceLimits limits);

    // Detects each file's type and checks them for a complaint that holds `held_files`
    // files of `held_bytes` already. Reads at most the first MiB of each.
    CheckedFiles check(const std::vector<ArrivingFile>& files, std::size_t held_files = 0,
                       std::uint64_t held_bytes = 0) const;

    // Seals each file (checked) into the folder and flushes it and the folder; the records
    // to store. Blocks on the disk: never on an I/O thread. On failure, nothing it wrote is
    // left.
    util::Expected<std::vector<domain::Evidence>> keep(const std::vector<ArrivingFile>& files,
                                                       const CheckedFiles& checked,
                                                       domain::EvidenceSource source,
                                                       domain::Timestamp at) const;

    // Removes the files of records that were never stored (a filing refused after).
    void discard(const std::vector<domain::Evidence>& files) const { discard(m_folder, files); }
    static void discard(const storage::EvidenceFolder& folder,
                        const std::vector<domain::Evidence>& files);

    // The original of a kept file, opened; fails (not_found) when it is missing,
    // (invalid_input) when it was altered.
    util::Expected<std::string> original(const domain::Evidence& file) const;

    // A sealed file of the folder that no evidence record names (a quarantined email, kept
    // by inbound/), opened; at most `max_bytes`.
    util::Expected<std::string> sealed_file(const std::string& stored_name,
                                            std::uint64_t max_bytes) const;

    // The name the sender gave a file, opened ("" when none).
    std::string given_name(const domain::Evidence& file) const;

    const domain::EvidenceLimits& limits() const { return m_limits; }
    // A copy outlives the EvidenceIntake: completions that run while storage drains at
    // shutdown remove refused files through one.
    const storage::EvidenceFolder& folder() const { return m_folder; }

  private:
    const storage::EvidenceFolder& m_folder;
    const crypto::Keys& m_keys;
    domain::EvidenceLimits m_limits;
};

}  // namespace redress::intake
