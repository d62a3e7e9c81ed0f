// Filing through the JSON API of a real server: what a client sends and gets back.

#include <set>
#include <string>

#include "integration/server_suite.hpp"

namespace redress::testing {
namespace {

using nlohmann::json;

class ApiFiling : public ServerSuite {};

TEST_F(ApiFiling, SmallestFilingIsAcceptedWithReferenceAndReceipt) {
    auto connection = connect();
    const HttpResponse response = connection.post_json(
        "/api/v1/complaints", R"({"incident": {"narrative": "An officer pushed me."}})");

    ASSERT_EQ(response.status, 201) << response.body;
    EXPECT_EQ(response.header_or_empty("Content-Type").rfind("application/json", 0), 0u);
    EXPECT_EQ(response.header_or_empty("Cache-Control"), "no-store");
    const json body = parse_json(response);
    EXPECT_TRUE(is_receipt(body.value("receipt", ""))) << body.dump();
    EXPECT_FALSE(body.value("received_at", "").empty());
    ASSERT_EQ(body["complaints"].size(), 1u) << body.dump();
    const json& complaint = body["complaints"][0];
    // Nothing names a category, so the default office takes it.
    EXPECT_EQ(complaint.value("office", ""), "opr");
    EXPECT_EQ(complaint.value("office_name", ""), "Office of Professional Responsibility");
    EXPECT_TRUE(is_reference(complaint.value("reference", ""))) << complaint.dump();
    EXPECT_EQ(complaint.value("reference", "").substr(0, 4), "OPR-");
    EXPECT_EQ(complaint.value("status", ""), "received");
    ASSERT_TRUE(complaint["next_step"].is_object()) << complaint.dump();
    EXPECT_FALSE(complaint["next_step"].value("status", "").empty());
    EXPECT_TRUE(std::regex_match(complaint["next_step"].value("due", ""),
                                 std::regex("[0-9]{4}-[0-9]{2}-[0-9]{2}")));
}

json full_filing() {
    return json::parse(R"({
        "language": "en",
        "complainant": {"confidentiality": "confidential", "name": "Ana Example",
                        "email": "ana@example.org", "phone": "+1 (555) 010-2000",
                        "postal_address": "1 Main St\nSpringfield", "preferred_language": "es",
                        "replies_by_email": true, "whistleblower": false},
        "on_behalf": {"relationship": "sister", "person_name": "Luz Example",
                      "detention_facility": "North Processing Center", "case_number": "A-123456789",
                      "consent": "given"},
        "incident": {"date": "2024-03-05", "date_precision": "exact", "time": "06:30",
                     "when_description": "at dawn", "place": "Checkpoint 4", "city": "El Paso",
                     "region": "TX", "narrative": "An officer assaulted my sister during a search.",
                     "injuries": "Bruises on both arms", "categories": ["sexual-abuse"]},
        "subjects": [{"name": "J. Doe", "badge": "4471", "agency": "Border agency",
                      "component": "Field operations", "unit": "Night shift",
                      "description": "Tall, grey hair", "uniform": "Green", "vehicle": "Plate XYZ-123"}],
        "witnesses": [{"name": "Pat Witness", "contact": "pat@example.org",
                       "account": "Saw the search from the queue."}]
    })");
}

TEST_F(ApiFiling, FullFilingAboutSexualAbuseGoesToBothOffices) {
    auto connection = connect();
    const HttpResponse response = connection.post_json("/api/v1/complaints", full_filing().dump());

    ASSERT_EQ(response.status, 201) << response.body;
    const json body = parse_json(response);
    ASSERT_EQ(body["complaints"].size(), 2u) << body.dump();
    std::set<std::string> offices;
    for (const json& complaint : body["complaints"]) {
        offices.insert(complaint.value("office", ""));
        const std::string reference = complaint.value("reference", "");
        EXPECT_TRUE(is_reference(reference)) << reference;
        EXPECT_EQ(reference.substr(0, 3),
                  complaint.value("office", "") == "opr" ? std::string("OPR") : std::string("OIG"));
    }
    EXPECT_EQ(offices, (std::set<std::string>{"opr", "oig"}));
    EXPECT_NE(body["complaints"][0].value("reference", ""),
              body["complaints"][1].value("reference", ""));
}

TEST_F(ApiFiling, ChosenOfficeReplacesTheProposal) {
    auto connection = connect();
    json filing = {
        {"incident", {{"narrative", "Pushed at the gate."}, {"categories", {"excessive-force"}}}},
        {"offices", {"oig"}}};
    const HttpResponse response = connection.post_json("/api/v1/complaints", filing.dump());

    ASSERT_EQ(response.status, 201) << response.body;
    const json body = parse_json(response);
    ASSERT_EQ(body["complaints"].size(), 1u) << body.dump();
    EXPECT_EQ(body["complaints"][0].value("office", ""), "oig");
}

TEST_F(ApiFiling, SpanishClientGetsOfficeNamesInSpanish) {
    auto connection = connect();
    const HttpResponse response = connection.post_json(
        "/api/v1/complaints", R"({"incident": {"narrative": "Me empujaron."}})",
        {{"Accept-Language", "es"}});

    ASSERT_EQ(response.status, 201) << response.body;
    EXPECT_EQ(parse_json(response)["complaints"][0].value("office_name", ""),
              "Oficina de Responsabilidad Profesional");
}

TEST_F(ApiFiling, EachFilingGetsItsOwnReferenceAndReceipt) {
    auto connection = connect();
    const auto first = file_by_api(connection, {{"incident", {{"narrative", "First."}}}});
    const auto second = file_by_api(connection, {{"incident", {{"narrative", "Second."}}}});

    ASSERT_EQ(first.size(), 1u);
    ASSERT_EQ(second.size(), 1u);
    EXPECT_NE(first[0].reference, second[0].reference);
    EXPECT_NE(first[0].receipt, second[0].receipt);
}

TEST_F(ApiFiling, MalformedJsonIs400WithTheErrorShape) {
    auto connection = connect();
    for (const std::string body :
         {R"({"incident": {"narrative": "x")", "not json", "", R"(["an", "array"])", "\"text\""}) {
        SCOPED_TRACE(body);
        const HttpResponse response = connection.post_json("/api/v1/complaints", body);
        EXPECT_EQ(response.status, 400) << response.body;
        const json parsed = parse_json(response);
        ASSERT_TRUE(parsed.contains("errors")) << response.body;
        ASSERT_EQ(parsed["errors"].size(), 1u);
        EXPECT_EQ(parsed["errors"][0].value("field", "?"), "");
        EXPECT_EQ(parsed["errors"][0].value("code", ""), "invalid_json");
        EXPECT_FALSE(parsed["errors"][0].value("message", "").empty());
    }
}

TEST_F(ApiFiling, InvalidUtf8Is400) {
    auto connection = connect();
    const HttpResponse response = connection.post_json(
        "/api/v1/complaints", std::string("{\"incident\": {\"narrative\": \"bad \xC3\x28\"}}"));
    EXPECT_EQ(response.status, 400) << response.body;
}

TEST_F(ApiFiling, WrongContentTypeIs415) {
    auto connection = connect();
    for (const std::string type :
         {"text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1"}) {
        SCOPED_TRACE(type);
        const HttpResponse response =
            connection.post("/api/v1/complaints", type, R"({"incident": {"narrative": "x"}})");
        EXPECT_EQ(response.status, 415) << response.body;
        EXPECT_TRUE(has_error(parse_json(response), "", "unsupported_media_type"));
    }
    const HttpResponse missing =
        connection.request("POST", "/api/v1/complaints", R"({"incident": {"narrative": "x"}})");
    EXPECT_EQ(missing.status, 415) << missing.body;
}

TEST_F(ApiFiling, JsonMediaTypeWithCharsetIsAccepted) {
    auto connection = connect();
    const HttpResponse response =
        connection.post("/api/v1/complaints", "Application/JSON; charset=UTF-8",
                        R"({"incident": {"narrative": "x"}})");
    EXPECT_EQ(response.status, 201) << response.body;
}

TEST_F(ApiFiling, AllErrorsAreReportedAtOnce) {
    auto connection = connect();
    const json filing = {
        {"complainant", {{"confidentiality", "confidential"}, {"email", "nobody"}}},
        {"incident", {{"date", "2999-01-01"}, {"time", "7 pm"}}}};
    const HttpResponse response = connection.post_json("/api/v1/complaints", filing.dump());

    ASSERT_EQ(response.status, 422) << response.body;
    const json body = parse_json(response);
    EXPECT_TRUE(has_error(body, "complainant.email", "invalid_email"));
    EXPECT_TRUE(has_error(body, "incident.date", "future_date"));
    EXPECT_TRUE(has_error(body, "incident.time", "invalid_time"));
    EXPECT_TRUE(has_error(body, "incident.narrative", "required"));
}

TEST_F(ApiFiling, TooLongReportsItsLimit) {
    auto connection = connect();
    const json filing = {{"incident", {{"narrative", std::string(20001, 'a')}}}};
    const HttpResponse response = connection.post_json("/api/v1/complaints", filing.dump());

    ASSERT_EQ(response.status, 422) << response.body;
    const json body = parse_json(response);
    ASSERT_TRUE(has_error(body, "incident.narrative", "too_long"));
    EXPECT_EQ(body["errors"][0].value("limit", 0), 20000);
}

TEST_F(ApiFiling, ComplainantDataNeverReachesTheLog) {
    auto connection = connect();
    json filing = full_filing();
    filing["complainant"]["name"] = "Canary Quetzalcoatl";
    filing["incident"]["narrative"] = "narrative-canary-7f3e9";
    const HttpResponse response = connection.post_json("/api/v1/complaints", filing.dump());
    ASSERT_EQ(response.status, 201) << response.body;
    const std::string receipt = parse_json(response).value("receipt", "");
    ASSERT_FALSE(receipt.empty());

    const std::string log = server().log();
    EXPECT_EQ(log.find("Canary Quetzalcoatl"), std::string::npos) << log;
    EXPECT_EQ(log.find("narrative-canary-7f3e9"), std::string::npos) << log;
    EXPECT_EQ(log.find("ana@example.org"), std::string::npos) << log;
    EXPECT_EQ(log.find(receipt), std::string::npos) << log;
}

}  // namespace
}  // namespace redress::testing
