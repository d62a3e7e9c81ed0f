#include "site_fixture.hpp"
#include "web/page_cache.hpp"

namespace redress::web::testing {
namespace {

using ComplaintForm = SiteTest;

TEST_F(ComplaintForm, ShowsEverySectionWithLabelledFields) {
    const auto response = get("/complaint");
    ASSERT_EQ(response.status, 200);
    const std::string& body = response.body;
    for (const char* name : {"complainant.confidentiality",
                             "complainant.name",
                             "complainant.email",
                             "complainant.phone",
                             "complainant.postal_address",
                             "complainant.replies_by_email",
                             "complainant.whistleblower",
                             "on_behalf.applies",
                             "on_behalf.relationship",
                             "on_behalf.person_name",
                             "on_behalf.detention_facility",
                             "on_behalf.case_number",
                             "on_behalf.consent",
                             "incident.date",
                             "incident.date_precision",
                             "incident.time",
                             "incident.when_description",
                             "incident.place",
                             "incident.city",
                             "incident.region",
                             "incident.narrative",
                             "incident.injuries",
                             "incident.categories",
                             "subjects[0].name",
                             "subjects[0].badge",
                             "subjects[0].vehicle",
                             "witnesses[0].name",
                             "witnesses[0].account",
                             "offices",
                             "lang",
                             "form_token"}) {
        EXPECT_TRUE(contains(body, std::string("name=\"") + name + "\"")) << name;
    }
    EXPECT_TRUE(contains(body, "<label for=\"f-incident-narrative\">"));
    EXPECT_TRUE(contains(body, "id=\"f-incident-narrative\""));
    EXPECT_TRUE(contains(body, "<label for=\"f-subjects-0-badge\">"));
    // Categories from the deployment; only offices that take web filings.
    EXPECT_TRUE(contains(body, "value=\"excessive-force\""));
    EXPECT_TRUE(contains(body, "Excessive force"));
    EXPECT_TRUE(contains(body, "value=\"oig\""));
    EXPECT_FALSE(contains(body, "value=\"police\""));
    // Anonymous is the default, and each choice is explained.
    EXPECT_TRUE(contains(body, "value=\"anonymous\" checked"));
    EXPECT_TRUE(contains(body, text("en", "form.complainant.confidentiality.confidential.hint")));
    EXPECT_FALSE(contains(body, "subjects[1]."));
    for (const char* action : {"add_subject", "add_witness", "review"}) {
        EXPECT_TRUE(contains(body, std::string("name=\"action\" value=\"") + action + "\""));
    }
}

TEST_F(ComplaintForm, SpeaksSpanishByChoiceOrByBrowserPreference) {
    const auto chosen = get("/complaint?lang=es");
    EXPECT_TRUE(contains(chosen.body, "<html lang=\"es\" dir=\"ltr\">"));
    EXPECT_TRUE(contains(chosen.body, html_escaped(text("es", "form.incident.narrative.label"))));
    EXPECT_TRUE(contains(chosen.body, "Uso excesivo de la fuerza"));
    EXPECT_TRUE(contains(chosen.body, "name=\"lang\" value=\"es\""));

    const auto negotiated = get("/complaint", {{"Accept-Language", "de, es;q=0.8, en;q=0.1"}});
    EXPECT_TRUE(contains(negotiated.body, "<html lang=\"es\" dir=\"ltr\">"));

    const auto english = get("/complaint", {{"Accept-Language", "es;q=0, en"}});
    EXPECT_TRUE(contains(english.body, "<html lang=\"en\" dir=\"ltr\">"));
}

TEST_F(ComplaintForm, AMissingNarrativeKeepsEveryValueAndSaysWhatIsWrong) {
    const auto response = post("/complaint", {{"lang", "en"},
                                              {"form_token", fresh_token()},
                                              {"complainant.confidentiality", "confidential"},
                                              {"complainant.name", "Ana <script>alert(1)</script>"},
                                              {"incident.place", "Route \"9\" & Main"},
                                              {"incident.categories", "bribery"},
                                              {"subjects[0].badge", "4471"},
                                              {"action", "review"}});
    ASSERT_EQ(response.status, 422);
    const std::string& body = response.body;
    EXPECT_FALSE(contains(body, "<script>alert(1)</script>"));
    EXPECT_TRUE(contains(body, "value=\"Ana &lt;script&gt;alert(1)&lt;/script&gt;\""));
    EXPECT_TRUE(contains(body, "value=\"Route &quot;9&quot; &amp; Main\""));
    EXPECT_TRUE(contains(body, "value=\"4471\""));
    EXPECT_TRUE(contains(body, "value=\"confidential\" checked"));
    EXPECT_TRUE(contains(body, "value=\"bribery\" checked"));
    // A summary linking to the field, and the message next to it.
    EXPECT_TRUE(contains(body, "class=\"error-summary\""));
    EXPECT_TRUE(contains(body, "href=\"#f-incident-narrative\""));
    const std::string message = html_escaped(text("en", "error.required"));
    EXPECT_TRUE(contains(body, "id=\"f-incident-narrative-error\">" + message + "</p>"));
    EXPECT_TRUE(contains(
        body, "aria-describedby=\"f-incident-narrative-hint f-incident-narrative-error\""));
    EXPECT_TRUE(m_store.filings().empty());
}

TEST_F(ComplaintForm, ALimitIsNamedInTheMessage) {
    auto fields = valid_filing("review");
    fields.emplace_back("subjects[0].name", std::string(300, 'x'));
    const auto response = post("/complaint", fields);
    ASSERT_EQ(response.status, 422);
    EXPECT_TRUE(contains(response.body, "href=\"#f-subjects-0-name\""));
    EXPECT_TRUE(contains(response.body, "200"));
    EXPECT_FALSE(contains(response.body, "{limit}"));
}

TEST_F(ComplaintForm, AddingAnAgentKeepsValuesAndAddsABlock) {
    auto fields = valid_filing("add_subject");
    const auto response = post("/complaint", fields);
    ASSERT_EQ(response.status, 200);
    const std::string& body = response.body;
    EXPECT_TRUE(contains(body, "name=\"subjects[1].badge\""));
    EXPECT_FALSE(contains(body, "name=\"subjects[2].badge\""));
    EXPECT_TRUE(contains(body, "value=\"4471\""));
    EXPECT_TRUE(contains(body, "An agent pushed me to the ground.\nThen he laughed.</textarea>"));
    EXPECT_FALSE(contains(body, "class=\"error-summary\""));
    EXPECT_TRUE(m_store.filings().empty());

    fields = valid_filing("add_witness");
    fields.emplace_back("witnesses[0].name", "Luz");
    const auto witnesses = post("/complaint", fields);
    EXPECT_TRUE(contains(witnesses.body, "name=\"witnesses[1].name\""));
    EXPECT_TRUE(contains(witnesses.body, "value=\"Luz\""));
}

TEST_F(ComplaintForm, AHostileBlockIndexIsIgnored) {
    auto fields = valid_filing("add_subject");
    fields.emplace_back("subjects[99999999].badge", "x");
    const auto response = post("/complaint", fields);
    ASSERT_EQ(response.status, 200);
    EXPECT_TRUE(contains(response.body, "name=\"subjects[1].badge\""));
    EXPECT_FALSE(contains(response.body, "name=\"subjects[2].badge\""));
}

TEST_F(ComplaintForm, ReviewShowsWhichOfficeFitsWhyAndWhatIsMissing) {
    auto fields = valid_filing("review");
    fields.emplace_back("incident.categories", "bribery");
    const auto response = post("/complaint", fields);
    ASSERT_EQ(response.status, 200);
    const std::string& body = response.body;
    EXPECT_TRUE(contains(body, "The Inspector General investigates corruption."));
    EXPECT_TRUE(contains(body, "<dd class=\"typed\">Excessive force, Bribery or corruption</dd>"));
    EXPECT_TRUE(contains(body, "value=\"oig\" checked"));
    EXPECT_TRUE(contains(body, "value=\"opr\">"));  // offered, not proposed
    EXPECT_TRUE(contains(body, html_escaped(text("en", "aspect.witnesses"))));
    EXPECT_TRUE(contains(body, html_escaped(text("en", "aspect.witnesses.hint"))));
    EXPECT_TRUE(contains(body, "class=\"present\""));
    // Every value rides along in hidden fields, newlines included.
    EXPECT_TRUE(contains(body,
                         "name=\"incident.narrative\" value=\"An agent pushed me to the "
                         "ground.\nThen he laughed.\""));
    EXPECT_TRUE(contains(body, "name=\"subjects[0].badge\" value=\"4471\""));
    EXPECT_TRUE(contains(body, "name=\"action\" value=\"file\""));
    EXPECT_TRUE(contains(body, "name=\"action\" value=\"edit\""));
    EXPECT_TRUE(m_store.filings().empty());
}

TEST_F(ComplaintForm, ReviewExplainsTheDefaultOffice) {
    auto fields = valid_filing("review");
    const auto response = post("/complaint", fields);
    ASSERT_EQ(response.status, 200);
    EXPECT_TRUE(contains(response.body, html_escaped(text("en", "review.default_office"))));
    EXPECT_TRUE(contains(response.body, "value=\"opr\" checked"));
}

TEST_F(ComplaintForm, EditGoesBackToTheFormWithTheValues) {
    const auto response = post("/complaint", valid_filing("edit"));
    ASSERT_EQ(response.status, 200);
    EXPECT_TRUE(contains(response.body, "name=\"incident.place\" value=\"Checkpoint on Route 9\""));
    EXPECT_TRUE(contains(response.body, "name=\"action\" value=\"add_subject\""));
}

TEST_F(ComplaintForm, AMissingOrForgedTokenStoresNothingAndKeepsValues) {
    std::string tampered = fresh_token();
    tampered[10] = tampered[10] == 'A' ? 'B' : 'A';
    for (const std::string& token : {std::string(), std::string("forged"), tampered}) {
        auto fields = valid_filing("file");
        fields[1].second = token;
        const auto response = post("/complaint", fields);
        EXPECT_EQ(response.status, 400);
        EXPECT_TRUE(contains(response.body, html_escaped(text("en", "form.expired"))));
        EXPECT_TRUE(contains(response.body, "value=\"Checkpoint on Route 9\""));
        EXPECT_FALSE(token_from(response).empty());
    }
    EXPECT_TRUE(m_store.filings().empty());
}

TEST_F(ComplaintForm, AnExpiredTokenStoresNothing) {
    auto fields = valid_filing("file");
    m_now += std::chrono::hours(13);
    const auto response = post("/complaint", fields);
    EXPECT_EQ(response.status, 400);
    EXPECT_TRUE(contains(response.body, html_escaped(text("en", "form.expired"))));
    EXPECT_TRUE(m_store.filings().empty());

    // The page carries a new token, with which the same values go through.
    fields[1].second = token_from(response);
    EXPECT_EQ(post("/complaint", fields).status, 200);
    EXPECT_EQ(m_store.filings().size(), 1u);
}

TEST_F(ComplaintForm, EveryVisitGetsItsOwnTokenFromTheKeptPage) {
    const std::string first = fresh_token();
    m_now += std::chrono::seconds(1);
    const auto page = get("/complaint");
    const std::string second = token_from(page);
    EXPECT_FALSE(first.empty());
    EXPECT_NE(first, second);
    EXPECT_FALSE(contains(page.body, k_token_placeholder));
    // Both work.
    for (const auto& token : {first, second}) {
        auto fields = valid_filing("review");
        for (auto& [name, value] : fields) {
            if (name == "form_token") value = token;
        }
        EXPECT_EQ(post("/complaint", fields).status, 200);
    }
}

TEST_F(ComplaintForm, AMalformedBodyIsRefused) {
    const auto response = request(http::Method::post, "/complaint", "a=%zz&b=%FF",
                                  {{"Content-Type", "application/x-www-form-urlencoded"}});
    EXPECT_EQ(response.status, 400);
    EXPECT_TRUE(m_store.filings().empty());
}

TEST_F(ComplaintForm, APostOfAnotherContentTypeIsRefused) {
    const auto response = request(http::Method::post, "/complaint", "incident.narrative=x",
                                  {{"Content-Type", "text/plain"}});
    EXPECT_EQ(response.status, 415);
    EXPECT_TRUE(m_store.filings().empty());
}

TEST_F(ComplaintForm, APostFromAnotherSiteIsRefused) {
    const std::string body = "incident.narrative=x&action=file";
    const auto cross_site = request(
        http::Method::post, "/complaint", body,
        {{"Content-Type", "application/x-www-form-urlencoded"}, {"Sec-Fetch-Site", "cross-site"}});
    EXPECT_EQ(cross_site.status, 403);
    const auto other_origin = request(http::Method::post, "/complaint", body,
                                      {{"Content-Type", "application/x-www-form-urlencoded"},
                                       {"Origin", "https://evil.example"},
                                       {"Host", "complaints.example.org"}});
    EXPECT_EQ(other_origin.status, 403);
    const auto same_site_other_origin = request(
        http::Method::post, "/status", body,
        {{"Content-Type", "application/x-www-form-urlencoded"}, {"Sec-Fetch-Site", "same-site"}});
    EXPECT_EQ(same_site_other_origin.status, 403);
    const auto verify = request(
        http::Method::post, "/verify", "confirmation=x",
        {{"Content-Type", "application/x-www-form-urlencoded"}, {"Sec-Fetch-Site", "cross-site"}});
    EXPECT_EQ(verify.status, 403);
    EXPECT_TRUE(m_store.filings().empty());
}

TEST_F(ComplaintForm, OurOwnPagesPostsAreRead) {
    // Our Referrer-Policy makes browsers send "Origin: null" on our own forms.
    const std::string body = "incident.narrative=x&action=review";
    const auto same_origin = request(http::Method::post, "/complaint", body,
                                     {{"Content-Type", "application/x-www-form-urlencoded"},
                                      {"Sec-Fetch-Site", "same-origin"},
                                      {"Origin", "null"}});
    EXPECT_NE(same_origin.status, 403);
    const auto matching_origin = request(http::Method::post, "/complaint", body,
                                         {{"Content-Type", "application/x-www-form-urlencoded"},
                                          {"Origin", "https://complaints.example.org"},
                                          {"Host", "complaints.example.org"}});
    EXPECT_NE(matching_origin.status, 403);
}

TEST_F(ComplaintForm, AFormWithTooManyFieldsIsRefused) {
    std::string body = "incident.narrative=x";
    for (int i = 0; i < 1000; ++i) body += "&f=1";
    const auto response = request(http::Method::post, "/complaint", body,
                                  {{"Content-Type", "application/x-www-form-urlencoded"}});
    EXPECT_EQ(response.status, 413);
    EXPECT_TRUE(m_store.filings().empty());
}

}  // namespace
}  // namespace redress::web::testing
