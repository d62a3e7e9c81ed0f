// The audit trail against tampering: staff accounts are added with `redress user add`
// (each addition an audit entry, its head signed at once), then the database is changed
// behind redress's back, as an insider with the file could: an entry edited, deleted,
// reordered, the trail cut short, or rewritten from an entry on with every later hash
// recomputed. `redress audit verify` must name the first broken entry every time.

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <string>

#include "crypto/chain_hash.hpp"
#include "crypto/keys.hpp"
#include "crypto/signature.hpp"
#include "domain/audit_event.hpp"
#include "support/redress_command.hpp"
#include "support/temp_folder.hpp"

namespace redress {
namespace {

using testing::run_redress;

// Cheap hashing: these tests are about the trail, not the password.
const std::vector<std::string> k_cheap = {
    "--log-level", "warn", "--staff-password-memory-mib", "8", "--staff-password-passes", "1"};

std::vector<std::string> with(std::vector<std::string> arguments,
                              const std::vector<std::string>& more) {
    arguments.insert(arguments.end(), more.begin(), more.end());
    return arguments;
}

class AuditTrail : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        s_folder = new redress::testing::TempFolder();
        const auto data = s_folder->path() / "pristine";
        ASSERT_EQ(run_redress(with({"init", "--data", data.string()}, k_cheap), s_folder->path())
                      .exit_code,
                  0);
        for (const auto* name : {"ana", "ben", "cleo", "dev", "eve"}) {
            const auto added = run_redress(
                with({"user", "add", "--data", data.string(), "--username", name, "--name",
                      std::string("Member ") + name, "--role", "investigator", "--office", "opr"},
                     k_cheap),
                s_folder->path(), "Quiet-River-Stone-2041\n");
            ASSERT_EQ(added.exit_code, 0) << added.output;
        }
    }
    static void TearDownTestSuite() { delete s_folder; }

    // A copy of the pristine data folder to tamper with.
    void SetUp() override {
        m_data = m_scratch.path() / "data";
        std::filesystem::copy(s_folder->path() / "pristine", m_data,
                              std::filesystem::copy_options::recursive);
    }

    // Runs SQL on the copy as an insider would, with the append-only triggers removed.
    void tamper(const std::string& sql) {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open((m_data / "redress.sqlite3").c_str(), &db), SQLITE_OK);
        const std::string all =
            "DROP TRIGGER audit_events_are_append_only_update;"
            "DROP TRIGGER audit_events_are_append_only_delete;" +
            sql;
        char* error = nullptr;
        const int result = sqlite3_exec(db, all.c_str(), nullptr, nullptr, &error);
        const std::string message = error ? error : "";
        sqlite3_free(error);
        sqlite3_close(db);
        ASSERT_EQ(result, SQLITE_OK) << message;
    }

    testing::CommandOutcome verify(std::vector<std::string> more = {}) {
        return run_redress(
            with(with({"audit", "verify", "--data", m_data.string()}, k_cheap), more),
            m_scratch.path());
    }

    static redress::testing::TempFolder* s_folder;
    redress::testing::TempFolder m_scratch;
    std::filesystem::path m_data;
};

redress::testing::TempFolder* AuditTrail::s_folder = nullptr;

TEST_F(AuditTrail, AnUntouchedTrailIsIntact) {
    const auto outcome = verify();
    EXPECT_EQ(outcome.exit_code, 0) << outcome.output;
    EXPECT_NE(outcome.output.find("intact: 5 entries, 5 signed checkpoints, head file at entry 5"),
              std::string::npos)
        << outcome.output;
}

TEST_F(AuditTrail, AnEditedEntryIsNamed) {
    tamper("UPDATE audit_events SET details = 'roles=administrator' WHERE sequence = 3;");
    const auto outcome = verify();
    EXPECT_EQ(outcome.exit_code, 1);
    EXPECT_NE(outcome.output.find("BROKEN at entry 3: the entry was changed"), std::string::npos)
        << outcome.output;
}

TEST_F(AuditTrail, ADeletedEntryIsNamed) {
    tamper(
        "DELETE FROM audit_checkpoints WHERE sequence = 3; DELETE FROM audit_events WHERE sequence "
        "= 3;");
    const auto outcome = verify();
    EXPECT_EQ(outcome.exit_code, 1);
    EXPECT_NE(outcome.output.find("BROKEN at entry 3: an entry is missing"), std::string::npos)
        << outcome.output;
}

TEST_F(AuditTrail, ReorderedEntriesAreNamed) {
    tamper(
        "DELETE FROM audit_checkpoints;"
        "UPDATE audit_events SET sequence = 100 WHERE sequence = 3;"
        "UPDATE audit_events SET sequence = 3 WHERE sequence = 4;"
        "UPDATE audit_events SET sequence = 4 WHERE sequence = 100;");
    const auto outcome = verify();
    EXPECT_EQ(outcome.exit_code, 1);
    EXPECT_NE(outcome.output.find("BROKEN at entry 3: the entry does not follow"),
              std::string::npos)
        << outcome.output;
}

TEST_F(AuditTrail, ATrailCutShortIsNamedEvenWithItsCheckpointsGone) {
    tamper(
        "DELETE FROM audit_checkpoints WHERE sequence > 3; DELETE FROM audit_events WHERE sequence "
        "> 3;");
    const auto outcome = verify();
    EXPECT_EQ(outcome.exit_code, 1);
    // The head file outside the database still names entry 5.
    EXPECT_NE(
        outcome.output.find("BROKEN at entry 5: a signed checkpoint names this entry, which is "
                            "no longer in the trail"),
        std::string::npos)
        << outcome.output;
}

TEST_F(AuditTrail, ATrailCutShortIsNamedByItsCheckpointsWithoutTheHeadFile) {
    std::filesystem::remove(m_data / "audit-head");
    tamper("DELETE FROM audit_events WHERE sequence > 3;");
    const auto outcome = verify();
    EXPECT_EQ(outcome.exit_code, 1);
    EXPECT_NE(outcome.output.find("BROKEN at entry 4: a signed checkpoint names this entry"),
              std::string::npos)
        << outcome.output;
}

TEST_F(AuditTrail, AChainRewrittenFromAnEntryOnIsNamedByItsCheckpoint) {
    // The insider edits entry 3 and recomputes its hash and every later one, so that the
    // chain links again; only the signed checkpoints can tell.
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((m_data / "redress.sqlite3").c_str(), &db), SQLITE_OK);
    sqlite3_stmt* select = nullptr;
    ASSERT_EQ(
        sqlite3_prepare_v2(db,
                           "SELECT sequence, at, actor, action, object, reason, details, hash "
                           "FROM audit_events ORDER BY sequence",
                           -1, &select, nullptr),
        SQLITE_OK);
    std::vector<std::pair<domain::AuditEntry, domain::ChainHash>> rewritten;
    domain::ChainHash previous{};
    while (sqlite3_step(select) == SQLITE_ROW) {
        domain::AuditEntry entry;
        entry.sequence = sqlite3_column_int64(select, 0);
        entry.event.at = domain::Timestamp(std::chrono::seconds(sqlite3_column_int64(select, 1)));
        const auto text = [&](int column) {
            return std::string(reinterpret_cast<const char*>(sqlite3_column_text(select, column)));
        };
        entry.event.actor = text(2);
        entry.event.action = text(3);
        entry.event.object = text(4);
        entry.event.reason = text(5);
        entry.event.details = text(6);
        if (entry.sequence == 3) entry.event.details = "roles=administrator";
        entry.previous = previous;
        entry.hash =
            crypto::chain_hash(previous, domain::audit_entry_text(entry.sequence, entry.event));
        previous = entry.hash;
        rewritten.emplace_back(entry, entry.hash);
    }
    sqlite3_finalize(select);
    sqlite3_close(db);
    std::string sql;
    const auto hex = [](const domain::ChainHash& hash) {
        std::string text;
        for (const auto byte : hash) text += fmt::format("{:02x}", byte);
        return text;
    };
    for (const auto& [entry, hash] : rewritten) {
        sql += fmt::format(
            "UPDATE audit_events SET details = '{}', previous = x'{}', hash = x'{}' "
            "WHERE sequence = {};",
            entry.event.details, hex(entry.previous), hex(hash), entry.sequence);
    }
    tamper(sql);
    const auto outcome = verify();
    EXPECT_EQ(outcome.exit_code, 1);
    EXPECT_NE(outcome.output.find("BROKEN at entry 3: a signed checkpoint does not match"),
              std::string::npos)
        << outcome.output;
}

TEST_F(AuditTrail, ACheckpointNotSignedByTheDeploymentIsNamed) {
    tamper("UPDATE audit_checkpoints SET signature = 'AAAA' WHERE sequence = 2;");
    const auto outcome = verify();
    EXPECT_EQ(outcome.exit_code, 1);
    EXPECT_NE(outcome.output.find("BROKEN at entry 2: a checkpoint of this entry is not signed"),
              std::string::npos)
        << outcome.output;
}

TEST_F(AuditTrail, AnyoneWithThePublicKeyCanVerifyWithoutTheKeyFile) {
    crypto::init();
    auto keys = crypto::read_keys(m_data / "redress.key");
    ASSERT_TRUE(keys);
    const auto public_key = crypto::to_base64(keys->current_signing().public_key);
    std::filesystem::rename(m_data / "redress.key", m_scratch.path() / "elsewhere.key");

    const auto with_key = verify({"--public-key", public_key});
    EXPECT_EQ(with_key.exit_code, 0) << with_key.output;
    // Without the key file and without a public key, nothing can check the signatures.
    const auto without = verify();
    EXPECT_EQ(without.exit_code, 2) << without.output;
}

}  // namespace
}  // namespace redress
