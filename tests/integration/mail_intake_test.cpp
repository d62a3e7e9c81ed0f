// Email intake against the real server: messages piped through `redress ingest-email
// --data DIR` (as Postfix's pipe transport would) while `redress serve` runs are filed, with
// their attachments as evidence and an acknowledgment queued; a reply from the complainant
// is appended to their complaint, one from anyone else quarantined and shown to intake
// officers with its raw message; a server killed mid-way takes every spooled message exactly
// once after its restart; and with no server running the command still takes the mail,
// which the server files once it starts. The test reads the database read-only, as the
// command itself never does.

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "integration/staff_session.hpp"
#include "support/data_folder_database.hpp"
#include "support/http_client.hpp"
#include "support/redress_command.hpp"
#include "support/server_arguments.hpp"
#include "support/server_process.hpp"
#include "support/temp_folder.hpp"

namespace redress {
namespace {

using testing::k_cheap;
using testing::k_password;
using testing::with;

using testing::HttpConnection;

const std::filesystem::path k_corpus =
    std::filesystem::path(REDRESS_SOURCE_DIR) / "tests/unit/mail/corpus";

std::string corpus(std::string_view name) {
    std::ifstream in(k_corpus / name, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string reply(std::string_view from, const std::string& reference) {
    return "From: " + std::string(from) +
           "\r\nTo: complaints@oversight.example\r\nSubject: Re: Your complaint " + reference +
           " [redress]\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; "
           "charset=utf-8\r\n\r\nThere were two of them.\r\n";
}

// The first column of every row, space-separated ("" for NULL); "" when the database cannot
// be read yet.
std::string query(const std::filesystem::path& data, const std::string& sql) {
    std::string rows;
    try {
        for (const auto& row : testing::rows_of(data, sql)) {
            if (!rows.empty()) rows += ' ';
            rows += row.at(0);
        }
    } catch (const std::runtime_error&) {
        return {};
    }
    return rows;
}

class MailIntake : public ::testing::Test {
  protected:
    void SetUp() override {
        m_data = m_folder.path() / "data";
        ASSERT_EQ(testing::run_redress(with({"init", "--data", m_data.string()}, k_cheap),
                                       m_folder.path())
                      .exit_code,
                  0);
        const auto added = testing::run_redress(
            with({"user", "add", "--data", m_data.string(), "--username", "ines", "--name",
                  "Ines Member", "--role", "intake_officer", "--office", "opr"},
                 k_cheap),
            m_folder.path(), std::string(k_password) + "\n");
        ASSERT_EQ(added.exit_code, 0) << added.output;
    }

    void TearDown() override {
        if (HasFailure() && m_server) {
            std::cerr << "--- server log ---\n" << m_server->log() << "--- end of log ---\n";
        }
    }

    void start_server() {
        m_server.emplace(m_data, with(k_cheap, {"--mail-intake-poll-ms", "50"}));
    }

    // Pipes `message` through `redress ingest-email`, as a mail server would.
    void ingest(const std::string& message) {
        const auto outcome = testing::run_redress({"ingest-email", "--data", m_data.string()},
                                                  m_folder.path(), message);
        EXPECT_EQ(outcome.exit_code, 0) << outcome.output;
    }

    // An empty Maildir (new/, cur/, tmp/) in the test's folder, as a mail server keeps one.
    std::filesystem::path maildir() const {
        const auto folder = m_folder.path() / "Maildir";
        for (const char* part : {"new", "cur", "tmp"}) {
            std::filesystem::create_directories(folder / part);
        }
        return folder;
    }

    std::string sql(const std::string& text) { return query(m_data, text); }

    // Polls `sql` until it answers `expected`, for at most 30 seconds; answers the last.
    std::string wait_for(const std::string& text, const std::string& expected) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        std::string last;
        while (std::chrono::steady_clock::now() < deadline) {
            last = sql(text);
            if (last == expected) return last;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return last;
    }

    std::size_t spooled() const {
        std::size_t count = 0;
        std::error_code error;
        for (const auto& entry :
             std::filesystem::directory_iterator(m_data / "spool" / "mail", error)) {
            if (entry.path().extension() == ".eml") ++count;
        }
        return count;
    }

    testing::TempFolder m_folder;
    std::filesystem::path m_data;
    std::optional<testing::ServerProcess> m_server;
};

TEST_F(MailIntake, FilesRepliesAndQuarantinesWhatArrives) {
    start_server();
    // A plain complaint: filed, its acknowledgment (with the receipt) queued.
    ingest(corpus("01-plain-ascii.eml"));
    ASSERT_EQ(wait_for("SELECT count(*) FROM inbound_mail WHERE outcome = 'filed'", "1"), "1");
    const std::string reference =
        sql("SELECT c.reference FROM inbound_mail AS i JOIN complaints AS c ON c.id = "
            "i.complaint_id");
    ASSERT_TRUE(reference.starts_with("OPR-")) << reference;
    EXPECT_EQ(sql("SELECT count(*) FROM outbound_mail WHERE kind = 'acknowledgment' AND "
                  "sealed_extra IS NOT NULL"),
              "1");
    EXPECT_EQ(sql("SELECT channel FROM filings"), "email");

    // One with a photo: the photo is among its evidence, as staff see it.
    ingest(corpus("10-inline-cid-image.eml"));
    ASSERT_EQ(wait_for("SELECT count(*) FROM inbound_mail WHERE outcome = 'filed'", "2"), "2");
    const std::string with_photo =
        sql("SELECT c.reference FROM inbound_mail AS i JOIN complaints AS c ON c.id = "
            "i.complaint_id ORDER BY i.id DESC LIMIT 1");
    const auto ines = testing::first_sign_in(m_server->port(), "ines", std::string(k_password));
    const auto evidence = HttpConnection(m_server->port())
                              .get("/staff/complaints/" + with_photo + "/evidence", ines.cookie);
    EXPECT_EQ(evidence.status, 200);
    EXPECT_NE(evidence.body.find("image/jpeg"), std::string::npos) << evidence.body;

    // A reply from the complainant: appended to the complaint as their message.
    ingest(reply("Jane Roe <jane.roe@example.org>", reference));
    EXPECT_EQ(wait_for("SELECT count(*) FROM messages AS m JOIN complaints AS c ON c.id = "
                       "m.complaint_id WHERE c.reference = '" +
                           reference + "' AND m.kind = 'from_complainant'",
                       "1"),
              "1");
    // The same reference from someone else: quarantined, nothing appended.
    const std::string forged = reply("mallory@example.net", reference);
    ingest(forged);
    ASSERT_EQ(wait_for("SELECT reason FROM mail_quarantine", "reference_not_from_complainant"),
              "reference_not_from_complainant");
    EXPECT_EQ(sql("SELECT count(*) FROM messages"), "1");
    // And a message that cannot be read.
    ingest(corpus("14-missing-from.eml"));
    ASSERT_EQ(wait_for("SELECT count(*) FROM mail_quarantine", "2"), "2");
    EXPECT_EQ(sql("SELECT count(*) FROM audit_events WHERE action = 'mail.quarantined'"), "2");
    EXPECT_EQ(spooled(), 0u);

    // The quarantine, as intake officers see it, and the raw message as an attachment.
    const auto page = HttpConnection(m_server->port()).get("/staff/mail-quarantine", ines.cookie);
    EXPECT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("reference_not_from_complainant"), std::string::npos) << page.body;
    EXPECT_NE(page.body.find("no_sender"), std::string::npos);
    EXPECT_EQ(page.body.find("mallory"), std::string::npos);
    const std::string id =
        sql("SELECT id FROM mail_quarantine WHERE reason = 'reference_not_from_complainant'");
    const auto raw =
        HttpConnection(m_server->port()).get("/staff/mail-quarantine/" + id, ines.cookie);
    EXPECT_EQ(raw.status, 200);
    EXPECT_EQ(raw.body, forged);
    bool attachment = false;
    for (const auto& [name, value] : raw.headers) {
        if (name == "Content-Disposition") attachment = value.starts_with("attachment");
    }
    EXPECT_TRUE(attachment);
    EXPECT_EQ(sql("SELECT count(*) FROM audit_events WHERE action = "
                  "'mail.quarantine_downloaded'"),
              "1");
    // The log names no sender.
    EXPECT_EQ(m_server->log().find("jane.roe"), std::string::npos);
    EXPECT_EQ(m_server->log().find("mallory"), std::string::npos);
}

TEST_F(MailIntake, EveryMessageIsTakenExactlyOnceAcrossAKill) {
    constexpr int k_messages = 200;
    // Spooled by one command from a Maildir: a command per message would test the starting
    // of 200 processes, not the server's taking them in.
    const auto mail = maildir();
    const std::string message = corpus("01-plain-ascii.eml");
    for (int i = 0; i < k_messages; ++i) {
        std::ofstream(mail / "new" / (std::to_string(i) + ".host")) << message;
    }
    const auto spooling = testing::run_redress(
        {"ingest-email", "--data", m_data.string(), "--maildir", mail.string()}, m_folder.path());
    ASSERT_EQ(spooling.exit_code, 0) << spooling.output;
    ASSERT_EQ(spooled(), std::size_t{k_messages});
    start_server();
    // Killed as soon as it has taken some in: nothing twice, nothing lost.
    wait_for("SELECT count(*) > 0 FROM inbound_mail", "1");
    m_server->kill();
    m_server.reset();
    std::cout << "killed after " << sql("SELECT count(*) FROM inbound_mail") << " of " << k_messages
              << " messages were taken\n";
    start_server();
    const std::string all = std::to_string(k_messages);
    EXPECT_EQ(wait_for("SELECT count(*) FROM inbound_mail", all), all);
    EXPECT_EQ(sql("SELECT count(*) FROM filings"), all);
    EXPECT_EQ(sql("SELECT count(*) FROM outbound_mail"), all);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (spooled() > 0 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    EXPECT_EQ(spooled(), 0u);
}

TEST_F(MailIntake, MailArrivingWhileTheServerIsDownIsTakenWhenItStarts) {
    ingest(corpus("01-plain-ascii.eml"));
    EXPECT_EQ(spooled(), 1u);
    start_server();
    EXPECT_EQ(wait_for("SELECT count(*) FROM inbound_mail WHERE outcome = 'filed'", "1"), "1");
}

TEST_F(MailIntake, TheCommandAsksTheMailServerToTryAgainWhenItCannotKeepTheMessage) {
    std::ofstream(m_folder.path() / "not-a-folder") << "file";
    const auto outcome = testing::run_redress(
        {"ingest-email", "--data", (m_folder.path() / "not-a-folder").string()}, m_folder.path(),
        corpus("01-plain-ascii.eml"));
    EXPECT_EQ(outcome.exit_code, 75) << outcome.output;
}

TEST_F(MailIntake, AMaildirIsSpooledWhole) {
    const auto mail = maildir();
    std::ofstream(mail / "new" / "1.host") << corpus("01-plain-ascii.eml");
    std::ofstream(mail / "cur" / "2.host:2,S") << corpus("10-inline-cid-image.eml");
    const auto outcome = testing::run_redress(
        {"ingest-email", "--data", m_data.string(), "--maildir", mail.string()}, m_folder.path());
    EXPECT_EQ(outcome.exit_code, 0) << outcome.output;
    EXPECT_NE(outcome.output.find("2 message(s) spooled"), std::string::npos) << outcome.output;
    EXPECT_EQ(spooled(), 2u);
    start_server();
    EXPECT_EQ(wait_for("SELECT count(*) FROM inbound_mail", "2"), "2");
}

}  // namespace
}  // namespace redress
