#include "web/qr_svg.hpp"

#include <gtest/gtest.h>
#include <qrencode.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>

#include "support/skip.hpp"
#include "support/temp_folder.hpp"

namespace redress::web {
namespace {

constexpr std::string_view k_uri =
    "otpauth://totp/Office%20of%20Police%20Review:j.doe%40opr.example.gov"
    "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Office%20of%20Police%20Review"
    "&algorithm=SHA1&digits=6&period=30";

// The modules the SVG's path draws, read back from its "Mx yhNv1h-Nz" runs.
std::vector<std::uint8_t> drawn_modules(const std::string& svg, std::size_t side) {
    const std::regex path_data(R"re(<path fill="#000" d="([^"]*)"/>)re");
    std::smatch match;
    if (!std::regex_search(svg, match, path_data)) {
        return {};
    }
    std::vector<std::uint8_t> modules(side * side, 0);
    const std::string data = match[1];
    const std::regex run(R"(M(\d+) (\d+)h(\d+)v1h-(\d+)z)");
    std::size_t covered = 0;
    for (auto it = std::sregex_iterator(data.begin(), data.end(), run);
         it != std::sregex_iterator(); ++it) {
        const std::size_t x = std::stoul((*it)[1]);
        const std::size_t y = std::stoul((*it)[2]);
        const std::size_t length = std::stoul((*it)[3]);
        EXPECT_EQ((*it)[3], (*it)[4]);
        for (std::size_t i = 0; i < length; ++i) {
            modules.at(y * side + x + i) = 1;
        }
        covered += static_cast<std::size_t>(it->length());
    }
    EXPECT_EQ(covered, data.size()) << "the path holds something other than runs";
    return modules;
}

TEST(QrSvgTest, TheModulesAreLibqrencodesAtLevelM) {
    const auto code = qr_encode(k_uri);
    ASSERT_TRUE(code.has_value()) << code.error().message;
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> reference(
        QRcode_encodeData(static_cast<int>(k_uri.size()),
                          reinterpret_cast<const unsigned char*>(k_uri.data()), 0, QR_ECLEVEL_M),
        &QRcode_free);
    ASSERT_NE(reference, nullptr);
    EXPECT_EQ(code->version, reference->version);
    EXPECT_EQ(code->width, static_cast<std::size_t>(reference->width));
    EXPECT_EQ(code->width, 17U + 4U * static_cast<std::size_t>(code->version));
    ASSERT_EQ(code->dark.size(), code->width * code->width);
    for (std::size_t i = 0; i < code->dark.size(); ++i) {
        ASSERT_EQ(code->dark[i], reference->data[i] & 1U) << i;
    }
    // 179 bytes at level M need version 9 (which holds 180; version 8 holds 152).
    EXPECT_EQ(code->version, 9);
}

TEST(QrSvgTest, TheSmallestVersionThatHoldsTheTextIsChosen) {
    const auto small = qr_encode("hello");
    ASSERT_TRUE(small.has_value());
    EXPECT_EQ(small->version, 1);
    EXPECT_EQ(small->width, 21U);
}

TEST(QrSvgTest, TheSvgDrawsExactlyTheDarkModulesInsideAQuietZone) {
    const auto code = qr_encode(k_uri);
    ASSERT_TRUE(code.has_value());
    const std::string svg = qr_svg(*code, "Code to scan");
    const std::size_t side = code->width + 8;
    const auto modules = drawn_modules(svg, side);
    ASSERT_EQ(modules.size(), side * side);
    for (std::size_t y = 0; y < side; ++y) {
        for (std::size_t x = 0; x < side; ++x) {
            const bool inside = x >= 4 && y >= 4 && x < side - 4 && y < side - 4;
            const bool dark = inside && code->is_dark(x - 4, y - 4);
            ASSERT_EQ(modules[y * side + x] != 0, dark) << x << "," << y;
        }
    }
}

TEST(QrSvgTest, TheSvgIsOneStaticElementWithItsViewBoxAndLabel) {
    const auto svg = qr_svg(k_uri, "Scan with your authenticator app");
    ASSERT_TRUE(svg.has_value());
    // Version 9: 53 modules and 4 on each side, 4 pixels each.
    EXPECT_TRUE(svg->starts_with(R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 61 61" )"
                                 R"(width="244" height="244" role="img" )"
                                 R"(aria-label="Scan with your authenticator app")"))
        << svg->substr(0, 200);
    EXPECT_TRUE(svg->ends_with("</svg>"));
    // Its elements, in order: svg, a white rect, one path, the end of svg.
    const std::regex tag("<(/?[a-z]+)");
    std::vector<std::string> tags;
    for (auto it = std::sregex_iterator(svg->begin(), svg->end(), tag);
         it != std::sregex_iterator(); ++it) {
        tags.push_back((*it)[1]);
    }
    EXPECT_EQ(tags, (std::vector<std::string>{"svg", "rect", "path", "/svg"}));
    EXPECT_EQ(std::ranges::count(*svg, '<'), 4);
    EXPECT_EQ(std::ranges::count(*svg, '>'), 4);
    EXPECT_EQ(std::ranges::count(*svg, '"') % 2, 0);
    EXPECT_EQ(svg->find("script"), std::string::npos);
    EXPECT_EQ(svg->find("href"), std::string::npos);
    EXPECT_EQ(svg->find("style"), std::string::npos);
    EXPECT_EQ(svg->find("http", 20), std::string::npos);  // only the namespace names a URL
}

TEST(QrSvgTest, TheLabelIsEscaped) {
    const auto svg = qr_svg("x", R"(<b>"A" & 'B'</b>)");
    ASSERT_TRUE(svg.has_value());
    EXPECT_NE(svg->find(R"(aria-label="&lt;b&gt;&quot;A&quot; &amp; &#39;B&#39;&lt;/b&gt;")"),
              std::string::npos)
        << *svg;
    EXPECT_EQ(std::ranges::count(*svg, '<'), 4);
}

TEST(QrSvgTest, TheScaleSetsOnlyTheDrawnSize) {
    const auto code = qr_encode("hello");
    ASSERT_TRUE(code.has_value());
    const std::string svg = qr_svg(*code, "code", 10);
    EXPECT_NE(svg.find(R"(viewBox="0 0 29 29" width="290" height="290")"), std::string::npos);
}

TEST(QrSvgTest, NothingAndTooMuchAreRefused) {
    const auto empty = qr_encode("");
    ASSERT_FALSE(empty.has_value());
    EXPECT_EQ(empty.error().code, util::ErrorCode::invalid_input);
    EXPECT_TRUE(qr_encode(std::string(2331, 'a')).has_value());  // version 40-M holds 2,331
    const auto too_long = qr_svg(std::string(2332, 'a'), "code");
    ASSERT_FALSE(too_long.has_value());
    EXPECT_EQ(too_long.error().code, util::ErrorCode::invalid_input);
}

// Draws the SVG with librsvg and reads it with zbar, as a phone's camera would.
TEST(QrSvgTest, AReaderDecodesTheTextBack) {
    if (std::system("command -v rsvg-convert >/dev/null 2>&1 && "
                    "command -v zbarimg >/dev/null 2>&1") != 0) {
        REDRESS_SKIP() << "rsvg-convert (librsvg2-bin) or zbarimg (zbar-tools) is missing: "
                          "scripts/install-dependencies --test installs them";
    }
    const redress::testing::TempFolder folder;
    const auto svg = qr_svg(k_uri, "code");
    ASSERT_TRUE(svg.has_value());
    std::ofstream(folder / "code.svg") << *svg;
    const std::string command = "rsvg-convert -o '" + (folder / "code.png").string() + "' '" +
                                (folder / "code.svg").string() + "' && zbarimg --quiet --raw '" +
                                (folder / "code.png").string() + "' 2>/dev/null > '" +
                                (folder / "decoded.txt").string() + "'";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
    std::stringstream decoded;
    decoded << std::ifstream(folder / "decoded.txt").rdbuf();
    EXPECT_EQ(decoded.str(), std::string(k_uri) + "\n");
}

}  // namespace
}  // namespace redress::web
