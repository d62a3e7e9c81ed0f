#include "site_fixture.hpp"

namespace redress::web::testing {
namespace {

using LandingPage = SiteTest;

TEST_F(LandingPage, ListsEveryOfficeWithItsContactsAndServiceLevels) {
    const auto response = get("/");
    ASSERT_EQ(response.status, 200);
    EXPECT_EQ(response.headers.get("Content-Type"), "text/html; charset=utf-8");
    const std::string& body = response.body;
    EXPECT_TRUE(contains(body, "<html lang=\"en\" dir=\"ltr\">"));
    EXPECT_TRUE(contains(body, "Office of Professional Responsibility"));
    EXPECT_TRUE(contains(body, "Misconduct by employees"));
    EXPECT_TRUE(contains(body, "Office of Inspector General"));
    EXPECT_TRUE(contains(body, "State Police"));
    EXPECT_TRUE(contains(body, "href=\"mailto:opr@example.org\""));
    EXPECT_TRUE(contains(body, "href=\"tel:+18772468253\" dir=\"ltr\">+1 877 246 8253</a>"));
    EXPECT_TRUE(contains(body, "https://opr.example.org/"));
    // OPR counts business days, OIG calendar days; a single day is singular.
    EXPECT_TRUE(contains(body, "Confirms it received your complaint within 2 business days."));
    EXPECT_TRUE(contains(body, "Gives you an update at least every 30 business days."));
    EXPECT_TRUE(contains(body, "Confirms it received your complaint within 1 day."));
    EXPECT_TRUE(contains(body, "Aims to tell you the outcome within 120 days."));
    EXPECT_TRUE(contains(body, "href=\"/complaint?lang=en\""));
    EXPECT_TRUE(contains(body, "href=\"/status?lang=en\""));
}

TEST_F(LandingPage, EveryPageHasTheSharedHeadAndLanguageLinks) {
    for (const char* target : {"/", "/complaint", "/status"}) {
        const auto response = get(target);
        ASSERT_EQ(response.status, 200) << target;
        const std::string& body = response.body;
        EXPECT_TRUE(contains(body, "<meta name=\"viewport\"")) << target;
        EXPECT_TRUE(contains(body, "<link rel=\"stylesheet\" href=\"/static/style.css\">"));
        EXPECT_TRUE(contains(body, std::string("href=\"") + target + "?lang=es\"")) << target;
        EXPECT_TRUE(contains(body, "Español"));
        // Nothing a strict Content-Security-Policy would block.
        EXPECT_FALSE(contains(body, "<script")) << target;
        EXPECT_FALSE(contains(body, "<style")) << target;
        EXPECT_FALSE(contains(body, "style=")) << target;
        EXPECT_FALSE(contains(body, "http://")) << target;
    }
}

TEST_F(LandingPage, SpeaksSpanishWhenAsked) {
    const auto chosen = get("/?lang=es");
    EXPECT_TRUE(contains(chosen.body, "<html lang=\"es\" dir=\"ltr\">"));
    EXPECT_TRUE(contains(chosen.body, "Oficina de Responsabilidad Profesional"));
    EXPECT_TRUE(contains(chosen.body, "en un plazo de 2 días hábiles"));
    EXPECT_TRUE(contains(chosen.body, "en un plazo de 1 día."));

    const auto negotiated = get("/", {{"Accept-Language", "es-MX,es;q=0.9,en;q=0.5"}});
    EXPECT_TRUE(contains(negotiated.body, "<html lang=\"es\" dir=\"ltr\">"));
}

TEST_F(LandingPage, ArabicIsWrittenRightToLeftWithItsSixPluralForms) {
    const auto page = get("/?lang=ar");
    ASSERT_EQ(page.status, 200);
    EXPECT_TRUE(contains(page.body, "<html lang=\"ar\" dir=\"rtl\">"));
    // OPR: 2, 10, 30 and 90 business days; OIG: 1, 7, 14 and 120 calendar days.
    EXPECT_TRUE(contains(page.body, "خلال يومَي عمل."));                // two: the dual, no digit
    EXPECT_TRUE(contains(page.body, "خلال 10 أيام عمل."));             // few (3–10)
    EXPECT_TRUE(contains(page.body, "مرة كل 30 يوم عمل على الأقل."));  // many (11–99)
    EXPECT_TRUE(contains(page.body, "خلال يوم واحد."));                // one
    EXPECT_TRUE(contains(page.body, "خلال 7 أيام."));                  // few
    EXPECT_TRUE(contains(page.body, "مرة كل 14 يومًا على الأقل."));     // many
    EXPECT_TRUE(contains(page.body, "خلال 120 يومًا."));                // 120: its last two digits
    // The language links name each language in itself, in its own direction.
    EXPECT_TRUE(contains(page.body, "dir=\"ltr\" hreflang=\"fr\""));
    EXPECT_TRUE(contains(page.body, ">Français</a>"));
    EXPECT_TRUE(contains(page.body, ">Kreyòl ayisyen</a>"));
    EXPECT_TRUE(
        contains(page.body, "dir=\"rtl\" hreflang=\"ar\" aria-current=\"true\">العربية</a>"));
}

TEST_F(LandingPage, FrenchAndHaitianCreoleUseTheirOwnRules) {
    const auto french = get("/?lang=fr");
    EXPECT_TRUE(contains(french.body, "<html lang=\"fr\" dir=\"ltr\">"));
    EXPECT_TRUE(contains(french.body, "dans un délai de 2 jours ouvrables."));
    EXPECT_TRUE(contains(french.body, "dans un délai de 1 jour."));
    const auto creole = get("/", {{"Accept-Language", "ht-HT,ht;q=0.9"}});
    EXPECT_TRUE(contains(creole.body, "<html lang=\"ht\" dir=\"ltr\">"));
    EXPECT_TRUE(contains(creole.body, "nan 2 jou travay."));
}

TEST_F(LandingPage, EveryLanguageWithACatalogueIsLinkedFromEveryPage) {
    const auto body = get("/status").body;
    for (const auto& catalogue : m_languages->all()) {
        EXPECT_TRUE(contains(body, "href=\"/status?lang=" + catalogue.language() + "\""))
            << catalogue.language();
        EXPECT_TRUE(contains(body, html_escaped(catalogue.text("language.name"))))
            << catalogue.language();
    }
}

}  // namespace
}  // namespace redress::web::testing
