// The outbox on the real SQLite store: a filing whose complainant asked for mail queues an
// acknowledgment of each complaint in its own transaction, one without it queues nothing;
// a later status event queues a notice (one while one waits); what is due comes earliest
// first; a sent mail leaves the queue with its sealed receipt erased; a failed one comes
// back when its next attempt is due; a given-up one never does. And intake decides who gets
// mail: who asked for it, and the sender of a complaint by email, whose acknowledgment
// carries the receipt.

#include "storage/outbox.hpp"

#include <gtest/gtest.h>

#include "crypto/secret_box.hpp"
#include "intake/mail_contact.hpp"
#include "support/data_folder_database.hpp"
#include "support/filled_key.hpp"
#include "support/staff_fixture.hpp"
#include "support/temp_folder.hpp"
#include "util/await.hpp"

namespace redress::outbound {
namespace {

using std::chrono::seconds;

const domain::Timestamp k_filed(seconds(1773000000));

class OutboxTest : public ::testing::Test {
  protected:
    void SetUp() override {
        m_backend = redress::testing::open_store(m_folder.path());
        ASSERT_TRUE(m_backend);
    }

    // Files with opr and oig; with a mail contact when `mail`. The references.
    std::vector<std::string> file(bool mail, std::vector<std::uint8_t> receipt = {}) {
        auto filing = redress::testing::web_filing(k_filed, {"excessive-force"},
                                                   {{"opr", "OPR"}, {"oig", "OIG"}});
        if (mail) {
            filing.mail = domain::MailContact{.sealed_address = {7, 7, 7},
                                              .language = "es",
                                              .status_notices = true,
                                              .sealed_receipt = std::move(receipt)};
        }
        auto filed = util::await<std::vector<domain::FiledComplaint>>(
            [&](auto done) { m_backend->record(std::move(filing), std::move(done)); });
        EXPECT_TRUE(filed);
        std::vector<std::string> references;
        if (filed) {
            for (const auto& complaint : *filed) references.push_back(complaint.reference);
        }
        return references;
    }

    std::vector<storage::MailJob> due(domain::Timestamp now) {
        auto jobs = util::await<std::vector<storage::MailJob>>(
            [&](auto done) { m_backend->due_mail(now, 100, std::move(done)); });
        EXPECT_TRUE(jobs);
        return jobs ? *jobs : std::vector<storage::MailJob>{};
    }

    std::size_t waiting() {
        auto count =
            util::await<std::size_t>([&](auto done) { m_backend->waiting_mail(std::move(done)); });
        EXPECT_TRUE(count);
        return count ? *count : 0;
    }

    // A status event for the complaint `reference`, written as staff's decisions write it.
    void change_status(const std::string& reference, const std::string& status,
                       domain::Timestamp at) {
        auto connection = redress::testing::connect_to_data(m_folder.path());
        auto insert = connection->prepare(
            "INSERT INTO status_events (complaint_id, at, status, actor) "
            "SELECT id, ?1, ?2, 'staff:test' FROM complaints WHERE reference = ?3");
        ASSERT_TRUE(insert) << insert.error().message;
        const auto inserted =
            (*insert)
                ->bind(1, static_cast<std::int64_t>(at.time_since_epoch().count()))
                .bind(2, status)
                .bind(3, reference)
                .run();
        EXPECT_TRUE(inserted) << inserted.error().message;
    }

    std::int64_t column(const std::string& sql) {
        const auto rows = redress::testing::rows_of(m_folder.path(), sql);
        return rows.empty() || rows[0].empty() || rows[0][0].empty() ? -1 : std::stoll(rows[0][0]);
    }

    redress::testing::TempFolder m_folder;
    std::unique_ptr<storage::Backend> m_backend;
};

TEST_F(OutboxTest, AFilingWithoutMailQueuesNothing) {
    const auto references = file(false);
    ASSERT_EQ(references.size(), 2u);
    change_status(references[0], "acknowledged", k_filed + seconds(60));
    EXPECT_TRUE(due(k_filed + seconds(3600)).empty());
    EXPECT_EQ(waiting(), 0u);
}

TEST_F(OutboxTest, AFilingQueuesAnAcknowledgmentPerComplaintAndStatusChangesANotice) {
    file(false);
    const auto references = file(true);
    ASSERT_EQ(references.size(), 2u);
    EXPECT_TRUE(due(k_filed - seconds(1)).empty());
    auto jobs = due(k_filed);
    ASSERT_EQ(jobs.size(), 2u);
    for (std::size_t i = 0; i < 2; ++i) {
        EXPECT_EQ(jobs[i].kind, storage::MailKind::acknowledgment);
        EXPECT_EQ(jobs[i].reference, references[i]);
        EXPECT_EQ(jobs[i].language, "es");
        EXPECT_EQ(jobs[i].sealed_address, (std::vector<std::uint8_t>{7, 7, 7}));
        EXPECT_TRUE(jobs[i].sealed_extra.empty());
        EXPECT_EQ(jobs[i].created_at, k_filed);
        EXPECT_EQ(jobs[i].attempts, 0u);
    }

    // Two changes while the first notice waits make one notice; it is due after the
    // acknowledgments, which were due first.
    change_status(references[0], "acknowledged", k_filed + seconds(60));
    change_status(references[0], "triaged", k_filed + seconds(90));
    jobs = due(k_filed + seconds(3600));
    ASSERT_EQ(jobs.size(), 3u);
    EXPECT_EQ(jobs[2].kind, storage::MailKind::status_changed);
    EXPECT_EQ(jobs[2].reference, references[0]);
    EXPECT_EQ(waiting(), 3u);
}

TEST_F(OutboxTest, SentLeavesTheQueueAndErasesTheReceiptFailedComesBackGivenUpNever) {
    const auto references = file(true, {9, 9, 9, 9});
    auto jobs = due(k_filed);
    ASSERT_EQ(jobs.size(), 2u);
    EXPECT_EQ(jobs[0].sealed_extra, (std::vector<std::uint8_t>{9, 9, 9, 9}));

    auto sent = util::await<bool>([&](auto done) {
        m_backend->mail_sent(jobs[0].id, k_filed + seconds(1), std::move(done));
    });
    ASSERT_TRUE(sent);
    EXPECT_TRUE(*sent);
    EXPECT_EQ(column("SELECT sealed_extra IS NULL FROM outbound_mail WHERE id = " +
                     std::to_string(jobs[0].id)),
              1);
    // Sent once: a second report changes nothing.
    sent = util::await<bool>([&](auto done) {
        m_backend->mail_sent(jobs[0].id, k_filed + seconds(2), std::move(done));
    });
    ASSERT_TRUE(sent);
    EXPECT_FALSE(*sent);

    auto failed = util::await<bool>([&](auto done) {
        m_backend->mail_failed(jobs[1].id, "Couldn't connect to server", k_filed + seconds(60),
                               std::move(done));
    });
    ASSERT_TRUE(failed && *failed);
    EXPECT_TRUE(due(k_filed + seconds(59)).empty());
    jobs = due(k_filed + seconds(60));
    ASSERT_EQ(jobs.size(), 1u);
    EXPECT_EQ(jobs[0].attempts, 1u);
    EXPECT_EQ(jobs[0].reference, references[1]);

    auto given_up = util::await<bool>([&](auto done) {
        m_backend->mail_given_up(jobs[0].id, "refused (server answered 550)", k_filed + seconds(61),
                                 std::move(done));
    });
    ASSERT_TRUE(given_up && *given_up);
    EXPECT_TRUE(due(k_filed + seconds(100000)).empty());
    EXPECT_EQ(waiting(), 0u);
    EXPECT_EQ(column("SELECT count(*) FROM outbound_mail WHERE sealed_extra IS NOT NULL"), 0);
}

TEST_F(OutboxTest, AnAcknowledgmentCanBeQueuedLaterOnlyForAComplaintWithAContact) {
    file(false);
    file(true);
    const auto with_contact = column("SELECT complaint_id FROM mail_contacts LIMIT 1");
    const auto without = column(
        "SELECT id FROM complaints WHERE id NOT IN (SELECT complaint_id FROM mail_contacts) "
        "LIMIT 1");
    auto queued = util::await<std::int64_t>([&](auto done) {
        m_backend->queue_acknowledgment(with_contact, {1, 2}, k_filed, std::move(done));
    });
    ASSERT_TRUE(queued);
    auto refused = util::await<std::int64_t>([&](auto done) {
        m_backend->queue_acknowledgment(without, {1, 2}, k_filed, std::move(done));
    });
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, util::ErrorCode::not_found);
}

TEST(MailContact, WhoAskedForMailAndTheSenderOfAComplaintByEmail) {
    const auto key = redress::testing::filled_key(0x42);
    std::array<std::uint8_t, domain::Receipt::k_random_bytes> random{};
    const auto receipt = domain::Receipt::from_random(random);
    domain::Filing filing;
    filing.language = "fr";
    filing.complainant.email = "maria@example.net";

    EXPECT_FALSE(intake::mail_contact(filing, domain::Channel::web, receipt, key));
    const auto by_email = intake::mail_contact(filing, domain::Channel::email, receipt, key);
    ASSERT_TRUE(by_email);
    EXPECT_FALSE(by_email->status_notices);
    EXPECT_EQ(crypto::open(key, by_email->sealed_receipt).value_or(""), receipt.text());

    filing.complainant.replies_by_email = true;
    const auto asked = intake::mail_contact(filing, domain::Channel::api, receipt, key);
    ASSERT_TRUE(asked);
    EXPECT_TRUE(asked->status_notices);
    EXPECT_EQ(asked->language, "fr");
    EXPECT_TRUE(asked->sealed_receipt.empty());
    EXPECT_EQ(crypto::open(key, asked->sealed_address).value_or(""), "maria@example.net");

    filing.complainant.email.clear();
    EXPECT_FALSE(intake::mail_contact(filing, domain::Channel::email, receipt, key));
}

}  // namespace
}  // namespace redress::outbound
