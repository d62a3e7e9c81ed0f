#include "domain/password_policy.hpp"

#include <gtest/gtest.h>

namespace redress::domain {
namespace {

class PasswordPolicyTest : public ::testing::Test {
  protected:
    const CommonPasswords m_common{{"password", "Dragon", "iloveyou", "qwertyuiop",
                                    "correcthorsebatterystaple", "abc", "password", "letmein"}};

    std::optional<PasswordProblem> check(std::string_view password,
                                         std::string_view username = "jdoe") const {
        return check_password(password, username, m_common);
    }
};

TEST_F(PasswordPolicyTest, ALongUncommonPasswordIsAccepted) {
    EXPECT_EQ(check("violet kettle on the stairs"), std::nullopt);
    EXPECT_EQ(check("Tr0ub4dor&3x!"), std::nullopt);
    EXPECT_EQ(check("xkQ9vL2mPz4w"), std::nullopt);
}

TEST_F(PasswordPolicyTest, TwelveCodePointsIsTheLeast) {
    EXPECT_EQ(check("violetkettl"), PasswordProblem::too_short);  // 11
    EXPECT_EQ(check("violetkettle"), std::nullopt);               // 12
    EXPECT_EQ(check(""), PasswordProblem::too_short);
}

TEST_F(PasswordPolicyTest, LengthCountsCodePointsNotBytes) {
    // Eleven Greek letters are 22 bytes, and still too short.
    EXPECT_EQ(check("καλημέραφίλ"), PasswordProblem::too_short);
    EXPECT_EQ(check("καλημέραφίλε"), std::nullopt);
    EXPECT_EQ(check("كلمة مرور طويلة"), std::nullopt);
    // Seven emoji of 4 bytes each: 28 bytes, 7 code points.
    EXPECT_EQ(check("🐢🦊🐙🦉🐝🦋🐞"), PasswordProblem::too_short);
}

TEST_F(PasswordPolicyTest, MoreThan256CodePointsOr1024BytesIsTooLong) {
    std::string words;
    while (words.size() < 256) {
        words += "tea kettle ";
    }
    words.resize(256);
    EXPECT_EQ(check(words), std::nullopt);
    EXPECT_EQ(check(words + "x"), PasswordProblem::too_long);
    // 256 code points of 4 bytes each: 1024 bytes, allowed; one byte more is not.
    std::string emoji;
    for (char32_t c = 0x1F400; c < 0x1F500; ++c) {  // 256 different animals and objects
        emoji += static_cast<char>(0xF0U | (c >> 18U));
        emoji += static_cast<char>(0x80U | ((c >> 12U) & 0x3FU));
        emoji += static_cast<char>(0x80U | ((c >> 6U) & 0x3FU));
        emoji += static_cast<char>(0x80U | (c & 0x3FU));
    }
    EXPECT_EQ(emoji.size(), 1024U);
    EXPECT_EQ(check(emoji), std::nullopt);
    EXPECT_EQ(check(emoji + "x"), PasswordProblem::too_long);
    // Over the byte bound it is too long whatever it holds, even malformed UTF-8.
    EXPECT_EQ(check(std::string(2000, '\xff')), PasswordProblem::too_long);
}

TEST_F(PasswordPolicyTest, MalformedUtf8IsRefused) {
    EXPECT_EQ(check("violet kettle \xff"), PasswordProblem::not_utf8);
    EXPECT_EQ(check("violet kettle \xc3"), PasswordProblem::not_utf8);          // cut short
    EXPECT_EQ(check("violet kettle \xc0\xaf"), PasswordProblem::not_utf8);      // overlong
    EXPECT_EQ(check("violet kettle \xed\xa0\x80"), PasswordProblem::not_utf8);  // surrogate
}

TEST_F(PasswordPolicyTest, OneRepeatedCharacterIsRefused) {
    EXPECT_EQ(check("aaaaaaaaaaaa"), PasswordProblem::repeated);
    EXPECT_EQ(check("AaAaAaAaAaAa"), PasswordProblem::repeated);
    EXPECT_EQ(check("000000000000000"), PasswordProblem::repeated);
    EXPECT_EQ(check("éééééééééééé"), PasswordProblem::repeated);
    EXPECT_EQ(check("aaaaaaaaaaab"), std::nullopt);
}

TEST_F(PasswordPolicyTest, AShortTextRepeatedIsRefused) {
    EXPECT_EQ(check("abcabcabcabc"), PasswordProblem::repeated);
    EXPECT_EQ(check("passwordPASSWORD"), PasswordProblem::repeated);
    EXPECT_EQ(check("🐢🦊🐢🦊🐢🦊🐢🦊🐢🦊🐢🦊"), PasswordProblem::repeated);
    // A repeated unit that is itself long enough is as strong as that unit.
    EXPECT_EQ(check("violetkettlevioletkettle"), std::nullopt);
    EXPECT_EQ(check("abcabcabcabcd"), std::nullopt);
}

TEST_F(PasswordPolicyTest, RunsOfDigitsOrLettersAreRefused) {
    EXPECT_EQ(check("123456789012"), PasswordProblem::sequence);
    EXPECT_EQ(check("abcdefghijkl"), PasswordProblem::sequence);
    EXPECT_EQ(check("ABCDEFGHIJKL"), PasswordProblem::sequence);
    EXPECT_EQ(check("210987654321"), PasswordProblem::sequence);
    EXPECT_EQ(check("zyxwvutsrqpo"), PasswordProblem::sequence);
    EXPECT_EQ(check("uvwxyzabcdef"), PasswordProblem::sequence);
    EXPECT_EQ(check("123456789013"), std::nullopt);
    EXPECT_EQ(check("13579135791357"), std::nullopt);
    EXPECT_EQ(check("89:;<=>?@ABC"), std::nullopt);  // not a run of one kind
}

TEST_F(PasswordPolicyTest, TheUserNameWithinThePasswordIsRefused) {
    EXPECT_EQ(check("jdoe-violet-kettle"), PasswordProblem::contains_username);
    EXPECT_EQ(check("violet JDoe kettle"), PasswordProblem::contains_username);
    EXPECT_EQ(check("violet kettle", "amélie"), std::nullopt);
    EXPECT_EQ(check("violet amélie kettle", "amélie"), PasswordProblem::contains_username);
    // Very short user names would forbid too much.
    EXPECT_EQ(check("violet kettle al", "al"), std::nullopt);
    EXPECT_EQ(check("violet kettle", ""), std::nullopt);
}

TEST_F(PasswordPolicyTest, APasswordOnTheListIsRefusedInAnyCase) {
    EXPECT_EQ(check("correcthorsebatterystaple"), PasswordProblem::common);
    EXPECT_EQ(check("CorrectHorseBatteryStaple"), PasswordProblem::common);
    EXPECT_EQ(check("correcthorsebatterystaplex"), std::nullopt);
}

TEST_F(PasswordPolicyTest, TrailingDigitsOrMarksDoNotHideACommonPassword) {
    EXPECT_EQ(check("Password1234"), PasswordProblem::common);
    EXPECT_EQ(check("password2024!"), PasswordProblem::common);
    EXPECT_EQ(check("DRAGON!!!!!!"), PasswordProblem::common);
    EXPECT_EQ(check("iloveyou 123"), PasswordProblem::common);
    EXPECT_EQ(check("qwertyuiop12"), PasswordProblem::common);
    // Only at the end.
    EXPECT_EQ(check("1234password"), std::nullopt);
    EXPECT_EQ(check("password1234x"), std::nullopt);
    // A stem shorter than four bytes is not looked up: "abc" is on the list.
    EXPECT_EQ(check("abc!8#4$9&2*"), std::nullopt);
}

TEST_F(PasswordPolicyTest, ChecksComeInTheOrderOfTheEnumeration) {
    // Too short before repeated or common; repeated before sequence or common.
    EXPECT_EQ(check("aaaa"), PasswordProblem::too_short);
    EXPECT_EQ(check("password"), PasswordProblem::too_short);
    EXPECT_EQ(check("jdoejdoejdoe"), PasswordProblem::repeated);
    EXPECT_EQ(check("letmein-jdoe"), PasswordProblem::contains_username);
}

TEST_F(PasswordPolicyTest, AnEmptyListRefusesNothingForBeingCommon) {
    const CommonPasswords none;
    EXPECT_EQ(none.size(), 0U);
    EXPECT_EQ(check_password("password1234", "jdoe", none), std::nullopt);
}

TEST(CommonPasswordsTest, KeepsOneLowerCaseCopyOfEach) {
    const CommonPasswords common({"Dragon", "dragon", "DRAGON", "monkey", "Ünïcode"});
    EXPECT_EQ(common.size(), 3U);
    EXPECT_TRUE(common.contains("dragon"));
    EXPECT_TRUE(common.contains("DrAgOn"));
    EXPECT_TRUE(common.contains("MONKEY"));
    EXPECT_TRUE(common.contains("Ünïcode"));
    EXPECT_TRUE(common.contains("üNïCODE") == false);  // only ASCII letters fold
    EXPECT_FALSE(common.contains("dragon1"));
    EXPECT_FALSE(common.contains(""));
}

TEST(PasswordProblemTest, EachProblemHasItsCode) {
    EXPECT_EQ(problem_code(PasswordProblem::too_short), "too_short");
    EXPECT_EQ(problem_code(PasswordProblem::too_long), "too_long");
    EXPECT_EQ(problem_code(PasswordProblem::not_utf8), "not_utf8");
    EXPECT_EQ(problem_code(PasswordProblem::repeated), "repeated");
    EXPECT_EQ(problem_code(PasswordProblem::sequence), "sequence");
    EXPECT_EQ(problem_code(PasswordProblem::contains_username), "contains_username");
    EXPECT_EQ(problem_code(PasswordProblem::common), "common");
}

}  // namespace
}  // namespace redress::domain
