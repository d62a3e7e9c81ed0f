// The work list's query string: every filter read, each bad value named, the default
// office, and the address of a page that reads back as the same query.

#include "console/queue_filters.hpp"

#include <gtest/gtest.h>

#include "support/sample_deployment.hpp"

namespace redress::console {
namespace {

const domain::Timestamp k_some_instant{std::chrono::seconds(1796028822)};

domain::StaffMember officer(std::vector<std::string> offices) {
    domain::StaffMember member;
    member.username = "ines";
    member.roles = {domain::Role::intake_officer};
    member.offices = std::move(offices);
    return member;
}

TEST(QueueFilters, EveryFilterIsRead) {
    const auto deployment = testing::sample_deployment();
    const auto query = read_queue_filters(
        "office=oig&queue=referred&priority=urgent&channel=api&category=excessive-force&overdue=1&"
        "after=3.1796028822.12",
        officer({"opr", "oig"}), deployment, k_some_instant);
    ASSERT_TRUE(query.has_value());
    EXPECT_EQ(query->office_id, "oig");
    EXPECT_EQ(query->queue, domain::Queue::referred);
    EXPECT_EQ(query->priority, domain::Priority::urgent);
    EXPECT_EQ(query->channel, domain::Channel::api);
    EXPECT_EQ(query->category, "excessive-force");
    EXPECT_EQ(query->overdue_at, k_some_instant);  // overdue at the moment of reading
    ASSERT_TRUE(query->after.has_value());
    EXPECT_EQ(query->after->complaint_id, 12);
    EXPECT_EQ(query->limit, k_queue_page_size);
}

TEST(QueueFilters, EmptyMeansDefaults) {
    const auto deployment = testing::sample_deployment();
    const auto query =
        read_queue_filters("priority=&channel=&category=&overdue=&after=", officer({"oig", "opr"}),
                           deployment, k_some_instant);
    ASSERT_TRUE(query.has_value());
    EXPECT_EQ(query->office_id, "oig");  // the member's first office
    EXPECT_EQ(query->queue, domain::Queue::triage);
    EXPECT_FALSE(query->priority || query->channel || query->category || query->overdue_at ||
                 query->after);
}

TEST(QueueFilters, TheDefaultOfficeIsOneWhoseComplaintsTheyWork) {
    const auto deployment = testing::sample_deployment();
    auto member = officer({"opr"});
    member.roles = {domain::Role::auditor};
    const auto query = read_queue_filters("", member, deployment, k_some_instant);
    ASSERT_TRUE(query.has_value());
    EXPECT_EQ(query->office_id, "");
}

TEST(QueueFilters, EachBadValueIsNamed) {
    const auto deployment = testing::sample_deployment();
    const auto member = officer({"opr"});
    for (const auto& [text, field] : std::vector<std::pair<std::string, std::string>>{
             {"queue=elsewhere", "queue"},
             {"priority=9", "priority"},
             {"channel=fax", "channel"},
             {"category=theft", "category"},  // not one of this deployment's
             {"overdue=yes", "overdue"},
             {"after=1.2", "after"},
             {"after=-1.2.3", "after"},
             {"office=opr&%zz=1", "query"},
             {"a&a&a&a&a&a&a&a&a&a&a&a&a&a&a&a&a", "query"}}) {
        const auto query = read_queue_filters(text, member, deployment, k_some_instant);
        ASSERT_FALSE(query.has_value()) << text;
        EXPECT_EQ(query.error().field, field) << text;
    }
}

TEST(QueueFilters, TheTargetReadsBackAsTheSameQuery) {
    const auto deployment = testing::sample_deployment();
    const auto member = officer({"opr"});
    domain::QueueQuery query;
    query.office_id = "opr";
    query.queue = domain::Queue::investigating;
    query.priority = domain::Priority::high;
    query.channel = domain::Channel::web;
    query.category = "excessive-force";
    query.overdue_at = k_some_instant;
    query.after = domain::QueueCursor{domain::Priority::high, domain::Timestamp{}, 42};
    const auto target = queue_target(query);
    ASSERT_TRUE(target.starts_with("/staff/queue?"));
    const auto read =
        read_queue_filters(target.substr(target.find('?') + 1), member, deployment, k_some_instant);
    ASSERT_TRUE(read.has_value()) << target;
    EXPECT_EQ(read->office_id, "opr");
    EXPECT_EQ(read->queue, domain::Queue::investigating);
    EXPECT_EQ(read->priority, domain::Priority::high);
    EXPECT_EQ(read->channel, domain::Channel::web);
    EXPECT_EQ(read->category, "excessive-force");
    EXPECT_EQ(read->overdue_at, k_some_instant);
    ASSERT_TRUE(read->after.has_value());
    EXPECT_EQ(read->after->complaint_id, 42);
}

TEST(QueueFilters, TheTargetEscapesWhatItCarries) {
    domain::QueueQuery query;
    query.office_id = "a&b=c d";
    EXPECT_EQ(queue_target(query), "/staff/queue?office=a%26b%3Dc%20d&queue=triage");
}

}  // namespace
}  // namespace redress::console
