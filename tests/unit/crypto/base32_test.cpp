#include "crypto/base32.hpp"

#include <gtest/gtest.h>

#include <array>

namespace redress::crypto {
namespace {

std::vector<std::uint8_t> bytes_of(std::string_view text) {
    return {text.begin(), text.end()};
}

// RFC 4648 section 10, without the padding.
TEST(Base32Test, EncodesTheRfc4648TestVectors) {
    EXPECT_EQ(base32_encode(bytes_of("")), "");
    EXPECT_EQ(base32_encode(bytes_of("f")), "MY");
    EXPECT_EQ(base32_encode(bytes_of("fo")), "MZXQ");
    EXPECT_EQ(base32_encode(bytes_of("foo")), "MZXW6");
    EXPECT_EQ(base32_encode(bytes_of("foob")), "MZXW6YQ");
    EXPECT_EQ(base32_encode(bytes_of("fooba")), "MZXW6YTB");
    EXPECT_EQ(base32_encode(bytes_of("foobar")), "MZXW6YTBOI");
}

TEST(Base32Test, DecodesTheRfc4648TestVectorsWithOrWithoutPadding) {
    EXPECT_EQ(base32_decode(""), bytes_of(""));
    EXPECT_EQ(base32_decode("MY"), bytes_of("f"));
    EXPECT_EQ(base32_decode("MY======"), bytes_of("f"));
    EXPECT_EQ(base32_decode("MZXQ===="), bytes_of("fo"));
    EXPECT_EQ(base32_decode("MZXW6"), bytes_of("foo"));
    EXPECT_EQ(base32_decode("MZXW6YQ="), bytes_of("foob"));
    EXPECT_EQ(base32_decode("MZXW6YTB"), bytes_of("fooba"));
    EXPECT_EQ(base32_decode("MZXW6YTBOI======"), bytes_of("foobar"));
}

TEST(Base32Test, DecodingIgnoresCaseAndSpaces) {
    EXPECT_EQ(base32_decode("mzxw 6ytb oi"), bytes_of("foobar"));
    EXPECT_EQ(base32_decode(" MzXw6YtBoI "), bytes_of("foobar"));
}

TEST(Base32Test, DecodingRefusesWhatNoEncoderMakes) {
    EXPECT_FALSE(base32_decode("MZXW6YTB01").has_value());  // 0 and 1 are not base32
    EXPECT_FALSE(base32_decode("MZXW-6YTB").has_value());
    EXPECT_FALSE(base32_decode("M").has_value());    // 5 bits: no whole byte
    EXPECT_FALSE(base32_decode("MZX").has_value());  // 15 bits
    EXPECT_FALSE(base32_decode("MZXW6Y").has_value());
    EXPECT_FALSE(base32_decode("MZ").has_value());  // "f" is "MY": the unused bits are set
    EXPECT_FALSE(base32_decode("MY=A").has_value());
}

TEST(Base32Test, EveryByteValueSurvivesARoundTrip) {
    std::vector<std::uint8_t> all(256);
    for (std::size_t i = 0; i < all.size(); ++i) {
        all[i] = static_cast<std::uint8_t>(i);
    }
    for (std::size_t length = 0; length <= 20; ++length) {
        const std::span<const std::uint8_t> part(all.data() + length * 7, length);
        const auto decoded = base32_decode(base32_encode(part));
        ASSERT_TRUE(decoded.has_value()) << length;
        EXPECT_TRUE(std::ranges::equal(*decoded, part)) << length;
    }
    EXPECT_EQ(base32_decode(base32_encode(all)), all);
}

}  // namespace
}  // namespace redress::crypto
