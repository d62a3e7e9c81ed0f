#include "domain/confirmation.hpp"

#include <gtest/gtest.h>

namespace redress::domain {
namespace {

Confirmation sample() {
    Confirmation confirmation;
    confirmation.received_at = *parse_iso_timestamp("2026-11-30T06:10:00Z");
    confirmation.references = {"OPR-2026-000001", "OIG-2026-000007"};
    confirmation.filing_digest = "sha256:" + std::string(64, 'a');
    confirmation.key_id = "0123456789abcdef";
    confirmation.signature = "c2lnbmF0dXJl+/==";
    return confirmation;
}

TEST(Confirmation, TheStatementHasEveryFieldButTheSignatureInAFixedOrder) {
    EXPECT_EQ(sample().statement(),
              "Version: 1\n"
              "Received-At: 2026-11-30T06:10:00Z\n"
              "References: OPR-2026-000001 OIG-2026-000007\n"
              "Filing-Digest: sha256:" +
                  std::string(64, 'a') +
                  "\n"
                  "Key: 0123456789abcdef\n");
}

TEST(Confirmation, TextReadsBackToTheSameStatement) {
    const auto read = parse_confirmation(sample().text());
    ASSERT_TRUE(read);
    EXPECT_EQ(read->statement(), sample().statement());
    EXPECT_EQ(read->signature, sample().signature);
}

TEST(Confirmation, ReadsACopyWhoseLineBreaksChanged) {
    std::string text = "Here is my proof:\r\n" + sample().text() + "\nthanks";
    for (auto& c : text) {
        if (c == '\n') c = ' ';
    }
    const auto read = parse_confirmation(text);
    ASSERT_TRUE(read);
    EXPECT_EQ(read->statement(), sample().statement());
}

TEST(Confirmation, RefusesIncompleteOrMalformedBlocks) {
    const std::string good = sample().text();
    auto without = [&](std::string_view part) {
        std::string text = good;
        text.erase(text.find(part), part.size());
        return text;
    };
    EXPECT_FALSE(parse_confirmation(without("-----END REDRESS CONFIRMATION-----")));
    EXPECT_FALSE(parse_confirmation(without("Key: 0123456789abcdef\n")));
    EXPECT_FALSE(parse_confirmation(without("Version: 1\n")));
    std::string bad_reference = good;
    bad_reference.replace(bad_reference.find("OPR-2026-000001"), 15, "OPR-2026-1");
    EXPECT_FALSE(parse_confirmation(bad_reference));
    std::string upper_key = good;
    upper_key.replace(upper_key.find("0123456789abcdef"), 16, "0123456789ABCDEF");
    EXPECT_FALSE(parse_confirmation(upper_key));
    EXPECT_FALSE(parse_confirmation(""));
    EXPECT_FALSE(parse_confirmation(std::string(k_max_confirmation_text + 1, ' ') + good));
}

}  // namespace
}  // namespace redress::domain
