#include "site_fixture.hpp"

namespace redress::web::testing {
namespace {

class StatusPage : public SiteTest {
  protected:
    // Files a complaint with OPR and returns its receipt.
    std::string file_one() {
        const auto response = post("/complaint", valid_filing("file"));
        const std::string receipt = receipt_in(response.body);
        EXPECT_FALSE(receipt.empty());
        return receipt;
    }

    http::Response look_up(const std::string& reference, const std::string& receipt) {
        return post("/status", {{"lang", "en"},
                                {"form_token", fresh_token("/status")},
                                {"reference", reference},
                                {"receipt", receipt}});
    }

    // The body without what differs between two renderings by design: the form token and
    // the reference the complainant typed.
    static std::string comparable(std::string body, const std::string& reference) {
        body = std::regex_replace(body, std::regex(R"re(name="form_token" value="[^"]+")re"),
                                  "name=\"form_token\" value=\"\"");
        for (std::size_t at; (at = body.find(reference)) != std::string::npos;) {
            body.replace(at, reference.size(), "REFERENCE");
        }
        return body;
    }
};

TEST_F(StatusPage, TheFormAsksForReferenceAndReceiptByPost) {
    const auto response = get("/status");
    ASSERT_EQ(response.status, 200);
    EXPECT_TRUE(contains(response.body, "<form method=\"post\" action=\"/status\""));
    EXPECT_TRUE(contains(response.body, "<label for=\"f-reference\">"));
    EXPECT_TRUE(contains(response.body, "<label for=\"f-receipt\">"));
}

TEST_F(StatusPage, TheRightReceiptShowsStatusTimelineAndNextStep) {
    const std::string receipt = file_one();
    const auto response = look_up("opr-2026-000001", receipt);
    ASSERT_EQ(response.status, 200) << response.body;
    const std::string& body = response.body;
    EXPECT_TRUE(contains(body, "OPR-2026-000001"));
    EXPECT_TRUE(contains(body, "Office of Professional Responsibility"));
    EXPECT_TRUE(
        contains(body, "<strong>" + html_escaped(text("en", "status.received")) + "</strong>"));
    EXPECT_TRUE(contains(body, "<time datetime=\"2026-11-27\" dir=\"ltr\">2026-11-27</time> " +
                                   html_escaped(text("en", "status.received"))));
    EXPECT_TRUE(contains(body, html_escaped(text("en", "status.acknowledged.next"))));
    EXPECT_TRUE(contains(body, "By 2026-12-01."));
    // The receipt is carried only in the reply form's hidden field, never shown.
    const std::string hidden = "<input type=\"hidden\" name=\"receipt\" value=\"" + receipt + "\">";
    EXPECT_TRUE(contains(body, hidden));
    EXPECT_FALSE(contains(std::regex_replace(body, std::regex(hidden), ""), receipt));
}

TEST_F(StatusPage, AWrongReceiptAndAnUnknownReferenceLookTheSame) {
    const std::string receipt = file_one();
    std::string wrong = receipt;
    wrong[0] = wrong[0] == '7' ? '8' : '7';
    const auto wrong_receipt = look_up("OPR-2026-000001", wrong);
    const auto unknown = look_up("OPR-2026-000999", receipt);
    EXPECT_EQ(wrong_receipt.status, 404);
    EXPECT_EQ(unknown.status, 404);
    EXPECT_TRUE(contains(wrong_receipt.body, html_escaped(text("en", "lookup.not_found"))));
    EXPECT_EQ(comparable(wrong_receipt.body, "OPR-2026-000001"),
              comparable(unknown.body, "OPR-2026-000999"));
    // The reference typed is kept; the receipt is never echoed back.
    EXPECT_TRUE(contains(unknown.body, "value=\"OPR-2026-000999\""));
    EXPECT_FALSE(contains(unknown.body, receipt));
    EXPECT_FALSE(contains(wrong_receipt.body, wrong));
}

TEST_F(StatusPage, AnExpiredTokenLooksNothingUp) {
    const std::string receipt = file_one();
    const std::string token = fresh_token("/status");
    m_now += std::chrono::hours(13);
    const auto response = post("/status", {{"lang", "en"},
                                           {"form_token", token},
                                           {"reference", "OPR-2026-000001"},
                                           {"receipt", receipt}});
    EXPECT_EQ(response.status, 400);
    EXPECT_TRUE(contains(response.body, html_escaped(text("en", "form.expired"))));
    EXPECT_FALSE(contains(response.body, html_escaped(text("en", "status.received"))));
}

TEST_F(StatusPage, AStorageFailureIsAServiceProblem) {
    const std::string receipt = file_one();
    m_store.set_failing(true);
    const auto response = look_up("OPR-2026-000001", receipt);
    EXPECT_EQ(response.status, 503);
    EXPECT_TRUE(contains(response.body, html_escaped(text("en", "lookup.unavailable"))));
}

TEST_F(StatusPage, SpeaksSpanish) {
    const std::string receipt = file_one();
    const auto response = post("/status", {{"lang", "es"},
                                           {"form_token", fresh_token("/status")},
                                           {"reference", "OPR-2026-000001"},
                                           {"receipt", receipt}});
    ASSERT_EQ(response.status, 200);
    EXPECT_TRUE(contains(response.body, "<html lang=\"es\" dir=\"ltr\">"));
    EXPECT_TRUE(contains(response.body, html_escaped(text("es", "status.received"))));
}

}  // namespace
}  // namespace redress::web::testing
