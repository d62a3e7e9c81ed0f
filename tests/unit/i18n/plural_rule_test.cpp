#include "i18n/plural_rule.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace redress::i18n {
namespace {

// The rules the five shipped catalogues state, as gettext's documentation gives them.
constexpr std::string_view k_english = "nplurals=2; plural=(n != 1);";
constexpr std::string_view k_french = "nplurals=2; plural=(n > 1);";
constexpr std::string_view k_arabic =
    "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : "
    "n%100>=11 ? 4 : 5;";

PluralRule rule(std::string_view header) {
    auto parsed = PluralRule::parse(header);
    if (!parsed) throw std::runtime_error(parsed.error().message);
    return *parsed;
}

std::vector<std::size_t> forms(const PluralRule& rule, std::initializer_list<std::uint64_t> ns) {
    std::vector<std::size_t> out;
    for (const std::uint64_t n : ns) out.push_back(rule.form(n));
    return out;
}

TEST(PluralRule, EnglishAndSpanishPutOnlyOneInTheFirstForm) {
    const auto english = rule(k_english);
    EXPECT_EQ(english.count(), 2u);
    EXPECT_EQ(forms(english, {0, 1, 2, 5, 11, 21, 101}),
              (std::vector<std::size_t>{1, 0, 1, 1, 1, 1, 1}));
}

TEST(PluralRule, FrenchPutsZeroWithOne) {
    const auto french = rule(k_french);
    EXPECT_EQ(french.count(), 2u);
    EXPECT_EQ(forms(french, {0, 1, 2, 10, 100}), (std::vector<std::size_t>{0, 0, 1, 1, 1}));
}

TEST(PluralRule, HaitianCreoleAsGettextKnowsIt) {
    // Haitian Creole marks no plural on the noun; gettext's teams use the English rule,
    // and the catalogue gives the same text in both forms.
    const auto creole = rule("nplurals=2; plural=(n != 1);");
    EXPECT_EQ(forms(creole, {0, 1, 2, 30}), (std::vector<std::size_t>{1, 0, 1, 1}));
}

TEST(PluralRule, ArabicHasSixForms) {
    const auto arabic = rule(k_arabic);
    EXPECT_EQ(arabic.count(), 6u);
    // zero, one, two, few (3–10), many (11–99), other (100–102, ...), by the last two digits.
    EXPECT_EQ(forms(arabic, {0, 1, 2, 3, 10, 11, 99, 100, 101, 102, 103, 110, 111, 180, 365}),
              (std::vector<std::size_t>{0, 1, 2, 3, 3, 4, 4, 5, 5, 5, 3, 3, 4, 4, 4}));
}

TEST(PluralRule, OneForm) {
    const auto none = rule("nplurals=1; plural=0;");
    EXPECT_EQ(none.count(), 1u);
    EXPECT_EQ(forms(none, {0, 1, 2, 1000000}), (std::vector<std::size_t>{0, 0, 0, 0}));
}

TEST(PluralRule, FollowsCPrecedenceAndParentheses) {
    // Russian: * and % bind tighter than comparisons, && tighter than ||, ?: nests right.
    const auto russian = rule(
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
        "(n%100<10 || n%100>=20) ? 1 : 2);");
    EXPECT_EQ(forms(russian, {1, 2, 5, 11, 12, 21, 22, 25, 111, 112}),
              (std::vector<std::size_t>{0, 1, 2, 2, 2, 0, 1, 2, 2, 2}));
    // 1 + 2 * 3 is 7, not 9; !n is 1 only for 0.
    EXPECT_EQ(forms(rule("nplurals=2; plural=(1 + 2 * 3 == 7) && !n;"), {0, 1}),
              (std::vector<std::size_t>{1, 0}));
    EXPECT_EQ(forms(rule("nplurals=2;plural=n-1-1==0;"), {2, 3}), (std::vector<std::size_t>{1, 0}));
}

TEST(PluralRule, ADivisionByZeroGivesZeroInsteadOfACrash) {
    const auto rule_with_zero = rule("nplurals=2; plural=n / (n - n) + n % 0;");
    EXPECT_EQ(rule_with_zero.form(7), 0u);
}

TEST(PluralRule, TheDefaultIsOneAndOther) {
    const auto fallback = PluralRule::one_other();
    EXPECT_EQ(fallback.count(), 2u);
    EXPECT_EQ(forms(fallback, {0, 1, 2}), (std::vector<std::size_t>{1, 0, 1}));
}

void expect_rejected(std::string_view header, std::string_view why) {
    const auto parsed = PluralRule::parse(header);
    ASSERT_FALSE(parsed) << header;
    EXPECT_EQ(parsed.error().code, util::ErrorCode::invalid_input);
    EXPECT_NE(parsed.error().message.find(why), std::string::npos) << parsed.error().message;
}

TEST(PluralRule, RejectsMalformedHeaders) {
    expect_rejected("", "expected");
    expect_rejected("plural=n != 1;", "expected");
    expect_rejected("nplurals=2;", "expected");
    expect_rejected("nplurals=two; plural=n != 1;", "nplurals");
    expect_rejected("nplurals=0; plural=0;", "nplurals");
    expect_rejected("nplurals=7; plural=0;", "nplurals");
    expect_rejected("nplurals=2; plural=n != 1; extra=1;", "expected");
    expect_rejected("nplurals=2; plural=;", "ends too early");
    expect_rejected("nplurals=2; plural=(n != 1;", "expected ')'");
    expect_rejected("nplurals=2; plural=n ? 1;", "expected ':'");
    expect_rejected("nplurals=2; plural=n = 1;", "unexpected text");
    expect_rejected("nplurals=2; plural=m != 1;", "expected n");
    expect_rejected("nplurals=2; plural=-n;", "expected n");
    expect_rejected("nplurals=2; plural=n > 99999999999999999999;", "too large");
}

TEST(PluralRule, RejectsCodeThatIsNotAPluralExpression) {
    // Nothing but the grammar is understood: no calls, no assignments, no other names.
    expect_rejected("nplurals=2; plural=system(\"rm -rf /\");", "expected n");
    expect_rejected("nplurals=2; plural=n++;", "expected n");
    expect_rejected("nplurals=2; plural=n, 1;", "unexpected text");
    expect_rejected("nplurals=2; plural=n |= 1;", "unexpected text");
}

TEST(PluralRule, RejectsAFormBeyondNplurals) {
    expect_rejected("nplurals=2; plural=n;", "gives form 2 for n=2");
    expect_rejected("nplurals=2; plural=n==0 ? 0 : n==1 ? 1 : 2;", "nplurals=2");
}

TEST(PluralRule, IsBoundedInSizeAndNesting) {
    std::string deep = "nplurals=2; plural=";
    for (int i = 0; i < 100; ++i) deep += '(';
    deep += 'n';
    for (int i = 0; i < 100; ++i) deep += ')';
    deep += " != 1;";
    expect_rejected(deep, "nested too deeply");

    std::string nots = "nplurals=2; plural=";
    nots += std::string(100, '!');
    nots += "n;";
    expect_rejected(nots, "nested too deeply");

    std::string wide = "nplurals=2; plural=0";
    for (int i = 0; i < 150; ++i) wide += "+0";
    wide += ";";
    expect_rejected(wide, "too long");

    expect_rejected("nplurals=2; plural=" + std::string(2000, ' ') + "0;", "too long");

    // Within the bounds, a long but flat rule is fine.
    std::string flat = "nplurals=2; plural=0";
    for (int i = 0; i < 50; ++i) flat += "+0";
    flat += ";";
    EXPECT_TRUE(PluralRule::parse(flat));
}

TEST(PluralRule, AcceptsSpacesAndAMissingFinalSemicolon) {
    const auto spaced = rule("  nplurals = 2 ;plural = ( n > 1 )  ");
    EXPECT_EQ(forms(spaced, {0, 1, 2}), (std::vector<std::size_t>{0, 0, 1}));
    EXPECT_EQ(spaced.expression(), "( n > 1 )");
}

}  // namespace
}  // namespace redress::i18n
