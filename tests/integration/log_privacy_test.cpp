// What never reaches the log, even at debug level and when things go wrong: the receipt of a
// status look-up, and what a complainant wrote, whether the request is refused by a parser
// or the database cannot store the filing. Each test stops the server before reading its
// log, so that every line written is there.

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>
#include <tuple>

#include "integration/html.hpp"
#include "integration/server_suite.hpp"
#include "support/data_folder_database.hpp"
#include "support/text_checks.hpp"

namespace redress::testing {
namespace {

using nlohmann::json;

constexpr std::string_view k_name = "Quetzal Canarywing";
constexpr std::string_view k_narrative = "narrative-canary-5d81c was pushed at the gate";
constexpr std::string_view k_badge = "BADGE-CANARY-7731";

class LogPrivacy : public ServerSuite {
  protected:
    static void SetUpTestSuite() {
        s_server =
            std::make_unique<ServerProcess>(std::vector<std::string>{"--log-level", "debug"});
    }

    // The server's whole log, once it has stopped.
    static std::string final_log() {
        EXPECT_EQ(server().stop(), 0);
        return server().log();
    }

    // The complaint fields of the web form, carrying the canaries.
    static HeaderList web_fields(const std::string& token) {
        return {{"lang", "en"},
                {"form_token", token},
                {"complainant.confidentiality", "confidential"},
                {"complainant.name", std::string(k_name)},
                {"incident.date", "2024-03-05"},
                {"incident.narrative", std::string(k_narrative)},
                {"incident.categories", "excessive-force"},
                {"subjects[0].badge", std::string(k_badge)}};
    }

    static json api_filing() {
        return {{"complainant", {{"confidentiality", "confidential"}, {"name", k_name}}},
                {"incident",
                 {{"narrative", k_narrative},
                  {"date", "2024-03-05"},
                  {"categories", {"excessive-force"}}}},
                {"subjects", {{{"badge", k_badge}}}}};
    }

    static std::string token_of(HttpConnection& connection, const std::string& path) {
        const HttpResponse page = connection.get(path);
        EXPECT_EQ(page.status, 200);
        return input_value(page.body, "form_token").value_or("");
    }

    // Fails the test naming each canary found in `text`.
    static void expect_no_canary(const std::string& text, const std::string& where) {
        for (const std::string_view canary : {k_name, k_narrative, k_badge}) {
            EXPECT_FALSE(contains(text, canary)) << canary << " in " << where << ":\n" << text;
        }
    }
};

// Every spelling of a receipt a log could hold: as given, without dashes, in lower case.
std::vector<std::string> spellings_of(const std::string& receipt) {
    std::string bare;
    for (const char c : receipt) {
        if (c != '-') bare += c;
    }
    std::string lower = bare;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return {receipt, bare, lower};
}

TEST_F(LogPrivacy, TheReceiptOfAStatusLookUpNeverReachesTheLog) {
    auto connection = connect();
    const auto filed = file_by_api(connection, {{"incident", {{"narrative", "Pushed."}}}});
    ASSERT_EQ(filed.size(), 1u);
    const std::string reference = filed[0].reference;
    const std::string receipt = filed[0].receipt;
    std::string wrong = receipt;
    wrong[0] = wrong[0] == 'A' ? 'B' : 'A';
    const std::string typed = spellings_of(receipt)[2];

    // The API: in the body, as people type it, in a header; right and wrong.
    for (const auto& [given, status] :
         std::vector<std::pair<std::string, int>>{{receipt, 200}, {typed, 200}, {wrong, 404}}) {
        EXPECT_EQ(connection
                      .post_json("/api/v1/status",
                                 json{{"reference", reference}, {"receipt", given}}.dump())
                      .status,
                  status);
        EXPECT_EQ(connection
                      .post_json("/api/v1/status", json{{"reference", reference}}.dump(),
                                 {{"X-Redress-Receipt", given}})
                      .status,
                  status);
    }
    // A body the parser refuses, with the receipt in it.
    EXPECT_EQ(connection
                  .post_json("/api/v1/status",
                             R"({"reference": ")" + reference + R"(", "receipt": ")" + receipt)
                  .status,
              400);
    // The web form: right, wrong, and without a valid token; and a receipt in a query.
    for (const auto& [given, status] :
         std::vector<std::pair<std::string, int>>{{receipt, 200}, {wrong, 404}}) {
        EXPECT_EQ(connection
                      .post_form("/status", {{"lang", "en"},
                                             {"form_token", token_of(connection, "/status")},
                                             {"reference", reference},
                                             {"receipt", given}})
                      .status,
                  status);
    }
    EXPECT_EQ(
        connection
            .post_form("/status", {{"lang", "en"}, {"reference", reference}, {"receipt", receipt}})
            .status,
        400);
    EXPECT_EQ(connection.get("/status?lang=en&receipt=" + receipt).status, 200);
    // A reply and a request for reconsideration, with the right and the wrong receipt.
    const std::string words = "The van's plate was KX-4471-QZ.";
    for (const auto& [path, given, status] : std::vector<std::tuple<std::string, std::string, int>>{
             {"/status/messages", receipt, 200},
             {"/status/messages", wrong, 404},
             {"/status/reconsideration", receipt, 409}}) {
        EXPECT_EQ(connection
                      .post_form(path, {{"lang", "en"},
                                        {"form_token", token_of(connection, "/status")},
                                        {"reference", reference},
                                        {"receipt", given},
                                        {"text", words}})
                      .status,
                  status)
            << path;
    }

    const std::string log = final_log();
    EXPECT_TRUE(contains(log, "POST /status/messages 200")) << log;
    EXPECT_FALSE(contains(log, "KX-4471-QZ")) << log;
    // The look-ups were logged at debug level: the absence below means something.
    EXPECT_TRUE(contains(log, "POST /api/v1/status 200")) << log;
    EXPECT_TRUE(contains(log, "POST /status 404")) << log;
    for (const std::string& spelling : spellings_of(receipt)) {
        EXPECT_FALSE(contains(log, spelling)) << spelling << " in the log:\n" << log;
    }
    for (const std::string& spelling : spellings_of(wrong)) {
        EXPECT_FALSE(contains(log, spelling)) << spelling << " in the log:\n" << log;
    }
}

// Makes every insert of a complaint fail inside the database, as a full disk or a broken
// constraint would, through a connection of the test's own beside the server's: a trigger
// that refuses it, in each backend's own words (PostgreSQL's schema has refuse(), its
// RAISE(ABORT, ...)).
void break_the_database(const std::filesystem::path& data_dir) {
    const auto made = connect_to_data(data_dir)->execute(
        tests_run_on_postgresql() ? "CREATE TRIGGER break_filings BEFORE INSERT ON complaints "
                                    "FOR EACH ROW EXECUTE FUNCTION refuse('injected failure')"
                                  : "CREATE TRIGGER break_filings BEFORE INSERT ON complaints "
                                    "BEGIN SELECT RAISE(ABORT, 'injected failure'); END;");
    ASSERT_TRUE(made) << made.error().message;
}

TEST_F(LogPrivacy, AFilingTheDatabaseCannotStoreLeavesNoComplainantDataInTheLogOrTheAnswer) {
    auto connection = connect();
    break_the_database(server().data_dir());

    const HttpResponse api = connection.post_json("/api/v1/complaints", api_filing().dump());
    EXPECT_EQ(api.status, 503) << api.body;
    EXPECT_TRUE(has_error(parse_json(api), "", "unavailable"));
    expect_no_canary(api.body, "the API's answer");

    HeaderList fields = web_fields(token_of(connection, "/complaint"));
    fields.emplace_back("action", "review");
    const HttpResponse review = connection.post_form("/complaint", fields);
    ASSERT_EQ(review.status, 200) << review.body;
    HeaderList carried = hidden_fields(review.body);
    carried.emplace_back("action", "file");
    const HttpResponse web = connection.post_form("/complaint", carried);
    // The form comes back with what was typed, so that nothing is lost: that is the page's
    // content, not an error message. The log is what must hold none of it.
    EXPECT_EQ(web.status, 503) << web.body;

    const std::string log = final_log();
    // The failures were logged, with the database's own message.
    EXPECT_TRUE(contains(log, "api: filing failed")) << log;
    EXPECT_TRUE(contains(log, "web: filing not stored")) << log;
    EXPECT_TRUE(contains(log, "injected failure")) << log;
    expect_no_canary(log, "the log");
}

TEST_F(LogPrivacy, RequestsTheParsersRefuseLeaveNoComplainantDataInTheLogOrTheAnswer) {
    auto connection = connect();
    const std::string narrative(k_narrative);
    const std::string name(k_name);
    struct Case {
        std::string what;
        std::string content_type;
        std::string body;
    };
    const std::vector<Case> cases = {
        {"JSON cut short", "application/json",
         R"({"complainant": {"name": ")" + name + R"("}, "incident": {"narrative": ")" + narrative},
        {"JSON with a stray character", "application/json",
         R"({"incident": {"narrative": ")" + narrative + R"("} x)"},
        {"JSON with invalid UTF-8", "application/json",
         R"({"incident": {"narrative": ")" + narrative + "\xC3\x28" + R"("}})"},
        {"JSON with the wrong types", "application/json",
         json{{"complainant", {{"name", {name}}}},
              {"incident", {{"narrative", {{"x", narrative}}}}}}
             .dump()},
        {"JSON nested too deep", "application/json",
         std::string(200, '[') + "\"" + narrative + "\"" + std::string(200, ']')},
        {"not JSON at all", "text/plain", narrative},
        {"a form with a broken escape", "application/x-www-form-urlencoded",
         "lang=en&incident.narrative=" + narrative + "%zz&action=review"},
        {"a form with invalid UTF-8", "application/x-www-form-urlencoded",
         "lang=en&incident.narrative=" + narrative + "%C3%28&action=review"},
    };
    for (const Case& each : cases) {
        SCOPED_TRACE(each.what);
        const std::string target =
            each.content_type == "application/json" || each.content_type == "text/plain"
                ? "/api/v1/complaints"
                : "/complaint";
        const HttpResponse response = connection.post(target, each.content_type, each.body);
        EXPECT_GE(response.status, 400) << response.body;
        EXPECT_LT(response.status, 500) << response.body;
        expect_no_canary(response.body, "the answer");
    }

    const std::string log = final_log();
    EXPECT_TRUE(contains(log, "POST /api/v1/complaints 4")) << log;  // logged at debug
    expect_no_canary(log, "the log");
}

}  // namespace
}  // namespace redress::testing
