#include "mail/inbound_message.hpp"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "util/text.hpp"

namespace redress::mail {
namespace {

std::string message(std::string_view extra_headers, std::string_view body) {
    std::string text = "From: Jane <jane@example.org>\nSubject: s\n";
    text += extra_headers;
    text += "\n";
    text += body;
    return text;
}

// A message whose own Content-Type and body are `rest`.
std::string with_headers(std::string_view rest) {
    return "From: Jane <jane@example.org>\nSubject: s\n" + std::string(rest);
}

std::string multipart(std::string_view subtype, const std::vector<std::string>& parts,
                      const std::string& boundary = "b") {
    std::string text =
        "Content-Type: multipart/" + std::string(subtype) + "; boundary=\"" + boundary + "\"\n\n";
    for (const auto& part : parts) text += "--" + boundary + "\n" + part + "\n";
    return text + "--" + boundary + "--\n";
}

TEST(ReadMessage, PrefersPlainTextInAnAlternative) {
    const auto read = read_message(
        with_headers(multipart("alternative", {"Content-Type: text/html\n\n<p>html version</p>",
                                               "Content-Type: text/plain\n\nplain version"})));
    ASSERT_TRUE(read);
    EXPECT_EQ(read->text, "plain version");
    EXPECT_TRUE(read->attachments.empty());
}

TEST(ReadMessage, KeepsAttachmentsOfTheAlternativeNotChosen) {
    // Apple Mail: a photo inside the HTML alternative only.
    const auto html_branch =
        "Content-Type: multipart/related; boundary=\"r\"\n\n--r\nContent-Type: text/html\n\n"
        "<p>html</p>\n--r\nContent-Type: image/png\nContent-ID: <p@x>\n\nPNG\n--r--";
    const auto read = read_message(
        with_headers(multipart("alternative", {"Content-Type: text/plain\n\nplain", html_branch})));
    ASSERT_TRUE(read);
    EXPECT_EQ(read->text, "plain");
    ASSERT_EQ(read->attachments.size(), 1u);
    EXPECT_EQ(read->attachments[0].declared_type, "image/png");
    EXPECT_TRUE(read->attachments[0].inline_part);
}

TEST(ReadMessage, JoinsTheTextPartsOfAMixedMessage) {
    const auto read = read_message(with_headers(multipart(
        "mixed", {"Content-Type: text/plain\n\nfirst", "Content-Type: text/plain\n\nsecond"})));
    ASSERT_TRUE(read);
    EXPECT_EQ(read->text, "first\n\nsecond");
}

TEST(ReadMessage, ATextPartWithANameIsAnAttachment) {
    const auto read = read_message(with_headers(
        multipart("mixed", {"Content-Type: text/plain\n\nbody",
                            "Content-Type: text/plain; name=\"notes.txt\"\n\nnotes"})));
    ASSERT_TRUE(read);
    EXPECT_EQ(read->text, "body");
    ASSERT_EQ(read->attachments.size(), 1u);
    EXPECT_EQ(read->attachments[0].file_name, "notes.txt");
    EXPECT_EQ(read->attachments[0].content, "notes");
    EXPECT_FALSE(read->attachments[0].inline_part);
}

TEST(ReadMessage, RefusesAMessageOverTheSizeLimitBeforeReadingIt) {
    MailLimits limits;
    limits.max_message_bytes = 100;
    const auto read = read_message(message("", std::string(200, 'x')), limits);
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().reason, "too_large");
}

TEST(ReadMessage, CountsTheHeadersOfEveryPart) {
    MailLimits limits;
    limits.max_header_bytes = 300;
    const std::string padded =
        "Content-Type: text/plain\nX-Pad: " + std::string(100, 'p') + "\n\nx";
    const auto read =
        read_message(with_headers(multipart("mixed", {padded, padded, padded})), limits);
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().reason, "headers_too_large");
}

TEST(ReadMessage, RefusesMorePartsThanAllowed) {
    MailLimits limits;
    limits.max_parts = 3;
    const std::string part = "Content-Type: text/plain\n\nx";
    EXPECT_TRUE(read_message(with_headers(multipart("mixed", {part, part})), limits));
    const auto read = read_message(with_headers(multipart("mixed", {part, part, part})), limits);
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().reason, "too_many_parts");
}

TEST(ReadMessage, RefusesNestingDeeperThanAllowed) {
    MailLimits limits;
    limits.max_depth = 2;
    const std::string leaf = "Content-Type: text/plain\n\nx";
    EXPECT_TRUE(read_message(with_headers(multipart("mixed", {leaf})), limits));
    const auto read = read_message(
        with_headers(multipart("mixed", {multipart("mixed", {leaf}, "inner")})), limits);
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().reason, "too_deep");
}

TEST(ReadMessage, RefusesMoreAttachmentsThanAllowed) {
    MailLimits limits;
    limits.max_attachments = 2;
    const std::string file = "Content-Type: application/octet-stream\n\nx";
    EXPECT_TRUE(read_message(with_headers(multipart("mixed", {file, file})), limits));
    const auto read = read_message(with_headers(multipart("mixed", {file, file, file})), limits);
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().reason, "too_many_attachments");
}

TEST(ReadMessage, CutsLongTextOnACodePointBoundary) {
    MailLimits limits;
    limits.max_text_bytes = 10;
    const auto read =
        read_message(message("Content-Type: text/plain; charset=utf-8\n", "ééééééééééé"), limits);
    ASSERT_TRUE(read);
    EXPECT_TRUE(read->text_cut);
    EXPECT_EQ(read->text, "ééééé");
    const auto short_text = read_message(message("", "short"), limits);
    ASSERT_TRUE(short_text);
    EXPECT_FALSE(short_text->text_cut);
}

TEST(ReadMessage, QuarantinesWhatHasNothingUsable) {
    EXPECT_EQ(read_message("").error().reason, "empty");
    EXPECT_EQ(read_message(" \r\n\r\n").error().reason, "empty");
    EXPECT_EQ(read_message(message("", "")).error().reason, "empty");
    EXPECT_EQ(read_message(message("", "\n \n")).error().reason, "empty");
}

TEST(ReadMessage, QuarantinesAMessageWithoutAUsableSender) {
    EXPECT_EQ(read_message("Subject: s\n\nbody").error().reason, "no_sender");
    EXPECT_EQ(read_message("From: \nSubject: s\n\nbody").error().reason, "bad_sender");
    EXPECT_EQ(read_message("From: nobody\nSubject: s\n\nbody").error().reason, "bad_sender");
}

TEST(ReadMessage, TakesTheFirstMailboxOfAGroup) {
    const auto read = read_message("From: Team: a@example.org, b@example.org;\n\nbody");
    ASSERT_TRUE(read);
    EXPECT_EQ(read->from_address, "a@example.org");
}

TEST(ReadMessage, UndeclaredEightBitTextIsReadAsWindows1252) {
    const auto read = read_message(message("", "caf\xE9 \x80"));
    ASSERT_TRUE(read);
    EXPECT_EQ(read->text, "café €");
}

TEST(ReadMessage, AnUnknownCharsetKeepsWhatIsUtf8) {
    const auto read =
        read_message(message("Content-Type: text/plain; charset=x-made-up\n", "ok \xFF ok"));
    ASSERT_TRUE(read);
    EXPECT_TRUE(util::valid_utf8(read->text));
    EXPECT_EQ(read->text, "ok \uFFFD ok");
}

TEST(ReadMessage, ReadsTheLanguageOfTheMessageOrOfItsText) {
    const auto whole = read_message(message("Content-Language: fr-CA\n", "bonjour"));
    ASSERT_TRUE(whole);
    EXPECT_EQ(whole->language_hint, "fr-ca");
    const auto part = read_message(with_headers(
        multipart("mixed", {"Content-Type: text/plain\nContent-Language: ht\n\nbonjou"})));
    ASSERT_TRUE(part);
    EXPECT_EQ(part->language_hint, "ht");
    const auto junk = read_message(message("Content-Language: <script>\n", "x"));
    ASSERT_TRUE(junk);
    EXPECT_EQ(junk->language_hint, "");
}

TEST(ReadMessage, SafeOnManyThreadsAtOnce) {
    const std::string raw =
        with_headers(multipart("mixed", {"Content-Type: text/plain; charset=koi8-r\n\n\xF0\xD2\xC9",
                                         "Content-Type: image/png; name=\"a.png\"\n\nPNG"}));
    std::vector<std::thread> threads;
    std::vector<int> good(4, 0);
    for (std::size_t t = 0; t < good.size(); ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 200; ++i) {
                const auto read = read_message(raw);
                if (read && read->text == "При" && read->attachments.size() == 1) ++good[t];
            }
        });
    }
    for (auto& thread : threads) thread.join();
    for (const int count : good) EXPECT_EQ(count, 200);
}

}  // namespace
}  // namespace redress::mail
