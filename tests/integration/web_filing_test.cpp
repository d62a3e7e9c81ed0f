// The public web pages, used as a browser with JavaScript off uses them: plain forms,
// hidden fields carried from page to page, and the buttons' action values.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <set>
#include <string>

#include "integration/catalogue_text.hpp"
#include "integration/html.hpp"
#include "integration/server_suite.hpp"
#include "support/text_checks.hpp"

namespace redress::testing {
namespace {

const std::regex k_reference("(OPR|OIG)-[0-9]{4}-[0-9]{6}");
const std::regex k_receipt("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}");

std::vector<std::string> all_matches(const std::string& text, const std::regex& pattern) {
    std::vector<std::string> found;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern);
         it != std::sregex_iterator(); ++it) {
        if (std::find(found.begin(), found.end(), it->str()) == found.end()) {
            found.push_back(it->str());
        }
    }
    return found;
}

// The receipt as a person reads it off the confirmation page: the text of the element
// with class "receipt" (its groups may be marked up apart).
std::vector<std::string> receipts_on(const std::string& html) {
    const auto start = html.find("class=\"receipt\"");
    if (start == std::string::npos) return {};
    const auto open_end = html.find('>', start);
    const auto close = html.find("</p>", open_end);
    if (open_end == std::string::npos || close == std::string::npos) return {};
    std::string text;
    bool in_tag = false;
    for (const char c : html.substr(open_end + 1, close - open_end - 1)) {
        if (c == '<') in_tag = true;
        if (!in_tag && c != ' ' && c != '\n') text += c;
        if (c == '>') in_tag = false;
    }
    return all_matches(decode_entities(text), k_receipt);
}

class WebFiling : public ServerSuite {
  protected:
    // The form page, with the form_token a browser would send back.
    static std::string form_token_of(const HttpResponse& page) {
        const auto token = input_value(page.body, "form_token");
        EXPECT_TRUE(token.has_value()) << "no form_token input in:\n" << page.body;
        EXPECT_FALSE(token.value_or("").empty());
        return token.value_or("");
    }

    static std::string fresh_token(HttpConnection& connection, const std::string& path) {
        const HttpResponse page = connection.get(path);
        EXPECT_EQ(page.status, 200);
        return form_token_of(page);
    }

    // Fields of a complaint about sexual abuse with one subject.
    static HeaderList complaint_fields(const std::string& token, const std::string& language) {
        return {{"lang", language},
                {"form_token", token},
                {"complainant.confidentiality", "anonymous"},
                {"incident.date", "2024-03-05"},
                {"incident.place", "Checkpoint 4"},
                {"incident.narrative", "An officer touched me during a search."},
                {"incident.categories", "sexual-abuse"},
                {"subjects[0].name", "J. Doe"},
                {"subjects[0].badge", "4471"}};
    }

    // Review, then file with what the review page carries: the confirmation page.
    static HttpResponse review_and_file(HttpConnection& connection, const std::string& language) {
        const std::string token = fresh_token(connection, "/complaint?lang=" + language);
        HeaderList fields = complaint_fields(token, language);
        fields.emplace_back("action", "review");
        const HttpResponse review = connection.post_form("/complaint", fields);
        EXPECT_EQ(review.status, 200) << review.body;

        HeaderList carried = hidden_fields(review.body);
        carried.emplace_back("action", "file");
        return connection.post_form("/complaint", carried);
    }
};

TEST_F(WebFiling, FormIsPlainHtmlWithAToken) {
    auto connection = connect();
    const HttpResponse page = connection.get("/complaint");

    ASSERT_EQ(page.status, 200);
    EXPECT_EQ(page.header_or_empty("Content-Type").rfind("text/html", 0), 0u);
    EXPECT_EQ(page.header_or_empty("Cache-Control"), "no-store");
    form_token_of(page);
    EXPECT_TRUE(contains(page.body, "<html lang=\"en\"")) << page.body.substr(0, 300);
    EXPECT_FALSE(contains(page.body, "<script"));
    EXPECT_FALSE(contains(page.body,
                          " on"
                          "click="));
    EXPECT_TRUE(textarea_content(page.body, "incident.narrative").has_value());
    EXPECT_TRUE(input_value(page.body, "subjects[0].badge").has_value());
    // Law enforcement takes referrals only: it is not offered on the form.
    EXPECT_TRUE(input_value(page.body, "offices").has_value());
    for (const Attributes& input : tags_named(page.body, "input")) {
        if (input.contains("name") && input.at("name") == "offices") {
            EXPECT_NE(input.at("value"), "police");
        }
    }
}

TEST_F(WebFiling, LandingPageShowsOfficesContactsAndServiceLevels) {
    auto connection = connect();
    const HttpResponse page = connection.get("/");

    ASSERT_EQ(page.status, 200);
    const std::string text = visible_text(page.body);
    EXPECT_TRUE(contains(text, "Office of Professional Responsibility")) << text;
    EXPECT_TRUE(contains(text, "Office of Inspector General")) << text;
    EXPECT_TRUE(contains(text, "833-442-3677")) << text;
    EXPECT_TRUE(contains(page.body, "href=\"/complaint")) << page.body;
}

TEST_F(WebFiling, ReviewWithErrorsShowsTheFormAgainWithWhatWasTyped) {
    auto connection = connect();
    const std::string token = fresh_token(connection, "/complaint");
    const std::string typed_place = "<b>\"Gate\" & 'Co'</b>";
    const HttpResponse page =
        connection.post_form("/complaint", {{"lang", "en"},
                                            {"form_token", token},
                                            {"incident.place", typed_place},
                                            {"incident.date", "2999-01-01"},
                                            {"subjects[0].name", "Officer <i>Smith</i>"},
                                            {"action", "review"}});

    ASSERT_EQ(page.status, 422) << page.body;
    // What was typed comes back exactly, escaped: never as markup.
    EXPECT_EQ(input_value(page.body, "incident.place"), typed_place);
    EXPECT_EQ(input_value(page.body, "subjects[0].name"), "Officer <i>Smith</i>");
    EXPECT_FALSE(contains(page.body, "<b>\"Gate\""));
    EXPECT_FALSE(contains(page.body, "<i>Smith"));
    EXPECT_TRUE(contains(page.body, "&lt;b&gt;")) << page.body;
    const std::string text = visible_text(page.body);
    EXPECT_TRUE(contains(text, message("en", "error.required"))) << text;
    EXPECT_TRUE(contains(text, message("en", "error.future_date"))) << text;
    // A new token for the next attempt.
    EXPECT_FALSE(form_token_of(page).empty());
}

TEST_F(WebFiling, AddSubjectGivesAnotherBlockAndKeepsTheFirst) {
    auto connection = connect();
    const std::string token = fresh_token(connection, "/complaint");
    const HttpResponse page =
        connection.post_form("/complaint", {{"lang", "en"},
                                            {"form_token", token},
                                            {"incident.narrative", "Line one\nLine two"},
                                            {"subjects[0].name", "J. Doe"},
                                            {"subjects[0].badge", "4471"},
                                            {"action", "add_subject"}});

    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_EQ(input_value(page.body, "subjects[0].badge"), "4471");
    EXPECT_EQ(input_value(page.body, "subjects[1].badge"), "");
    EXPECT_EQ(textarea_content(page.body, "incident.narrative"), "Line one\nLine two");

    const HttpResponse witnesses = connection.post_form(
        "/complaint",
        {{"lang", "en"}, {"form_token", form_token_of(page)}, {"action", "add_witness"}});
    ASSERT_EQ(witnesses.status, 200);
    EXPECT_TRUE(input_value(witnesses.body, "witnesses[1].name").has_value());
}

TEST_F(WebFiling, ReviewProposesOfficesAndCarriesEveryValue) {
    auto connection = connect();
    HeaderList fields = complaint_fields(fresh_token(connection, "/complaint"), "en");
    fields.emplace_back("action", "review");
    const HttpResponse review = connection.post_form("/complaint", fields);

    ASSERT_EQ(review.status, 200) << review.body;
    const std::string text = visible_text(review.body);
    EXPECT_TRUE(contains(text, "Office of Professional Responsibility")) << text;
    EXPECT_TRUE(contains(text, "Office of Inspector General")) << text;
    EXPECT_TRUE(contains(text, "An officer touched me during a search.")) << text;
    const HeaderList carried = hidden_fields(review.body);
    const auto carries = [&](const std::string& name, const std::string& value) {
        return std::find(carried.begin(), carried.end(), std::pair{name, value}) != carried.end();
    };
    EXPECT_TRUE(carries("incident.narrative", "An officer touched me during a search."));
    EXPECT_TRUE(carries("incident.categories", "sexual-abuse"));
    EXPECT_TRUE(carries("subjects[0].badge", "4471"));
    EXPECT_FALSE(input_value(review.body, "form_token").value_or("").empty());

    // "Edit" goes back to the form with everything in place.
    HeaderList edit = carried;
    edit.emplace_back("action", "edit");
    const HttpResponse form = connection.post_form("/complaint", edit);
    ASSERT_EQ(form.status, 200);
    EXPECT_EQ(input_value(form.body, "subjects[0].badge"), "4471");
    EXPECT_TRUE(is_checked(form.body, "incident.categories", "sexual-abuse"));
}

TEST_F(WebFiling, FilingShowsReferencesAndTheReceiptWhichOpenTheStatusPage) {
    auto connection = connect();
    const HttpResponse confirmation = review_and_file(connection, "en");

    ASSERT_EQ(confirmation.status, 200) << confirmation.body;
    EXPECT_EQ(confirmation.header_or_empty("Cache-Control"), "no-store");
    const std::string text = visible_text(confirmation.body);
    const auto references = all_matches(text, k_reference);
    ASSERT_EQ(references.size(), 2u) << text;  // sexual abuse: OPR and OIG
    const auto receipts = receipts_on(confirmation.body);
    ASSERT_EQ(receipts.size(), 1u) << confirmation.body;

    for (const std::string& reference : references) {
        SCOPED_TRACE(reference);
        const HttpResponse status =
            connection.post_form("/status", {{"lang", "en"},
                                             {"form_token", fresh_token(connection, "/status")},
                                             {"reference", reference},
                                             {"receipt", receipts[0]}});
        ASSERT_EQ(status.status, 200) << status.body;
        EXPECT_EQ(status.header_or_empty("Cache-Control"), "no-store");
        const std::string status_text = visible_text(status.body);
        EXPECT_TRUE(contains(status_text, reference));
        EXPECT_TRUE(contains(status_text, message("en", "status.received"))) << status_text;
        // The receipt is never shown back: only the reply forms carry it, hidden, so that
        // the complainant need not type it again (the page is no-store).
        EXPECT_FALSE(contains(status_text, receipts[0]));
        EXPECT_TRUE(contains(status.body, "name=\"receipt\" value=\"" + receipts[0] + "\">"));
    }
}

TEST_F(WebFiling, WrongReceiptAndUnknownReferenceGetTheSamePage) {
    auto connection = connect();
    const HttpResponse confirmation = review_and_file(connection, "en");
    ASSERT_EQ(confirmation.status, 200);
    const auto references = all_matches(visible_text(confirmation.body), k_reference);
    const auto receipts = receipts_on(confirmation.body);
    ASSERT_FALSE(references.empty());
    ASSERT_EQ(receipts.size(), 1u);
    std::string wrong_receipt = receipts[0];
    wrong_receipt[0] = wrong_receipt[0] == 'A' ? 'B' : 'A';
    const std::string unknown_reference = references[0].substr(0, 9) + "999999";

    const auto look_up = [&](const std::string& reference, const std::string& receipt) {
        const std::string token = fresh_token(connection, "/status");
        HttpResponse page = connection.post_form("/status", {{"lang", "en"},
                                                             {"form_token", token},
                                                             {"reference", reference},
                                                             {"receipt", receipt}});
        // The page echoes the reference typed and carries a fresh token; all else is equal.
        page.body = std::regex_replace(page.body, k_reference, "REFERENCE");
        const auto new_token = input_value(page.body, "form_token").value_or("");
        for (auto at = page.body.find(new_token); !new_token.empty() && at != std::string::npos;
             at = page.body.find(new_token, at)) {
            page.body.replace(at, new_token.size(), "TOKEN");
        }
        return page;
    };
    const HttpResponse wrong = look_up(references[0], wrong_receipt);
    const HttpResponse unknown = look_up(unknown_reference, receipts[0]);

    EXPECT_EQ(wrong.status, 404);
    EXPECT_EQ(unknown.status, 404);
    EXPECT_EQ(wrong.body, unknown.body);
    EXPECT_FALSE(contains(wrong.body, wrong_receipt));
}

TEST_F(WebFiling, PostWithoutAValidTokenFilesNothing) {
    auto connection = connect();
    HeaderList fields = complaint_fields("forged-token", "en");
    fields.emplace_back("action", "file");
    const HttpResponse page = connection.post_form("/complaint", fields);

    EXPECT_EQ(page.status, 400) << page.body;
    EXPECT_TRUE(all_matches(visible_text(page.body), k_reference).empty());
    EXPECT_TRUE(receipts_on(page.body).empty());
    // What was typed is not lost, and the new form can be sent.
    EXPECT_EQ(textarea_content(page.body, "incident.narrative"),
              "An officer touched me during a search.");
    EXPECT_FALSE(form_token_of(page).empty());

    const HttpResponse status = connection.post_form(
        "/status", {{"lang", "en"}, {"reference", "OPR-2024-000001"}, {"receipt", "x"}});
    EXPECT_EQ(status.status, 400);
}

TEST_F(WebFiling, SpanishIsChosenByQueryOrByTheBrowser) {
    auto connection = connect();
    const std::string label = message("es", "form.incident.narrative.label");
    for (const auto& [target, headers] : std::vector<std::pair<std::string, HeaderList>>{
             {"/complaint?lang=es", {}},
             {"/complaint", {{"Accept-Language", "es-ES,es;q=0.9,en;q=0.5"}}}}) {
        SCOPED_TRACE(target);
        const HttpResponse page = connection.get(target, headers);
        ASSERT_EQ(page.status, 200);
        EXPECT_TRUE(contains(page.body, "<html lang=\"es\"")) << page.body.substr(0, 300);
        EXPECT_TRUE(contains(visible_text(page.body), label));
        EXPECT_EQ(input_value(page.body, "lang"), "es");
    }
}

TEST_F(WebFiling, SpanishFilingIsConfirmedAndFollowedInSpanish) {
    auto connection = connect();
    const HttpResponse confirmation = review_and_file(connection, "es");

    ASSERT_EQ(confirmation.status, 200) << confirmation.body;
    EXPECT_TRUE(contains(confirmation.body, "<html lang=\"es\""));
    const std::string text = visible_text(confirmation.body);
    EXPECT_TRUE(contains(text, "Oficina del Inspector General")) << text;
    const auto references = all_matches(text, k_reference);
    const auto receipts = receipts_on(confirmation.body);
    ASSERT_FALSE(references.empty());
    ASSERT_EQ(receipts.size(), 1u);

    const HttpResponse status =
        connection.post_form("/status", {{"lang", "es"},
                                         {"form_token", fresh_token(connection, "/status?lang=es")},
                                         {"reference", references[0]},
                                         {"receipt", receipts[0]}});
    ASSERT_EQ(status.status, 200) << status.body;
    EXPECT_TRUE(contains(visible_text(status.body), message("es", "status.received")));
}

// Every language the server has a catalogue for, as its folder under share/locale.
std::vector<std::string> catalogued_languages() {
    std::vector<std::string> languages;
    for (const auto& entry :
         std::filesystem::directory_iterator(std::filesystem::path(REDRESS_SHARE_DIR) / "locale")) {
        if (entry.is_directory()) languages.push_back(entry.path().filename().string());
    }
    std::sort(languages.begin(), languages.end());
    return languages;
}

// The web addresses the offices of the sample configuration give as their contact: the one
// kind of address outside the server that a page may name, as a link a person may follow.
std::set<std::string> configured_office_web_addresses() {
    std::ifstream in(std::filesystem::path(REDRESS_SHARE_DIR) / "config" / "redress.sample.toml");
    const std::string toml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    static const std::regex k_web(R"re(\bweb\s*=\s*"([^"]*)")re");
    std::set<std::string> found;
    for (auto it = std::sregex_iterator(toml.begin(), toml.end(), k_web);
         it != std::sregex_iterator(); ++it) {
        found.insert((*it)[1].str());
    }
    return found;
}

// The attributes with which HTML names an address to load, send to, or go to.
const std::set<std::string> k_address_attributes = {
    "action",  "archive", "background",  "cite",     "codebase",  "data", "formaction",
    "href",    "icon",    "imagesrcset", "longdesc", "manifest",  "ping", "poster",
    "profile", "src",     "srcset",      "usemap",   "xlink:href"};

// An address of this server's own: a path ("/..."), a query or a fragment of this page.
bool is_own(std::string_view address) {
    if (address.empty() || address.starts_with('#') || address.starts_with('?')) return true;
    return address.starts_with('/') && !address.starts_with("//") && !address.starts_with("/\\");
}

// What in `html` names an address other than the server's own, as "<tag attr=value>".
// Links (<a href>) may also dial (tel:), write (mailto:), or go to an office's web address.
std::vector<std::string> outside_addresses(const std::string& html,
                                           const std::set<std::string>& office_web,
                                           std::size_t& inspected) {
    std::vector<std::string> found;
    static const std::regex k_tag_name("<([A-Za-z][A-Za-z0-9-]*)");
    std::set<std::string> tags;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), k_tag_name);
         it != std::sregex_iterator(); ++it) {
        tags.insert(lower_ascii((*it)[1].str()));
    }
    for (const std::string& tag : tags) {
        for (const Attributes& attributes : tags_named(html, tag)) {
            for (const auto& [name, raw] : attributes) {
                const bool refresh =
                    tag == "meta" && name == "content" && attributes.contains("http-equiv");
                if (!k_address_attributes.contains(name) && !refresh) continue;
                ++inspected;
                std::string value = raw;
                value.erase(0, value.find_first_not_of(" \t\n\r"));
                const bool link = tag == "a" && name == "href";
                const bool allowed =
                    !refresh && (is_own(value) || (link && (value.starts_with("tel:") ||
                                                            value.starts_with("mailto:") ||
                                                            office_web.contains(value))));
                if (!allowed) found.push_back("<" + tag + " " + name + "=" + value + ">");
            }
        }
    }
    // Style sheets and style attributes load through url() and @import.
    for (const std::string_view loader : {"url(", "@import", "<base"}) {
        if (lower_ascii(html).find(loader) != std::string::npos) found.emplace_back(loader);
    }
    return found;
}

TEST_F(WebFiling, NoPageNamesAnOutsideAddress) {
    const auto office_web = configured_office_web_addresses();
    ASSERT_FALSE(office_web.empty());
    std::size_t inspected = 0;
    std::size_t pages = 0;
    const auto check = [&](const std::string& what, const HttpResponse& page, int status) {
        SCOPED_TRACE(what);
        ++pages;
        EXPECT_EQ(page.status, status) << page.body.substr(0, 2000);
        EXPECT_EQ(outside_addresses(page.body, office_web, inspected), std::vector<std::string>{});
    };

    auto connection = connect();
    const auto languages = catalogued_languages();
    ASSERT_GE(languages.size(), 2u);
    for (const std::string& language : languages) {
        SCOPED_TRACE(language);
        const std::string lang = "?lang=" + language;
        check("landing", connection.get("/" + lang), 200);
        const HttpResponse form = connection.get("/complaint" + lang);
        check("form", form, 200);
        check("status form", connection.get("/status" + lang), 200);
        check("verify form", connection.get("/verify" + lang), 200);

        HeaderList fields = complaint_fields(form_token_of(form), language);
        fields.emplace_back("action", "add_subject");
        check("form with another subject", connection.post_form("/complaint", fields), 200);
        HeaderList refused = {{"lang", language},
                              {"form_token", fresh_token(connection, "/complaint" + lang)},
                              {"incident.date", "2999-01-01"},
                              {"action", "review"}};
        check("form with errors", connection.post_form("/complaint", refused), 422);
        fields = complaint_fields(fresh_token(connection, "/complaint" + lang), language);
        fields.emplace_back("action", "review");
        const HttpResponse review = connection.post_form("/complaint", fields);
        check("review", review, 200);
        HeaderList carried = hidden_fields(review.body);
        carried.emplace_back("action", "file");
        const HttpResponse confirmation = connection.post_form("/complaint", carried);
        check("confirmation", confirmation, 200);
        HeaderList forged = complaint_fields("forged-token", language);
        forged.emplace_back("action", "file");
        check("form whose token is not valid", connection.post_form("/complaint", forged), 400);

        const auto references = all_matches(visible_text(confirmation.body), k_reference);
        const auto receipts = receipts_on(confirmation.body);
        ASSERT_FALSE(references.empty());
        ASSERT_EQ(receipts.size(), 1u);
        const auto look_up = [&](const std::string& receipt) {
            return connection.post_form("/status",
                                        {{"lang", language},
                                         {"form_token", fresh_token(connection, "/status" + lang)},
                                         {"reference", references[0]},
                                         {"receipt", receipt}});
        };
        check("status", look_up(receipts[0]), 200);
        check("status not found", look_up("AAAA-AAAA-AAAA-AAAA-AAAA"), 404);
        check("status without a token",
              connection.post_form(
                  "/status",
                  {{"lang", language}, {"reference", references[0]}, {"receipt", receipts[0]}}),
              400);
        check("verify of something unreadable",
              connection.post_form("/verify",
                                   {{"lang", language}, {"confirmation", "not a confirmation"}}),
              422);
        check("post from another site",
              connection.post_form("/verify" + lang, {{"confirmation", "x"}},
                                   {{"Origin", "https://elsewhere.example"}}),
              403);
    }
    check("unknown page", connection.get("/no-such-page"), 404);
    // Every page was read, and its links and forms were looked at (several per page).
    EXPECT_EQ(pages, 1 + 14 * languages.size());
    EXPECT_GT(inspected, 5 * pages);

    // The one style sheet loads nothing further.
    const HttpResponse style = connection.get("/static/style.css");
    ASSERT_EQ(style.status, 200);
    for (const std::string_view loader : {"url(", "@import", "//"}) {
        EXPECT_EQ(style.body.find(loader), std::string::npos) << loader;
    }
}

}  // namespace
}  // namespace redress::testing
