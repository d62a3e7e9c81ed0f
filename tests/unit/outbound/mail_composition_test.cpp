// The mail's text: the reference, the link and (only when carried) the receipt, with the
// line that the office sends no details by email; a subject that is not ASCII encoded per
// RFC 2047; quoted-printable lines that stay short; and addresses or fields that could
// split a header refused.

#include "outbound/mail_composition.hpp"

#include <gtest/gtest.h>

#include "i18n/languages.hpp"

namespace redress::outbound {
namespace {

i18n::Languages languages() {
    auto loaded = i18n::Languages::load(REDRESS_SHARE_DIR "/locale", "en");
    if (!loaded) throw std::runtime_error(loaded.error().message);
    return std::move(*loaded);
}

MailContent acknowledgment() {
    return {.kind = storage::MailKind::acknowledgment,
            .from = "complaints@oversight.example.org",
            .to = "maria@example.net",
            .reference = "OPR-2026-000042",
            .status_link = "http://example.onion/status",
            .receipt = std::nullopt,
            .date = domain::Timestamp(std::chrono::seconds(1773000000)),
            .message_id = {}};
}

// The body, decoded from quoted-printable (soft breaks joined, =XX read back).
std::string decoded_body(const std::string& message) {
    const auto start = message.find("\r\n\r\n");
    std::string body = message.substr(start + 4), out;
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (body[i] == '=' && body.compare(i + 1, 2, "\r\n") == 0) {
            i += 2;
        } else if (body[i] == '=' && i + 2 < body.size()) {
            out += static_cast<char>(std::stoi(body.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else if (body[i] != '\r') {
            out += body[i];
        }
    }
    return out;
}

TEST(MailComposition, EveryAttemptAtOneMailHasItsMessageId) {
    const auto all = languages();
    auto content = acknowledgment();
    content.message_id = "5f1c0a9e";
    const auto first = compose_mail(*all.find("en"), content);
    const auto again = compose_mail(*all.find("en"), content);
    ASSERT_TRUE(first && again);
    EXPECT_NE(first->find("Message-ID: <5f1c0a9e@oversight.example.org>\r\n"), std::string::npos)
        << *first;
    EXPECT_NE(again->find("Message-ID: <5f1c0a9e@oversight.example.org>\r\n"), std::string::npos);
    content.message_id.clear();
    const auto random = compose_mail(*all.find("en"), content);
    const auto other = compose_mail(*all.find("en"), content);
    ASSERT_TRUE(random && other);
    const auto id = [](const std::string& message) {
        const auto at = message.find("Message-ID: ");
        return message.substr(at, message.find("\r\n", at) - at);
    };
    EXPECT_NE(id(*random), id(*other));
}

TEST(MailComposition, AnAcknowledgmentHoldsTheReferenceTheLinkAndNoReceipt) {
    const auto all = languages();
    const auto message = compose_mail(*all.find("en"), acknowledgment());
    ASSERT_TRUE(message) << message.error().message;
    EXPECT_NE(message->find("From: complaints@oversight.example.org\r\n"), std::string::npos);
    EXPECT_NE(message->find("To: maria@example.net\r\n"), std::string::npos);
    EXPECT_NE(message->find("Subject: We received your complaint OPR-2026-000042\r\n"),
              std::string::npos);
    EXPECT_NE(message->find("Date: Sun, 08 Mar 2026 "), std::string::npos) << *message;
    EXPECT_NE(message->find("Message-ID: <"), std::string::npos);
    EXPECT_NE(message->find("@oversight.example.org>\r\n"), std::string::npos);
    EXPECT_NE(message->find("Content-Type: text/plain; charset=utf-8\r\n"), std::string::npos);
    EXPECT_NE(message->find("Content-Transfer-Encoding: quoted-printable\r\n"), std::string::npos);
    const auto body = decoded_body(*message);
    EXPECT_NE(body.find("OPR-2026-000042"), std::string::npos) << body;
    EXPECT_NE(body.find("http://example.onion/status"), std::string::npos) << body;
    EXPECT_NE(body.find(std::string(all.find("en")->text("mail.no_details"))), std::string::npos);
    EXPECT_EQ(body.find("receipt is"), std::string::npos) << body;
    // Nothing but the catalogue's words and the three fields: the body is exactly those.
    std::string expected(all.find("en")->text("mail.acknowledgment.body"));
    expected.replace(expected.find("{reference}"), 11, "OPR-2026-000042");
    expected.replace(expected.find("{link}"), 6, "http://example.onion/status");
    expected += "\n\n" + std::string(all.find("en")->text("mail.no_details")) + "\n";
    EXPECT_EQ(body, expected);
    // Every line ends in CRLF and stays within 78 characters (RFC 5322).
    std::size_t line_start = 0;
    for (auto end = message->find("\r\n"); end != std::string::npos;
         end = message->find("\r\n", line_start)) {
        EXPECT_LE(end - line_start, 78u);
        EXPECT_EQ(message->substr(line_start, end - line_start).find('\n'), std::string::npos);
        line_start = end + 2;
    }
}

TEST(MailComposition, TheReceiptOnlyWhenTheMailCarriesOne) {
    const auto all = languages();
    auto content = acknowledgment();
    content.receipt = "7KQ2-MZ8D-0TFA-X3RC-94HN";
    const auto message = compose_mail(*all.find("en"), content);
    ASSERT_TRUE(message);
    EXPECT_NE(decoded_body(*message).find("7KQ2-MZ8D-0TFA-X3RC-94HN"), std::string::npos);
}

TEST(MailComposition, ANoticeInArabicHasAnEncodedSubjectAndAnEightBitFreeBody) {
    const auto all = languages();
    auto content = acknowledgment();
    content.kind = storage::MailKind::status_changed;
    const auto message = compose_mail(*all.find("ar"), content);
    ASSERT_TRUE(message);
    for (const unsigned char ch : *message) ASSERT_LT(ch, 0x80);
    EXPECT_NE(message->find("Subject: =?UTF-8?B?"), std::string::npos) << *message;
    const auto body = decoded_body(*message);
    EXPECT_NE(body.find("OPR-2026-000042"), std::string::npos);
    EXPECT_NE(body.find(std::string(all.find("ar")->text("mail.no_details"))), std::string::npos);
    EXPECT_EQ(encoded_header_text("plain words"), "plain words");
    // "é" is two bytes; base64 of "\xC3\xA9" is "w6k=".
    EXPECT_EQ(encoded_header_text("\xC3\xA9"), "=?UTF-8?B?w6k=?=");
}

TEST(MailComposition, RefusesWhatCouldSplitAHeader) {
    const auto all = languages();
    const auto& en = *all.find("en");
    for (const char* to :
         {"maria@example.net\r\nBcc: x@evil.example", "maria@example.net\n",
          "Maria <maria@example.net>", "maria@example.net, x@evil.example", "no-at-sign",
          "@example.net", "maria@", "mar ia@example.net", "maría@example.net"}) {
        auto content = acknowledgment();
        content.to = to;
        EXPECT_FALSE(compose_mail(en, content)) << to;
    }
    auto content = acknowledgment();
    content.reference = "OPR-2026-000042\r\nBcc: x@evil.example";
    EXPECT_FALSE(compose_mail(en, content));
    content = acknowledgment();
    content.from = "complaints@example.org\r\n";
    EXPECT_FALSE(compose_mail(en, content));
    EXPECT_TRUE(acceptable_address("first.last+tag@sub.example.org"));
}

TEST(MailComposition, QuotedPrintableKeepsLinesShortAndEndsVisible) {
    const std::string long_line(200, 'a');
    const auto encoded = quoted_printable(long_line + " \n=");
    for (std::size_t start = 0, end; (end = encoded.find("\r\n", start)) != std::string::npos;
         start = end + 2) {
        EXPECT_LE(end - start, 76u);
    }
    EXPECT_NE(encoded.find("=20\r\n"), std::string::npos);  // a trailing space survives
    EXPECT_TRUE(encoded.ends_with("=3D"));
}

}  // namespace
}  // namespace redress::outbound
