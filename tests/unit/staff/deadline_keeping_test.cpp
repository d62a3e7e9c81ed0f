// Each complaint's next deadline, kept on the real SQLite store for the overdue lists: worked
// out for every complaint filed, again whenever something moves its clocks (a triage decision,
// a pause, a resumption), again for all when the service levels change, read back the longest
// overdue first a page at a time, left out for a member closed out of the complaint, and kept
// by the background thread while redress serves.

#include "staff/deadline_keeping.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "staff/clock_holds.hpp"
#include "staff/exclusions.hpp"
#include "staff/triage.hpp"
#include "support/instants.hpp"
#include "support/sample_deployment.hpp"
#include "support/staff_fixture.hpp"
#include "support/temp_folder.hpp"
#include "util/await.hpp"

namespace redress::staff {
namespace {

using redress::testing::in_2026;

using domain::ClockKind;
using domain::PauseReason;
using domain::Role;

// The end of the day `days` after March `day` (calendar days, UTC: the sample's zone).
domain::Timestamp deadline(int day, int days) {
    return domain::Timestamp(std::chrono::sys_days{std::chrono::year{2026} / 3 / day} +
                             std::chrono::days(days + 1));
}

class DeadlineKeepingTest : public ::testing::Test {
  protected:
    void SetUp() override {
        m_backend = redress::testing::open_store(m_folder.path());
        ASSERT_TRUE(m_backend);
        m_triage = std::make_unique<Triage>(m_deployment, *m_backend);
        m_holds = std::make_unique<ClockHolds>(*m_backend);
        // Three complaints with opr, filed on March 2, 3 and 4.
        for (int day = 2; day <= 4; ++day) {
            auto filed = util::await<std::vector<domain::FiledComplaint>>([&](auto done) {
                m_backend->record(redress::testing::web_filing(
                                      in_2026(3, day, 12), {"excessive-force"}, {{"opr", "OPR"}}),
                                  std::move(done));
            });
            ASSERT_TRUE(filed);
            m_references.push_back(filed->front().reference);
        }
        m_supervisor = redress::testing::add_member(*m_backend, "sue", {Role::supervisor}, {"opr"},
                                                    in_2026(3, 1, 12));
        m_officer = redress::testing::add_member(*m_backend, "olga", {Role::intake_officer},
                                                 {"opr"}, in_2026(3, 1, 12));
    }

    std::size_t bring_up_to_date(const domain::Deployment& deployment, domain::Timestamp now,
                                 std::size_t batch = 2) {
        auto done = bring_deadlines_up_to_date(*m_backend, deployment, now, batch);
        EXPECT_TRUE(done) << done.error().message;
        return done ? *done : 0;
    }

    domain::OverduePage overdue(domain::Timestamp now, const domain::StaffMember* reader = nullptr,
                                std::optional<domain::OverdueCursor> after = std::nullopt,
                                std::size_t limit = 50) {
        domain::OverdueQuery query;
        query.office_id = "opr";
        query.now = now;
        query.after = after;
        query.limit = limit;
        if (reader != nullptr) {
            query.reader = reader->id;
            query.reader_mark = reader->name_mark;
        }
        return util::await<domain::OverduePage>(
                   [&](auto done) { m_backend->overdue(query, std::move(done)); })
            .value();
    }

    std::vector<std::string> references(const domain::OverduePage& page) {
        std::vector<std::string> found;
        for (const auto& item : page.items) found.push_back(item.reference);
        return found;
    }

    redress::testing::TempFolder m_folder;
    domain::Deployment m_deployment = redress::testing::sample_deployment();
    std::unique_ptr<storage::Backend> m_backend;
    std::unique_ptr<Triage> m_triage;
    std::unique_ptr<ClockHolds> m_holds;
    domain::StaffMember m_supervisor, m_officer;
    std::vector<std::string> m_references;
};

TEST_F(DeadlineKeepingTest, EveryComplaintFiledGetsItsDeadlineAndListsOnceItPasses) {
    // In turns of two: three complaints take two turns, the second not full.
    EXPECT_EQ(bring_up_to_date(m_deployment, in_2026(3, 4, 12)), 3u);
    EXPECT_EQ(bring_up_to_date(m_deployment, in_2026(3, 4, 12)), 0u);  // nothing moved since

    // opr acknowledges within 2 days: on March 5 only the first complaint's day has passed.
    EXPECT_EQ(references(overdue(in_2026(3, 5, 12))), std::vector<std::string>{m_references[0]});
    const auto later = overdue(in_2026(3, 20, 12));
    ASSERT_EQ(references(later), m_references);  // the longest overdue first
    EXPECT_EQ(later.items[0].clock, ClockKind::acknowledge);
    EXPECT_EQ(later.items[0].deadline, deadline(2, 2));
    EXPECT_EQ(later.items[0].status, domain::Status::received);
    EXPECT_TRUE(later.items[0].investigator.empty());

    // A page at a time, after the cursor.
    const auto first = overdue(in_2026(3, 20, 12), nullptr, std::nullopt, 2);
    ASSERT_EQ(first.items.size(), 2u);
    ASSERT_TRUE(first.next);
    const auto second = overdue(in_2026(3, 20, 12), nullptr, first.next, 2);
    EXPECT_EQ(references(second), std::vector<std::string>{m_references[2]});
    EXPECT_FALSE(second.next);
}

TEST_F(DeadlineKeepingTest, AFilingThatBringsItsFirstDeadlineLeavesTheKeeperNothing) {
    EXPECT_EQ(bring_up_to_date(m_deployment, in_2026(3, 4, 12)), 3u);
    // As intake files (intake/intake.cpp): the deadline worked out with the complaint.
    auto filing =
        redress::testing::web_filing(in_2026(3, 6, 12), {"excessive-force"}, {{"opr", "OPR"}});
    const auto* office = m_deployment.find_office("opr");
    ASSERT_NE(office, nullptr);
    auto first =
        domain::first_deadline(in_2026(3, 6, 12), office->service_levels,
                               domain::BusinessCalendar(m_deployment.time_zone, office->calendar));
    ASSERT_TRUE(first && *first);
    filing.destinations[0].deadline_worked_out = true;
    filing.destinations[0].deadline = *first;
    auto brought = util::await<std::vector<domain::FiledComplaint>>(
        [&](auto done) { m_backend->record(std::move(filing), std::move(done)); });
    ASSERT_TRUE(brought);
    EXPECT_EQ(bring_up_to_date(m_deployment, in_2026(3, 6, 12)), 0u);

    // The same filing without it: the keeper works out the same deadline.
    auto left = util::await<std::vector<domain::FiledComplaint>>([&](auto done) {
        m_backend->record(
            redress::testing::web_filing(in_2026(3, 6, 12), {"excessive-force"}, {{"opr", "OPR"}}),
            std::move(done));
    });
    ASSERT_TRUE(left);
    EXPECT_EQ(bring_up_to_date(m_deployment, in_2026(3, 6, 12)), 1u);

    const auto later = overdue(in_2026(3, 20, 12));
    ASSERT_EQ(later.items.size(), 5u);
    EXPECT_EQ(later.items[3].reference, brought->front().reference);
    EXPECT_EQ(later.items[4].reference, left->front().reference);
    EXPECT_EQ(later.items[3].clock, ClockKind::acknowledge);
    EXPECT_EQ(later.items[3].deadline, (*first)->deadline);
    EXPECT_EQ(later.items[4].clock, later.items[3].clock);
    EXPECT_EQ(later.items[4].deadline, later.items[3].deadline);
}

TEST_F(DeadlineKeepingTest, ADecisionAPauseAndAResumptionEachMoveTheDeadline) {
    bring_up_to_date(m_deployment, in_2026(3, 4, 12));
    // Accepted on March 4: acknowledgment and triage met; the next update is owed by April 3.
    domain::TriageDecision accept;
    accept.categories = {"excessive-force"};
    const auto decided = util::await<TriageResult>([&](auto done) {
        m_triage->decide(m_officer, m_references[0], accept, in_2026(3, 4, 12), std::move(done));
    });
    ASSERT_TRUE(decided) << decided.error().message;
    EXPECT_EQ(bring_up_to_date(m_deployment, in_2026(3, 4, 12)), 1u);
    EXPECT_EQ(references(overdue(in_2026(3, 20, 12))),
              (std::vector<std::string>{m_references[1], m_references[2]}));
    const auto update = overdue(in_2026(4, 10, 12));
    ASSERT_EQ(update.items.size(), 3u);
    EXPECT_EQ(update.items.back().reference, m_references[0]);
    EXPECT_EQ(update.items.back().clock, ClockKind::update);
    EXPECT_EQ(update.items.back().deadline, deadline(4, 30));

    // Paused while the office waits on the complainant: nothing falls due while it waits.
    ASSERT_TRUE(util::await<bool>([&](auto done) {
        m_holds->hold(m_officer, m_references[0], PauseReason::waiting_on_complainant,
                      in_2026(3, 10, 12), std::move(done));
    }));
    EXPECT_EQ(bring_up_to_date(m_deployment, in_2026(3, 11, 12)), 1u);
    EXPECT_EQ(overdue(in_2026(4, 10, 12)).items.size(), 2u);

    // Resumed ten days later: the update is owed ten days later than before.
    ASSERT_TRUE(util::await<bool>([&](auto done) {
        m_holds->hold(m_officer, m_references[0], PauseReason::none, in_2026(3, 20, 12),
                      std::move(done));
    }));
    EXPECT_EQ(bring_up_to_date(m_deployment, in_2026(3, 20, 12)), 1u);
    const auto resumed = overdue(in_2026(4, 20, 12));
    ASSERT_EQ(resumed.items.size(), 3u);
    EXPECT_EQ(resumed.items.back().deadline, deadline(4, 40));
}

TEST_F(DeadlineKeepingTest, NewServiceLevelsWorkEveryDeadlineOutAgain) {
    bring_up_to_date(m_deployment, in_2026(3, 4, 12));
    EXPECT_EQ(overdue(in_2026(3, 6, 12)).items.size(), 2u);
    auto slower = m_deployment;
    for (auto& office : slower.offices) office.service_levels.acknowledge_days = 10;
    EXPECT_EQ(bring_up_to_date(slower, in_2026(3, 4, 12)), 3u);
    EXPECT_TRUE(overdue(in_2026(3, 6, 12)).items.empty());
    EXPECT_EQ(overdue(in_2026(3, 13, 12)).items.front().deadline, deadline(2, 10));
    // The same rules again change nothing.
    EXPECT_EQ(bring_up_to_date(slower, in_2026(3, 4, 12)), 0u);
}

TEST_F(DeadlineKeepingTest, AComplaintClosedToTheReaderIsNotListed) {
    bring_up_to_date(m_deployment, in_2026(3, 4, 12));
    Exclusions exclusions(*m_backend, *m_backend, *m_backend);
    const auto recused = util::await<std::vector<domain::FormProblem>>([&](auto done) {
        exclusions.recuse(m_supervisor, m_references[1], "My cousin is the officer named.",
                          in_2026(3, 5, 12), std::move(done));
    });
    ASSERT_TRUE(recused && recused->empty());
    EXPECT_EQ(references(overdue(in_2026(3, 20, 12), &m_supervisor)),
              (std::vector<std::string>{m_references[0], m_references[2]}));
    EXPECT_EQ(overdue(in_2026(3, 20, 12), &m_officer).items.size(), 3u);
}

TEST_F(DeadlineKeepingTest, TheWorkListShowsDeadlinesAndFiltersTheOverdue) {
    bring_up_to_date(m_deployment, in_2026(3, 4, 12));
    domain::QueueQuery query;
    query.office_id = "opr";
    query.overdue_at = in_2026(3, 5, 12);
    const auto page = util::await<domain::QueuePage>([&](auto done) {
                          m_backend->queue(query, std::move(done));
                      }).value();
    ASSERT_EQ(page.items.size(), 1u);
    EXPECT_EQ(page.items[0].reference, m_references[0]);
    ASSERT_TRUE(page.items[0].deadline);
    EXPECT_EQ(*page.items[0].deadline, deadline(2, 2));
    query.overdue_at.reset();
    EXPECT_EQ(
        util::await<domain::QueuePage>([&](auto done) { m_backend->queue(query, std::move(done)); })
            .value()
            .items.size(),
        3u);
}

TEST_F(DeadlineKeepingTest, TheKeeperWorksOutANewFilingWhileRedressServes) {
    const auto now = in_2026(3, 20, 12);
    DeadlineKeeping keeping(*m_backend, m_deployment,
                            {.interval = std::chrono::milliseconds(10), .batch = 500},
                            [now] { return now; });
    // Waits for the thread's turns, however slow the machine; fails after 30 s.
    const auto listed = [&](std::size_t count) {
        const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (overdue(now).items.size() != count) {
            if (std::chrono::steady_clock::now() > give_up) return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        return true;
    };
    ASSERT_TRUE(listed(3));
    auto filed = util::await<std::vector<domain::FiledComplaint>>([&](auto done) {
        m_backend->record(
            redress::testing::web_filing(in_2026(3, 6, 12), {"excessive-force"}, {{"opr", "OPR"}}),
            std::move(done));
    });
    ASSERT_TRUE(filed);
    EXPECT_TRUE(listed(4));
}

}  // namespace
}  // namespace redress::staff
