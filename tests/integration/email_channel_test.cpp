// The email channel end to end, as a deployment wires it: a private Postfix
// (tests/support/postfix.hpp) takes a complainant's message by SMTP and pipes it to
// `redress ingest-email --data DIR`; the `redress serve` running on that folder files it and
// sends the acknowledgment by SMTP to Postfix's smtp-sink. The acknowledgment carries the
// reference, the receipt and the status page's link, and not a word of the complaint; the
// receipt then opens the complaint's status on POST /api/v1/status.
//
// The server, the pipe and the data folder belong to one unprivileged account (nobody), as
// Postfix's pipe(8) never runs a command as root; the test itself runs as root (CI does).

#include <gtest/gtest.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <stdexcept>
#include <string>
#include <vector>

#include "integration/staff_session.hpp"
#include "support/http_client.hpp"
#include "support/postfix.hpp"
#include "support/redress_command.hpp"
#include "support/server_arguments.hpp"
#include "support/server_process.hpp"
#include "support/skip.hpp"
#include "support/smtp_sink.hpp"
#include "support/text_checks.hpp"

namespace redress {
namespace {

using testing::decoded_quoted_printable;
using testing::k_cheap;
using testing::k_password;

using testing::HttpConnection;

constexpr std::string_view k_public_base = "http://oversight.example.onion";
constexpr std::string_view k_account = "nobody";
// A message of the mail corpus: a short text and three attachments with encoded file names.
constexpr std::string_view k_message = "tests/unit/mail/corpus/08-rfc2231-file-names.eml";
constexpr std::string_view k_sender = "ana@example.org";

// A folder under /tmp that the account can reach (0755), removed at the end, holding the
// account's own data folder (0700).
class SharedFolder {
  public:
    SharedFolder() {
        std::string name = std::filesystem::temp_directory_path() / "redress-email-XXXXXX";
        if (::mkdtemp(name.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        m_path = name;
        ::chmod(m_path.c_str(), 0755);
    }
    ~SharedFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    SharedFolder(const SharedFolder&) = delete;
    SharedFolder& operator=(const SharedFolder&) = delete;
    const std::filesystem::path& path() const { return m_path; }

  private:
    std::filesystem::path m_path;
};

class EmailChannel : public ::testing::Test {
  protected:
    void SetUp() override {
        if (!testing::PostfixInstance::available() ||
            !std::filesystem::exists(testing::k_smtp_sink)) {
            REDRESS_SKIP() << "a private Postfix needs root and the postfix package";
        }
        const passwd* account = ::getpwnam(std::string(k_account).c_str());
        ASSERT_NE(account, nullptr);
        m_uid = account->pw_uid;
        m_gid = account->pw_gid;
        m_folder.emplace();
        m_data = m_folder->path() / "data";
        // An intake officer of each office, to read the files of whichever the mail reaches;
        // made as root, then everything given to the account the server runs as.
        for (const auto& [username, office] : {std::pair{"ines", "opr"}, {"olga", "oig"}}) {
            auto arguments = std::vector<std::string>{
                "user",     "add",    "--data",         m_data.string(), "--username",
                username,   "--name", "Intake Officer", "--role",        "intake_officer",
                "--office", office};
            arguments.insert(arguments.end(), k_cheap.begin(), k_cheap.end());
            const auto added =
                testing::run_redress(arguments, m_folder->path(), std::string(k_password) + "\n");
            ASSERT_EQ(added.exit_code, 0) << added.output;
        }
        for (const auto& entry : std::filesystem::recursive_directory_iterator(m_data)) {
            ASSERT_EQ(::chown(entry.path().c_str(), m_uid, m_gid), 0) << entry.path();
        }
        ASSERT_EQ(::chown(m_data.c_str(), m_uid, m_gid), 0);
        ::chmod(m_data.c_str(), 0700);
    }

    void TearDown() override {
        if (HasFailure() && m_server) {
            std::cerr << "--- server log ---\n" << m_server->log() << "--- end of log ---\n";
        }
        if (HasFailure() && m_postfix) {
            std::cerr << "--- postfix log ---\n" << m_postfix->log() << "--- end of log ---\n";
        }
    }

    std::optional<SharedFolder> m_folder;
    std::filesystem::path m_data;
    uid_t m_uid = 0;
    gid_t m_gid = 0;
    std::optional<testing::ServerProcess> m_server;
    std::optional<testing::PostfixInstance> m_postfix;
};

TEST_F(EmailChannel, AMailThroughPostfixIsFiledAndAcknowledgedWithItsReceipt) {
    const unsigned short smtp_port = testing::free_port();
    testing::SmtpSink sink(m_folder->path() / "sink", smtp_port);
    std::vector<std::string> flags = k_cheap;
    flags.insert(
        flags.end(),
        {"--mail-smtp-url", "smtp://127.0.0.1:" + std::to_string(smtp_port), "--mail-from",
         "complaints@oversight.example.org", "--public-base-url", std::string(k_public_base),
         "--mail-poll-ms", "50", "--mail-intake-poll-ms", "50", "--mail-retry-first-seconds", "1",
         "--mail-retry-max-seconds", "1", "--mail-send-timeout-seconds", "5"});
    m_server.emplace(m_data, flags, m_uid, m_gid);

    testing::PostfixInstance::Options options;
    options.user = k_account;
    options.command =
        "exec '" + std::string(REDRESS_BINARY) + "' ingest-email --data '" + m_data.string() + "'";
    m_postfix.emplace(std::move(options));
    const auto sent = m_postfix->send(std::filesystem::path(REDRESS_SOURCE_DIR) / k_message,
                                      std::string(k_sender));
    ASSERT_EQ(sent.exit_code, 0) << sent.output;

    // The acknowledgment, to the sender: the reference in its subject, the receipt and the
    // status page's link in its text.
    const auto raw = sink.wait_for("To: " + std::string(k_sender), std::chrono::seconds(60));
    ASSERT_TRUE(raw) << "no acknowledgment arrived";
    const std::string acknowledgment = decoded_quoted_printable(*raw);
    std::smatch found;
    ASSERT_TRUE(std::regex_search(acknowledgment, found,
                                  std::regex("Subject: We received your complaint "
                                             "((OPR|OIG)-\\d{4}-\\d{6})")))
        << acknowledgment;
    const std::string reference = found[1];
    ASSERT_TRUE(std::regex_search(acknowledgment, found,
                                  std::regex("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}")))
        << acknowledgment;
    const std::string receipt = found[0];
    EXPECT_NE(acknowledgment.find(std::string(k_public_base) + "/status"), std::string::npos)
        << acknowledgment;
    // Nothing of what the complainant wrote or sent.
    for (std::string_view secret :
         {"Photos attached", "Dupont", "Rapport", "vidence photo", "moins.txt", "/9j/4AAQ"}) {
        EXPECT_EQ(acknowledgment.find(secret), std::string::npos) << secret << "\n"
                                                                  << acknowledgment;
    }

    // The receipt works: the complaint's status, as the complainant would look it up.
    const auto status =
        HttpConnection(m_server->port())
            .post_json("/api/v1/status",
                       nlohmann::json{{"reference", reference}, {"receipt", receipt}}.dump());
    ASSERT_EQ(status.status, 200) << status.body;
    EXPECT_NE(status.body.find(reference), std::string::npos) << status.body;
    const auto wrong =
        HttpConnection(m_server->port())
            .post_json("/api/v1/status", nlohmann::json{{"reference", reference},
                                                        {"receipt", "0000-0000-0000-0000-0000"}}
                                             .dump());
    EXPECT_NE(wrong.status, 200) << wrong.body;

    // The attachments came with it: the photo is among the complaint's evidence files.
    const bool opr = reference.starts_with("OPR-");
    const auto member =
        testing::first_sign_in(m_server->port(), opr ? "ines" : "olga", std::string(k_password));
    const auto files = HttpConnection(m_server->port())
                           .get("/staff/complaints/" + reference + "/evidence", member.cookie);
    ASSERT_EQ(files.status, 200) << files.body;
    EXPECT_NE(files.body.find("évidence photo №1.jpg"), std::string::npos) << files.body;
    EXPECT_NE(files.body.find("image/jpeg"), std::string::npos) << files.body;
}

}  // namespace
}  // namespace redress
