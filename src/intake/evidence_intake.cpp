#include "intake/evidence_intake.hpp"

#include <fmt/format.h>

#include "crypto/file_sealing.hpp"
#include "crypto/random.hpp"
#include "crypto/secret_box.hpp"
#include "crypto/sha256.hpp"
#include "intake/media_type.hpp"

namespace redress::intake {

namespace {

// 128 random bits in hex: names that never repeat and say nothing of the file.
std::string new_stored_name() {
    std::array<std::uint8_t, 16> random{};
    crypto::fill_random(random);
    std::string name;
    name.reserve(32);
    for (const auto byte : random) name += fmt::format("{:02x}", byte);
    return name;
}

}  // namespace

EvidenceIntake::EvidenceIntake(const storage::EvidenceFolder& folder, const crypto::Keys& keys,
                               domain::EvidenceLimits limits)
    : m_folder(folder), m_keys(keys), m_limits(limits) {}

CheckedFiles EvidenceIntake::check(const std::vector<ArrivingFile>& files, std::size_t held_files,
                                   std::uint64_t held_bytes) const {
    CheckedFiles checked;
    std::vector<domain::EvidenceCandidate> candidates;
    for (const auto& file : files) {
        // A file too large is refused for its size; what it is does not matter then.
        checked.media_types.push_back(file.content.size() <= m_limits.max_file_bytes
                                          ? detect_media_type(file.content)
                                          : std::string("application/octet-stream"));
        candidates.push_back({file.content.size(), checked.media_types.back()});
    }
    checked.errors = domain::check_evidence(candidates, held_files, held_bytes, m_limits);
    return checked;
}

util::Expected<std::vector<domain::Evidence>> EvidenceIntake::keep(
    const std::vector<ArrivingFile>& files, const CheckedFiles& checked,
    domain::EvidenceSource source, domain::Timestamp at) const {
    std::vector<domain::Evidence> kept;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const auto& file = files[i];
        domain::Evidence record;
        record.stored_name = new_stored_name();
        record.media_type = checked.media_types.at(i);
        record.size = file.content.size();
        record.sha256 = crypto::sha256(file.content);
        record.sealed_name = crypto::seal(m_keys.content, domain::display_name(file.given_name));
        record.added_at = at;
        record.source = source;
        auto written = m_folder.keep(record.stored_name, [&](int fd) {
            return crypto::seal_to_file(m_keys.evidence, file.content, fd);
        });
        if (!written) {
            discard(kept);
            return std::unexpected(written.error());
        }
        kept.push_back(std::move(record));
    }
    if (!kept.empty()) {
        if (auto synced = m_folder.sync(); !synced) {
            discard(kept);
            return std::unexpected(synced.error());
        }
    }
    return kept;
}

void EvidenceIntake::discard(const storage::EvidenceFolder& folder,
                             const std::vector<domain::Evidence>& files) {
    for (const auto& file : files) folder.discard(file.stored_name);
}

util::Expected<std::string> EvidenceIntake::original(const domain::Evidence& file) const {
    auto opened = m_folder.read(file.stored_name, [&](int fd) {
        return crypto::open_sealed_file(m_keys.evidence, fd, file.size);
    });
    // A sealed file put in the place of another is whole and sealed with our key too: the
    // digest recorded with the filing tells them apart.
    if (opened && crypto::sha256(*opened) != file.sha256) {
        return util::fail(util::ErrorCode::invalid_input, "evidence file is not the one received");
    }
    return opened;
}

util::Expected<std::string> EvidenceIntake::sealed_file(const std::string& stored_name,
                                                        std::uint64_t max_bytes) const {
    return m_folder.read(stored_name, [&](int fd) {
        return crypto::open_sealed_file(m_keys.evidence, fd, max_bytes);
    });
}

std::string EvidenceIntake::given_name(const domain::Evidence& file) const {
    auto name = crypto::open(m_keys.content, file.sealed_name);
    return name ? std::move(*name) : std::string();
}

}  // namespace redress::intake
