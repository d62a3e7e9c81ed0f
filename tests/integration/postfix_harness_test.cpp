// The private Postfix of tests/support/postfix.hpp, proved with a command whose work can be
// seen without redress: a message sent to it by SMTP reaches the pipe command whole, through
// Postfix's queue (its Received: header and its log say so); mail to any other address is
// refused and reaches nothing; a command that says "try later" (75) leaves the message queued
// rather than lost. Each test starts its own instance and stops it.

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>

#include "support/postfix.hpp"
#include "support/skip.hpp"
#include "support/temp_folder.hpp"

namespace redress {
namespace {

using testing::PostfixInstance;

// The command that keeps what it is given: written under a temporary name, then renamed, so
// the file is whole once it exists.
constexpr std::string_view k_keep =
    "cat > \"$REDRESS_SCRATCH/message.tmp\" && mv \"$REDRESS_SCRATCH/message.tmp\" "
    "\"$REDRESS_SCRATCH/message.eml\"";

std::optional<std::string> wait_for_file(const std::filesystem::path& path,
                                         std::chrono::seconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (std::filesystem::exists(path)) {
            std::ifstream in(path);
            std::stringstream text;
            text << in.rdbuf();
            return text.str();
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return std::nullopt;
}

bool wait_for_log(const PostfixInstance& postfix, std::string_view part,
                  std::chrono::seconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (postfix.log().find(part) != std::string::npos) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

class PostfixHarness : public ::testing::Test {
  protected:
    void SetUp() override {
        if (!PostfixInstance::available()) {
            REDRESS_SKIP() << "a private Postfix needs root and the postfix package";
        }
        m_message = m_folder.path() / "message.eml";
        std::ofstream(m_message, std::ios::binary) << "From: Ana Ruiz <ana@example.org>\r\n"
                                                   << "To: intake@redress.test\r\n"
                                                   << "Subject: harness check 7f3a\r\n"
                                                   << "Message-ID: <harness-7f3a@example.org>\r\n"
                                                   << "\r\n"
                                                   << "First line of the body.\r\n"
                                                   << ".A line that starts with a dot.\r\n"
                                                   << "Last line of the body.\r\n";
    }

    std::optional<PostfixInstance> start(std::string_view command) {
        PostfixInstance::Options options;
        options.command = command;
        return std::optional<PostfixInstance>(std::in_place, std::move(options));
    }

    testing::TempFolder m_folder;
    std::filesystem::path m_message;
};

TEST_F(PostfixHarness, AMessageForTheRecipientReachesTheCommandWholeThroughPostfix) {
    auto postfix = start(k_keep);
    const auto sent = postfix->send(m_message);
    ASSERT_EQ(sent.exit_code, 0) << sent.output << postfix->log();
    const auto kept = wait_for_file(postfix->scratch() / "message.eml", std::chrono::seconds(30));
    ASSERT_TRUE(kept) << "the command was given nothing\n" << postfix->log();
    // Postfix's own header, then the message as sent (the dot-started line unstuffed).
    EXPECT_TRUE(kept->starts_with("Received: from ")) << *kept;
    EXPECT_NE(kept->find("for <intake@redress.test>"), std::string::npos) << *kept;
    for (std::string_view line :
         {"Subject: harness check 7f3a\n", "Message-ID: <harness-7f3a@example.org>\n",
          "\nFirst line of the body.\n.A line that starts with a dot.\nLast line of the body.\n"}) {
        EXPECT_NE(kept->find(line), std::string::npos) << line << "\n" << *kept;
    }
    EXPECT_TRUE(wait_for_log(*postfix, "status=sent (delivered via intake service)",
                             std::chrono::seconds(10)))
        << postfix->log();
}

TEST_F(PostfixHarness, MailForAnotherAddressIsRefusedAndReachesNothing) {
    auto postfix = start(k_keep);
    for (const std::string recipient : {"someone@redress.test", "victim@example.com"}) {
        const auto sent = testing::run_program(
            {testing::k_curl, "--silent", "--show-error", "--max-time", "30",
             "smtp://127.0.0.1:" + std::to_string(postfix->port()), "--mail-from",
             "ana@example.org", "--mail-rcpt", recipient, "--upload-file", m_message.string()},
            m_folder.path() / "curl.out");
        EXPECT_NE(sent.exit_code, 0) << recipient << " was taken";
        EXPECT_NE(sent.output.find("55"), std::string::npos) << sent.output;
    }
    // The one taken message shows the command did run; the refused ones never reached it.
    ASSERT_EQ(postfix->send(m_message).exit_code, 0);
    ASSERT_TRUE(wait_for_file(postfix->scratch() / "message.eml", std::chrono::seconds(30)));
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(postfix->scratch()),
                            std::filesystem::directory_iterator{}),
              1);
    EXPECT_EQ(postfix->log().find("victim@example.com>, relay="), std::string::npos)
        << postfix->log();
}

TEST_F(PostfixHarness, ACommandThatSaysTryLaterLeavesTheMessageQueued) {
    auto postfix = start("cat > /dev/null; touch \"$REDRESS_SCRATCH/tried\"; exit 75");
    ASSERT_EQ(postfix->send(m_message).exit_code, 0);
    ASSERT_TRUE(wait_for_file(postfix->scratch() / "tried", std::chrono::seconds(30)))
        << postfix->log();
    EXPECT_TRUE(wait_for_log(*postfix, "status=deferred", std::chrono::seconds(10)))
        << postfix->log();
    EXPECT_EQ(postfix->log().find("status=bounced"), std::string::npos) << postfix->log();
}

}  // namespace
}  // namespace redress
