#pragma once
// Evidence: photos, video, sound and documents a complainant sends with a complaint or
// later. What a file is comes from its content, never from its name; only types an office
// can open safely are taken. The name the complainant gave is kept (sealed) for staff to
// read, reduced to a display name; the stored file gets a name the server makes.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/calendar.hpp"
#include "domain/validation.hpp"

namespace redress::domain {

struct EvidenceLimits {
    std::uint64_t max_file_bytes = 25ULL * 1024 * 1024;    // one file
    std::size_t max_files = 20;                            // one complaint, over time
    std::uint64_t max_total_bytes = 100ULL * 1024 * 1024;  // one complaint, over time
};

enum class EvidenceSource { complainant, email, staff };
std::string_view source_name(EvidenceSource source);
std::optional<EvidenceSource> parse_source(std::string_view name);

using Sha256 = std::array<std::uint8_t, 32>;

// A file kept for a complaint, as storage holds it: the file itself lies sealed under
// `stored_name` in the evidence folder.
struct Evidence {
    std::int64_t id = 0;                    // set by storage
    std::string stored_name;                // made by the server: [0-9a-f]{32}
    std::string media_type;                 // detected from the content, e.g. image/jpeg
    std::uint64_t size = 0;                 // of the original
    Sha256 sha256{};                        // of the original, byte for byte
    std::vector<std::uint8_t> sealed_name;  // the display name given, sealed (content key)
    Timestamp added_at{};
    EvidenceSource source = EvidenceSource::complainant;
};

// Whether files of `media_type` (as detected) are taken: images, video, sound, PDF, plain
// text and office documents. Never HTML, SVG, scripts or programs.
bool accepted_media_type(std::string_view media_type);

// A file name extension for a type taken ("jpg"), or "bin".
std::string_view extension_for(std::string_view media_type);

// The name a complainant's device gave a file, fit to show: the last path segment, valid
// UTF-8, no control or bidirectional-override characters, at most 120 bytes; "" when
// nothing is left.
std::string display_name(std::string_view given);

// The problems of adding files of these sizes and types to a complaint that holds
// `held_files` files of `held_bytes` in all; field paths "evidence[i]" (or "evidence"
// for the totals), codes file_empty, file_too_large, file_type_not_accepted,
// too_many_files and files_too_large.
struct EvidenceCandidate {
    std::uint64_t size = 0;
    std::string media_type;
};
std::vector<FieldError> check_evidence(const std::vector<EvidenceCandidate>& files,
                                       std::size_t held_files, std::uint64_t held_bytes,
                                       const EvidenceLimits& limits);

}  // namespace redress::domain
