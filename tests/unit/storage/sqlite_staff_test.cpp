// Staff accounts and the audit trail in SQLite: an account is written with its audit
// entry or not at all, and entries chain without gaps even when a job fails.

#include <gtest/gtest.h>

#include <future>

#include "crypto/chain_hash.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "support/temp_folder.hpp"
#include "util/await.hpp"

namespace redress::storage {
namespace {

StaffAccount account(std::string username) {
    StaffAccount account;
    account.member.username = std::move(username);
    account.member.display_name = "Dana Officer";
    account.member.roles = {domain::Role::investigator, domain::Role::intake_officer};
    account.member.offices = {"opr", "oig"};
    account.member.created_at = domain::Timestamp(std::chrono::seconds(1'790'000'000));
    account.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";
    return account;
}

domain::AuditEvent added(const std::string& username) {
    return {domain::Timestamp(std::chrono::seconds(1'790'000'000)),
            "cli:user-add",
            "staff.added",
            "staff:" + username,
            "",
            "roles=investigator"};
}

class SqliteStaffTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto opened = sqlite::open(
            {.path = m_folder.path() / "redress.sqlite3", .max_batch = 64, .read_connections = 2});
        ASSERT_TRUE(opened);
        m_backend = std::move(*opened);
    }

    util::Expected<domain::StaffId> add(std::string username) {
        return util::await<domain::StaffId>([&](Done<domain::StaffId> done) {
            m_backend->add_staff(account(username), added(username), std::move(done));
        });
    }

    std::vector<domain::AuditEntry> entries() {
        auto found = util::await<std::vector<domain::AuditEntry>>(
            [&](auto done) { m_backend->audit_entries(0, 1000, std::move(done)); });
        EXPECT_TRUE(found);
        return found ? *found : std::vector<domain::AuditEntry>{};
    }

    redress::testing::TempFolder m_folder;
    std::unique_ptr<Backend> m_backend;
};

TEST_F(SqliteStaffTest, AnAddedMemberIsFoundWithRolesAndOffices) {
    ASSERT_TRUE(add("dana"));
    auto found = util::await<std::optional<StaffAccount>>(
        [&](auto done) { m_backend->find_account("dana", std::move(done)); });
    ASSERT_TRUE(found);
    ASSERT_TRUE(found->has_value());
    const auto& member = (*found)->member;
    EXPECT_EQ(member.display_name, "Dana Officer");
    EXPECT_EQ(member.roles,
              (std::vector{domain::Role::intake_officer, domain::Role::investigator}));
    EXPECT_EQ(member.offices, (std::vector<std::string>{"oig", "opr"}));
    EXPECT_FALSE(member.enrolled);
    EXPECT_FALSE(member.disabled);
    EXPECT_EQ((*found)->password_hash, account("dana").password_hash);
    EXPECT_TRUE(member.works_complaints_of("opr"));
    EXPECT_FALSE(member.works_complaints_of("police"));
}

TEST_F(SqliteStaffTest, AnUnknownNameIsNotFound) {
    auto found = util::await<std::optional<StaffAccount>>(
        [&](auto done) { m_backend->find_account("nobody", std::move(done)); });
    ASSERT_TRUE(found);
    EXPECT_FALSE(found->has_value());
}

TEST_F(SqliteStaffTest, ATakenNameIsAConflictAndLeavesNoAuditEntry) {
    ASSERT_TRUE(add("dana"));
    auto again = add("dana");
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, util::ErrorCode::conflict);
    ASSERT_TRUE(add("eli"));
    const auto trail = entries();
    ASSERT_EQ(trail.size(), 2u);
    EXPECT_EQ(trail[0].event.object, "staff:dana");
    EXPECT_EQ(trail[1].event.object, "staff:eli");
    EXPECT_EQ(trail[1].sequence, 2);  // the failed job's entry was rolled back with it
}

TEST_F(SqliteStaffTest, EntriesChainEachToTheOneBefore) {
    for (const auto* name : {"a1", "b2", "c3"}) ASSERT_TRUE(add(name));
    const auto trail = entries();
    ASSERT_EQ(trail.size(), 3u);
    domain::ChainHash previous{};
    for (std::size_t i = 0; i < trail.size(); ++i) {
        EXPECT_EQ(trail[i].sequence, static_cast<std::int64_t>(i + 1));
        EXPECT_EQ(trail[i].previous, previous);
        EXPECT_EQ(trail[i].hash,
                  crypto::chain_hash(previous,
                                     domain::audit_entry_text(trail[i].sequence, trail[i].event)));
        previous = trail[i].hash;
    }
    auto head =
        util::await<domain::AuditEntry>([&](auto done) { m_backend->audit_head(std::move(done)); });
    ASSERT_TRUE(head);
    EXPECT_EQ(head->sequence, 3);
    EXPECT_EQ(head->hash, previous);
}

TEST_F(SqliteStaffTest, TheChainContinuesAfterTheStoreIsOpenedAgain) {
    ASSERT_TRUE(add("first"));
    m_backend.reset();
    SetUp();
    ASSERT_TRUE(add("second"));
    const auto trail = entries();
    ASSERT_EQ(trail.size(), 2u);
    EXPECT_EQ(trail[1].previous, trail[0].hash);
}

TEST_F(SqliteStaffTest, MembersAreListedByName) {
    for (const auto* name : {"zed", "amy", "kim"}) ASSERT_TRUE(add(name));
    auto listed = util::await<std::vector<domain::StaffMember>>(
        [&](auto done) { m_backend->list_staff(std::move(done)); });
    ASSERT_TRUE(listed);
    ASSERT_EQ(listed->size(), 3u);
    EXPECT_EQ((*listed)[0].username, "amy");
    EXPECT_EQ((*listed)[2].username, "zed");
    EXPECT_EQ((*listed)[1].offices.size(), 2u);
}

}  // namespace
}  // namespace redress::storage
