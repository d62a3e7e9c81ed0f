#include "domain/receipt.hpp"
#include "site_fixture.hpp"

namespace redress::web::testing {
namespace {

using ComplaintFiling = SiteTest;

TEST_F(ComplaintFiling, FilingShowsReferencesNextStepsAndTheReceiptOnce) {
    auto fields = valid_filing("file");
    fields.emplace_back("offices", "opr");
    fields.emplace_back("offices", "oig");
    const auto response = post("/complaint", fields);
    ASSERT_EQ(response.status, 200) << response.body;
    const std::string& body = response.body;

    ASSERT_EQ(m_store.filings().size(), 1u);
    EXPECT_EQ(m_store.filings()[0].channel, domain::Channel::web);
    EXPECT_EQ(m_store.filings()[0].language, "en");
    EXPECT_TRUE(contains(body, "OPR-2026-000001"));
    EXPECT_TRUE(contains(body, "OIG-2026-000001"));
    EXPECT_TRUE(contains(body, "Office of Professional Responsibility"));
    EXPECT_TRUE(contains(body, "Office of Inspector General"));
    // Received on Friday 2026-11-27: acknowledgment within 2 business days, 1 calendar day.
    EXPECT_TRUE(contains(body, html_escaped(text("en", "status.acknowledged.next"))));
    EXPECT_TRUE(contains(body, "By 2026-12-01."));
    EXPECT_TRUE(contains(body, "By 2026-11-28."));

    const std::string receipt = receipt_in(body);
    ASSERT_TRUE(domain::Receipt::parse(receipt)) << receipt;
    EXPECT_TRUE(
        contains(body, "<span class=\"receipt-group\">" + receipt.substr(0, 4) + "</span>"));
    EXPECT_TRUE(contains(body, html_escaped(text("en", "confirmation.receipt.warning"))));
    EXPECT_FALSE(response.headers.has("Location"));
    EXPECT_TRUE(contains(body, "href=\"/status?lang=en\""));

    // The receipt works for the status page.
    const auto status = post("/status", {{"lang", "en"},
                                         {"form_token", fresh_token("/status")},
                                         {"reference", "OPR-2026-000001"},
                                         {"receipt", receipt}});
    EXPECT_EQ(status.status, 200);
}

TEST_F(ComplaintFiling, TheChosenLanguageGoesWithTheFiling) {
    auto fields = valid_filing("file");
    fields[0].second = "es";
    const auto response = post("/complaint", fields);
    ASSERT_EQ(response.status, 200);
    EXPECT_TRUE(contains(response.body, "<html lang=\"es\" dir=\"ltr\">"));
    ASSERT_EQ(m_store.filings().size(), 1u);
    EXPECT_EQ(m_store.filings()[0].language, "es");
}

TEST_F(ComplaintFiling, AnInvalidFilingIsShownAgainAndNotStored) {
    auto fields = valid_filing("file");
    fields.emplace_back("complainant.email", "not an email");
    fields[2].second = "confidential";
    const auto response = post("/complaint", fields);
    EXPECT_EQ(response.status, 422);
    EXPECT_TRUE(contains(response.body, "href=\"#f-complainant-email\""));
    EXPECT_TRUE(contains(response.body, "value=\"not an email\""));
    EXPECT_TRUE(m_store.filings().empty());
}

TEST_F(ComplaintFiling, AStorageFailureSaysNothingWasStoredAndKeepsValues) {
    m_store.set_failing(true);
    const auto response = post("/complaint", valid_filing("file"));
    EXPECT_EQ(response.status, 503);
    EXPECT_TRUE(contains(response.body, html_escaped(text("en", "form.not_stored"))));
    EXPECT_TRUE(contains(response.body, "value=\"Checkpoint on Route 9\""));
    EXPECT_TRUE(
        contains(response.body, "An agent pushed me to the ground.\nThen he laughed.</textarea>"));
    EXPECT_FALSE(contains(response.body, "class=\"receipt\""));
    EXPECT_TRUE(m_store.filings().empty());
}

}  // namespace
}  // namespace redress::web::testing
