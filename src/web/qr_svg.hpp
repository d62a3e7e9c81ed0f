#pragma once
// A QR code drawn as inline SVG, for a page to show what an authenticator app should scan
// (an otpauth:// URI). Inline and static: no script, no image request, nothing external,
// so it works with JavaScript off and under the strict Content-Security-Policy.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/error.hpp"

namespace redress::web {

// The modules of a QR code (libqrencode, byte mode, error correction level M).
struct QrCode {
    int version = 0;                 // 1..40
    std::size_t width = 0;           // modules per side: 17 + 4 * version
    std::vector<std::uint8_t> dark;  // width * width, row by row; 1 for a dark module

    bool is_dark(std::size_t x, std::size_t y) const { return dark[y * width + x] != 0; }
};

inline constexpr std::size_t k_qr_quiet_zone = 4;  // light modules around, as the standard asks

// The QR code of `text` at the smallest version that holds it. Fails with invalid_input
// when `text` is empty or longer than a version 40 code holds at level M (2,331 bytes),
// and with unavailable when libqrencode cannot allocate.
util::Expected<QrCode> qr_encode(std::string_view text);

// `code` as an <svg> element: viewBox of (width + 8) modules with the quiet zone, a white
// background, one <path> of the dark modules, role="img" and aria-label="`label`" (escaped),
// drawn at `pixels_per_module` CSS pixels per module.
std::string qr_svg(const QrCode& code, std::string_view label, std::size_t pixels_per_module = 4);

// qr_encode then qr_svg.
util::Expected<std::string> qr_svg(std::string_view text, std::string_view label,
                                   std::size_t pixels_per_module = 4);

}  // namespace redress::web
