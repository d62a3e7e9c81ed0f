// A complaint a member of staff entered by phone or mail, in SQLite: who took it and when the
// office was contacted are stored with the filing, one audit entry per complaint with the
// member, the channel and the day, and nothing of what the complainant said; a filing from
// the public has neither.

#include <gtest/gtest.h>

#include <future>

#include "sample_filing.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "support/temp_folder.hpp"
#include "util/await.hpp"

namespace redress::storage {
namespace {

using redress::testing::oig;
using redress::testing::opr;
using redress::testing::sample_filing;
using redress::testing::utc;

class SqliteStaffEntryTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto opened = sqlite::open(
            {.path = m_folder.path() / "redress.sqlite3", .max_batch = 64, .read_connections = 1});
        ASSERT_TRUE(opened);
        m_backend = std::move(*opened);
        StaffAccount account;
        account.member.username = "ines";
        account.member.display_name = "Ines Intake";
        account.member.roles = {domain::Role::intake_officer};
        account.member.offices = {"opr"};
        account.member.created_at = utc(2026, 1, 1);
        account.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";
        auto id = util::await<domain::StaffId>([&](Done<domain::StaffId> done) {
            m_backend->add_staff(
                account, {utc(2026, 1, 1), "cli:user-add", "staff.added", "staff:ines", "", ""},
                std::move(done));
        });
        ASSERT_TRUE(id);
        m_ines = *id;
    }

    util::Expected<std::vector<domain::FiledComplaint>> record(domain::ReceivedFiling filing) {
        std::promise<util::Expected<std::vector<domain::FiledComplaint>>> promise;
        auto future = promise.get_future();
        m_backend->record(std::move(filing),
                          [&promise](auto stored) { promise.set_value(std::move(stored)); });
        return future.get();
    }

    std::optional<StaffComplaint> complaint(const std::string& reference) {
        auto found = util::await<std::optional<StaffComplaint>>(
            [&](auto done) { m_backend->staff_complaint(reference, std::move(done)); });
        EXPECT_TRUE(found);
        return found ? *found : std::nullopt;
    }

    std::vector<domain::AuditEntry> entries() {
        auto found = util::await<std::vector<domain::AuditEntry>>(
            [&](auto done) { m_backend->audit_entries(0, 1000, std::move(done)); });
        EXPECT_TRUE(found);
        return found ? *found : std::vector<domain::AuditEntry>{};
    }

    redress::testing::TempFolder m_folder;
    std::unique_ptr<Backend> m_backend;
    domain::StaffId m_ines = 0;
};

TEST_F(SqliteStaffEntryTest, WhoTookItAndWhenAreStoredWithTheFilingAndItsAuditEntries) {
    auto filing = sample_filing({opr(), oig()}, utc(2026, 3, 5, 9, 30));
    filing.channel = domain::Channel::phone;
    filing.staff_entry = domain::StaffEntry{m_ines, "staff:ines", utc(2026, 3, 5, 9, 10)};
    const auto filed = record(filing);
    ASSERT_TRUE(filed) << filed.error().message;
    ASSERT_EQ(filed->size(), 2u);

    for (const auto& each : *filed) {
        const auto found = complaint(each.reference);
        ASSERT_TRUE(found) << each.reference;
        EXPECT_EQ(found->channel, domain::Channel::phone);
        EXPECT_EQ(found->received_at, utc(2026, 3, 5, 9, 30));  // the clocks start here
        ASSERT_TRUE(found->staff_entry);
        EXPECT_EQ(found->staff_entry->entered_by, "Ines Intake");
        EXPECT_EQ(found->staff_entry->contacted_at, utc(2026, 3, 5, 9, 10));
    }
    std::vector<std::string> objects;
    for (const auto& entry : entries()) {
        if (entry.event.action != "complaint.entered") continue;
        objects.push_back(entry.event.object);
        EXPECT_EQ(entry.event.actor, "staff:ines");
        EXPECT_EQ(entry.event.at, utc(2026, 3, 5, 9, 30));
        EXPECT_EQ(entry.event.details, "channel=phone contacted=2026-03-05");
    }
    EXPECT_EQ(objects, (std::vector<std::string>{"complaint:" + (*filed)[0].reference,
                                                 "complaint:" + (*filed)[1].reference}));
}

TEST_F(SqliteStaffEntryTest, AFilingFromThePublicHasNoEntry) {
    const auto filed = record(sample_filing({opr()}));
    ASSERT_TRUE(filed) << filed.error().message;
    const auto found = complaint(filed->front().reference);
    ASSERT_TRUE(found);
    EXPECT_FALSE(found->staff_entry);
    for (const auto& entry : entries()) EXPECT_NE(entry.event.action, "complaint.entered");
}

}  // namespace
}  // namespace redress::storage
