#include "domain/receipt.hpp"

#include <gtest/gtest.h>

#include <array>
#include <set>

namespace redress::domain {
namespace {

using Bytes = std::array<std::uint8_t, Receipt::k_random_bytes>;

TEST(Receipt, AllZeroBitsAreAllZeroSymbols) {
    const Bytes zeros{};
    EXPECT_EQ(Receipt::from_random(zeros).text(), "0000-0000-0000-0000-0000");
    EXPECT_EQ(Receipt::from_random(zeros).canonical(), "00000000000000000000");
}

TEST(Receipt, AllOneBitsAreAllZ) {
    Bytes ones;
    ones.fill(0xFF);
    EXPECT_EQ(Receipt::from_random(ones).canonical(), "ZZZZZZZZZZZZZZZZZZZZ");
}

TEST(Receipt, ReadsBitsBigEndianFiveAtATime) {
    // 0b00001'00010'00011'00100'00101'... : the symbols 1, 2, 3, 4, 5, then zeros.
    Bytes bytes{};
    bytes[0] = 0b00001000;
    bytes[1] = 0b10000110;
    bytes[2] = 0b01000010;
    bytes[3] = 0b10000000;
    EXPECT_EQ(Receipt::from_random(bytes).canonical(), "12345000000000000000");
}

TEST(Receipt, UsesOnlyTheFirstHundredBits) {
    Bytes a{};
    Bytes b{};
    b[12] = 0x0F;  // the last four bits are drawn but not used
    EXPECT_EQ(Receipt::from_random(a).canonical(), Receipt::from_random(b).canonical());
    b[12] = 0x10;  // the hundredth bit is used
    EXPECT_EQ(Receipt::from_random(b).canonical(), "00000000000000000001");
}

TEST(Receipt, TextIsFiveGroupsOfFour) {
    Bytes bytes;
    for (std::size_t i = 0; i < bytes.size(); ++i)
        bytes[i] = static_cast<std::uint8_t>(i * 37 + 11);
    const auto text = Receipt::from_random(bytes).text();
    ASSERT_EQ(text.size(), 24u);
    for (std::size_t i : {4u, 9u, 14u, 19u}) EXPECT_EQ(text[i], '-') << text;
    for (char c : text) {
        EXPECT_EQ(
            std::string_view("0123456789ABCDEFGHJKMNPQRSTVWXYZ-").find(c) == std::string_view::npos,
            false)
            << text;
    }
}

TEST(Receipt, RoundTripsThroughTextAndCanonical) {
    Bytes bytes;
    for (int seed = 0; seed < 50; ++seed) {
        for (std::size_t i = 0; i < bytes.size(); ++i) {
            bytes[i] = static_cast<std::uint8_t>((seed * 131 + static_cast<int>(i) * 71) % 256);
        }
        const auto receipt = Receipt::from_random(bytes);
        const auto from_text = Receipt::parse(receipt.text());
        ASSERT_TRUE(from_text) << receipt.text();
        EXPECT_EQ(from_text->canonical(), receipt.canonical());
        const auto from_canonical = Receipt::parse(receipt.canonical());
        ASSERT_TRUE(from_canonical);
        EXPECT_EQ(from_canonical->text(), receipt.text());
    }
}

TEST(Receipt, DifferentBytesGiveDifferentReceipts) {
    std::set<std::string> seen;
    Bytes bytes{};
    for (int i = 0; i < 256; ++i) {
        bytes[5] = static_cast<std::uint8_t>(i);
        seen.insert(Receipt::from_random(bytes).canonical());
    }
    EXPECT_EQ(seen.size(), 256u);
}

TEST(ReceiptParse, ForgivesHowPeopleTypeIt) {
    const std::string expected = "7KQ2MZ8D0TFAX3RC94HN";
    for (const char* typed : {
             "7KQ2-MZ8D-0TFA-X3RC-94HN",
             "7kq2-mz8d-0tfa-x3rc-94hn",
             "  7KQ2 MZ8D 0TFA X3RC 94HN  ",
             "7KQ2MZ8D0TFAX3RC94HN",
             "7-K-Q-2MZ8D0TFAX3RC94HN",
             "7KQ2-MZ8D-OTFA-X3RC-94HN",  // O for 0
             "7KQ2-MZ8D-oTFA-X3RC-94HN",
         }) {
        const auto receipt = Receipt::parse(typed);
        ASSERT_TRUE(receipt) << typed;
        EXPECT_EQ(receipt->canonical(), expected) << typed;
    }
}

TEST(ReceiptParse, ReadsIAndLAsOne) {
    const auto receipt = Receipt::parse("IiLl-1111-1111-1111-1111");
    ASSERT_TRUE(receipt);
    EXPECT_EQ(receipt->canonical(), "11111111111111111111");
}

TEST(ReceiptParse, RejectsWhatCannotBeAReceipt) {
    for (const char* typed : {
             "",
             "7KQ2-MZ8D-0TFA-X3RC-94H",    // 19 symbols
             "7KQ2-MZ8D-0TFA-X3RC-94HNN",  // 21 symbols
             "7KQ2-MZ8D-0TFA-X3RC-94HU",   // U is not a symbol
             "7KQ2-MZ8D-0TFA-X3RC-94H*",
             "7KQ2_MZ8D_0TFA_X3RC_94HN",
             "7KQ2-MZ8D-0TFA-X3RC-94H\xC3\xB1",
         }) {
        EXPECT_FALSE(Receipt::parse(typed)) << typed;
    }
}

}  // namespace
}  // namespace redress::domain
