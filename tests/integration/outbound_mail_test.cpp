// Mail to complainants against the real server and a real SMTP server on loopback
// (Postfix's smtp-sink, which writes each message it takes to a file): a complaint filed
// with an email address and replies by email is acknowledged by mail, then a staff decision
// sends a notice; the mails hold the address, the reference and the status page's link, and
// not a word of the complaint. With the mail server down, the filing is still taken, the
// mail waits, and it arrives once the server is up.

#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "integration/staff_session.hpp"
#include "support/http_client.hpp"
#include "support/redress_command.hpp"
#include "support/server_arguments.hpp"
#include "support/server_process.hpp"
#include "support/skip.hpp"
#include "support/smtp_sink.hpp"
#include "support/temp_folder.hpp"
#include "support/text_checks.hpp"

namespace redress {
namespace {

using testing::decoded_quoted_printable;
using testing::k_cheap;
using testing::k_password;
using testing::with;

using testing::free_port;
using testing::HttpConnection;
using testing::k_smtp_sink;
using testing::SmtpSink;

constexpr std::string_view k_narrative = "The officer at gate 7 struck my brother twice.";
constexpr std::string_view k_address = "maria.lopez@example.net";

class OutboundMail : public ::testing::Test {
  protected:
    void SetUp() override {
        if (!std::filesystem::exists(k_smtp_sink)) {
            REDRESS_SKIP() << "smtp-sink (package postfix) is not installed";
        }
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
        m_smtp_port = free_port();
    }

    void TearDown() override {
        if (HasFailure() && m_server) {
            std::cerr << "--- server log ---\n" << m_server->log() << "--- end of log ---\n";
        }
    }

    void start_server() {
        m_server.emplace(
            m_data,
            with(k_cheap, {"--mail-smtp-url", "smtp://127.0.0.1:" + std::to_string(m_smtp_port),
                           "--mail-from", "complaints@oversight.example.org", "--public-base-url",
                           "http://oversight.example.onion", "--mail-poll-ms", "50",
                           "--mail-retry-first-seconds", "1", "--mail-retry-max-seconds", "1",
                           "--mail-send-timeout-seconds", "5"}));
    }

    // Files a confidential complaint with an email address and replies by email; its
    // reference.
    std::string file() {
        const nlohmann::json filing = {
            {"complainant",
             {{"confidentiality", "confidential"},
              {"name", "Maria Lopez"},
              {"email", k_address},
              {"replies_by_email", true}}},
            {"incident", {{"narrative", k_narrative}, {"place", "Gate 7"}}},
            {"subjects", {{{"badge", "5521"}}}}};
        const auto response =
            HttpConnection(m_server->port()).post_json("/api/v1/complaints", filing.dump());
        EXPECT_EQ(response.status, 201) << response.body;
        const auto body = nlohmann::json::parse(response.body, nullptr, false);
        if (body.is_discarded() || body["complaints"].empty()) return {};
        return body["complaints"][0].value("reference", "");
    }

    // What a mail to the complainant must and must not hold.
    void expect_private(const std::string& raw, const std::string& reference) {
        const auto message = decoded_quoted_printable(raw);
        EXPECT_NE(message.find("To: " + std::string(k_address)), std::string::npos) << message;
        EXPECT_NE(message.find(reference), std::string::npos) << message;
        EXPECT_NE(message.find("http://oversight.example.onion/status"), std::string::npos)
            << message;
        for (std::string_view secret : {k_narrative, std::string_view("Gate 7"),
                                        std::string_view("5521"), std::string_view("Maria")}) {
            EXPECT_EQ(message.find(secret), std::string::npos) << secret << "\n" << message;
        }
    }

    testing::TempFolder m_folder;
    std::filesystem::path m_data;
    unsigned short m_smtp_port = 0;
    std::optional<testing::ServerProcess> m_server;
};

TEST_F(OutboundMail, AnAcknowledgmentThenANoticeOfTheStatusChangeWithoutTheComplaint) {
    SmtpSink sink(m_folder.path() / "sink", m_smtp_port);
    start_server();
    const auto reference = file();
    ASSERT_TRUE(reference.starts_with("OPR-")) << reference;

    const auto acknowledgment = sink.wait_for("Subject: We received your complaint " + reference);
    ASSERT_TRUE(acknowledgment) << "no acknowledgment arrived";
    expect_private(*acknowledgment, reference);

    // An intake officer accepts it: its status changes, and a notice goes.
    const auto ines = testing::first_sign_in(m_server->port(), "ines", std::string(k_password));
    const auto accepted =
        HttpConnection(m_server->port())
            .post_form("/staff/complaints/" + reference + "/triage",
                       {{"action", "accept"}, {"priority", "high"}, {"csrf", ines.csrf}},
                       ines.cookie);
    ASSERT_EQ(accepted.status, 303) << accepted.body;
    const auto notice = sink.wait_for("Subject: News about your complaint " + reference);
    ASSERT_TRUE(notice) << "no notice arrived";
    expect_private(*notice, reference);
    // The log names no address.
    EXPECT_EQ(m_server->log().find(k_address), std::string::npos);
}

TEST_F(OutboundMail, AMailServerThatIsDownDelaysTheMailAndLosesNothing) {
    start_server();  // nothing listens on the mail port yet
    const auto reference = file();
    ASSERT_TRUE(reference.starts_with("OPR-")) << reference;
    // The server tried and failed (its log says so, by job id only), then the sink comes up.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (m_server->log().find("mail: job 1 failed") == std::string::npos &&
           std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ASSERT_NE(m_server->log().find("mail: job 1 failed"), std::string::npos) << m_server->log();
    SmtpSink sink(m_folder.path() / "sink", m_smtp_port);
    const auto acknowledgment = sink.wait_for("Subject: We received your complaint " + reference);
    ASSERT_TRUE(acknowledgment) << "the mail never arrived";
    expect_private(*acknowledgment, reference);
    EXPECT_EQ(m_server->log().find(k_address), std::string::npos);
}

}  // namespace
}  // namespace redress
