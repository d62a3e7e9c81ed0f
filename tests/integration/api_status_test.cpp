// Following a complaint through the JSON API with its reference and receipt.

#include <cctype>
#include <map>
#include <optional>
#include <string>

#include "integration/catalogue_text.hpp"
#include "integration/html.hpp"
#include "integration/server_suite.hpp"

namespace redress::testing {
namespace {

using nlohmann::json;

class ApiStatus : public ServerSuite {
  protected:
    FiledComplaint file_one() {
        auto connection = connect();
        const auto filed = file_by_api(connection, {{"incident", {{"narrative", "Pushed."}}}});
        EXPECT_EQ(filed.size(), 1u);
        return filed.empty() ? FiledComplaint{} : filed[0];
    }

    static HttpResponse look_up(const std::string& reference, const std::string& receipt,
                                HeaderList headers = {}) {
        auto connection = connect();
        return connection.post_json("/api/v1/status",
                                    json{{"reference", reference}, {"receipt", receipt}}.dump(),
                                    std::move(headers));
    }
};

TEST_F(ApiStatus, FiledComplaintIsFoundWithItsTimeline) {
    const FiledComplaint filed = file_one();
    const HttpResponse response = look_up(filed.reference, filed.receipt);

    ASSERT_EQ(response.status, 200) << response.body;
    EXPECT_EQ(response.header_or_empty("Cache-Control"), "no-store");
    const json body = parse_json(response);
    EXPECT_EQ(body.value("reference", ""), filed.reference);
    EXPECT_EQ(body.value("office", ""), "opr");
    EXPECT_EQ(body.value("office_name", ""), "Office of Professional Responsibility");
    EXPECT_EQ(body.value("status", ""), "received");
    EXPECT_FALSE(body.value("received_at", "").empty());
    ASSERT_TRUE(body["timeline"].is_array()) << body.dump();
    ASSERT_FALSE(body["timeline"].empty());
    EXPECT_EQ(body["timeline"][0].value("status", ""), "received");
    EXPECT_FALSE(body["timeline"][0].value("at", "").empty());
    EXPECT_TRUE(body["next_step"].is_object()) << body.dump();
}

TEST_F(ApiStatus, ReceiptIsReadAsPeopleTypeIt) {
    const FiledComplaint filed = file_one();
    std::string typed;
    for (const char c : filed.receipt) {
        if (c != '-') typed += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    const HttpResponse response = look_up(" " + filed.reference + " ", typed);
    EXPECT_EQ(response.status, 200) << response.body;
}

TEST_F(ApiStatus, WrongReceiptAndUnknownReferenceGetTheSameAnswer) {
    const FiledComplaint filed = file_one();
    std::string wrong_receipt = filed.receipt;
    wrong_receipt[0] = wrong_receipt[0] == 'A' ? 'B' : 'A';
    const std::string unknown_reference = filed.reference.substr(0, 9) + "999999";

    const HttpResponse wrong = look_up(filed.reference, wrong_receipt);
    const HttpResponse unknown = look_up(unknown_reference, filed.receipt);
    const HttpResponse nonsense = look_up("not-a-reference", "not-a-receipt");

    EXPECT_EQ(wrong.status, 404) << wrong.body;
    EXPECT_EQ(unknown.status, 404) << unknown.body;
    EXPECT_EQ(nonsense.status, 404) << nonsense.body;
    EXPECT_EQ(wrong.body, unknown.body);
    EXPECT_EQ(wrong.body, nonsense.body);
    EXPECT_EQ(wrong.headers.size(), unknown.headers.size());
    EXPECT_TRUE(has_error(parse_json(wrong), "", "not_found"));
}

TEST_F(ApiStatus, TheComplainantRepliesAndReadsTheMessagesBack) {
    const FiledComplaint filed = file_one();
    auto connection = connect();
    const HttpResponse added = connection.post_json(
        "/api/v1/status/messages", json{{"reference", filed.reference},
                                        {"receipt", filed.receipt},
                                        {"text", "The driver of the blue bus saw everything."}}
                                       .dump());
    ASSERT_EQ(added.status, 201) << added.body;
    const json body = parse_json(added);
    ASSERT_EQ(body["messages"].size(), 1u) << body.dump();
    EXPECT_EQ(body["messages"][0].value("from", ""), "complainant");
    EXPECT_EQ(body["messages"][0].value("kind", ""), "message");
    EXPECT_EQ(body["messages"][0].value("text", ""), "The driver of the blue bus saw everything.");
    EXPECT_TRUE(body["outcome"].is_null());
    EXPECT_TRUE(body["identity_consent"].is_null());  // filed anonymously: nothing to consent to

    // Read back by a look-up, appended to nothing else.
    const json again = parse_json(look_up(filed.reference, filed.receipt));
    ASSERT_EQ(again["messages"].size(), 1u) << again.dump();
    EXPECT_EQ(again["messages"][0]["text"], body["messages"][0]["text"]);
}

TEST_F(ApiStatus, AReplyThatCannotBeStoredSaysWhyAndStoresNothing) {
    const FiledComplaint filed = file_one();
    const auto post = [&](json body) {
        auto connection = connect();
        return connection.post_json("/api/v1/status/messages", body.dump());
    };
    const json credentials{{"reference", filed.reference}, {"receipt", filed.receipt}};
    auto blank = credentials;
    blank["text"] = "   ";
    const HttpResponse refused_blank = post(blank);
    EXPECT_EQ(refused_blank.status, 422) << refused_blank.body;
    EXPECT_TRUE(has_error(parse_json(refused_blank), "text", "required")) << refused_blank.body;

    auto long_text = credentials;
    long_text["text"] = std::string(5001, 'x');
    const HttpResponse refused_long = post(long_text);
    EXPECT_EQ(refused_long.status, 422);
    EXPECT_TRUE(has_error(parse_json(refused_long), "text", "too_long")) << refused_long.body;

    auto other_kind = credentials;
    other_kind["text"] = "Hello.";
    other_kind["kind"] = "to_complainant";
    EXPECT_TRUE(has_error(parse_json(post(other_kind)), "kind", "invalid_choice"));

    // Reconsideration is only for a closed case.
    auto reconsider = credentials;
    reconsider["text"] = "Please look again.";
    reconsider["kind"] = "reconsideration";
    const HttpResponse not_closed = post(reconsider);
    EXPECT_EQ(not_closed.status, 409) << not_closed.body;
    EXPECT_TRUE(has_error(parse_json(not_closed), "", "not_reconsiderable"));

    // A wrong receipt gets the look-up's own 404, whatever the text.
    std::string wrong_receipt = filed.receipt;
    wrong_receipt[0] = wrong_receipt[0] == 'A' ? 'B' : 'A';
    const HttpResponse wrong =
        post(json{{"reference", filed.reference}, {"receipt", wrong_receipt}, {"text", "   "}});
    EXPECT_EQ(wrong.status, 404);
    EXPECT_EQ(wrong.body, look_up(filed.reference, wrong_receipt).body);

    EXPECT_TRUE(parse_json(look_up(filed.reference, filed.receipt))["messages"].empty());
}

TEST_F(ApiStatus, AConfidentialComplainantGivesAndWithdrawsConsent) {
    auto connection = connect();
    const auto filed =
        file_by_api(connection, {{"complainant",
                                  {{"confidentiality", "confidential"},
                                   {"name", "Ana Example"},
                                   {"email", "ana@example.org"}}},
                                 {"incident", {{"narrative", "Pushed at the gate."}}}});
    ASSERT_EQ(filed.size(), 1u);
    const auto consent = [&](json value) {
        auto each = connect();
        return each.post_json("/api/v1/status/consent", json{{"reference", filed[0].reference},
                                                             {"receipt", filed[0].receipt},
                                                             {"consent", value}}
                                                            .dump());
    };
    EXPECT_EQ(parse_json(look_up(filed[0].reference, filed[0].receipt))["identity_consent"], false);
    const HttpResponse given = consent(true);
    ASSERT_EQ(given.status, 200) << given.body;
    EXPECT_EQ(parse_json(given)["identity_consent"], true);
    const HttpResponse withdrawn = consent(false);
    ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
    EXPECT_EQ(parse_json(look_up(filed[0].reference, filed[0].receipt))["identity_consent"], false);

    EXPECT_TRUE(has_error(parse_json(consent(nullptr)), "consent", "required"));
    EXPECT_TRUE(has_error(parse_json(consent("yes")), "consent", "invalid_type"));
}

TEST_F(ApiStatus, ReceiptMayComeInAHeader) {
    const FiledComplaint filed = file_one();
    auto connection = connect();
    const HttpResponse found =
        connection.post_json("/api/v1/status", json{{"reference", filed.reference}}.dump(),
                             {{"X-Redress-Receipt", filed.receipt}});
    EXPECT_EQ(found.status, 200) << found.body;

    std::string wrong_receipt = filed.receipt;
    wrong_receipt[0] = wrong_receipt[0] == 'A' ? 'B' : 'A';
    const HttpResponse wrong =
        connection.post_json("/api/v1/status", json{{"reference", filed.reference}}.dump(),
                             {{"X-Redress-Receipt", wrong_receipt}});
    EXPECT_EQ(wrong.status, 404) << wrong.body;
}

TEST_F(ApiStatus, ComplaintFiledWithBothOfficesIsFollowedAtEach) {
    auto connection = connect();
    const auto filed = file_by_api(
        connection,
        {{"incident", {{"narrative", "Assaulted."}, {"categories", {"excessive-force"}}}}});
    ASSERT_EQ(filed.size(), 2u);
    for (const FiledComplaint& each : filed) {
        const HttpResponse response = look_up(each.reference, each.receipt);
        ASSERT_EQ(response.status, 200) << response.body;
        EXPECT_EQ(parse_json(response).value("reference", ""), each.reference);
    }
}

TEST_F(ApiStatus, MissingReferenceOrReceiptIs422) {
    auto connection = connect();
    const HttpResponse response = connection.post_json("/api/v1/status", "{}");

    EXPECT_EQ(response.status, 422) << response.body;
    const json body = parse_json(response);
    EXPECT_TRUE(has_error(body, "reference", "required"));
    EXPECT_TRUE(has_error(body, "receipt", "required"));
}

TEST_F(ApiStatus, SpanishStatusAnswerNamesTheOfficeInSpanish) {
    const FiledComplaint filed = file_one();
    const HttpResponse response =
        look_up(filed.reference, filed.receipt, {{"Accept-Language", "es-MX,es;q=0.9"}});
    ASSERT_EQ(response.status, 200) << response.body;
    EXPECT_EQ(parse_json(response).value("office_name", ""),
              "Oficina de Responsabilidad Profesional");
}

TEST_F(ApiStatus, OfficesAreListedWithTheirServiceLevels) {
    auto connection = connect();
    const HttpResponse response = connection.get("/api/v1/offices");

    ASSERT_EQ(response.status, 200) << response.body;
    const json body = parse_json(response);
    ASSERT_TRUE(body["offices"].is_array());
    std::map<std::string, json> offices;
    for (const json& office : body["offices"]) offices[office.value("id", "")] = office;
    ASSERT_EQ(offices.size(), 3u) << body.dump();
    EXPECT_TRUE(offices["opr"].value("accepts_filings", false));
    EXPECT_TRUE(offices["oig"].value("accepts_filings", false));
    EXPECT_FALSE(offices["police"].value("accepts_filings", true));
    EXPECT_EQ(offices["police"].value("kind", ""), "external");
    EXPECT_EQ(offices["opr"]["service_levels"].value("acknowledge_days", 0), 2);
    bool has_other = false;
    for (const json& category : body["categories"])
        has_other |= category.value("id", "") == "other";
    EXPECT_TRUE(has_other) << body.dump();
}

// The deployment's budget of failed look-ups, made tiny: one a second. Past it, a look-up is
// refused as busy, over HTTP, with the time to wait before trying again.
class StatusBudget : public ServerSuite {
  protected:
    // Enough failed look-ups to spend a budget of one a second many times over, however
    // slowly each is answered (each takes far less than the second the budget refills in).
    static constexpr int k_attempts = 20;

    static void SetUpTestSuite() {
        s_server = std::make_unique<ServerProcess>(
            std::vector<std::string>{"--public-status-lookups-per-second", "1"});
    }

    // An unknown reference each time, so that no per-reference delay builds up.
    static std::string unknown_reference(int i) {
        const std::string number = std::to_string(900000 + i);
        return "OPR-2024-" + number;
    }
};

TEST_F(StatusBudget, PastTheBudgetTheApiAnswersBusyWithRetryAfter) {
    auto connection = connect();
    std::optional<HttpResponse> busy;
    int failures = 0;
    for (int i = 0; i < k_attempts && !busy; ++i) {
        HttpResponse response = connection.post_json(
            "/api/v1/status",
            json{{"reference", unknown_reference(i)}, {"receipt", "AAAA-AAAA-AAAA-AAAA-AAAA"}}
                .dump());
        if (response.status == 503) {
            busy = std::move(response);
        } else {
            EXPECT_EQ(response.status, 404) << response.body;
            ++failures;
        }
    }

    ASSERT_TRUE(busy.has_value()) << k_attempts << " failed look-ups and never busy";
    EXPECT_GE(failures, 1);  // the budget's one failure went through
    EXPECT_EQ(busy->header_or_empty("Retry-After"), "1");
    EXPECT_TRUE(has_error(parse_json(*busy), "", "busy"));
}

TEST_F(StatusBudget, PastTheBudgetTheStatusPageAnswersBusyWithRetryAfter) {
    auto connection = connect();
    std::optional<HttpResponse> busy;
    for (int i = 0; i < k_attempts && !busy; ++i) {
        const HttpResponse form = connection.get("/status");
        ASSERT_EQ(form.status, 200);
        HttpResponse response = connection.post_form(
            "/status", {{"lang", "en"},
                        {"form_token", input_value(form.body, "form_token").value_or("")},
                        {"reference", unknown_reference(i)},
                        {"receipt", "AAAA-AAAA-AAAA-AAAA-AAAA"}});
        if (response.status == 503) {
            busy = std::move(response);
        } else {
            EXPECT_EQ(response.status, 404) << response.body;
        }
    }

    ASSERT_TRUE(busy.has_value()) << k_attempts << " failed look-ups and never busy";
    EXPECT_EQ(busy->header_or_empty("Retry-After"), "1");
    EXPECT_EQ(busy->header_or_empty("Content-Type").rfind("text/html", 0), 0u);
    const std::string text = visible_text(busy->body);
    EXPECT_NE(text.find(message("en", "lookup.busy")), std::string::npos) << text;
}

}  // namespace
}  // namespace redress::testing
