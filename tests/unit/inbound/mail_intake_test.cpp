#include "inbound/mail_intake.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include "crypto/secret_box.hpp"
#include "inbound/mail_spool.hpp"
#include "support/sample_deployment.hpp"
#include "support/staff_fixture.hpp"
#include "support/temp_folder.hpp"
#include "unit/inbound/spool_input.hpp"
#include "util/await.hpp"

namespace redress::inbound {
namespace {

const std::filesystem::path k_corpus =
    std::filesystem::path(REDRESS_SOURCE_DIR) / "tests/unit/mail/corpus";

// A PDF as an email attachment (base64 of a small PDF).
const std::string k_pdf_base64 =
    "JVBERi0xLjQKMSAwIG9iago8PCAvVHlwZSAvQ2F0YWxvZyA+PgplbmRvYmoKJSVFT0YK";

std::string reply_from(std::string_view from, std::string_view reference, bool with_pdf) {
    std::string message = fmt::format(
        "From: {}\r\nTo: complaints@oversight.example\r\nSubject: Re: Your complaint {} "
        "[redress]\r\nDate: Tue, 03 Mar 2026 15:00:00 +0100\r\nMIME-Version: 1.0\r\n",
        from, reference);
    if (!with_pdf) {
        return message +
               "Content-Type: text/plain; charset=utf-8\r\n\r\nOne more thing: it "
               "was two officers.\r\n";
    }
    return message +
           "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: "
           "text/plain\r\n\r\nThe ticket they gave me.\r\n--b\r\nContent-Type: application/pdf; "
           "name=\"ticket.pdf\"\r\nContent-Disposition: attachment; "
           "filename=\"ticket.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
           k_pdf_base64 + "\r\n--b--\r\n";
}

class MailIntakeTest : public ::testing::Test {
  protected:
    void SetUp() override {
        m_store = testing::open_store(m_folder.path());
        ASSERT_TRUE(m_store);
        auto folder = storage::EvidenceFolder::open(m_folder.path() / "evidence");
        ASSERT_TRUE(folder);
        m_evidence_folder = std::make_unique<storage::EvidenceFolder>(std::move(*folder));
        m_evidence = std::make_unique<intake::EvidenceIntake>(*m_evidence_folder, m_keys,
                                                              domain::EvidenceLimits{});
        m_intake = std::make_unique<intake::Intake>(m_deployment, *m_store, m_keys,
                                                    [] { return testing::fixed_now(); });
        m_mail = std::make_unique<MailIntake>(
            *m_intake, *m_evidence, *m_store, m_keys, [] { return testing::fixed_now(); },
            MailIntakeSettings{.spool = spool(),
                               .poll = std::chrono::milliseconds(500),
                               .limits = {},
                               .threads = 2,
                               .default_language = "en",
                               .has_language = [](std::string_view language) {
                                   return language == "en" || language == "es";
                               }});
    }

    void TearDown() override {
        m_mail.reset();
        m_intake.reset();
        m_store.reset();
    }

    std::filesystem::path spool() const { return m_folder.path() / "spool" / "mail"; }

    std::string spool_text(const std::string& text, std::size_t max_bytes = 1 << 20) {
        auto name = testing::spool_text(spool(), m_folder.path(), text, max_bytes);
        EXPECT_TRUE(name);
        return name ? *name : std::string();
    }

    std::vector<storage::MailJob> outbox() {
        auto due = util::await<std::vector<storage::MailJob>>([&](auto done) {
            m_store->due_mail(testing::fixed_now() + std::chrono::hours(1), 100, std::move(done));
        });
        EXPECT_TRUE(due);
        return due ? *due : std::vector<storage::MailJob>{};
    }

    std::vector<storage::QuarantinedMail> quarantine() {
        auto rows = util::await<std::vector<storage::QuarantinedMail>>(
            [&](auto done) { m_store->quarantined_mail(100, std::move(done)); });
        EXPECT_TRUE(rows);
        return rows ? *rows : std::vector<storage::QuarantinedMail>{};
    }

    std::optional<storage::ReplyContact> contact(const std::string& reference) {
        auto found = util::await<std::optional<storage::ReplyContact>>(
            [&](auto done) { m_store->reply_contact(reference, std::move(done)); });
        EXPECT_TRUE(found);
        return found ? *found : std::nullopt;
    }

    std::size_t spooled() {
        auto names = spooled_messages(spool());
        return names ? names->size() : 999;
    }

    // Files a plain complaint by email; answers its reference.
    std::string file_plain() {
        spool_text(testing::read_text(k_corpus / "01-plain-ascii.eml"));
        EXPECT_EQ(m_mail->take_spool(), 1u);
        const auto jobs = outbox();
        return jobs.empty() ? std::string() : jobs.back().reference;
    }

    testing::TempFolder m_folder;
    domain::Deployment m_deployment = testing::sample_deployment();
    crypto::Keys m_keys = testing::fixed_keys();
    std::unique_ptr<storage::Backend> m_store;
    std::unique_ptr<storage::EvidenceFolder> m_evidence_folder;
    std::unique_ptr<intake::EvidenceIntake> m_evidence;
    std::unique_ptr<intake::Intake> m_intake;
    std::unique_ptr<MailIntake> m_mail;
};

TEST_F(MailIntakeTest, FilesANewMessageAndQueuesItsAcknowledgmentWithTheReceipt) {
    const std::string reference = file_plain();
    EXPECT_EQ(spooled(), 0u);
    const auto jobs = outbox();
    ASSERT_EQ(jobs.size(), 1u);
    EXPECT_EQ(jobs[0].kind, storage::MailKind::acknowledgment);
    EXPECT_TRUE(reference.starts_with("OPR-"));
    auto address = crypto::open(m_keys.mail, jobs[0].sealed_address);
    ASSERT_TRUE(address);
    EXPECT_EQ(*address, "jane.roe@example.org");
    EXPECT_FALSE(jobs[0].sealed_extra.empty());  // the receipt
    EXPECT_TRUE(quarantine().empty());
}

TEST_F(MailIntakeTest, KeepsAnAttachmentAsEvidence) {
    spool_text(testing::read_text(k_corpus / "10-inline-cid-image.eml"));
    EXPECT_EQ(m_mail->take_spool(), 1u);
    const auto jobs = outbox();
    ASSERT_EQ(jobs.size(), 1u);
    auto files = util::await<std::vector<domain::Evidence>>(
        [&](auto done) { m_store->evidence_of(jobs[0].reference, std::move(done)); });
    ASSERT_TRUE(files);
    ASSERT_EQ(files->size(), 1u);
    EXPECT_EQ(files->front().media_type, "image/jpeg");
    EXPECT_EQ(files->front().source, domain::EvidenceSource::email);
}

TEST_F(MailIntakeTest, AppendsAReplyFromTheComplainantWithItsFiles) {
    const std::string reference = file_plain();
    ASSERT_FALSE(reference.empty());
    spool_text(reply_from("Jane Roe <Jane.Roe@example.org>", reference, true));
    EXPECT_EQ(m_mail->take_spool(), 1u);
    const auto found = contact(reference);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->messages, 1u);
    auto files = util::await<std::vector<domain::Evidence>>(
        [&](auto done) { m_store->evidence_of(reference, std::move(done)); });
    ASSERT_TRUE(files);
    ASSERT_EQ(files->size(), 1u);
    EXPECT_EQ(files->front().media_type, "application/pdf");
    EXPECT_TRUE(quarantine().empty());
    EXPECT_EQ(outbox().size(), 1u);  // no second complaint, no second acknowledgment
}

TEST_F(MailIntakeTest, QuarantinesAReplyFromAnotherSender) {
    const std::string reference = file_plain();
    const std::string raw = reply_from("mallory@example.net", reference, false);
    spool_text(raw);
    EXPECT_EQ(m_mail->take_spool(), 1u);
    EXPECT_EQ(contact(reference)->messages, 0u);
    const auto rows = quarantine();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].reason, "reference_not_from_complainant");
    EXPECT_EQ(rows[0].detail.find("mallory"), std::string::npos);
    auto kept = m_evidence->sealed_file(rows[0].stored_name, rows[0].size);
    ASSERT_TRUE(kept);
    EXPECT_EQ(*kept, raw);
    EXPECT_EQ(outbox().size(), 1u);
}

TEST_F(MailIntakeTest, QuarantinesWhatCannotBeRead) {
    spool_text(testing::read_text(k_corpus / "14-missing-from.eml"));
    EXPECT_EQ(m_mail->take_spool(), 1u);
    const auto rows = quarantine();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].reason, "no_sender");
    EXPECT_TRUE(outbox().empty());
}

TEST_F(MailIntakeTest, QuarantinesAMessageKeptCutAsTooLarge) {
    const std::string message = testing::read_text(k_corpus / "01-plain-ascii.eml");
    const auto name = spool_text(message, message.size() - 1);
    EXPECT_TRUE(spooled_cut(name));
    EXPECT_EQ(m_mail->take_spool(), 1u);
    const auto rows = quarantine();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].reason, "too_large");
    EXPECT_TRUE(outbox().empty());
}

TEST_F(MailIntakeTest, TakesAFileOnceEvenWhenItComesBackAfterACrash) {
    const std::string message = testing::read_text(k_corpus / "01-plain-ascii.eml");
    const auto name = spool_text(message);
    const auto copy = m_folder.path() / "copy.eml";
    std::filesystem::copy_file(spool() / name, copy);
    EXPECT_EQ(m_mail->take(name), Taken::filed);
    EXPECT_FALSE(std::filesystem::exists(spool() / name));
    // As after a crash between the commit and the removal: the file is there again.
    std::filesystem::copy_file(copy, spool() / name);
    EXPECT_EQ(m_mail->take(name), Taken::already);
    EXPECT_FALSE(std::filesystem::exists(spool() / name));
    EXPECT_EQ(outbox().size(), 1u);
}

TEST_F(MailIntakeTest, TakesManyAtOnceEachOnce) {
    const std::string message = testing::read_text(k_corpus / "01-plain-ascii.eml");
    for (int i = 0; i < 20; ++i) spool_text(message);
    EXPECT_EQ(m_mail->take_spool(), 20u);
    EXPECT_EQ(spooled(), 0u);
    EXPECT_EQ(outbox().size(), 20u);
}

TEST_F(MailIntakeTest, FilesInTheLanguageOfTheMessageWhenTheDeploymentHasIt) {
    spool_text(
        "From: ana@example.org\r\nSubject: Queja\r\nContent-Language: es\r\nContent-Type: "
        "text/plain; charset=utf-8\r\n\r\nMe detuvieron sin motivo.\r\n");
    spool_text(
        "From: ivan@example.org\r\nSubject: x\r\nContent-Language: ru\r\nContent-Type: "
        "text/plain; charset=utf-8\r\n\r\nText.\r\n");
    EXPECT_EQ(m_mail->take_spool(), 2u);
    const auto jobs = outbox();
    ASSERT_EQ(jobs.size(), 2u);
    // Taken on two threads: in either order.
    std::vector<std::string> languages{jobs[0].language, jobs[1].language};
    std::ranges::sort(languages);
    EXPECT_EQ(languages, (std::vector<std::string>{"en", "es"}));
}

}  // namespace
}  // namespace redress::inbound
