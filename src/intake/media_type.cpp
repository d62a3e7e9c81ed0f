#include "intake/media_type.hpp"

#include <magic.h>

#include <algorithm>
#include <memory>

namespace redress::intake {

namespace {

constexpr std::size_t k_sniffed_bytes = 1024 * 1024;

struct MagicCloser {
    void operator()(magic_t magic) const { magic_close(magic); }
};
using Magic = std::unique_ptr<std::remove_pointer_t<magic_t>, MagicCloser>;

Magic open_magic() {
    // MAGIC_NO_CHECK_COMPRESS: a compressed file is named as such, never opened.
    Magic magic(magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS | MAGIC_ERROR));
    if (magic && magic_load(magic.get(), nullptr) != 0) magic.reset();
    return magic;
}

}  // namespace

std::string detect_media_type(std::string_view content) {
    thread_local const Magic magic = open_magic();
    constexpr std::string_view k_unknown = "application/octet-stream";
    if (!magic) return std::string(k_unknown);
    const char* type =
        magic_buffer(magic.get(), content.data(), std::min(content.size(), k_sniffed_bytes));
    return type != nullptr ? std::string(type) : std::string(k_unknown);
}

}  // namespace redress::intake
