// Triage by staff, on the real SQLite store: who may see and decide, what a decision
// records (the status the complainant sees with its reason, the queue it moves to, the
// referral, the audit entry), and that a complaint is triaged once.

#include "staff/triage.hpp"

#include <gtest/gtest.h>

#include "staff/referrals.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "support/instants.hpp"
#include "support/sample_deployment.hpp"
#include "support/staff_fixture.hpp"
#include "support/temp_folder.hpp"
#include "util/await.hpp"

namespace redress::staff {
namespace {

using redress::testing::march_2026;

domain::ReceivedFiling filing_for(std::vector<domain::Destination> destinations) {
    return redress::testing::web_filing(march_2026(2), {"excessive-force"},
                                        std::move(destinations));
}

class TriageTest : public ::testing::Test {
  protected:
    void SetUp() override {
        m_backend = redress::testing::open_store(m_folder.path());
        ASSERT_TRUE(m_backend);
        m_triage = std::make_unique<Triage>(m_deployment, *m_backend);
        auto filed = util::await<std::vector<domain::FiledComplaint>>([&](auto done) {
            m_backend->record(filing_for({{"opr", "OPR"}, {"oig", "OIG"}}), std::move(done));
        });
        ASSERT_TRUE(filed);
        m_reference = filed->front().reference;
        m_officer = member("olga", {domain::Role::intake_officer}, {"opr"});
        m_investigator = member("ivan", {domain::Role::investigator}, {"opr"});
        m_stranger =
            member("sam", {domain::Role::intake_officer, domain::Role::supervisor}, {"oig"});
        m_administrator = member("ada", {domain::Role::administrator}, {"opr"});
    }

    domain::StaffMember member(std::string username, std::vector<domain::Role> roles,
                               std::vector<std::string> offices) {
        return redress::testing::add_member(*m_backend, std::move(username), std::move(roles),
                                            std::move(offices), march_2026(1));
    }

    util::Expected<TriageResult> decide(const domain::StaffMember& who,
                                        domain::TriageDecision decision,
                                        std::string reference = {}) {
        if (reference.empty()) reference = m_reference;
        return util::await<TriageResult>([&](auto done) {
            m_triage->decide(who, reference, std::move(decision), march_2026(4), std::move(done));
        });
    }

    util::Expected<storage::StaffComplaint> complaint(const domain::StaffMember& who,
                                                      std::string reference = {}) {
        if (reference.empty()) reference = m_reference;
        return util::await<storage::StaffComplaint>(
            [&](auto done) { m_triage->complaint(who, reference, std::move(done)); });
    }

    domain::QueuePage queue(domain::Queue which, std::string office = "opr") {
        domain::QueueQuery query;
        query.office_id = std::move(office);
        query.queue = which;
        return util::await<domain::QueuePage>(
                   [&](auto done) { m_backend->queue(query, std::move(done)); })
            .value();
    }

    std::vector<domain::AuditEntry> trail() {
        return util::await<std::vector<domain::AuditEntry>>(
                   [&](auto done) { m_backend->audit_entries(0, 100, std::move(done)); })
            .value();
    }

    redress::testing::TempFolder m_folder;
    std::unique_ptr<storage::Backend> m_backend;
    domain::Deployment m_deployment = redress::testing::sample_deployment();
    std::unique_ptr<Triage> m_triage;
    std::string m_reference;
    domain::StaffMember m_officer, m_investigator, m_stranger, m_administrator;
};

TEST_F(TriageTest, AnIntakeOfficerAcceptsAndTheComplaintMovesToInvestigation) {
    domain::TriageDecision accept;
    accept.priority = domain::Priority::high;
    accept.categories = {"excessive-force", "bribery-corruption"};
    const auto decided = decide(m_officer, accept);
    ASSERT_TRUE(decided) << decided.error().message;
    ASSERT_TRUE(decided->problems.empty());
    EXPECT_EQ(decided->recorded, domain::Status::investigating);

    EXPECT_TRUE(queue(domain::Queue::triage).items.empty());
    const auto investigating = queue(domain::Queue::investigating);
    ASSERT_EQ(investigating.items.size(), 1u);
    EXPECT_EQ(investigating.items[0].priority, domain::Priority::high);

    const auto seen = complaint(m_officer);
    ASSERT_TRUE(seen);
    EXPECT_EQ(seen->status, domain::Status::investigating);
    EXPECT_EQ(seen->staff_categories,
              (std::vector<std::string>{"bribery-corruption", "excessive-force"}));
    EXPECT_EQ(seen->filed_categories, (std::vector<std::string>{"excessive-force"}));
    ASSERT_EQ(seen->timeline.size(), 2u);
    EXPECT_EQ(seen->timeline[1].actor, "staff:olga");

    const auto entries = trail();
    ASSERT_FALSE(entries.empty());
    EXPECT_EQ(entries.back().event.action, "complaint.triaged");
    EXPECT_EQ(entries.back().event.object, "complaint:" + m_reference);
    EXPECT_NE(entries.back().event.details.find("action=accept priority=high"), std::string::npos);
}

TEST_F(TriageTest, AComplaintIsTriagedOnce) {
    ASSERT_TRUE(decide(m_officer, {})->recorded);
    const auto again = decide(m_officer, {});
    ASSERT_TRUE(again);
    ASSERT_EQ(again->problems.size(), 1u);
    EXPECT_EQ(again->problems[0].code, "not_in_triage");
}

TEST_F(TriageTest, TheSecondOfTwoDecisionsWrittenAtOnceIsAConflict) {
    storage::TriageRecord record;
    record.reference = m_reference;
    record.office_id = "opr";
    record.staff_id = m_officer.id;
    record.actor = "staff:olga";
    record.at = march_2026(4);
    const auto write = [&] {
        return util::await<domain::Status>([&](auto done) {
            m_backend->record_triage(record,
                                     {march_2026(4), "staff:olga", "complaint.triaged", "", "", ""},
                                     std::move(done));
        });
    };
    EXPECT_TRUE(write());
    const auto second = write();
    ASSERT_FALSE(second);
    EXPECT_EQ(second.error().code, util::ErrorCode::conflict);
}

TEST_F(TriageTest, AReferralNamesAnotherOfficeAndIsRecorded) {
    domain::TriageDecision refer;
    refer.action = domain::TriageAction::refer;
    refer.to_office = "oig";
    refer.reason = "Bribery is for the inspector general.";
    const auto decided = decide(m_officer, refer);
    ASSERT_TRUE(decided);
    EXPECT_EQ(decided->recorded, domain::Status::referred);
    EXPECT_EQ(queue(domain::Queue::referred).items.size(), 1u);
    const auto seen = complaint(m_officer);
    ASSERT_TRUE(seen);
    EXPECT_EQ(seen->timeline.back().note, "Bribery is for the inspector general.");
}

TEST_F(TriageTest, ADecisionThatDoesNotFitIsRefusedWithEachProblem) {
    domain::TriageDecision refer;
    refer.action = domain::TriageAction::refer;
    refer.to_office = "opr";
    refer.categories = {"no-such-category"};
    const auto decided = decide(m_officer, refer);
    ASSERT_TRUE(decided);
    EXPECT_FALSE(decided->recorded);
    std::vector<std::string> codes;
    for (const auto& problem : decided->problems)
        codes.push_back(problem.field + ":" + problem.code);
    EXPECT_EQ(codes, (std::vector<std::string>{"categories:unknown_category", "reason:required",
                                               "to_office:same_office"}));
    domain::TriageDecision close;
    close.action = domain::TriageAction::close;
    close.reason = "Withdrawn by phone.";
    const auto closing = decide(m_officer, close);
    ASSERT_TRUE(closing);
    ASSERT_EQ(closing->problems.size(), 1u);
    EXPECT_EQ(closing->problems[0].field, "close_reason");
    EXPECT_EQ(queue(domain::Queue::triage).items.size(), 1u);  // nothing changed
}

TEST_F(TriageTest, AnInvestigatorMayReadButNotTriage) {
    EXPECT_TRUE(complaint(m_investigator));
    const auto decided = decide(m_investigator, {});
    ASSERT_FALSE(decided);
    EXPECT_EQ(decided.error().code, util::ErrorCode::forbidden);
}

TEST_F(TriageTest, StaffOfAnotherOfficeAndAdministratorsAreToldWhatAMissingReferenceGets) {
    const auto missing = complaint(m_officer, "OPR-2026-999999");
    ASSERT_FALSE(missing);
    for (const auto* who : {&m_stranger, &m_administrator}) {
        const auto seen = complaint(*who);
        ASSERT_FALSE(seen);
        EXPECT_EQ(seen.error().code, missing.error().code);
        EXPECT_EQ(seen.error().message, missing.error().message);
        const auto decided = decide(*who, {});
        ASSERT_FALSE(decided);
        EXPECT_EQ(decided.error().code, missing.error().code);
    }
    EXPECT_EQ(queue(domain::Queue::triage).items.size(), 1u);
}

}  // namespace
}  // namespace redress::staff

namespace redress::staff {
namespace {

// Possible duplicates and joins, on the same store.
class DuplicatesTest : public TriageTest {
  protected:
    // Files one more complaint to opr; its reference.
    std::string file(std::vector<std::string> categories, std::string incident_date) {
        auto filing = filing_for({{"opr", "OPR"}});
        filing.categories = std::move(categories);
        filing.incident_date = std::move(incident_date);
        auto filed = util::await<std::vector<domain::FiledComplaint>>(
            [&](auto done) { m_backend->record(std::move(filing), std::move(done)); });
        return filed.value().front().reference;
    }

    std::vector<std::string> duplicates_of(const domain::StaffMember& who,
                                           const std::string& reference) {
        const auto seen = complaint(m_officer, reference).value();
        const auto found = util::await<std::vector<storage::DuplicateCandidate>>(
            [&](auto done) { m_triage->duplicates(who, seen, std::move(done)); });
        std::vector<std::string> references;
        for (const auto& candidate : found.value()) references.push_back(candidate.reference);
        return references;
    }

    util::Expected<JoinResult> join(const std::string& reference, const std::string& into) {
        return util::await<JoinResult>([&](auto done) {
            m_triage->join(m_officer, reference, into, march_2026(5), std::move(done));
        });
    }
};

TEST_F(DuplicatesTest, OnlyThoseTheMemberMayReadAreListed) {
    // m_reference went to opr and oig, incident on 2026-03-01, excessive force.
    const auto next_day = file({"theft", "excessive-force"}, "2026-03-02");
    const auto other_category = file({"theft"}, "2026-03-01");
    const auto two_days_later = file({"excessive-force"}, "2026-03-03");
    const auto both = member("bo", {domain::Role::intake_officer}, {"opr", "oig"});
    const auto oig_copy = complaint(both, "OIG-2026-000001");
    ASSERT_TRUE(oig_copy) << oig_copy.error().message;

    // Of the same filing, the oig copy only for a member of oig; then the same incident.
    EXPECT_EQ(duplicates_of(both, m_reference),
              (std::vector<std::string>{"OIG-2026-000001", next_day}));
    EXPECT_EQ(duplicates_of(m_officer, m_reference), std::vector<std::string>{next_day});
    EXPECT_TRUE(duplicates_of(m_administrator, m_reference).empty());
    (void)other_category;
    (void)two_days_later;

    // In a case, a complaint is listed for an investigator only when the case is theirs.
    domain::TriageDecision accept;
    ASSERT_TRUE(decide(m_officer, accept, next_day)->recorded);
    EXPECT_EQ(duplicates_of(m_officer, m_reference), std::vector<std::string>{next_day});
    EXPECT_TRUE(duplicates_of(m_investigator, m_reference).empty());
}

TEST_F(DuplicatesTest, AComplaintIsLookedForAmongTheComplaintsOfTheOfficeHandlingItNow) {
    const auto next_day = file({"excessive-force"}, "2026-03-02");
    const auto both = member("bo", {domain::Role::intake_officer}, {"opr", "oig"});
    const auto listed_for = [&](const std::string& reference) {
        const auto seen = complaint(both, reference).value();
        const auto found = util::await<std::vector<storage::DuplicateCandidate>>(
            [&](auto done) { m_triage->duplicates(both, seen, std::move(done)); });
        std::vector<std::string> references;
        for (const auto& candidate : found.value()) references.push_back(candidate.reference);
        return references;
    };
    // Filed with opr: the same incident as opr's complaint, not as oig's copy of it.
    EXPECT_EQ(listed_for(m_reference), (std::vector<std::string>{"OIG-2026-000001", next_day}));
    EXPECT_EQ(listed_for("OIG-2026-000001"), std::vector<std::string>{m_reference});

    // Referred to oig, which accepts it: now oig's, and looked for among oig's.
    domain::TriageDecision refer;
    refer.action = domain::TriageAction::refer;
    refer.to_office = "oig";
    refer.reason = "The Inspector General investigates force at this checkpoint.";
    ASSERT_TRUE(decide(m_officer, refer, next_day)->recorded);
    Referrals referrals(*m_backend);
    const auto accepted = util::await<ReferralResult>([&](auto done) {
        referrals.answer(m_stranger, next_day, {domain::ReferralAnswer::accept, ""}, march_2026(5),
                         std::move(done));
    });
    ASSERT_TRUE(accepted && accepted->handling_office == "oig");
    EXPECT_EQ(listed_for("OIG-2026-000001"), (std::vector<std::string>{m_reference, next_day}));
    EXPECT_EQ(listed_for(m_reference), std::vector<std::string>{"OIG-2026-000001"});
}

TEST_F(DuplicatesTest, AJoinedComplaintTakesTheCaseWithItsAuditEntryAndNamesNoOther) {
    const auto later = file({"excessive-force"}, "2026-03-02");
    EXPECT_EQ(join(later, m_reference)->problems,
              (std::vector<domain::FormProblem>{{"into", "no_case"}}));
    ASSERT_TRUE(decide(m_officer, {})->recorded);
    const auto case_id = complaint(m_officer)->case_id;
    ASSERT_TRUE(case_id);
    EXPECT_EQ(join(later, later)->problems,
              (std::vector<domain::FormProblem>{{"into", "same_complaint"}}));
    EXPECT_EQ(join(later, "OIG-2026-000001")->problems,
              (std::vector<domain::FormProblem>{{"into", "unknown_complaint"}}));

    const auto joined = join(later, m_reference);
    ASSERT_TRUE(joined) << joined.error().message;
    EXPECT_EQ(joined->case_id, case_id);
    const auto seen = complaint(m_officer, later).value();
    EXPECT_EQ(seen.case_id, case_id);
    EXPECT_EQ(seen.status, domain::Status::investigating);
    EXPECT_EQ(seen.timeline.back().note, domain::k_joined_note);
    EXPECT_EQ(seen.timeline.back().note.find(m_reference), std::string::npos);
    const auto entries = trail();
    EXPECT_EQ(entries.back().event.action, "complaint.joined");
    EXPECT_EQ(entries.back().event.object, "complaint:" + later);
    EXPECT_NE(entries.back().event.details.find("into=" + m_reference), std::string::npos);
    // Joined, it is no longer awaiting triage.
    const auto again = join(later, m_reference);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, util::ErrorCode::conflict);
}

TEST_F(DuplicatesTest, ClosingAsADuplicateNamesTheComplaintItRepeats) {
    const auto later = file({"excessive-force"}, "2026-03-02");
    domain::TriageDecision close;
    close.action = domain::TriageAction::close;
    close.close_reason = domain::CloseReason::duplicate;
    close.reason = "Filed already.";
    close.duplicate_of = "OIG-2026-000001";  // not one olga may read
    EXPECT_EQ(decide(m_officer, close, later)->problems,
              (std::vector<domain::FormProblem>{{"duplicate_of", "unknown_complaint"}}));
    close.duplicate_of = m_reference;
    ASSERT_TRUE(decide(m_officer, close, later)->recorded);
    EXPECT_EQ(complaint(m_officer, later)->duplicate_of, m_reference);
    EXPECT_NE(trail().back().event.details.find("duplicate_of=" + m_reference), std::string::npos);
}

}  // namespace
}  // namespace redress::staff
