// Reading the JSON form of a filing into domain::Filing, without a server.

#include "api/filing_json.hpp"

#include <gtest/gtest.h>

namespace redress::api {
namespace {

using nlohmann::json;

TEST(FilingJson, ReadsEveryFieldOfTheFullShape) {
    const json body = {
        {"language", "es"},
        {"complainant",
         {{"confidentiality", "open"},
          {"name", "Ana"},
          {"email", "ana@example.org"},
          {"phone", "555"},
          {"postal_address", "1 Main St"},
          {"preferred_language", "es"},
          {"replies_by_email", true},
          {"whistleblower", true}}},
        {"on_behalf",
         {{"relationship", "attorney"},
          {"person_name", "Luis"},
          {"detention_facility", "Centro Norte"},
          {"case_number", "A123456789"},
          {"consent", "given"}}},
        {"incident",
         {{"date", "2026-02-20"},
          {"date_precision", "approximate"},
          {"time", "06:30"},
          {"when_description", "around dawn"},
          {"place", "Bus station"},
          {"city", "El Paso"},
          {"region", "TX"},
          {"narrative", "What happened"},
          {"injuries", "Bruises"},
          {"categories", {"excessive-force", "theft"}}}},
        {"subjects",
         {{{"name", "Smith"},
           {"badge", "4471"},
           {"agency", "ICE"},
           {"component", "ERO"},
           {"unit", "Team 3"},
           {"description", "tall"},
           {"uniform", "green"},
           {"vehicle", "TX 123"}}}},
        {"witnesses", {{{"name", "Rosa"}, {"contact", "rosa@example.org"}, {"account", "Saw it"}}}},
        {"offices", {"oig"}},
    };

    const FilingFromJson read = filing_from_json(body, "en", domain::Limits{});

    EXPECT_TRUE(read.errors.empty());
    const domain::Filing& filing = read.filing;
    EXPECT_EQ(filing.language, "es");
    EXPECT_EQ(filing.complainant.confidentiality, "open");
    EXPECT_EQ(filing.complainant.name, "Ana");
    EXPECT_EQ(filing.complainant.email, "ana@example.org");
    EXPECT_EQ(filing.complainant.phone, "555");
    EXPECT_EQ(filing.complainant.postal_address, "1 Main St");
    EXPECT_EQ(filing.complainant.preferred_language, "es");
    EXPECT_TRUE(filing.complainant.replies_by_email);
    EXPECT_TRUE(filing.complainant.whistleblower);
    EXPECT_TRUE(filing.on_behalf.applies);
    EXPECT_EQ(filing.on_behalf.relationship, "attorney");
    EXPECT_EQ(filing.on_behalf.person_name, "Luis");
    EXPECT_EQ(filing.on_behalf.detention_facility, "Centro Norte");
    EXPECT_EQ(filing.on_behalf.case_number, "A123456789");
    EXPECT_EQ(filing.on_behalf.consent, "given");
    EXPECT_EQ(filing.incident.date, "2026-02-20");
    EXPECT_EQ(filing.incident.date_precision, "approximate");
    EXPECT_EQ(filing.incident.time, "06:30");
    EXPECT_EQ(filing.incident.when_description, "around dawn");
    EXPECT_EQ(filing.incident.place, "Bus station");
    EXPECT_EQ(filing.incident.city, "El Paso");
    EXPECT_EQ(filing.incident.region, "TX");
    EXPECT_EQ(filing.incident.narrative, "What happened");
    EXPECT_EQ(filing.incident.injuries, "Bruises");
    EXPECT_EQ(filing.incident.categories, (std::vector<std::string>{"excessive-force", "theft"}));
    ASSERT_EQ(filing.subjects.size(), 1u);
    const domain::Subject& subject = filing.subjects[0];
    EXPECT_EQ(subject.name, "Smith");
    EXPECT_EQ(subject.badge, "4471");
    EXPECT_EQ(subject.agency, "ICE");
    EXPECT_EQ(subject.component, "ERO");
    EXPECT_EQ(subject.unit, "Team 3");
    EXPECT_EQ(subject.description, "tall");
    EXPECT_EQ(subject.uniform, "green");
    EXPECT_EQ(subject.vehicle, "TX 123");
    ASSERT_EQ(filing.witnesses.size(), 1u);
    EXPECT_EQ(filing.witnesses[0].name, "Rosa");
    EXPECT_EQ(filing.witnesses[0].contact, "rosa@example.org");
    EXPECT_EQ(filing.witnesses[0].account, "Saw it");
    EXPECT_EQ(filing.offices, std::vector<std::string>{"oig"});
}

TEST(FilingJson, WithoutOnBehalfNobodyFilesForAnother) {
    const FilingFromJson read =
        filing_from_json({{"incident", {{"narrative", "x"}}}}, "en", domain::Limits{});
    EXPECT_FALSE(read.filing.on_behalf.applies);
    EXPECT_EQ(read.filing.language, "en");
}

TEST(FilingJson, EmptyOnBehalfObjectStillApplies) {
    const FilingFromJson read =
        filing_from_json({{"on_behalf", json::object()}}, "en", domain::Limits{});
    EXPECT_TRUE(read.filing.on_behalf.applies);
}

TEST(FilingJson, LanguageDefaultsToTheGivenOne) {
    EXPECT_EQ(filing_from_json(json::object(), "es", domain::Limits{}).filing.language, "es");
}

TEST(FilingJson, NullCountsAsAbsent) {
    const json body = {{"on_behalf", nullptr},
                       {"complainant", {{"name", nullptr}, {"whistleblower", nullptr}}},
                       {"incident", {{"narrative", "x"}, {"categories", nullptr}}},
                       {"subjects", nullptr}};
    const FilingFromJson read = filing_from_json(body, "en", domain::Limits{});
    EXPECT_TRUE(read.errors.empty());
    EXPECT_FALSE(read.filing.on_behalf.applies);
    EXPECT_EQ(read.filing.incident.narrative, "x");
}

TEST(FilingJson, WrongTypesNameTheirPath) {
    const json body = {{"language", 3},
                       {"complainant", {{"whistleblower", "yes"}}},
                       {"incident", {{"narrative", {"a", "b"}}, {"categories", "theft"}}},
                       {"witnesses", {{{"name", "Rosa"}}, 4, {{"account", false}}}},
                       {"offices", {"opr", nullptr}}};
    const FilingFromJson read = filing_from_json(body, "en", domain::Limits{});
    const std::vector<domain::FieldError> expected = {
        {"language", "invalid_type", 0},           {"complainant.whistleblower", "invalid_type", 0},
        {"incident.narrative", "invalid_type", 0}, {"incident.categories", "invalid_type", 0},
        {"witnesses[1]", "invalid_type", 0},       {"witnesses[2].account", "invalid_type", 0},
        {"offices[1]", "invalid_type", 0},
    };
    EXPECT_EQ(read.errors, expected);
    // An element of the wrong type keeps the indexes of those after it.
    ASSERT_EQ(read.filing.witnesses.size(), 3u);
    EXPECT_EQ(read.filing.witnesses[0].name, "Rosa");
    EXPECT_TRUE(read.filing.witnesses[1].blank());
}

TEST(FilingJson, UnknownKeysAtEveryLevel) {
    const json body = {{"extra", 1},
                       {"incident", {{"narrative", "x"}, {"weather", "rain"}}},
                       {"subjects", {{{"rank", "captain"}}}},
                       {"on_behalf", {{"reason", "x"}}}};
    const FilingFromJson read = filing_from_json(body, "en", domain::Limits{});
    const std::vector<domain::FieldError> expected = {
        {"extra", "unknown_field", 0},
        {"on_behalf.reason", "unknown_field", 0},
        {"incident.weather", "unknown_field", 0},
        {"subjects[0].rank", "unknown_field", 0},
    };
    EXPECT_EQ(read.errors, expected);
    EXPECT_EQ(read.filing.incident.narrative, "x");
}

}  // namespace
}  // namespace redress::api
