#include "web/qr_svg.hpp"

#include <qrencode.h>

#include <cerrno>
#include <limits>
#include <memory>

namespace redress::web {

namespace {

struct QrcodeFree {
    void operator()(QRcode* code) const { QRcode_free(code); }
};

void append_escaped(std::string& out, std::string_view text) {
    for (const char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
}

}  // namespace

util::Expected<QrCode> qr_encode(std::string_view text) {
    if (text.empty()) {
        return util::fail(util::ErrorCode::invalid_input, "a QR code of nothing");
    }
    if (text.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
        return util::fail(util::ErrorCode::invalid_input, "text too long for a QR code");
    }
    errno = 0;
    // Byte mode for the whole text (QRcode_encodeData), version 0: the smallest that fits.
    const std::unique_ptr<QRcode, QrcodeFree> encoded(
        QRcode_encodeData(static_cast<int>(text.size()),
                          reinterpret_cast<const unsigned char*>(text.data()), 0, QR_ECLEVEL_M));
    if (!encoded) {
        if (errno == ENOMEM) {
            return util::fail(util::ErrorCode::unavailable, "no memory for a QR code");
        }
        return util::fail(util::ErrorCode::invalid_input, "text too long for a QR code");
    }
    QrCode code;
    code.version = encoded->version;
    code.width = static_cast<std::size_t>(encoded->width);
    code.dark.resize(code.width * code.width);
    for (std::size_t i = 0; i < code.dark.size(); ++i) {
        code.dark[i] = encoded->data[i] & 1U;  // the low bit is the module; others are flags
    }
    return code;
}

std::string qr_svg(const QrCode& code, std::string_view label, std::size_t pixels_per_module) {
    const std::size_t side = code.width + 2 * k_qr_quiet_zone;
    const std::string size = std::to_string(side * pixels_per_module);
    const std::string viewbox = std::to_string(side);
    std::string svg;
    svg.reserve(code.dark.size() * 6);
    svg += R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 )" + viewbox + " " + viewbox +
           R"(" width=")" + size + R"(" height=")" + size + R"(" role="img" aria-label=")";
    append_escaped(svg, label);
    svg += R"(" shape-rendering="crispEdges"><rect width=")" + viewbox + R"(" height=")" + viewbox +
           R"(" fill="#fff"/><path fill="#000" d=")";
    // One rectangle per run of dark modules in a row.
    for (std::size_t y = 0; y < code.width; ++y) {
        std::size_t x = 0;
        while (x < code.width) {
            if (!code.is_dark(x, y)) {
                ++x;
                continue;
            }
            const std::size_t start = x;
            while (x < code.width && code.is_dark(x, y)) {
                ++x;
            }
            const std::string run = std::to_string(x - start);
            svg += "M" + std::to_string(start + k_qr_quiet_zone) + " " +
                   std::to_string(y + k_qr_quiet_zone) + "h" + run + "v1h-" + run + "z";
        }
    }
    svg += R"("/></svg>)";
    return svg;
}

util::Expected<std::string> qr_svg(std::string_view text, std::string_view label,
                                   std::size_t pixels_per_module) {
    auto code = qr_encode(text);
    if (!code) {
        return std::unexpected(std::move(code.error()));
    }
    return qr_svg(*code, label, pixels_per_module);
}

}  // namespace redress::web
