// `redress synthesize` at a small size: the complaints are filed and worked as staff would
// work them (cases, assignments, notes, tasks, messages both ways, findings, closures, as
// well as referrals and closures at triage, and some left waiting), its sample files are
// written, the audit trail it leaves verifies, and the same seed gives the same spread.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "support/data_folder_database.hpp"
#include "support/redress_command.hpp"
#include "support/temp_folder.hpp"

namespace redress {
namespace {

using testing::run_redress;

// Cheap hashing: this is about the data, not the password.
const std::vector<std::string> k_quiet_and_cheap = {
    "--log-level", "warn", "--staff-password-memory-mib", "8", "--staff-password-passes", "1"};

std::vector<std::string> synthesize(const std::filesystem::path& data,
                                    const std::filesystem::path& outputs) {
    std::vector<std::string> arguments = {"synthesize",
                                          "--data",
                                          data.string(),
                                          "--complaints",
                                          "200",
                                          "--seed",
                                          "7",
                                          "--until",
                                          "2026-11-30",
                                          "--known",
                                          (outputs / "known.tsv").string(),
                                          "--cases",
                                          (outputs / "cases.tsv").string(),
                                          "--staff-password",
                                          "Quiet-River-Stone-2041"};
    arguments.insert(arguments.end(), k_quiet_and_cheap.begin(), k_quiet_and_cheap.end());
    return arguments;
}

// The first column of every row of `sql`, joined by spaces ("" for NULL).
std::string query(const std::filesystem::path& data, const std::string& sql) {
    std::string rows;
    for (const auto& row : testing::rows_of(data, sql)) {
        if (!rows.empty()) rows += ' ';
        rows += row.at(0);
    }
    return rows;
}

long count(const std::filesystem::path& data, const std::string& sql) {
    return std::stol(query(data, sql));
}

std::size_t lines_of(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::size_t lines = 0;
    for (std::string line; std::getline(in, line);) ++lines;
    return lines;
}

class Synthesize : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        s_folder = new redress::testing::TempFolder();
        s_outcome = new testing::CommandOutcome(
            run_redress(synthesize(s_folder->path() / "data", s_folder->path()), s_folder->path()));
    }
    static void TearDownTestSuite() {
        delete s_outcome;
        delete s_folder;
    }
    static std::filesystem::path data() { return s_folder->path() / "data"; }

    static inline redress::testing::TempFolder* s_folder = nullptr;
    static inline testing::CommandOutcome* s_outcome = nullptr;
};

TEST_F(Synthesize, FilesEveryComplaintWithoutARefusal) {
    ASSERT_EQ(s_outcome->exit_code, 0) << s_outcome->output;
    EXPECT_NE(s_outcome->output.find("synthesized 200 filings"), std::string::npos)
        << s_outcome->output;
    EXPECT_EQ(s_outcome->output.find("refused"), std::string::npos) << s_outcome->output;
    // A complaint per office a filing went to: now and then two.
    EXPECT_EQ(count(data(), "SELECT count(*) FROM filings"), 200);
    EXPECT_GE(count(data(), "SELECT count(*) FROM complaints"), 200);
}

TEST_F(Synthesize, SpreadsTheComplaintsOverEveryStageOfTheirHandling) {
    ASSERT_EQ(s_outcome->exit_code, 0) << s_outcome->output;
    const auto d = data();
    // Every queue has some: waiting for triage, referred, investigated, with findings, closed.
    for (const auto* queue : {"triage", "referred", "investigating", "findings", "closed"}) {
        EXPECT_GT(count(d, std::string("SELECT count(*) FROM complaint_states WHERE queue = '") +
                               queue + "'"),
                  0)
            << queue;
    }
    // Most are triaged, and most of those accepted: a case each.
    const auto cases = count(d, "SELECT count(*) FROM cases");
    EXPECT_GT(cases, 80);
    EXPECT_LT(cases, 200);
    EXPECT_GT(count(d, "SELECT count(*) FROM triage_decisions WHERE action = 'close'"), 0);
    EXPECT_GT(count(d, "SELECT count(*) FROM referrals"), 0);
    // Most cases assigned, to more than one investigator, each of the case's office.
    EXPECT_GT(count(d, "SELECT count(*) FROM cases WHERE investigator_id IS NOT NULL"),
              cases * 3 / 4);
    EXPECT_GT(count(d, "SELECT count(DISTINCT investigator_id) FROM cases"), 2);
    EXPECT_EQ(count(d,
                    "SELECT count(*) FROM cases AS c WHERE investigator_id IS NOT NULL AND NOT "
                    "EXISTS (SELECT 1 FROM staff_offices AS o WHERE o.staff_id = "
                    "c.investigator_id AND o.office_id = c.office_id)"),
              0);
    EXPECT_GT(count(d, "SELECT count(*) FROM case_notes"), 0);
    EXPECT_GT(count(d, "SELECT count(*) FROM case_tasks"), 0);
    EXPECT_GT(count(d, "SELECT count(*) FROM case_tasks WHERE done_at IS NOT NULL"), 0);
    EXPECT_GT(count(d, "SELECT count(*) FROM messages WHERE kind = 'to_complainant'"), 0);
    EXPECT_GT(count(d, "SELECT count(*) FROM messages WHERE kind = 'from_complainant'"), 0);
    EXPECT_GT(count(d, "SELECT count(*) FROM case_findings"), 0);
    EXPECT_GT(count(d, "SELECT count(*) FROM case_closures"), 0);
    // Staff for each local office: an intake officer, a supervisor, four investigators.
    EXPECT_EQ(count(d, "SELECT count(*) FROM staff"), 12);
    // Arrived over the year before --until, none after it, and no step after it either.
    EXPECT_EQ(count(d, "SELECT count(*) FROM complaint_states WHERE received_at >= 1796083200"),
              0);  // 2026-12-01T00:00Z
    EXPECT_EQ(count(d, "SELECT count(*) FROM status_events WHERE at >= 1796083200"), 0);
}

TEST_F(Synthesize, WorksOutEveryDeadlineBeforeItEnds) {
    ASSERT_EQ(s_outcome->exit_code, 0) << s_outcome->output;
    const auto d = data();
    EXPECT_NE(s_outcome->output.find("deadlines worked out: "), std::string::npos);
    EXPECT_EQ(count(d, "SELECT count(*) FROM complaint_states WHERE clocks_moved = 1"), 0);
    // Open complaints owe something; a closed one owes nothing.
    EXPECT_GT(count(d, "SELECT count(*) FROM complaint_states WHERE due_at IS NOT NULL"), 0);
    EXPECT_EQ(count(d,
                    "SELECT count(*) FROM complaint_states WHERE queue = 'closed' AND due_at "
                    "IS NOT NULL"),
              0);
    // Waiting for triage, over the year before --until: most are long overdue, at most one
    // clock each, named.
    EXPECT_GT(count(d,
                    "SELECT count(*) FROM complaint_states WHERE queue = 'triage' AND due_at "
                    "< 1796083200 AND due_clock IN ('acknowledge', 'triage')"),
              0);
}

TEST_F(Synthesize, WritesItsSamples) {
    ASSERT_EQ(s_outcome->exit_code, 0) << s_outcome->output;
    // A sample of the complaints (drawn with repetition), each with its receipt.
    const auto known = lines_of(s_folder->path() / "known.tsv");
    EXPECT_GT(known, 100U);
    EXPECT_LE(known, 200U);
    std::ifstream in(s_folder->path() / "known.tsv");
    std::string reference, receipt;
    ASSERT_TRUE(std::getline(in, reference, '\t') && std::getline(in, receipt));
    EXPECT_EQ(
        count(data(), "SELECT count(*) FROM complaints WHERE reference = '" + reference + "'"), 1);
    EXPECT_FALSE(receipt.empty());
    EXPECT_EQ(static_cast<long>(lines_of(s_folder->path() / "cases.tsv")),
              count(data(), "SELECT count(*) FROM cases"));
}

TEST_F(Synthesize, LeavesAnAuditTrailThatVerifies) {
    ASSERT_EQ(s_outcome->exit_code, 0) << s_outcome->output;
    std::vector<std::string> arguments = {"audit", "verify", "--data", data().string()};
    arguments.insert(arguments.end(), k_quiet_and_cheap.begin(), k_quiet_and_cheap.end());
    const auto verified = run_redress(arguments, s_folder->path());
    EXPECT_EQ(verified.exit_code, 0) << verified.output;
    // Every staff change has its entry: a triage decision each, a case change each.
    EXPECT_EQ(count(data(), "SELECT count(*) FROM audit_events WHERE action = 'complaint.triaged'"),
              count(data(), "SELECT count(*) FROM triage_decisions"));
    EXPECT_EQ(count(data(), "SELECT count(*) FROM audit_events WHERE action = 'case.note_added'"),
              count(data(), "SELECT count(*) FROM case_notes"));
}

TEST_F(Synthesize, GivesTheSameSpreadForTheSameSeed) {
    ASSERT_EQ(s_outcome->exit_code, 0) << s_outcome->output;
    redress::testing::TempFolder other;
    const auto again = run_redress(synthesize(other.path() / "data", other.path()), other.path());
    ASSERT_EQ(again.exit_code, 0) << again.output;
    const std::string spread =
        "SELECT queue || ':' || status || ':' || priority || ':' || count(*) FROM "
        "complaint_states GROUP BY queue, status, priority ORDER BY 1";
    EXPECT_EQ(query(other.path() / "data", spread), query(data(), spread));
    const std::string work =
        "SELECT (SELECT count(*) FROM case_notes) || ' ' || (SELECT count(*) FROM case_tasks) "
        "|| ' ' || (SELECT count(*) FROM messages) || ' ' || (SELECT "
        "group_concat(CAST(received_at AS TEXT)) FROM (SELECT received_at FROM complaint_states "
        "ORDER BY complaint_id) AS received)";
    EXPECT_EQ(query(other.path() / "data", work), query(data(), work));
}

}  // namespace
}  // namespace redress
