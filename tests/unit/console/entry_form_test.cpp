// The fields an intake officer adds to the complaint form for a complaint taken by phone or
// mail: the channel, when the office was contacted (local time, not to come, not more than
// a year back) and the complainant's language, each problem by its field.

#include "console/entry_form.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "posted_form.hpp"

namespace redress::console {
namespace {

using testing::form;

using namespace std::chrono;

const std::vector<std::string> k_languages{"ar", "en", "es", "fr", "ht"};
// 2026-03-05 09:30:00 UTC.
const domain::Timestamp k_now = sys_days(year(2026) / 3 / 5) + hours(9) + minutes(30);

EntryForm read(std::string_view encoded, const domain::TimeZone& zone = domain::TimeZone::utc()) {
    return read_entry_form(form(encoded), k_languages, zone, k_now);
}

bool has(const EntryForm& read, std::string_view field, std::string_view code) {
    for (const auto& problem : read.problems) {
        if (problem.field == field && problem.code == code) return true;
    }
    return false;
}

TEST(EntryForm, ACallIsReadWithItsTimeInLocalTime) {
    const auto call = read(
        "entry.channel=phone&entry.contacted_date=2026-03-05&entry.contacted_time=08%3A15"
        "&entry.language=es");
    EXPECT_TRUE(call.problems.empty());
    EXPECT_EQ(call.read_channel, domain::Channel::phone);
    EXPECT_EQ(call.language, "es");
    EXPECT_EQ(call.contacted_at, sys_days(year(2026) / 3 / 5) + hours(8) + minutes(15));

    // Three hours behind UTC: 06:15 there is 09:15 UTC, a quarter of an hour ago.
    const auto zone = domain::TimeZone::make("America/Sao_Paulo", -hours(3), {});
    ASSERT_TRUE(zone);
    const auto there = read(
        "entry.channel=phone&entry.contacted_date=2026-03-05&entry.contacted_time=06%3A15"
        "&entry.language=en",
        *zone);
    EXPECT_TRUE(there.problems.empty());
    EXPECT_EQ(there.contacted_at, sys_days(year(2026) / 3 / 5) + hours(9) + minutes(15));
}

TEST(EntryForm, ALetterMayHaveNoTimeAndACallMustHaveOne) {
    const auto letter =
        read("entry.channel=mail&entry.contacted_date=2026-02-20&entry.language=fr");
    EXPECT_TRUE(letter.problems.empty());
    EXPECT_EQ(letter.read_channel, domain::Channel::mail);
    EXPECT_EQ(letter.contacted_at, sys_days(year(2026) / 2 / 20));

    const auto call = read("entry.channel=phone&entry.contacted_date=2026-02-20&entry.language=fr");
    EXPECT_TRUE(has(call, "entry.contacted_time", "required"));
    EXPECT_FALSE(call.contacted_at);
}

TEST(EntryForm, EveryMissingFieldIsAProblem) {
    const auto blank = read("");
    EXPECT_TRUE(has(blank, "entry.channel", "required"));
    EXPECT_TRUE(has(blank, "entry.contacted_date", "required"));
    EXPECT_TRUE(has(blank, "entry.contacted_time", "required"));
    EXPECT_TRUE(has(blank, "entry.language", "required"));
    EXPECT_EQ(blank.problems.size(), 4u);
}

TEST(EntryForm, OnlyPhoneAndMailAreTakenByHand) {
    for (const auto* channel : {"web", "api", "email", "referral", "fax", "PHONE"}) {
        const auto entry = read(std::string("entry.channel=") + channel +
                                "&entry.contacted_date=2026-03-01&entry.contacted_time=10%3A00"
                                "&entry.language=en");
        EXPECT_TRUE(has(entry, "entry.channel", "invalid_choice")) << channel;
        EXPECT_FALSE(entry.read_channel) << channel;
        EXPECT_EQ(entry.channel, channel);  // shown again as typed
    }
}

TEST(EntryForm, ALanguageTheDeploymentLacksIsRefused) {
    const auto entry = read(
        "entry.channel=phone&entry.contacted_date=2026-03-01&entry.contacted_time=10%3A00"
        "&entry.language=de");
    EXPECT_TRUE(has(entry, "entry.language", "invalid_choice"));
}

TEST(EntryForm, MalformedDatesAndTimesAreRefused) {
    for (const auto* date : {"2026-3-1", "01/03/2026", "2026-02-30", "yesterday"}) {
        const auto entry = read(std::string("entry.channel=phone&entry.contacted_date=") + date +
                                "&entry.contacted_time=10%3A00&entry.language=en");
        EXPECT_TRUE(has(entry, "entry.contacted_date", "invalid_date")) << date;
        EXPECT_FALSE(entry.contacted_at);
    }
    for (const auto* time : {"24%3A00", "9%3A30", "10%3A60", "1000", "10%3A00%3A00", "ab%3Acd"}) {
        const auto entry =
            read(std::string(
                     "entry.channel=phone&entry.contacted_date=2026-03-01&entry.contacted_time=") +
                 time + "&entry.language=en");
        EXPECT_TRUE(has(entry, "entry.contacted_time", "invalid_time")) << time;
    }
}

TEST(EntryForm, AContactToComeOrLongAgoIsRefused) {
    const auto tomorrow = read(
        "entry.channel=phone&entry.contacted_date=2026-03-06&entry.contacted_time=08%3A00"
        "&entry.language=en");
    EXPECT_TRUE(has(tomorrow, "entry.contacted_date", "future_date"));
    const auto later_today = read(
        "entry.channel=phone&entry.contacted_date=2026-03-05&entry.contacted_time=09%3A31"
        "&entry.language=en");
    EXPECT_TRUE(has(later_today, "entry.contacted_time", "future_contact"));
    const auto just_now = read(
        "entry.channel=phone&entry.contacted_date=2026-03-05&entry.contacted_time=09%3A30"
        "&entry.language=en");
    EXPECT_TRUE(just_now.problems.empty());

    const auto a_year_back =
        read("entry.channel=mail&entry.contacted_date=2025-03-05&entry.language=en");
    EXPECT_TRUE(a_year_back.problems.empty());
    const auto too_old =
        read("entry.channel=mail&entry.contacted_date=2025-03-03&entry.language=en");
    EXPECT_TRUE(has(too_old, "entry.contacted_date", "contact_too_old"));
    EXPECT_FALSE(too_old.contacted_at);
}

}  // namespace
}  // namespace redress::console
