// Every validation error a client can cause through the JSON API: a 422 that names the
// field and the code, with a message, and files nothing.

#include <string>

#include "integration/server_suite.hpp"

namespace redress::testing {
namespace {

using nlohmann::json;

struct Case {
    std::string name;
    std::string body;  // JSON
    std::string field;
    std::string code;
};

std::string with_narrative(const std::string& members) {
    return R"({"incident": {"narrative": "Something happened."}, )" + members + "}";
}

std::string with_incident(const std::string& members) {
    return R"({"incident": {"narrative": "Something happened.", )" + members + "}}";
}

std::string with_complainant(const std::string& members) {
    return with_narrative(R"("complainant": {)" + members + "}");
}

std::string subjects(int count) {
    json list = json::array();
    for (int n = 0; n < count; ++n) list.push_back({{"name", "Officer " + std::to_string(n)}});
    return with_narrative(R"("subjects": )" + list.dump());
}

const Case k_cases[] = {
    {"NarrativeMissing", R"({"incident": {"place": "Gate 3"}})", "incident.narrative", "required"},
    {"NarrativeBlank", R"({"incident": {"narrative": "   "}})", "incident.narrative", "required"},
    {"EmptyObject", "{}", "incident.narrative", "required"},
    {"NameTooLong",
     with_complainant(R"("confidentiality": "confidential", "name": ")" + std::string(201, 'n') +
                      "\""),
     "complainant.name", "too_long"},
    {"TooManySubjects", subjects(21), "subjects", "too_many"},
    {"ControlCharacterInPlace", with_incident(R"("place": "Gate\u0007 3")"), "incident.place",
     "invalid_text"},
    {"LineBreakInSingleLineField", with_incident(R"("city": "El\nPaso")"), "incident.city",
     "invalid_text"},
    {"UnknownConfidentiality", with_complainant(R"("confidentiality": "public")"),
     "complainant.confidentiality", "invalid_choice"},
    {"UnknownDatePrecision", with_incident(R"("date_precision": "roughly")"),
     "incident.date_precision", "invalid_choice"},
    {"UnknownConsent",
     with_narrative(R"("on_behalf": {"relationship": "brother", "consent": "maybe"})"),
     "on_behalf.consent", "invalid_choice"},
    {"BadLanguage", with_narrative(R"("language": "1234")"), "language", "invalid_choice"},
    {"BadEmail",
     with_complainant(R"("confidentiality": "confidential", "email": "ana.example.org")"),
     "complainant.email", "invalid_email"},
    {"BadPhone", with_complainant(R"("confidentiality": "confidential", "phone": "call me")"),
     "complainant.phone", "invalid_phone"},
    {"ImpossibleDate", with_incident(R"("date": "2024-02-30")"), "incident.date", "invalid_date"},
    {"NotADate", with_incident(R"("date": "last week")"), "incident.date", "invalid_date"},
    {"FutureDate", with_incident(R"("date": "2999-01-01")"), "incident.date", "future_date"},
    {"BadTime", with_incident(R"("time": "25:61")"), "incident.time", "invalid_time"},
    {"UnknownCategory", with_incident(R"("categories": ["parking"])"), "incident.categories",
     "unknown_category"},
    {"UnknownOffice", with_narrative(R"("offices": ["nowhere"])"), "offices", "unknown_office"},
    {"OfficeWithoutPublicFiling", with_narrative(R"("offices": ["police"])"), "offices",
     "unknown_office"},
    {"AnonymousWithName", with_complainant(R"("confidentiality": "anonymous", "name": "Ana")"),
     "complainant.confidentiality", "anonymous_with_identity"},
    {"RepliesWithoutEmail",
     with_complainant(R"("confidentiality": "confidential", "replies_by_email": true)"),
     "complainant.email", "replies_need_email"},
    {"RepliesWhileAnonymous",
     with_complainant(R"("confidentiality": "anonymous", "replies_by_email": true)"),
     "complainant.replies_by_email", "replies_need_identity"},
    {"OnBehalfWithoutRelationship", with_narrative(R"("on_behalf": {"consent": "given"})"),
     "on_behalf.relationship", "relationship_required"},
    {"OnBehalfWithoutConsent", with_narrative(R"("on_behalf": {"relationship": "sister"})"),
     "on_behalf.consent", "consent_required"},
    {"UnknownTopLevelField", with_narrative(R"("colour": "red")"), "colour", "unknown_field"},
    {"UnknownNestedField", with_narrative(R"("subjects": [{"name": "J", "shoe_size": "44"}])"),
     "subjects[0].shoe_size", "unknown_field"},
    {"NarrativeNotText", R"({"incident": {"narrative": 42}})", "incident.narrative",
     "invalid_type"},
    {"IncidentNotObject", R"({"incident": "it happened"})", "incident", "invalid_type"},
    {"CategoriesNotList", with_incident(R"("categories": "sexual-abuse")"), "incident.categories",
     "invalid_type"},
    {"CategoryNotText", with_incident(R"("categories": ["other", 7])"), "incident.categories[1]",
     "invalid_type"},
    {"FlagNotBoolean", with_complainant(R"("whistleblower": "yes")"), "complainant.whistleblower",
     "invalid_type"},
    {"SubjectNotObject", with_narrative(R"("subjects": ["J. Doe"])"), "subjects[0]",
     "invalid_type"},
};

class ApiValidation : public ServerSuite, public ::testing::WithParamInterface<Case> {};

TEST_P(ApiValidation, Gives422NamingFieldAndCode) {
    const Case& c = GetParam();
    auto connection = connect();
    const HttpResponse response = connection.post_json("/api/v1/complaints", c.body);

    EXPECT_EQ(response.status, 422) << response.body;
    EXPECT_EQ(response.header_or_empty("Content-Type").rfind("application/json", 0), 0u);
    EXPECT_TRUE(has_error(parse_json(response), c.field, c.code));
}

INSTANTIATE_TEST_SUITE_P(Codes, ApiValidation, ::testing::ValuesIn(k_cases),
                         [](const ::testing::TestParamInfo<Case>& case_info) {
                             return case_info.param.name;
                         });

class ApiValidationRefusal : public ServerSuite {};

TEST_F(ApiValidationRefusal, ShapeErrorHidesItsConsequences) {
    // A narrative of the wrong type is reported once, not also as missing.
    auto connection = connect();
    const HttpResponse response =
        connection.post_json("/api/v1/complaints", R"({"incident": {"narrative": 42}})");

    ASSERT_EQ(response.status, 422);
    const json body = parse_json(response);
    EXPECT_FALSE(has_error(body, "incident.narrative", "required"));
}

TEST_F(ApiValidationRefusal, RefusedFilingTakesNoNumber) {
    // A refusal changes nothing: the next accepted filing of the office follows the last one.
    auto connection = connect();
    const auto first = file_by_api(connection, {{"incident", {{"narrative", "One."}}}});
    const HttpResponse refused = connection.post_json(
        "/api/v1/complaints", R"({"incident": {"narrative": "Two.", "date": "2999-01-01"}})");
    ASSERT_EQ(refused.status, 422);
    const auto second = file_by_api(connection, {{"incident", {{"narrative", "Three."}}}});

    ASSERT_EQ(first.size(), 1u);
    ASSERT_EQ(second.size(), 1u);
    const long first_number = std::stol(first[0].reference.substr(9));
    const long second_number = std::stol(second[0].reference.substr(9));
    EXPECT_EQ(second_number, first_number + 1) << first[0].reference << " " << second[0].reference;
}

}  // namespace
}  // namespace redress::testing
