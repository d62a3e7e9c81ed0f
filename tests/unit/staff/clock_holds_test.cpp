// Pausing and resuming a complaint's clocks, on the real SQLite store: who may, one pause at a
// time, never on a closed complaint, each with its audit entry, and the holds read back with
// the complaint for its clocks (staff side) and its status look-up (the complainant's).

#include "staff/clock_holds.hpp"

#include <gtest/gtest.h>

#include "staff/triage.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "support/instants.hpp"
#include "support/sample_deployment.hpp"
#include "support/staff_fixture.hpp"
#include "support/temp_folder.hpp"
#include "util/await.hpp"

namespace redress::staff {
namespace {

using redress::testing::march_2026;

using domain::PauseReason;
using domain::Role;

class ClockHoldsTest : public ::testing::Test {
  protected:
    void SetUp() override {
        m_backend = redress::testing::open_store(m_folder.path());
        ASSERT_TRUE(m_backend);
        m_triage = std::make_unique<Triage>(m_deployment, *m_backend);
        m_holds = std::make_unique<ClockHolds>(*m_backend);
        auto filed = util::await<std::vector<domain::FiledComplaint>>([&](auto done) {
            m_backend->record(
                redress::testing::web_filing(march_2026(2), {"excessive-force"}, {{"opr", "OPR"}}),
                std::move(done));
        });
        ASSERT_TRUE(filed);
        m_reference = filed->front().reference;
        m_officer = redress::testing::add_member(*m_backend, "olga", {Role::intake_officer},
                                                 {"opr"}, march_2026(1));
        m_investigator = redress::testing::add_member(*m_backend, "ivan", {Role::investigator},
                                                      {"opr"}, march_2026(1));
        m_stranger = redress::testing::add_member(*m_backend, "sam", {Role::intake_officer},
                                                  {"oig"}, march_2026(1));
        m_auditor = redress::testing::add_member(*m_backend, "ada", {Role::auditor}, {"opr"},
                                                 march_2026(1));
    }

    util::Expected<bool> hold(const domain::StaffMember& who, PauseReason reason, int day) {
        return util::await<bool>([&](auto done) {
            m_holds->hold(who, m_reference, reason, march_2026(day), std::move(done));
        });
    }
    std::vector<domain::ClockHold> holds() {
        return util::await<storage::StaffComplaint>(
                   [&](auto done) { m_triage->complaint(m_officer, m_reference, std::move(done)); })
            .value()
            .holds;
    }

    redress::testing::TempFolder m_folder;
    domain::Deployment m_deployment = redress::testing::sample_deployment();
    std::unique_ptr<storage::Backend> m_backend;
    std::unique_ptr<Triage> m_triage;
    std::unique_ptr<ClockHolds> m_holds;
    domain::StaffMember m_officer, m_investigator, m_stranger, m_auditor;
    std::string m_reference;
};

TEST_F(ClockHoldsTest, TheOfficePausesOnceAndResumesOnce) {
    ASSERT_TRUE(hold(m_officer, PauseReason::waiting_on_complainant, 3).value());
    const auto again = hold(m_officer, PauseReason::waiting_on_agency, 4);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, util::ErrorCode::conflict);
    ASSERT_TRUE(hold(m_officer, PauseReason::none, 5).value());
    const auto resumed_twice = hold(m_officer, PauseReason::none, 6);
    ASSERT_FALSE(resumed_twice);
    EXPECT_EQ(resumed_twice.error().code, util::ErrorCode::conflict);

    const auto read = holds();
    ASSERT_EQ(read.size(), 2u);
    EXPECT_EQ(read[0].reason, PauseReason::waiting_on_complainant);
    EXPECT_EQ(read[0].at, march_2026(3));
    EXPECT_EQ(read[1].reason, PauseReason::none);
    // The complainant's look-up reads them too, for what it says is owed.
    const auto found = util::await<std::optional<domain::ComplaintRecord>>(
        [&](auto done) { m_backend->find_complaint(m_reference, std::move(done)); });
    ASSERT_TRUE(found && *found);
    EXPECT_EQ((*found)->holds.size(), 2u);

    const auto trail = util::await<std::vector<domain::AuditEntry>>(
        [&](auto done) { m_backend->audit_entries(0, 100, std::move(done)); });
    ASSERT_TRUE(trail);
    std::size_t entries = 0;
    for (const auto& entry : *trail) entries += entry.event.action.starts_with("clocks.");
    EXPECT_EQ(entries, 2u);
}

TEST_F(ClockHoldsTest, OthersAreToldWhatAMissingComplaintGets) {
    const auto stranger = hold(m_stranger, PauseReason::waiting_on_agency, 3);
    ASSERT_FALSE(stranger);
    EXPECT_EQ(stranger.error().code, util::ErrorCode::not_found);
    const auto auditor = hold(m_auditor, PauseReason::waiting_on_agency, 3);
    ASSERT_FALSE(auditor);
    EXPECT_EQ(auditor.error().code, util::ErrorCode::not_found);
    EXPECT_TRUE(holds().empty());
}

TEST_F(ClockHoldsTest, AClosedComplaintsClocksAreNotPaused) {
    domain::TriageDecision close;
    close.action = domain::TriageAction::close;
    close.close_reason = domain::CloseReason::no_jurisdiction;
    close.reason = "Not ours to investigate.";
    ASSERT_TRUE(util::await<TriageResult>([&](auto done) {
                    m_triage->decide(m_officer, m_reference, close, march_2026(3), std::move(done));
                })
                    .value()
                    .recorded);
    const auto paused = hold(m_officer, PauseReason::waiting_on_complainant, 4);
    ASSERT_FALSE(paused);
    EXPECT_EQ(paused.error().code, util::ErrorCode::conflict);
}

}  // namespace
}  // namespace redress::staff
