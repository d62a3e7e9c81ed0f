#include "crypto/totp.hpp"

#include <gtest/gtest.h>

#include <set>

#include "crypto/base32.hpp"
#include "crypto/keys.hpp"

namespace redress::crypto {
namespace {

using std::chrono::seconds;

std::chrono::sys_seconds at(std::int64_t unix_seconds) {
    return std::chrono::sys_seconds(seconds(unix_seconds));
}

// RFC 6238 appendix B: the SHA-1 seed is the ASCII text "12345678901234567890".
TotpSecret rfc_secret() {
    TotpSecret secret;
    const std::string_view seed = "12345678901234567890";
    std::ranges::copy(seed, secret.bytes.begin());
    return secret;
}

struct Vector {
    std::int64_t time;
    std::string_view code;  // 8 digits
};
constexpr std::array<Vector, 6> k_rfc_vectors{{
    {59, "94287082"},
    {1111111109, "07081804"},
    {1111111111, "14050471"},
    {1234567890, "89005924"},
    {2000000000, "69279037"},
    {20000000000, "65353130"},
}};

class TotpTest : public ::testing::Test {
  protected:
    void SetUp() override { init(); }
};

TEST_F(TotpTest, EightDigitCodesAreThoseOfRfc6238AppendixB) {
    for (const Vector& vector : k_rfc_vectors) {
        EXPECT_EQ(totp_code(rfc_secret(), totp_step(at(vector.time)), 8), vector.code)
            << vector.time;
    }
}

TEST_F(TotpTest, SixDigitCodesAreTheLastSixOfTheRfcCodes) {
    for (const Vector& vector : k_rfc_vectors) {
        EXPECT_EQ(totp_code(rfc_secret(), totp_step(at(vector.time))), vector.code.substr(2))
            << vector.time;
    }
}

TEST_F(TotpTest, StepsAreThirtySecondsFrom1970RoundedDown) {
    EXPECT_EQ(totp_step(at(0)), 0);
    EXPECT_EQ(totp_step(at(29)), 0);
    EXPECT_EQ(totp_step(at(30)), 1);
    EXPECT_EQ(totp_step(at(59)), 1);
    EXPECT_EQ(totp_step(at(1111111109)), 0x23523EC);  // the RFC's table
    EXPECT_EQ(totp_step(at(20000000000)), 0x27BC86AA);
    EXPECT_EQ(totp_step(at(-1)), -1);
}

TEST_F(TotpTest, ACodeOfTheCurrentStepIsAcceptedAndNamesIt) {
    const TotpSecret secret = rfc_secret();
    const auto now = at(1234567890);
    const std::int64_t step = totp_step(now);
    EXPECT_EQ(accept_totp(secret, totp_code(secret, step), now, std::nullopt), step);
    EXPECT_EQ(accept_totp(secret, "005924", now, std::nullopt), step);
}

TEST_F(TotpTest, CodesOfTheStepsEitherSideAreAcceptedAndNoFurther) {
    const TotpSecret secret = rfc_secret();
    const auto now = at(1234567890);
    const std::int64_t step = totp_step(now);
    EXPECT_EQ(accept_totp(secret, totp_code(secret, step - 1), now, std::nullopt), step - 1);
    EXPECT_EQ(accept_totp(secret, totp_code(secret, step + 1), now, std::nullopt), step + 1);
    EXPECT_EQ(accept_totp(secret, totp_code(secret, step - 2), now, std::nullopt), std::nullopt);
    EXPECT_EQ(accept_totp(secret, totp_code(secret, step + 2), now, std::nullopt), std::nullopt);
    EXPECT_EQ(accept_totp(secret, totp_code(secret, step - 2), now, std::nullopt, 2), step - 2);
    EXPECT_EQ(accept_totp(secret, totp_code(secret, step - 1), now, std::nullopt, 0), std::nullopt);
}

TEST_F(TotpTest, ACodeWorksOnce) {
    const TotpSecret secret = rfc_secret();
    const auto now = at(1234567890);
    const std::string code = totp_code(secret, totp_step(now));
    const auto first = accept_totp(secret, code, now, std::nullopt);
    ASSERT_TRUE(first.has_value());
    EXPECT_EQ(accept_totp(secret, code, now, first), std::nullopt);
    EXPECT_EQ(accept_totp(secret, code, now + seconds(10), first), std::nullopt);
}

TEST_F(TotpTest, NoCodeOlderThanTheLastUsedIsAccepted) {
    const TotpSecret secret = rfc_secret();
    const auto now = at(1234567890);
    const std::int64_t step = totp_step(now);
    // The next step's code was used (a fast clock); the current one is now too old.
    EXPECT_EQ(accept_totp(secret, totp_code(secret, step), now, step + 1), std::nullopt);
    EXPECT_EQ(accept_totp(secret, totp_code(secret, step - 1), now, step - 1), std::nullopt);
    // A later step than the last used one is accepted.
    EXPECT_EQ(accept_totp(secret, totp_code(secret, step), now, step - 1), step);
    EXPECT_EQ(accept_totp(secret, totp_code(secret, step + 1), now, step), step + 1);
}

TEST_F(TotpTest, TypedSpacesAreIgnoredAndAnythingElseIsRefused) {
    const TotpSecret secret = rfc_secret();
    const auto now = at(1234567890);
    const std::int64_t step = totp_step(now);
    EXPECT_EQ(accept_totp(secret, "005 924", now, std::nullopt), step);
    EXPECT_EQ(accept_totp(secret, " 005924 ", now, std::nullopt), step);
    EXPECT_EQ(accept_totp(secret, "", now, std::nullopt), std::nullopt);
    EXPECT_EQ(accept_totp(secret, "05924", now, std::nullopt), std::nullopt);
    EXPECT_EQ(accept_totp(secret, "0005924", now, std::nullopt), std::nullopt);
    EXPECT_EQ(accept_totp(secret, "89005924", now, std::nullopt), std::nullopt);
    EXPECT_EQ(accept_totp(secret, "00592a", now, std::nullopt), std::nullopt);
    EXPECT_EQ(accept_totp(secret, "005-924", now, std::nullopt), std::nullopt);
    EXPECT_EQ(accept_totp(secret, std::string_view("005924\0", 7), now, std::nullopt),
              std::nullopt);
}

TEST_F(TotpTest, AnotherSecretsCodeIsRefused) {
    const TotpSecret secret = rfc_secret();
    TotpSecret other = secret;
    other.bytes[0] ^= 1U;
    const auto now = at(1234567890);
    EXPECT_NE(totp_code(other, totp_step(now)), totp_code(secret, totp_step(now)));
    EXPECT_EQ(accept_totp(other, "005924", now, std::nullopt), std::nullopt);
}

TEST_F(TotpTest, ATooWideWindowIsAProgrammingError) {
    EXPECT_THROW(static_cast<void>(accept_totp(rfc_secret(), "005924", at(1234567890), std::nullopt,
                                               k_totp_max_window + 1)),
                 std::invalid_argument);
    EXPECT_THROW(static_cast<void>(totp_code(rfc_secret(), 1, 10)), std::invalid_argument);
    EXPECT_THROW(static_cast<void>(totp_code(rfc_secret(), 1, 0)), std::invalid_argument);
}

TEST_F(TotpTest, NewSecretsAreRandom) {
    std::set<std::string> seen;
    for (int i = 0; i < 50; ++i) {
        seen.insert(TotpSecret::generate().base32());
    }
    EXPECT_EQ(seen.size(), 50U);
}

TEST_F(TotpTest, ASecretIsThirtyTwoBase32CharactersAndReadsBack) {
    EXPECT_EQ(rfc_secret().base32(), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    const TotpSecret secret = TotpSecret::generate();
    const std::string text = secret.base32();
    EXPECT_EQ(text.size(), 32U);
    const auto back = TotpSecret::from_base32(text);
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->bytes, secret.bytes);
    EXPECT_EQ(TotpSecret::from_base32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq")->bytes,
              rfc_secret().bytes);
    EXPECT_FALSE(TotpSecret::from_base32("GEZDGNBVGY3TQOJQ").has_value());  // 10 bytes
    EXPECT_FALSE(TotpSecret::from_base32("not base32 at all!").has_value());
}

TEST_F(TotpTest, TheProvisioningUriNamesTheSecretAndTheParameters) {
    EXPECT_EQ(provisioning_uri("Redress", "jane", rfc_secret()),
              "otpauth://totp/Redress:jane?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
              "&issuer=Redress&algorithm=SHA1&digits=6&period=30");
}

TEST_F(TotpTest, TheProvisioningUriPercentEncodesIssuerAndAccount) {
    EXPECT_EQ(provisioning_uri("Office of Police Review", "j.doe@opr.example.gov", rfc_secret()),
              "otpauth://totp/Office%20of%20Police%20Review:j.doe%40opr.example.gov"
              "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Office%20of%20Police%20Review"
              "&algorithm=SHA1&digits=6&period=30");
    EXPECT_EQ(provisioning_uri("A&B:C", "é?#/", rfc_secret()).substr(0, 44),
              "otpauth://totp/A%26B%3AC:%C3%A9%3F%23%2F?sec");
}

}  // namespace
}  // namespace redress::crypto
