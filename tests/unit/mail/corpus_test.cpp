// Every message of corpus/ read with the default limits, against its .expected file
// (corpus/README.md describes the format).

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "mail/inbound_message.hpp"
#include "mail/reference_in_subject.hpp"
#include "util/text.hpp"

namespace redress::mail {
namespace {

const std::filesystem::path k_corpus = REDRESS_SOURCE_DIR "/tests/unit/mail/corpus";

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

std::string unescaped(std::string_view value) {
    std::string text;
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '\\' && i + 1 < value.size()) {
            const char next = value[++i];
            text += next == 'n' ? '\n' : next == 't' ? '\t' : next;
        } else {
            text += value[i];
        }
    }
    return text;
}

using Expectations = std::vector<std::pair<std::string, std::string>>;

Expectations expectations_in(const std::string& text) {
    Expectations expectations;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const std::string_view line(text.data() + start, end - start);
        start = end + 1;
        if (line.empty() || line.front() == '#') continue;
        const auto colon = line.find(':');
        if (colon == std::string_view::npos) {
            ADD_FAILURE() << "no key in line: " << line;
            continue;
        }
        auto value = line.substr(colon + 1);
        if (value.starts_with(' ')) value.remove_prefix(1);
        expectations.emplace_back(std::string(line.substr(0, colon)), unescaped(value));
    }
    return expectations;
}

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    while (true) {
        const auto end = text.find(separator, start);
        fields.push_back(text.substr(start, end - start));
        if (end == std::string::npos) return fields;
        start = end + 1;
    }
}

void expect_valid_text(const InboundMessage& message) {
    EXPECT_TRUE(util::valid_utf8(message.from_address));
    EXPECT_TRUE(util::valid_utf8(message.from_name));
    EXPECT_TRUE(util::valid_utf8(message.reply_to));
    EXPECT_TRUE(util::valid_utf8(message.subject));
    EXPECT_TRUE(util::valid_utf8(message.message_id));
    EXPECT_TRUE(util::valid_utf8(message.text));
    EXPECT_FALSE(util::has_forbidden_controls(message.text, true));
    EXPECT_FALSE(util::has_forbidden_controls(message.subject, false));
    for (const auto& attachment : message.attachments) {
        EXPECT_TRUE(util::valid_utf8(attachment.file_name));
        EXPECT_FALSE(util::has_forbidden_controls(attachment.file_name, false));
        EXPECT_EQ(attachment.file_name.find('/'), std::string::npos);
    }
}

void check(const std::filesystem::path& eml) {
    SCOPED_TRACE(eml.filename().string());
    auto expected_path = eml;
    expected_path.replace_extension(".expected");
    ASSERT_TRUE(std::filesystem::exists(expected_path)) << "missing " << expected_path;
    const auto expectations = expectations_in(read_file(expected_path));
    ASSERT_FALSE(expectations.empty());
    ASSERT_EQ(expectations.front().first, "outcome") << "the first line must be the outcome";

    const auto result = read_message(read_file(eml));
    const std::string outcome = expectations.front().second;
    if (outcome.starts_with("quarantined:")) {
        ASSERT_FALSE(result.has_value()) << "filed, expected " << outcome;
        EXPECT_EQ("quarantined:" + result.error().reason, outcome) << result.error().detail;
        EXPECT_FALSE(result.error().detail.empty());
        return;
    }
    ASSERT_EQ(outcome, "filed");
    ASSERT_TRUE(result.has_value())
        << "quarantined: " << result.error().reason << ": " << result.error().detail;
    const InboundMessage& message = *result;
    expect_valid_text(message);

    std::size_t attachment_index = 0;
    for (const auto& [key, value] : expectations) {
        SCOPED_TRACE(key + ": " + value);
        if (key == "outcome") continue;
        if (key == "from") {
            EXPECT_EQ(message.from_address, value);
        } else if (key == "from-name") {
            EXPECT_EQ(message.from_name, value);
        } else if (key == "reply-to") {
            EXPECT_EQ(message.reply_to, value);
        } else if (key == "subject") {
            EXPECT_EQ(message.subject, value);
        } else if (key == "message-id") {
            EXPECT_EQ(message.message_id, value);
        } else if (key == "language") {
            EXPECT_EQ(message.language_hint, value);
        } else if (key == "date") {
            if (value == "none") {
                EXPECT_FALSE(message.date_unix.has_value());
            } else {
                EXPECT_EQ(message.date_unix, std::stoll(value));
            }
        } else if (key == "text") {
            EXPECT_EQ(message.text, value);
        } else if (key == "text-contains") {
            EXPECT_NE(message.text.find(value), std::string::npos) << message.text;
        } else if (key == "text-lacks") {
            EXPECT_EQ(message.text.find(value), std::string::npos) << message.text;
        } else if (key == "text-cut") {
            EXPECT_EQ(message.text_cut, value == "yes");
        } else if (key == "reference") {
            EXPECT_EQ(reference_in_subject(message.subject).value_or("none"), value);
        } else if (key == "attachments") {
            EXPECT_EQ(message.attachments.size(), std::stoul(value));
        } else if (key == "attachment") {
            const auto fields = split(value, '|');
            ASSERT_EQ(fields.size(), 4u);
            ASSERT_LT(attachment_index, message.attachments.size());
            const auto& attachment = message.attachments[attachment_index++];
            EXPECT_EQ(attachment.file_name, fields[0]);
            EXPECT_EQ(attachment.declared_type, fields[1]);
            if (fields[2] != "*") {
                EXPECT_EQ(attachment.content.size(), std::stoul(fields[2]));
            }
            EXPECT_EQ(attachment.inline_part ? "inline" : "attached", fields[3]);
        } else if (key == "attachment-contains") {
            const auto bar = value.find('|');
            ASSERT_NE(bar, std::string::npos);
            const auto index = std::stoul(value.substr(0, bar));
            ASSERT_GE(index, 1u);
            ASSERT_LE(index, message.attachments.size());
            EXPECT_NE(message.attachments[index - 1].content.find(value.substr(bar + 1)),
                      std::string::npos);
        } else {
            ADD_FAILURE() << "unknown key " << key;
        }
    }
}

std::vector<std::filesystem::path> messages() {
    std::vector<std::filesystem::path> paths;
    for (const auto& entry : std::filesystem::directory_iterator(k_corpus)) {
        if (entry.path().extension() == ".eml") paths.push_back(entry.path());
    }
    std::ranges::sort(paths);
    return paths;
}

TEST(MailCorpus, EveryMessageReadsAsExpected) {
    const auto paths = messages();
    ASSERT_GE(paths.size(), 18u) << "the corpus went missing";
    for (const auto& path : paths) check(path);
}

TEST(MailCorpus, EveryExpectationHasItsMessage) {
    for (const auto& entry : std::filesystem::directory_iterator(k_corpus)) {
        if (entry.path().extension() != ".expected") continue;
        auto eml = entry.path();
        eml.replace_extension(".eml");
        EXPECT_TRUE(std::filesystem::exists(eml)) << "no message for " << entry.path();
    }
}

}  // namespace
}  // namespace redress::mail
