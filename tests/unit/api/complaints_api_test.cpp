// POST /api/v1/complaints as a client sees it: answers, error shapes, languages, storage.

#include <regex>

#include "api_fixture.hpp"
#include "intake/account_sealing.hpp"

namespace redress::api::test_support {
namespace {

using ComplaintsApiTest = ApiTest;

const json k_smallest = {{"incident", {{"narrative", "An officer pushed me to the ground."}}}};

// The errors of a 4xx answer as (field, code) pairs, in order.
std::vector<std::pair<std::string, std::string>> field_codes(const json& body) {
    std::vector<std::pair<std::string, std::string>> pairs;
    for (const auto& error : body.at("errors")) {
        pairs.emplace_back(error.at("field").get<std::string>(),
                           error.at("code").get<std::string>());
    }
    return pairs;
}

bool has_error(const json& body, std::string_view field, std::string_view code) {
    for (const auto& [f, c] : field_codes(body)) {
        if (f == field && c == code) return true;
    }
    return false;
}

TEST_F(ComplaintsApiTest, SmallestBodyIsFiledWithTheDefaultOffice) {
    const http::Response response = file(k_smallest);

    ASSERT_EQ(response.status, 201) << response.body;
    EXPECT_EQ(response.headers.get("Content-Type"), "application/json; charset=utf-8");
    EXPECT_FALSE(response.headers.has("Location"));
    EXPECT_EQ(response.caching, http::Caching::no_store);
    const json body = body_of(response);
    EXPECT_TRUE(std::regex_match(body.at("receipt").get<std::string>(),
                                 std::regex("[0-9A-Z]{4}(-[0-9A-Z]{4}){4}")))
        << body.at("receipt");
    EXPECT_EQ(body.at("received_at"), "2026-03-02T10:00:00Z");
    ASSERT_EQ(body.at("complaints").size(), 1u);
    const json& complaint = body.at("complaints")[0];
    EXPECT_EQ(complaint.at("office"), "opr");
    EXPECT_EQ(complaint.at("office_name"), "Office of Professional Responsibility");
    EXPECT_EQ(complaint.at("reference"), "OPR-2026-000001");
    EXPECT_EQ(complaint.at("status"), "received");
    EXPECT_EQ(complaint.at("next_step").at("status"), "acknowledged");
    EXPECT_TRUE(std::regex_match(complaint.at("next_step").at("due").get<std::string>(),
                                 std::regex(R"(2026-03-\d\d)")));
    ASSERT_EQ(m_store.filings().size(), 1u);
    EXPECT_EQ(m_store.filings()[0].channel, domain::Channel::api);
}

TEST_F(ComplaintsApiTest, FullBodyReachesTheStoreAndEveryChosenOffice) {
    const json filing = {
        {"language", "es"},
        {"complainant",
         {{"confidentiality", "confidential"},
          {"name", "Ana"},
          {"email", "ana@example.org"},
          {"replies_by_email", true},
          {"whistleblower", false}}},
        {"on_behalf",
         {{"relationship", "sister"},
          {"person_name", "Luis"},
          {"detention_facility", "Centro Norte"},
          {"consent", "unable"}}},
        {"incident",
         {{"date", "2026-02-20"},
          {"place", "Bus station"},
          {"city", "El Paso"},
          {"narrative", "Two agents beat him."},
          {"injuries", "Broken arm"},
          {"categories", {"excessive-force"}}}},
        {"subjects", {{{"badge", "4471"}, {"agency", "ICE"}}, {{"description", "tall, grey cap"}}}},
        {"witnesses", {{{"name", "Rosa"}, {"account", "I saw it."}}}},
        {"offices", {"opr", "oig"}},
    };
    const http::Response response = file(filing);

    ASSERT_EQ(response.status, 201) << response.body;
    const json body = body_of(response);
    ASSERT_EQ(body.at("complaints").size(), 2u);
    EXPECT_EQ(body.at("complaints")[0].at("reference"), "OPR-2026-000001");
    EXPECT_EQ(body.at("complaints")[1].at("reference"), "OIG-2026-000001");
    ASSERT_EQ(m_store.filings().size(), 1u);
    const std::vector<domain::ReceivedFiling> filings = m_store.filings();
    const domain::ReceivedFiling& stored = filings[0];
    EXPECT_EQ(stored.language, "es");
    EXPECT_EQ(stored.confidentiality, domain::Confidentiality::confidential);
    EXPECT_TRUE(stored.on_behalf);
    EXPECT_EQ(stored.categories, std::vector<std::string>{"excessive-force"});
    EXPECT_EQ(stored.subject_count, 2u);
    EXPECT_EQ(stored.witness_count, 1u);
    const auto account = intake::open_account(stored.sealed_account, m_keys.content);
    ASSERT_TRUE(account);
    EXPECT_EQ(account->incident.narrative, "Two agents beat him.");
    EXPECT_EQ(account->incident.city, "El Paso");
    ASSERT_EQ(account->subjects.size(), 2u);
    EXPECT_EQ(account->subjects[0].badge, "4471");
}

TEST_F(ComplaintsApiTest, MalformedJsonIsRefusedWith400) {
    const http::Response response = post("/api/v1/complaints", R"({"incident": {"narrative": )");

    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(response.headers.get("Content-Type"), "application/json; charset=utf-8");
    const json body = body_of(response);
    ASSERT_EQ(body.at("errors").size(), 1u);
    EXPECT_EQ(body.at("errors")[0].at("field"), "");
    EXPECT_EQ(body.at("errors")[0].at("code"), "invalid_json");
    EXPECT_FALSE(body.at("errors")[0].at("message").get<std::string>().empty());
    EXPECT_TRUE(m_store.filings().empty());
}

TEST_F(ComplaintsApiTest, BodyThatIsNotAnObjectIsRefusedWith400) {
    for (const char* text : {"[]", "\"narrative\"", "42", "null", ""}) {
        const http::Response response = post("/api/v1/complaints", text);
        EXPECT_EQ(response.status, 400) << text;
        EXPECT_EQ(field_codes(body_of(response)),
                  (std::vector<std::pair<std::string, std::string>>{{"", "invalid_json"}}))
            << text;
    }
    EXPECT_TRUE(m_store.filings().empty());
}

TEST_F(ComplaintsApiTest, IllFormedUtf8IsMalformedJson) {
    const http::Response response =
        post("/api/v1/complaints", "{\"incident\": {\"narrative\": \"\xC3\x28\"}}");
    EXPECT_EQ(response.status, 400);
    EXPECT_TRUE(has_error(body_of(response), "", "invalid_json"));
}

TEST_F(ComplaintsApiTest, WrongTypeIsReportedAtItsNestedPath) {
    json filing = k_smallest;
    filing["subjects"] = {{{"name", 5}}};
    filing["complainant"] = {{"replies_by_email", "yes"}};
    filing["incident"]["categories"] = {"corruption", 7};

    const http::Response response = file(filing);

    EXPECT_EQ(response.status, 422);
    const json body = body_of(response);
    EXPECT_TRUE(has_error(body, "subjects[0].name", "invalid_type")) << body;
    EXPECT_TRUE(has_error(body, "complainant.replies_by_email", "invalid_type")) << body;
    EXPECT_TRUE(has_error(body, "incident.categories[1]", "invalid_type")) << body;
    EXPECT_TRUE(m_store.filings().empty());
}

TEST_F(ComplaintsApiTest, ContainerOfTheWrongTypeIsReportedAtItsPath) {
    const json filing = {{"incident", "it happened"}, {"subjects", {"agent"}}, {"offices", "opr"}};
    const json body = body_of(file(filing));
    EXPECT_TRUE(has_error(body, "incident", "invalid_type")) << body;
    EXPECT_TRUE(has_error(body, "subjects[0]", "invalid_type")) << body;
    EXPECT_TRUE(has_error(body, "offices", "invalid_type")) << body;
    // A narrative inside an "incident" of the wrong type is not also reported as missing.
    EXPECT_FALSE(has_error(body, "incident.narrative", "required")) << body;
}

TEST_F(ComplaintsApiTest, UnknownFieldsAreReportedWithTheirPaths) {
    json filing = k_smallest;
    filing["incident"]["mood"] = "sad";
    filing["priority"] = 1;
    filing["witnesses"] = {{{"name", "Rosa"}, {"phone", "555"}}};

    const http::Response response = file(filing);

    EXPECT_EQ(response.status, 422);
    const json body = body_of(response);
    EXPECT_TRUE(has_error(body, "incident.mood", "unknown_field")) << body;
    EXPECT_TRUE(has_error(body, "priority", "unknown_field")) << body;
    EXPECT_TRUE(has_error(body, "witnesses[0].phone", "unknown_field")) << body;
    EXPECT_TRUE(m_store.filings().empty());
}

TEST_F(ComplaintsApiTest, ShapeAndValidationErrorsAreReportedTogether) {
    const json filing = {{"incident", {{"place", "Bus station"}}}, {"subjects", {{{"name", 5}}}}};
    const json body = body_of(file(filing));
    EXPECT_TRUE(has_error(body, "subjects[0].name", "invalid_type")) << body;
    EXPECT_TRUE(has_error(body, "incident.narrative", "required")) << body;
}

TEST_F(ComplaintsApiTest, ValidationErrorIsExplainedInTheRequestsLanguage) {
    const json filing = {{"incident", {{"place", "Bus station"}}}};

    const http::Response spanish = file(filing, {{"Accept-Language", "es-MX,es;q=0.9"}});
    const http::Response english = file(filing, {{"Accept-Language", "en"}});

    ASSERT_EQ(spanish.status, 422) << spanish.body;
    const json error = body_of(spanish).at("errors")[0];
    EXPECT_EQ(error.at("field"), "incident.narrative");
    EXPECT_EQ(error.at("code"), "required");
    EXPECT_EQ(error.at("message"), catalogue("es").text("error.required"));
    EXPECT_NE(error.at("message"), body_of(english).at("errors")[0].at("message"));
    EXPECT_TRUE(m_store.filings().empty());
}

TEST_F(ComplaintsApiTest, LimitIsGivenAndNamedInTheMessage) {
    const json filing = {{"incident", {{"narrative", std::string(20001, 'a')}}}};
    const http::Response response = file(filing);

    ASSERT_EQ(response.status, 422) << response.body.substr(0, 200);
    const json error = body_of(response).at("errors")[0];
    EXPECT_EQ(error.at("field"), "incident.narrative");
    EXPECT_EQ(error.at("code"), "too_long");
    EXPECT_EQ(error.at("limit"), 20000);
    const std::string message = error.at("message");
    EXPECT_NE(message.find("20000"), std::string::npos) << message;
    EXPECT_EQ(message.find("{limit}"), std::string::npos) << message;
}

TEST_F(ComplaintsApiTest, ApiOnlyErrorsAreTranslatedToo) {
    const http::Response response = post("/api/v1/complaints", "{", {{"Accept-Language", "es"}});
    const json error = body_of(response).at("errors")[0];
    EXPECT_EQ(error.at("message"), catalogue("es").text("api.error.invalid_json"));
    EXPECT_NE(error.at("message"), "api.error.invalid_json");  // the catalogue has it
}

TEST_F(ComplaintsApiTest, UnknownOfficeIsAValidationError) {
    json filing = k_smallest;
    filing["offices"] = {"nowhere"};
    const http::Response response = file(filing);
    EXPECT_EQ(response.status, 422) << response.body;
    EXPECT_TRUE(m_store.filings().empty());
}

TEST_F(ComplaintsApiTest, WrongOrMissingContentTypeIs415) {
    const std::string text = k_smallest.dump();
    const http::Response form = call(http::Method::post, "/api/v1/complaints", text,
                                     {{"Content-Type", "application/x-www-form-urlencoded"}});
    const http::Response none = call(http::Method::post, "/api/v1/complaints", text);
    const http::Response latin = call(http::Method::post, "/api/v1/complaints", text,
                                      {{"Content-Type", "application/json; charset=iso-8859-1"}});

    for (const http::Response* response : {&form, &none, &latin}) {
        EXPECT_EQ(response->status, 415);
        EXPECT_EQ(
            field_codes(body_of(*response)),
            (std::vector<std::pair<std::string, std::string>>{{"", "unsupported_media_type"}}));
    }
    EXPECT_TRUE(m_store.filings().empty());
}

TEST_F(ComplaintsApiTest, JsonWithCharsetIsAccepted) {
    const http::Response response =
        call(http::Method::post, "/api/v1/complaints", k_smallest.dump(),
             {{"Content-Type", "Application/JSON; charset=UTF-8"}});
    EXPECT_EQ(response.status, 201) << response.body;
}

TEST_F(ComplaintsApiTest, StorageFailureIs503AndNoReceipt) {
    m_store.set_failing(true);
    const http::Response response = file(k_smallest);

    EXPECT_EQ(response.status, 503);
    const json body = body_of(response);
    EXPECT_EQ(field_codes(body),
              (std::vector<std::pair<std::string, std::string>>{{"", "unavailable"}}));
    EXPECT_FALSE(body.contains("receipt"));
}

TEST_F(ComplaintsApiTest, ReferencesCountUpPerOffice) {
    file(k_smallest);
    const json second = body_of(file(k_smallest));
    EXPECT_EQ(second.at("complaints")[0].at("reference"), "OPR-2026-000002");
}

TEST_F(ComplaintsApiTest, GetIsNotAllowed) {
    const http::Response response = call(http::Method::get, "/api/v1/complaints", "");
    EXPECT_EQ(response.status, 405);
}

TEST_F(ComplaintsApiTest, AListLongerThanItsLimitIsRefusedWithoutReadingIt) {
    json offices = json::array();
    for (int i = 0; i < 100000; ++i) offices.push_back("office-" + std::to_string(i));
    const auto response = file({{"incident", {{"narrative", "x"}}}, {"offices", offices}});
    ASSERT_EQ(response.status, 422);
    const json body = body_of(response);
    ASSERT_EQ(body.at("errors").size(), 1u) << response.body;
    EXPECT_EQ(body.at("errors")[0].at("field"), "offices");
    EXPECT_EQ(body.at("errors")[0].at("code"), "too_many");
    EXPECT_EQ(body.at("errors")[0].at("limit"), 20);
    EXPECT_TRUE(m_store.filings().empty());
}

TEST_F(ComplaintsApiTest, RepeatedEntriesStillCountAgainstTheLimit) {
    json categories = json::array();
    for (int i = 0; i < 500; ++i) categories.push_back("excessive-force");
    const auto response = file({{"incident", {{"narrative", "x"}, {"categories", categories}}}});
    ASSERT_EQ(response.status, 422);
    EXPECT_EQ(body_of(response).at("errors")[0].at("code"), "too_many");
}

TEST_F(ComplaintsApiTest, ARefusalListsTheFirstErrorsAndCountsThemAll) {
    json filing = {{"incident", {{"narrative", "x"}}}};
    for (int i = 0; i < 60; ++i) filing["unknown_" + std::to_string(i)] = 1;
    const auto response = file(filing);
    ASSERT_EQ(response.status, 422);
    const json body = body_of(response);
    // At most 64 members of an object are read; 50 errors are listed.
    EXPECT_EQ(body.at("errors").size(), 50u);
    EXPECT_EQ(body.at("error_count"), 60);
}

TEST_F(ComplaintsApiTest, TheAnswerCarriesASignedConfirmation) {
    const auto response = file(k_smallest);
    ASSERT_EQ(response.status, 201);
    const json confirmation = body_of(response).at("confirmation");
    EXPECT_EQ(confirmation.at("references"), json::array({"OPR-2026-000001"}));
    const auto checked = post("/api/v1/confirmations/verify",
                              json{{"confirmation", confirmation.at("text")}}.dump());
    ASSERT_EQ(checked.status, 200);
    EXPECT_EQ(body_of(checked).at("verdict"), "genuine");
    const auto keys = body_of(call(http::Method::get, "/.well-known/redress-signing-keys", "", {}));
    ASSERT_EQ(keys.at("keys").size(), 1u);
    EXPECT_EQ(keys.at("keys")[0].at("key"), confirmation.at("key"));
}

}  // namespace
}  // namespace redress::api::test_support
