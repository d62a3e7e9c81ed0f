// POST /api/v1/status: a complainant follows a complaint with reference and receipt.

#include "api_fixture.hpp"

namespace redress::api::test_support {
namespace {

class StatusApiTest : public ApiTest {
  protected:
    void SetUp() override {
        ApiTest::SetUp();
        const http::Response filed = file({{"incident", {{"narrative", "They took my phone."}}}});
        ASSERT_EQ(filed.status, 201) << filed.body;
        const json body = body_of(filed);
        m_receipt = body.at("receipt");
        m_reference = body.at("complaints")[0].at("reference");
    }

    http::Response status(const json& request,
                          std::vector<std::pair<std::string, std::string>> extra = {}) {
        return post("/api/v1/status", request.dump(), std::move(extra));
    }

    std::string m_receipt;
    std::string m_reference;
};

TEST_F(StatusApiTest, RightReceiptShowsStatusTimelineAndNextStep) {
    const http::Response response = status({{"reference", m_reference}, {"receipt", m_receipt}});

    ASSERT_EQ(response.status, 200) << response.body;
    EXPECT_EQ(response.headers.get("Content-Type"), "application/json; charset=utf-8");
    EXPECT_EQ(response.caching, http::Caching::no_store);
    const json body = body_of(response);
    EXPECT_EQ(body.at("reference"), m_reference);
    EXPECT_EQ(body.at("office"), "opr");
    EXPECT_EQ(body.at("office_name"), "Office of Professional Responsibility");
    EXPECT_EQ(body.at("status"), "received");
    EXPECT_EQ(body.at("received_at"), "2026-03-02T10:00:00Z");
    ASSERT_EQ(body.at("timeline").size(), 1u);
    EXPECT_EQ(body.at("timeline")[0],
              (json{{"at", "2026-03-02T10:00:00Z"}, {"status", "received"}}));
    EXPECT_EQ(body.at("next_step").at("status"), "acknowledged");
    EXPECT_TRUE(body.at("next_step").at("due").is_string());
    EXPECT_FALSE(body.contains("receipt"));
}

TEST_F(StatusApiTest, OfficeNameFollowsAcceptLanguage) {
    const http::Response response =
        status({{"reference", m_reference}, {"receipt", m_receipt}}, {{"Accept-Language", "es"}});
    EXPECT_EQ(body_of(response).at("office_name"), "Oficina de Responsabilidad Profesional");
}

TEST_F(StatusApiTest, ReceiptMayComeInAHeader) {
    const http::Response response =
        status({{"reference", m_reference}}, {{"X-Redress-Receipt", m_receipt}});
    ASSERT_EQ(response.status, 200) << response.body;
    EXPECT_EQ(body_of(response).at("reference"), m_reference);
}

TEST_F(StatusApiTest, ReceiptInTheQueryIsIgnored) {
    const http::Response response =
        post("/api/v1/status?receipt=" + m_receipt, json{{"reference", m_reference}}.dump());
    EXPECT_EQ(response.status, 422);
    EXPECT_EQ(body_of(response).at("errors")[0].at("field"), "receipt");
}

TEST_F(StatusApiTest, UnknownReferenceAndWrongReceiptGetTheSameAnswer) {
    const std::string other_receipt =
        m_receipt.front() == 'A' ? "B" + m_receipt.substr(1) : "A" + m_receipt.substr(1);
    const http::Response wrong_receipt =
        status({{"reference", m_reference}, {"receipt", other_receipt}});
    const http::Response unknown_reference =
        status({{"reference", "OPR-2026-000999"}, {"receipt", m_receipt}});
    const http::Response malformed_reference =
        status({{"reference", "not a reference"}, {"receipt", m_receipt}});
    const http::Response malformed_receipt =
        status({{"reference", m_reference}, {"receipt", "1234"}});

    ASSERT_EQ(wrong_receipt.status, 404);
    const json body = body_of(wrong_receipt);
    EXPECT_EQ(body.at("errors")[0].at("code"), "not_found");
    EXPECT_EQ(body.at("errors")[0].at("field"), "");
    for (const http::Response* other :
         {&unknown_reference, &malformed_reference, &malformed_receipt}) {
        EXPECT_EQ(other->status, 404);
        EXPECT_EQ(other->body, wrong_receipt.body);
        EXPECT_EQ(other->headers.get("Content-Type"), wrong_receipt.headers.get("Content-Type"));
    }
}

TEST_F(StatusApiTest, MissingFieldsAre422) {
    const http::Response response = status(json::object());
    EXPECT_EQ(response.status, 422);
    const json errors = body_of(response).at("errors");
    ASSERT_EQ(errors.size(), 2u);
    EXPECT_EQ(errors[0].at("field"), "reference");
    EXPECT_EQ(errors[0].at("code"), "required");
    EXPECT_EQ(errors[1].at("field"), "receipt");
    EXPECT_EQ(errors[1].at("code"), "required");
}

TEST_F(StatusApiTest, WrongTypesAndUnknownFieldsAre422) {
    const http::Response response =
        status({{"reference", 17}, {"receipt", m_receipt}, {"name", "Ana"}});
    EXPECT_EQ(response.status, 422);
    const json errors = body_of(response).at("errors");
    ASSERT_EQ(errors.size(), 2u) << errors;
    EXPECT_EQ(errors[0], (json{{"field", "name"},
                               {"code", "unknown_field"},
                               {"message", catalogue("en").text("api.error.unknown_field")}}));
    EXPECT_EQ(errors[1].at("field"), "reference");
    EXPECT_EQ(errors[1].at("code"), "invalid_type");
}

TEST_F(StatusApiTest, StorageFailureIs503) {
    m_store.set_failing(true);
    const http::Response response = status({{"reference", m_reference}, {"receipt", m_receipt}});
    EXPECT_EQ(response.status, 503);
    EXPECT_EQ(body_of(response).at("errors")[0].at("code"), "unavailable");
}

TEST_F(StatusApiTest, WrongContentTypeIs415) {
    const http::Response response =
        call(http::Method::post, "/api/v1/status",
             json{{"reference", m_reference}, {"receipt", m_receipt}}.dump(),
             {{"Content-Type", "text/plain"}});
    EXPECT_EQ(response.status, 415);
    EXPECT_EQ(body_of(response).at("errors")[0].at("code"), "unsupported_media_type");
}

TEST_F(StatusApiTest, MalformedJsonIs400) {
    const http::Response response = post("/api/v1/status", "{\"reference\":");
    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(body_of(response).at("errors")[0].at("code"), "invalid_json");
}

}  // namespace
}  // namespace redress::api::test_support
