// The proof of filing on the web: the confirmation page carries the signed block, the
// landing page the public key, and /verify tells a genuine confirmation from an altered
// or foreign one.

#include <regex>

#include "crypto/signature.hpp"
#include "intake/confirmation_signing.hpp"
#include "site_fixture.hpp"

namespace redress::web::testing {
namespace {

using VerifyPage = SiteTest;

// The signed block as the confirmation page shows it, unescaped as a browser would copy it.
std::string proof_in(const std::string& html) {
    static const std::regex k_proof(R"re(<pre class="proof-text">([^<]*)</pre>)re");
    std::smatch match;
    if (!std::regex_search(html, match, k_proof)) return {};
    return std::regex_replace(match[1].str(), std::regex("&#43;|&#x2B;"), "+");
}

TEST_F(VerifyPage, TheConfirmationPageCarriesASignedProofThatVerifies) {
    const auto filed = post("/complaint", valid_filing("file"));
    ASSERT_EQ(filed.status, 200) << filed.body;
    const std::string proof = proof_in(filed.body);
    ASSERT_TRUE(contains(proof, "-----BEGIN REDRESS CONFIRMATION-----")) << filed.body;
    EXPECT_TRUE(contains(proof, "OPR-2026-000001"));
    EXPECT_FALSE(contains(proof, receipt_in(filed.body)));  // the receipt is not in it

    const auto checked = post("/verify", {{"lang", "en"}, {"confirmation", proof}});
    EXPECT_EQ(checked.status, 200);
    EXPECT_TRUE(contains(checked.body, html_escaped(text("en", "verify.genuine")))) << checked.body;
    EXPECT_TRUE(contains(checked.body, "OPR-2026-000001"));
}

TEST_F(VerifyPage, AnAlteredConfirmationIsCalledAltered) {
    const auto filed = post("/complaint", valid_filing("file"));
    std::string proof = proof_in(filed.body);
    const auto at = proof.find("OPR-2026-000001");
    ASSERT_NE(at, std::string::npos);
    proof.replace(at, 15, "OPR-2026-000002");
    const auto checked = post("/verify", {{"lang", "en"}, {"confirmation", proof}});
    EXPECT_EQ(checked.status, 200);
    EXPECT_TRUE(contains(checked.body, html_escaped(text("en", "verify.altered"))));
    EXPECT_FALSE(contains(checked.body, html_escaped(text("en", "verify.genuine"))));
}

TEST_F(VerifyPage, AConfirmationSignedByAnotherDeploymentIsNotOurs) {
    crypto::MasterKey other{};
    other.fill(42);
    const auto stranger = crypto::derive_keys(other);
    const auto foreign = intake::sign_confirmation(
        m_now, {"OPR-2026-000001"}, "sha256:" + std::string(64, '0'), stranger.current_signing());
    const auto checked = post("/verify", {{"lang", "en"}, {"confirmation", foreign.text()}});
    EXPECT_EQ(checked.status, 200);
    EXPECT_TRUE(contains(checked.body, html_escaped(text("en", "verify.unknown_key"))));
    EXPECT_FALSE(contains(checked.body, html_escaped(text("en", "verify.genuine"))));
}

TEST_F(VerifyPage, ANonsensePasteIsUnreadableAndShownBack) {
    const auto checked =
        post("/verify", {{"lang", "en"}, {"confirmation", "<script>not a confirmation"}});
    EXPECT_EQ(checked.status, 422);
    EXPECT_TRUE(contains(checked.body, html_escaped(text("en", "verify.unreadable"))));
    EXPECT_TRUE(contains(checked.body, "&lt;script&gt;not a confirmation"));
}

TEST_F(VerifyPage, TheLandingAndVerifyPagesPublishThePublicKey) {
    const std::string key = crypto::to_base64(m_keys.current_signing().public_key);
    EXPECT_TRUE(contains(get("/").body, html_escaped(key)));
    const auto page = get("/verify?lang=es");
    EXPECT_EQ(page.status, 200);
    EXPECT_TRUE(contains(page.body, html_escaped(key)));
    EXPECT_TRUE(contains(page.body, html_escaped(text("es", "verify.heading"))));
}

}  // namespace
}  // namespace redress::web::testing
