// The audit trail against tampering: staff accounts are added with `redress user add`
// (each addition an audit entry, its head signed at once), then the database is changed
// behind redress's back, as an insider with access to it could: an entry edited, deleted,
// reordered, the trail cut short, or rewritten from an entry on with every later hash
// recomputed. `redress audit verify` must name the first broken entry every time.

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "crypto/chain_hash.hpp"
#include "crypto/keys.hpp"
#include "crypto/signature.hpp"
#include "domain/audit_event.hpp"
#include "support/data_folder_database.hpp"
#include "support/redress_command.hpp"
#include "support/server_arguments.hpp"
#include "support/temp_folder.hpp"

namespace redress {
namespace {

using testing::run_redress;

using testing::with;

// Cheap hashing, and warnings only: these tests are about the trail, not the password.
const std::vector<std::string> k_trail_arguments = with({"--log-level", "warn"}, testing::k_cheap);

// A data folder with five staff accounts added, each addition an audit entry.
void make_trail(const std::filesystem::path& data, const std::filesystem::path& scratch) {
    ASSERT_EQ(
        run_redress(with({"init", "--data", data.string()}, k_trail_arguments), scratch).exit_code,
        0);
    for (const auto* name : {"ana", "ben", "cleo", "dev", "eve"}) {
        const auto added = run_redress(
            with({"user", "add", "--data", data.string(), "--username", name, "--name",
                  std::string("Member ") + name, "--role", "investigator", "--office", "opr"},
                 k_trail_arguments),
            scratch, "Quiet-River-Stone-2041\n");
        ASSERT_EQ(added.exit_code, 0) << added.output;
    }
}

class AuditTrail : public ::testing::Test {
  protected:
    // On SQLite the trail is made once and each test tampers with a copy of its folder. On
    // PostgreSQL a folder's data is in a schema named after the folder, which a copy of the
    // folder does not take along: each test makes its own trail.
    static void SetUpTestSuite() {
        s_folder = new redress::testing::TempFolder();
        if (!testing::tests_run_on_postgresql()) {
            make_trail(s_folder->path() / "pristine", s_folder->path());
        }
    }
    static void TearDownTestSuite() { delete s_folder; }

    void SetUp() override {
        m_data = m_scratch.path() / "data";
        if (testing::tests_run_on_postgresql()) {
            make_trail(m_data, m_scratch.path());
        } else {
            std::filesystem::copy(s_folder->path() / "pristine", m_data,
                                  std::filesystem::copy_options::recursive);
        }
    }

    // Runs SQL on the data as an insider would, with the append-only triggers removed (and
    // on PostgreSQL, which enforces it, the checkpoints' reference to their entries, which
    // SQLite's own connection here does not).
    void tamper(const std::string& sql) {
        const std::string unguarded =
            testing::tests_run_on_postgresql()
                ? "DROP TRIGGER audit_events_are_append_only_update ON audit_events;"
                  "DROP TRIGGER audit_events_are_append_only_delete ON audit_events;"
                  "ALTER TABLE audit_checkpoints DROP CONSTRAINT audit_checkpoints_sequence_fkey;"
                : "DROP TRIGGER audit_events_are_append_only_update;"
                  "DROP TRIGGER audit_events_are_append_only_delete;";
        const auto done = testing::connect_to_data(m_data)->execute(unguarded + sql);
        ASSERT_TRUE(done) << done.error().message;
    }

    testing::CommandOutcome verify(std::vector<std::string> more = {}) {
        return run_redress(
            with(with({"audit", "verify", "--data", m_data.string()}, k_trail_arguments), more),
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
    const auto trail = testing::rows_of(
        m_data,
        "SELECT sequence, at, actor, action, object, reason, details FROM audit_events "
        "ORDER BY sequence");
    ASSERT_EQ(trail.size(), 5U);
    tamper("");
    auto connection = testing::connect_to_data(m_data);
    auto update = connection->prepare(
        "UPDATE audit_events SET details = ?1, previous = ?2, hash = ?3 WHERE sequence = ?4");
    ASSERT_TRUE(update) << update.error().message;
    domain::ChainHash previous{};
    for (const auto& row : trail) {
        domain::AuditEntry entry;
        entry.sequence = std::stoll(row[0]);
        entry.event.at = domain::Timestamp(std::chrono::seconds(std::stoll(row[1])));
        entry.event.actor = row[2];
        entry.event.action = row[3];
        entry.event.object = row[4];
        entry.event.reason = row[5];
        entry.event.details = row[6];
        if (entry.sequence == 3) entry.event.details = "roles=administrator";
        const auto hash =
            crypto::chain_hash(previous, domain::audit_entry_text(entry.sequence, entry.event));
        const auto rewritten = (*update)
                                   ->bind(1, entry.event.details)
                                   .bind(2, std::span<const std::uint8_t>(previous))
                                   .bind(3, std::span<const std::uint8_t>(hash))
                                   .bind(4, entry.sequence)
                                   .run();
        ASSERT_TRUE(rewritten) << rewritten.error().message;
        previous = hash;
    }
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
