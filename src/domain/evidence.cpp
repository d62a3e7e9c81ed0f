#include "domain/evidence.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace redress::domain {

namespace {

// Each type taken and its extension. Types an office's browser or viewer would run (HTML,
// SVG, XML, scripts, programs, archives that hide what they hold) are not among them.
constexpr std::array<std::pair<std::string_view, std::string_view>, 24> k_accepted{{
    {"image/jpeg", "jpg"},
    {"image/png", "png"},
    {"image/gif", "gif"},
    {"image/webp", "webp"},
    {"image/heic", "heic"},
    {"image/heif", "heif"},
    {"image/tiff", "tif"},
    {"image/bmp", "bmp"},
    {"video/mp4", "mp4"},
    {"video/quicktime", "mov"},
    {"video/webm", "webm"},
    {"video/3gpp", "3gp"},
    {"video/x-msvideo", "avi"},
    {"video/x-matroska", "mkv"},
    {"audio/mpeg", "mp3"},
    {"audio/ogg", "ogg"},
    {"audio/x-wav", "wav"},
    {"audio/mp4", "m4a"},
    {"audio/amr", "amr"},
    {"application/pdf", "pdf"},
    {"text/plain", "txt"},
    {"application/msword", "doc"},
    {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"},
    {"application/vnd.oasis.opendocument.text", "odt"},
}};

bool forbidden_code_point(char32_t c) {
    return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) ||
           (c >= 0x200e && c <= 0x200f) ||  // direction marks
           (c >= 0x202a && c <= 0x202e) ||  // embeddings and overrides: "gpj.exe"
           (c >= 0x2066 && c <= 0x2069) || c == 0xfeff;
}

// The next code point of valid UTF-8 at `i`, or nothing (then `i` moves one byte on).
std::optional<char32_t> next_code_point(std::string_view text, std::size_t& i,
                                        std::size_t& length) {
    const auto byte = [&](std::size_t at) { return static_cast<unsigned char>(text[at]); };
    const unsigned char first = byte(i);
    length = first < 0x80           ? 1
             : (first >> 5) == 0x6  ? 2
             : (first >> 4) == 0xe  ? 3
             : (first >> 3) == 0x1e ? 4
                                    : 0;
    if (length == 0 || i + length > text.size()) {
        ++i;
        return std::nullopt;
    }
    char32_t c = length == 1 ? first : first & (0x7f >> length);
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xc0) != 0x80) {
            ++i;
            return std::nullopt;
        }
        c = (c << 6) | (byte(i + k) & 0x3f);
    }
    const bool overlong =
        (length == 2 && c < 0x80) || (length == 3 && c < 0x800) || (length == 4 && c < 0x10000);
    if (overlong || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) {
        ++i;
        return std::nullopt;
    }
    i += length;
    return c;
}

}  // namespace

std::string_view source_name(EvidenceSource source) {
    switch (source) {
        case EvidenceSource::complainant:
            return "complainant";
        case EvidenceSource::email:
            return "email";
        case EvidenceSource::staff:
            return "staff";
    }
    return "complainant";
}

std::optional<EvidenceSource> parse_source(std::string_view name) {
    for (auto source :
         {EvidenceSource::complainant, EvidenceSource::email, EvidenceSource::staff}) {
        if (source_name(source) == name) return source;
    }
    return std::nullopt;
}

bool accepted_media_type(std::string_view media_type) {
    return std::ranges::any_of(k_accepted,
                               [&](const auto& entry) { return entry.first == media_type; });
}

std::string_view extension_for(std::string_view media_type) {
    for (const auto& [type, extension] : k_accepted) {
        if (type == media_type) return extension;
    }
    return "bin";
}

std::string display_name(std::string_view given) {
    constexpr std::size_t k_max_bytes = 120;
    // The last segment of a path from any system: "C:\Users\a\b.jpg", "../../b.jpg".
    const std::size_t slash = given.find_last_of("/\\");
    if (slash != std::string_view::npos) given.remove_prefix(slash + 1);
    std::string name;
    std::size_t i = 0;
    while (i < given.size()) {
        const std::size_t start = i;
        std::size_t length = 0;
        const auto c = next_code_point(given, i, length);
        if (!c || forbidden_code_point(*c)) continue;
        if (name.size() + length > k_max_bytes) break;
        name.append(given.substr(start, length));
    }
    const auto blank = name.find_first_not_of(" .");
    if (blank == std::string::npos) return {};  // ".", "..", spaces
    return name;
}

std::vector<FieldError> check_evidence(const std::vector<EvidenceCandidate>& files,
                                       std::size_t held_files, std::uint64_t held_bytes,
                                       const EvidenceLimits& limits) {
    std::vector<FieldError> errors;
    std::uint64_t total = held_bytes;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const std::string field = "evidence[" + std::to_string(i) + "]";
        const auto& file = files[i];
        total += file.size;
        if (file.size == 0) {
            errors.push_back({field, "file_empty"});
        } else if (file.size > limits.max_file_bytes) {
            errors.push_back({field, "file_too_large",
                              static_cast<long>(limits.max_file_bytes / (1024 * 1024))});
        } else if (!accepted_media_type(file.media_type)) {
            errors.push_back({field, "file_type_not_accepted"});
        }
    }
    if (held_files + files.size() > limits.max_files) {
        errors.push_back({"evidence", "too_many_files", static_cast<long>(limits.max_files)});
    } else if (total > limits.max_total_bytes) {
        errors.push_back({"evidence", "files_too_large",
                          static_cast<long>(limits.max_total_bytes / (1024 * 1024))});
    }
    return errors;
}

}  // namespace redress::domain
