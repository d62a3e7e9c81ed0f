#include "domain/completeness.hpp"

#include <gtest/gtest.h>

#include <map>

#include "sample_deployment.hpp"

namespace redress::domain {
namespace {

using testing::subject;
using testing::witness;

std::map<std::string, bool> assess(const Filing& filing) {
    std::map<std::string, bool> present;
    for (const auto& item : assess_completeness(filing)) {
        present[aspect_name(item.aspect)] = item.present;
    }
    return present;
}

const std::string k_long_enough =
    "Two officers stopped me outside the bus station and took my phone.";

TEST(Completeness, ListsEveryAspectInOrder) {
    const auto items = assess_completeness(Filing{});
    ASSERT_EQ(items.size(), 6u);
    const char* names[] = {"who", "what", "where", "when", "how", "witnesses"};
    for (std::size_t i = 0; i < items.size(); ++i)
        EXPECT_EQ(aspect_name(items[i].aspect), names[i]);
}

TEST(Completeness, AnEmptyFilingMissesEverything) {
    for (const auto& [aspect, present] : assess(Filing{})) EXPECT_FALSE(present) << aspect;
}

TEST(Completeness, ACompleteFilingHasEverything) {
    Filing filing;
    filing.subjects.push_back(subject(&Subject::badge, "4471"));
    filing.incident.narrative = k_long_enough;
    filing.incident.place = "Main St bus station";
    filing.incident.date = "2026-03-02";
    filing.incident.categories = {"theft"};
    filing.witnesses.push_back(witness(&Witness::name, "A neighbour"));
    for (const auto& [aspect, present] : assess(filing)) EXPECT_TRUE(present) << aspect;
}

TEST(Completeness, WhoNeedsSomethingThatIdentifiesTheAgent) {
    Filing filing;
    filing.subjects.push_back(Subject{"", "", "ICE", "", "ERO", "", "", ""});
    EXPECT_FALSE(assess(filing)["who"]);  // an agency alone does not say who
    for (auto set : {+[](Subject& s) { s.name = "Smith"; }, +[](Subject& s) { s.badge = "12"; },
                     +[](Subject& s) { s.description = "tall, grey beard"; },
                     +[](Subject& s) { s.uniform = "green, no name tag"; },
                     +[](Subject& s) { s.vehicle = "plate ABC123"; }}) {
        Filing with = filing;
        set(with.subjects[0]);
        EXPECT_TRUE(assess(with)["who"]);
    }
}

TEST(Completeness, WhatNeedsANarrativeOfSomeLength) {
    Filing filing;
    filing.incident.narrative = "They hit me.";
    EXPECT_FALSE(assess(filing)["what"]);
    filing.incident.narrative = std::string(39, 'x') + "    ";
    EXPECT_FALSE(assess(filing)["what"]);
    filing.incident.narrative = std::string(40, 'x');
    EXPECT_TRUE(assess(filing)["what"]);
    filing.incident.narrative = std::string(39, 'x') + "ñ";  // counts characters, not bytes
    EXPECT_TRUE(assess(filing)["what"]);
}

TEST(Completeness, WhereIsAPlaceOrACity) {
    Filing filing;
    filing.incident.region = "Texas";
    EXPECT_FALSE(assess(filing)["where"]);
    filing.incident.city = "El Paso";
    EXPECT_TRUE(assess(filing)["where"]);
}

TEST(Completeness, WhenIsADateOrADescription) {
    Filing filing;
    filing.incident.time = "05:30";
    EXPECT_FALSE(assess(filing)["when"]);
    filing.incident.when_description = "early March, around dawn";
    EXPECT_TRUE(assess(filing)["when"]);
}

TEST(Completeness, HowIsACategoryOrInjuries) {
    Filing filing;
    EXPECT_FALSE(assess(filing)["how"]);
    filing.incident.injuries = "bruised wrists";
    EXPECT_TRUE(assess(filing)["how"]);
}

TEST(Completeness, BlankWitnessesDoNotCount) {
    Filing filing;
    filing.witnesses.push_back(witness(&Witness::name, "  "));
    EXPECT_FALSE(assess(filing)["witnesses"]);
    filing.witnesses.push_back(witness(&Witness::account, "saw it from the bus"));
    EXPECT_TRUE(assess(filing)["witnesses"]);
}

}  // namespace
}  // namespace redress::domain
