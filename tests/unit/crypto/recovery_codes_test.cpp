#include "crypto/recovery_codes.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "support/filled_key.hpp"

namespace redress::crypto {
namespace {

class RecoveryCodesTest : public ::testing::Test {
  protected:
    void SetUp() override { init(); }
    const Key m_key = testing::filled_key(7);
};

TEST_F(RecoveryCodesTest, TenCodesOfTwoGroupsOfFiveUnambiguousSymbols) {
    const RecoveryCodes codes = make_recovery_codes(m_key);
    ASSERT_EQ(codes.shown.size(), 10U);
    ASSERT_EQ(codes.stored.size(), 10U);
    const std::regex form("[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}");
    for (const std::string& code : codes.shown) {
        EXPECT_TRUE(std::regex_match(code, form)) << code;
    }
}

TEST_F(RecoveryCodesTest, EachCodeIsStoredAsItsKeyedHash) {
    const RecoveryCodes codes = make_recovery_codes(m_key);
    for (std::size_t i = 0; i < codes.shown.size(); ++i) {
        std::string canonical = codes.shown[i];
        canonical.erase(5, 1);
        EXPECT_TRUE(digests_equal(codes.stored[i], recovery_code_hash(m_key, canonical)));
        EXPECT_TRUE(digests_equal(codes.stored[i], keyed_hash(m_key, canonical)));
    }
}

TEST_F(RecoveryCodesTest, CodesDifferWithinASetAndBetweenSets) {
    std::set<std::string> seen;
    for (int set = 0; set < 20; ++set) {
        for (const std::string& code : make_recovery_codes(m_key).shown) {
            seen.insert(code);
        }
    }
    EXPECT_EQ(seen.size(), 200U);
}

TEST_F(RecoveryCodesTest, EverySymbolOfTheAlphabetTurnsUp) {
    // 2,000 symbols drawn from 32: a missing one would show a biased draw.
    std::set<char> symbols;
    for (int set = 0; set < 20; ++set) {
        for (const std::string& code : make_recovery_codes(m_key).shown) {
            for (const char c : code) {
                if (c != '-') {
                    symbols.insert(c);
                }
            }
        }
    }
    EXPECT_EQ(symbols.size(), 32U);
}

TEST_F(RecoveryCodesTest, EachShownCodeMatchesItsOwnIndex) {
    const RecoveryCodes codes = make_recovery_codes(m_key);
    for (std::size_t i = 0; i < codes.shown.size(); ++i) {
        EXPECT_EQ(match_recovery_code(m_key, codes.shown[i], codes.stored), i);
    }
}

TEST_F(RecoveryCodesTest, CaseSpacesDashesAndLookAlikesDoNotMatter) {
    const std::vector<Digest> stored{recovery_code_hash(m_key, "0123456789")};
    EXPECT_EQ(match_recovery_code(m_key, "01234-56789", stored), 0U);
    EXPECT_EQ(match_recovery_code(m_key, "0123456789", stored), 0U);
    EXPECT_EQ(match_recovery_code(m_key, " 01234 56789 ", stored), 0U);
    EXPECT_EQ(match_recovery_code(m_key, "0-1-2-3-4-5-6-7-8-9", stored), 0U);
    EXPECT_EQ(match_recovery_code(m_key, "oI234-5678g", stored), std::nullopt);
    EXPECT_EQ(match_recovery_code(m_key, "Ol234-56789", stored), 0U);
    EXPECT_EQ(match_recovery_code(m_key, "oi234 56789", stored), 0U);

    const std::vector<Digest> letters{recovery_code_hash(m_key, "ABCDEFGHJK")};
    EXPECT_EQ(match_recovery_code(m_key, "abcde-fghjk", letters), 0U);
}

TEST_F(RecoveryCodesTest, NormalisingRefusesWhatIsNotACode) {
    EXPECT_EQ(normalise_recovery_code("abcde-fghjk"), "ABCDEFGHJK");
    EXPECT_EQ(normalise_recovery_code("0o1iL-22222"),
              "00111"
              "22222");
    EXPECT_EQ(normalise_recovery_code(""), std::nullopt);
    EXPECT_EQ(normalise_recovery_code("ABCDE-FGHJ"), std::nullopt);    // 9 symbols
    EXPECT_EQ(normalise_recovery_code("ABCDE-FGHJKM"), std::nullopt);  // 11
    EXPECT_EQ(normalise_recovery_code("ABCDE-FGHJU"), std::nullopt);   // U is not used
    EXPECT_EQ(normalise_recovery_code("ABCDE_FGHJK"), std::nullopt);
    EXPECT_EQ(normalise_recovery_code("ABCDÉ-FGHJK"), std::nullopt);
}

TEST_F(RecoveryCodesTest, AWrongCodeOrAnotherKeyMatchesNothing) {
    const RecoveryCodes codes = make_recovery_codes(m_key);
    std::string wrong = codes.shown[0];
    wrong[0] = wrong[0] == 'A' ? 'B' : 'A';
    EXPECT_EQ(match_recovery_code(m_key, wrong, codes.stored), std::nullopt);
    EXPECT_EQ(match_recovery_code(testing::filled_key(8), codes.shown[0], codes.stored),
              std::nullopt);
    EXPECT_EQ(match_recovery_code(m_key, "not a code", codes.stored), std::nullopt);
    EXPECT_EQ(match_recovery_code(m_key, codes.shown[0], {}), std::nullopt);
}

TEST_F(RecoveryCodesTest, AUsedCodeRemovedFromTheStoredHashesNoLongerMatches) {
    RecoveryCodes codes = make_recovery_codes(m_key);
    const auto index = match_recovery_code(m_key, codes.shown[3], codes.stored);
    ASSERT_EQ(index, 3U);
    codes.stored.erase(codes.stored.begin() + 3);
    EXPECT_EQ(match_recovery_code(m_key, codes.shown[3], codes.stored), std::nullopt);
    EXPECT_EQ(match_recovery_code(m_key, codes.shown[4], codes.stored), 3U);
}

}  // namespace
}  // namespace redress::crypto
