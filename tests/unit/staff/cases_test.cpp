// Case work by staff, on the real SQLite store: a case opened by triage, who may read and
// change it, assignment, notes sealed at rest, findings per allegation, closure with the
// reconsideration window on the office's calendar, staff messages, and the complainant's
// reconsideration request reopening the case. Every change leaves its audit entry.

#include "staff/cases.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <iterator>

#include "crypto/secret_box.hpp"
#include "staff/messages.hpp"
#include "staff/triage.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "support/instants.hpp"
#include "support/sample_deployment.hpp"
#include "support/staff_fixture.hpp"
#include "support/temp_folder.hpp"
#include "util/await.hpp"

namespace redress::staff {
namespace {

using redress::testing::in_2026;

using domain::Role;

domain::ReceivedFiling filing() {
    return redress::testing::web_filing(in_2026(3, 2), {"excessive-force"}, {{"opr", "OPR"}});
}

class CasesTest : public ::testing::Test {
  protected:
    void SetUp() override {
        m_backend = redress::testing::open_store(m_folder.path());
        ASSERT_TRUE(m_backend);
        m_key.fill(7);
        m_triage = std::make_unique<Triage>(m_deployment, *m_backend);
        m_cases = std::make_unique<Cases>(m_deployment, *m_backend, *m_backend, m_key);
        m_messages = std::make_unique<Messages>(*m_backend, *m_backend, m_key);
        auto filed = util::await<std::vector<domain::FiledComplaint>>(
            [&](auto done) { m_backend->record(filing(), std::move(done)); });
        ASSERT_TRUE(filed);
        m_reference = filed->front().reference;
        m_officer = member("olga", {Role::intake_officer}, {"opr"});
        m_supervisor = member("sue", {Role::supervisor}, {"opr"});
        m_investigator = member("ivan", {Role::investigator}, {"opr"});
        m_other_investigator = member("vera", {Role::investigator}, {"opr"});
        m_stranger = member("sam", {Role::intake_officer, Role::supervisor}, {"oig"});

        domain::TriageDecision accept;
        accept.categories = {"excessive-force", "bribery-corruption"};
        const auto decided = util::await<TriageResult>([&](auto done) {
            m_triage->decide(m_officer, m_reference, accept, in_2026(3, 3), std::move(done));
        });
        ASSERT_TRUE(decided && decided->recorded);
        const auto seen = complaint(m_officer);
        ASSERT_TRUE(seen && seen->case_id);
        m_case = *seen->case_id;
        m_complaint_id = seen->complaint_id;
    }

    domain::StaffMember member(std::string username, std::vector<domain::Role> roles,
                               std::vector<std::string> offices) {
        return redress::testing::add_member(*m_backend, std::move(username), std::move(roles),
                                            std::move(offices), in_2026(3, 1));
    }

    util::Expected<storage::StaffComplaint> complaint(const domain::StaffMember& who) {
        return util::await<storage::StaffComplaint>(
            [&](auto done) { m_triage->complaint(who, m_reference, std::move(done)); });
    }
    util::Expected<storage::CaseFile> file(const domain::StaffMember& who) {
        return util::await<storage::CaseFile>(
            [&](auto done) { m_cases->case_file(who, m_case, std::move(done)); });
    }
    util::Expected<CaseResult> assign(const domain::StaffMember& who,
                                      const domain::StaffMember& to) {
        return util::await<CaseResult>([&](auto done) {
            m_cases->assign(who, m_case, to.id, in_2026(3, 4), std::move(done));
        });
    }
    util::Expected<CaseResult> note(const domain::StaffMember& who, std::string text) {
        return util::await<CaseResult>([&](auto done) {
            m_cases->add_note(who, m_case, std::move(text), in_2026(3, 5), std::move(done));
        });
    }
    util::Expected<CaseResult> findings(const domain::StaffMember& who,
                                        std::vector<domain::AllegationFinding> found) {
        return util::await<CaseResult>([&](auto done) {
            m_cases->record_findings(who, m_case, std::move(found), in_2026(3, 6), std::move(done));
        });
    }
    // The complaint as its complainant's status look-up reads it.
    domain::ComplaintRecord looked_up() {
        auto found = util::await<std::optional<domain::ComplaintRecord>>(
            [&](auto done) { m_backend->find_complaint(m_reference, std::move(done)); });
        EXPECT_TRUE(found && found->has_value());
        return found && found->has_value() ? std::move(**found) : domain::ComplaintRecord{};
    }
    util::Expected<CaseResult> close(const domain::StaffMember& who, domain::Closure closure,
                                     domain::Timestamp at = in_2026(3, 9)) {
        return util::await<CaseResult>([&](auto done) {
            m_cases->close(who, m_case, std::move(closure), at, std::move(done));
        });
    }
    util::Expected<std::int64_t> complainant_writes(domain::MessageKind kind, std::string today) {
        storage::ComplainantMessageRecord record;
        record.complaint_id = m_complaint_id;
        record.kind = kind;
        record.at = in_2026(3, 20);
        record.today = std::move(today);
        record.sealed_text = crypto::seal(m_key, "Please look again: there was a witness.");
        domain::AuditEvent audit{
            in_2026(3, 20), "complainant", "message.received", "complaint:" + m_reference, "", ""};
        return util::await<std::int64_t>([&](auto done) {
            m_backend->post_complainant_message(std::move(record), std::move(audit),
                                                std::move(done));
        });
    }
    std::vector<domain::AuditEntry> trail() {
        return util::await<std::vector<domain::AuditEntry>>(
                   [&](auto done) { m_backend->audit_entries(0, 100, std::move(done)); })
            .value();
    }
    const std::vector<domain::AllegationFinding> k_both{
        {"bribery-corruption", domain::Finding::unfounded},
        {"excessive-force", domain::Finding::sustained}};

    redress::testing::TempFolder m_folder;
    std::unique_ptr<storage::Backend> m_backend;
    domain::Deployment m_deployment = redress::testing::sample_deployment();
    crypto::Key m_key{};
    std::unique_ptr<Triage> m_triage;
    std::unique_ptr<Cases> m_cases;
    std::unique_ptr<Messages> m_messages;
    std::string m_reference;
    std::int64_t m_complaint_id = 0;
    std::int64_t m_case = 0;
    domain::StaffMember m_officer, m_supervisor, m_investigator, m_other_investigator, m_stranger;
};

TEST_F(CasesTest, TriageOpensACaseWithTheComplaintsAllegations) {
    const auto opened = file(m_officer);
    ASSERT_TRUE(opened) << opened.error().message;
    EXPECT_EQ(opened->office_id, "opr");
    EXPECT_EQ(opened->state, domain::CaseState::open);
    EXPECT_FALSE(opened->investigator_id);
    ASSERT_EQ(opened->complaints.size(), 1u);
    EXPECT_EQ(opened->complaints[0].reference, m_reference);
    EXPECT_EQ(Cases::allegations(*opened),
              (std::vector<std::string>{"bribery-corruption", "excessive-force"}));
}

TEST_F(CasesTest, OnlyTheOfficesTriagingStaffAndTheAssignedInvestigatorReadIt) {
    EXPECT_TRUE(file(m_officer));
    EXPECT_TRUE(file(m_supervisor));
    // Unassigned, an investigator reads neither the case nor its complaint.
    EXPECT_EQ(file(m_investigator).error().code, util::ErrorCode::not_found);
    EXPECT_EQ(complaint(m_investigator).error().code, util::ErrorCode::not_found);
    EXPECT_EQ(file(m_stranger).error().code, util::ErrorCode::not_found);

    ASSERT_TRUE(assign(m_officer, m_investigator).value().recorded);
    EXPECT_TRUE(file(m_investigator));
    EXPECT_TRUE(complaint(m_investigator));
    EXPECT_EQ(file(m_other_investigator).error().code, util::ErrorCode::not_found);
    EXPECT_EQ(complaint(m_other_investigator).error().code, util::ErrorCode::not_found);
    EXPECT_EQ(file(m_investigator)->investigator, "ivan");
}

TEST_F(CasesTest, AssignmentGoesOnlyToAnInvestigatorOfTheOffice) {
    const auto to_officer = assign(m_supervisor, m_officer);
    ASSERT_TRUE(to_officer);
    EXPECT_FALSE(to_officer->recorded);
    EXPECT_EQ(to_officer->problems,
              (std::vector<domain::FormProblem>{{"investigator", "not_investigator"}}));
    ASSERT_TRUE(assign(m_officer, m_investigator).value().recorded);
    // An investigator does not assign, not even to themselves.
    EXPECT_EQ(assign(m_investigator, m_other_investigator).error().code,
              util::ErrorCode::forbidden);
    EXPECT_EQ(assign(m_stranger, m_investigator).error().code, util::ErrorCode::not_found);
}

TEST_F(CasesTest, NotesAreSealedAtRestAndAuditedWithoutTheirText) {
    const std::string text = "Spoke to the shift lead; CCTV for gate 3 requested.";
    ASSERT_TRUE(note(m_officer, text).value().recorded);
    const auto blank = note(m_officer, "  \n ");
    ASSERT_TRUE(blank);
    EXPECT_EQ(blank->problems, (std::vector<domain::FormProblem>{{"text", "required"}}));
    EXPECT_EQ(note(m_stranger, "Not mine").error().code, util::ErrorCode::not_found);

    const auto seen = file(m_officer).value();
    ASSERT_EQ(seen.notes.size(), 1u);
    EXPECT_EQ(seen.notes[0].author, "staff:olga");
    EXPECT_EQ(crypto::open(m_key, seen.notes[0].sealed_text).value(), text);
    EXPECT_EQ(trail().back().event.action, "case.note_added");
    EXPECT_EQ(trail().back().event.details.find("CCTV"), std::string::npos);

    m_backend.reset();  // everything on disk
    // SQLite's file, read whole; PostgreSQL's files are the server's, and the store's
    // columns are the same on both.
    if (redress::testing::tests_run_on_postgresql()) return;
    std::ifstream database(m_folder.path() / "redress.sqlite3", std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(database)),
                            std::istreambuf_iterator<char>());
    EXPECT_EQ(bytes.find("CCTV"), std::string::npos);
}

TEST_F(CasesTest, TasksAreAddedWithADueDayAndDoneOnce) {
    auto add = [&](const domain::StaffMember& who, std::string title, std::string due) {
        return util::await<CaseResult>([&](auto done) {
            m_cases->add_task(who, m_case, std::move(title), std::move(due), in_2026(3, 5),
                              std::move(done));
        });
    };
    auto complete = [&](const domain::StaffMember& who, std::int64_t task) {
        return util::await<CaseResult>([&](auto done) {
            m_cases->complete_task(who, m_case, task, in_2026(3, 6), std::move(done));
        });
    };
    EXPECT_EQ(add(m_officer, "Too late", "2026-03-04").value().problems,
              (std::vector<domain::FormProblem>{{"due", "in_the_past"}}));
    EXPECT_EQ(add(m_officer, "", "5 March").value().problems,
              (std::vector<domain::FormProblem>{{"title", "required"}, {"due", "invalid_date"}}));
    EXPECT_EQ(add(m_stranger, "Not ours", "2026-03-10").error().code, util::ErrorCode::not_found);
    ASSERT_TRUE(add(m_officer, "Request the CCTV of gate 3", "2026-03-10").value().recorded);
    ASSERT_TRUE(add(m_officer, "Call the witness", "2026-03-06").value().recorded);

    const auto listed = file(m_officer).value();
    ASSERT_EQ(listed.tasks.size(), 2u);
    EXPECT_EQ(listed.tasks[0].due_on, "2026-03-06");  // the first due first
    EXPECT_EQ(crypto::open(m_key, listed.tasks[1].sealed_title).value(),
              "Request the CCTV of gate 3");
    EXPECT_EQ(trail().back().event.details, "due=2026-03-06");
    EXPECT_EQ(trail().back().event.details.find("witness"), std::string::npos);

    const auto first = listed.tasks[0].id;
    EXPECT_EQ(complete(m_stranger, first).error().code, util::ErrorCode::not_found);
    EXPECT_EQ(complete(m_officer, 999999).error().code, util::ErrorCode::not_found);
    ASSERT_TRUE(complete(m_officer, first).value().recorded);
    EXPECT_EQ(complete(m_officer, first).error().code, util::ErrorCode::conflict);
    const auto done = file(m_officer).value();
    EXPECT_EQ(done.tasks.back().id, first);  // done ones last
    EXPECT_EQ(done.tasks.back().done_by, "staff:olga");
    EXPECT_EQ(trail().back().event.action, "case.task_done");
}

TEST_F(CasesTest, FindingsThenClosureMoveTheComplaintAndOpenTheReconsiderationWindow) {
    ASSERT_TRUE(assign(m_officer, m_investigator).value().recorded);
    // Closure before findings is refused; findings must cover each allegation once.
    const auto early = close(m_investigator, {"We looked into it.", ""});
    ASSERT_TRUE(early);
    EXPECT_EQ(early->problems, (std::vector<domain::FormProblem>{{"closure", "no_findings"}}));
    const auto partial = findings(m_investigator, {k_both[1]});
    ASSERT_TRUE(partial);
    EXPECT_EQ(partial->problems, (std::vector<domain::FormProblem>{{"findings", "missing"}}));
    EXPECT_EQ(findings(m_officer, k_both).error().code, util::ErrorCode::forbidden);
    EXPECT_EQ(findings(m_other_investigator, k_both).error().code, util::ErrorCode::not_found);

    ASSERT_TRUE(findings(m_investigator, k_both).value().recorded);
    EXPECT_EQ(complaint(m_officer)->status, domain::Status::findings);
    EXPECT_EQ(findings(m_investigator, k_both).value().problems,
              (std::vector<domain::FormProblem>{{"findings", "not_open"}}));

    ASSERT_TRUE(close(m_investigator,
                      {"The officer used force that was not needed.", "The officer was retrained."})
                    .value()
                    .recorded);
    const auto closed = file(m_officer).value();
    EXPECT_EQ(closed.state, domain::CaseState::closed);
    EXPECT_EQ(closed.findings, k_both);
    EXPECT_EQ(closed.findings_round, 1);
    ASSERT_TRUE(closed.closure);
    EXPECT_EQ(crypto::open(m_key, closed.closure->sealed_remedy).value(),
              "The officer was retrained.");
    // The sample office gives 30 calendar days from 9 March.
    EXPECT_EQ(closed.closure->reconsider_until, "2026-04-08");
    EXPECT_EQ(complaint(m_officer)->status, domain::Status::closed);
    // The complainant's look-up reads the outcome: the findings and the closure.
    const auto shown = looked_up();
    ASSERT_TRUE(shown.outcome);
    EXPECT_EQ(shown.outcome->findings, k_both);
    EXPECT_EQ(crypto::open(m_key, shown.outcome->sealed_text).value(),
              "The officer used force that was not needed.");
    EXPECT_EQ(crypto::open(m_key, shown.outcome->sealed_remedy).value(),
              "The officer was retrained.");
    EXPECT_EQ(shown.outcome->reconsider_until, "2026-04-08");
    EXPECT_EQ(trail().back().event.action, "case.closed");
    // A closed case takes no assignment.
    EXPECT_EQ(assign(m_officer, m_other_investigator).error().code, util::ErrorCode::conflict);
}

TEST_F(CasesTest, ReconsiderationIsTakenOnlyAfterClosureAndWithinTheWindowAndReopens) {
    EXPECT_EQ(complainant_writes(domain::MessageKind::reconsideration, "2026-03-20").error().code,
              util::ErrorCode::conflict);
    ASSERT_TRUE(assign(m_officer, m_investigator).value().recorded);
    ASSERT_TRUE(findings(m_investigator, k_both).value().recorded);
    ASSERT_TRUE(close(m_investigator, {"Not sustained after review.", ""}).value().recorded);
    EXPECT_EQ(complainant_writes(domain::MessageKind::reconsideration, "2026-04-09").error().code,
              util::ErrorCode::conflict);

    ASSERT_TRUE(complainant_writes(domain::MessageKind::reconsideration, "2026-04-08"));
    EXPECT_EQ(file(m_officer)->state, domain::CaseState::open);
    const auto reopened = complaint(m_officer).value();
    EXPECT_EQ(reopened.status, domain::Status::investigating);
    EXPECT_EQ(reopened.timeline.back().actor, "complainant");
    ASSERT_EQ(reopened.messages.size(), 1u);
    EXPECT_EQ(reopened.messages[0].kind, domain::MessageKind::reconsideration);
    // A second round of findings may follow.
    ASSERT_TRUE(findings(m_investigator, {{"bribery-corruption", domain::Finding::unfounded},
                                          {"excessive-force", domain::Finding::not_sustained}})
                    .value()
                    .recorded);
    EXPECT_EQ(file(m_officer)->findings_round, 2);
    // Reopened, the look-up shows no outcome; closed again, the second round's findings and
    // the second closure, not the first's.
    EXPECT_FALSE(looked_up().outcome);
    // After the reconsideration was asked for (20 March).
    ASSERT_TRUE(close(m_investigator, {"Looked at again: still not sustained.", "An apology."},
                      in_2026(3, 25))
                    .value()
                    .recorded);
    const auto shown = looked_up();
    ASSERT_TRUE(shown.outcome);
    EXPECT_EQ(shown.outcome->findings, (std::vector<domain::AllegationFinding>{
                                           {"bribery-corruption", domain::Finding::unfounded},
                                           {"excessive-force", domain::Finding::not_sustained}}));
    EXPECT_EQ(crypto::open(m_key, shown.outcome->sealed_text).value(),
              "Looked at again: still not sustained.");
    EXPECT_EQ(crypto::open(m_key, shown.outcome->sealed_remedy).value(), "An apology.");
}

TEST_F(CasesTest, StaffWriteToTheComplainantWhenTheyWorkTheComplaint) {
    auto send = [&](const domain::StaffMember& who, std::string text) {
        return util::await<MessageResult>([&](auto done) {
            m_messages->send(who, m_reference, std::move(text), in_2026(3, 7), std::move(done));
        });
    };
    ASSERT_TRUE(send(m_officer, "We have opened an investigation.").value().recorded);
    EXPECT_EQ(send(m_investigator, "Unassigned").error().code, util::ErrorCode::not_found);
    EXPECT_EQ(send(m_stranger, "Another office").error().code, util::ErrorCode::not_found);
    EXPECT_EQ(send(m_officer, "").value().problems,
              (std::vector<domain::FormProblem>{{"text", "required"}}));
    ASSERT_TRUE(assign(m_officer, m_investigator).value().recorded);
    ASSERT_TRUE(send(m_investigator, "Could you tell us the time?").value().recorded);
    const auto seen = complaint(m_officer).value();
    ASSERT_EQ(seen.messages.size(), 2u);
    EXPECT_EQ(seen.messages[1].author, "staff:ivan");
    EXPECT_EQ(crypto::open(m_key, seen.messages[1].sealed_text).value(),
              "Could you tell us the time?");
    EXPECT_EQ(trail().back().event.action, "message.sent");
    ASSERT_TRUE(complainant_writes(domain::MessageKind::from_complainant, "2026-03-20"));
    EXPECT_EQ(complaint(m_officer)->messages.back().author, "complainant");
}

}  // namespace
}  // namespace redress::staff
