#include "web/filing_form.hpp"

#include <gtest/gtest.h>

#include "site_fixture.hpp"

namespace redress::web {
namespace {

http::FormData parse(const testing::Fields& fields) {
    auto form = http::FormData::parse(testing::form_encode(fields));
    EXPECT_TRUE(form);
    return *form;
}

TEST(FilingForm, ReadsEveryKindOfField) {
    const auto filing = filing_from_form(parse({{"complainant.name", "Ana"},
                                                {"complainant.replies_by_email", "yes"},
                                                {"on_behalf.applies", "yes"},
                                                {"on_behalf.consent", "given"},
                                                {"incident.narrative", "line 1\r\nline 2"},
                                                {"incident.categories", "a"},
                                                {"incident.categories", "b"},
                                                {"subjects[1].badge", "77"},
                                                {"witnesses[0].account", "saw it"},
                                                {"offices", "oig"},
                                                {"unknown", "ignored"}}),
                                         "es");
    EXPECT_EQ(filing.complainant.name, "Ana");
    EXPECT_TRUE(filing.complainant.replies_by_email);
    EXPECT_FALSE(filing.complainant.whistleblower);
    EXPECT_TRUE(filing.on_behalf.applies);
    EXPECT_EQ(filing.on_behalf.consent, "given");
    EXPECT_EQ(filing.incident.narrative, "line 1\r\nline 2");
    EXPECT_EQ(filing.incident.categories, (std::vector<std::string>{"a", "b"}));
    ASSERT_EQ(filing.subjects.size(), 2u);
    EXPECT_TRUE(filing.subjects[0].blank());
    EXPECT_EQ(filing.subjects[1].badge, "77");
    ASSERT_EQ(filing.witnesses.size(), 1u);
    EXPECT_EQ(filing.witnesses[0].account, "saw it");
    EXPECT_EQ(filing.offices, (std::vector<std::string>{"oig"}));
    EXPECT_EQ(filing.language, "es");
}

TEST(FilingForm, WritesWhatItReads) {
    domain::Filing filing;
    filing.complainant.confidentiality = "confidential";
    filing.complainant.email = "a@example.org";
    filing.complainant.whistleblower = true;
    filing.incident.narrative = "x\ny";
    filing.incident.categories = {"bribery"};
    filing.subjects.resize(2);
    filing.subjects[1].vehicle = "ABC 123";
    filing.witnesses.resize(1);
    filing.witnesses[0].name = "Luz";
    filing.offices = {"opr", "oig"};
    filing.language = "en";
    filing.complainant.preferred_language = "en";

    const auto fields = form_fields(filing);
    testing::Fields pairs(fields.begin(), fields.end());
    const auto again = filing_from_form(parse(pairs), "en");
    EXPECT_EQ(form_fields(again), fields);
    EXPECT_EQ(again.subjects.size(), 2u);
    EXPECT_EQ(again.subjects[1].vehicle, "ABC 123");
    EXPECT_TRUE(again.complainant.whistleblower);
}

TEST(FilingForm, BlockIndexesAreBounded) {
    const auto filing = filing_from_form(parse({{"subjects[100].name", "x"},
                                                {"subjects[-1].name", "x"},
                                                {"subjects[1x].name", "x"},
                                                {"subjects[99].name", "ok"}}),
                                         "en");
    ASSERT_EQ(filing.subjects.size(), 100u);
    EXPECT_EQ(filing.subjects[99].name, "ok");
}

TEST(FilingForm, FieldIdsAreSafeAnchors) {
    EXPECT_EQ(field_id("subjects[0].badge"), "f-subjects-0-badge");
    EXPECT_EQ(field_id("incident.narrative"), "f-incident-narrative");
    EXPECT_EQ(field_id("offices"), "f-offices");
}

}  // namespace
}  // namespace redress::web
