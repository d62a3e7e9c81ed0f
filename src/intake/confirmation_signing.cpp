#include "intake/confirmation_signing.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace redress::intake {

std::vector<PublishedKey> published_keys(const crypto::Keys& keys) {
    std::vector<PublishedKey> published;
    for (const auto& key : keys.signing) {
        published.push_back({key.generation, crypto::signing_key_id(key.public_key), key.public_key,
                             &key == &keys.signing.back()});
    }
    return published;
}

std::string filing_digest(std::string_view account_record, std::string_view people_record,
                          std::span<const domain::Evidence> evidence) {
    std::string covered = "redress-filing-v1\n";
    covered += account_record;
    covered += '\n';
    covered += people_record;
    covered += '\n';
    // Each file sent with the filing, by the SHA-256 of its original (none: the text is as
    // it always was, and older confirmations still check).
    for (const auto& file : evidence) {
        covered += "evidence ";
        for (const auto byte : file.sha256) covered += fmt::format("{:02x}", byte);
        covered += '\n';
    }
    return crypto::sha256_digest(covered);
}

domain::Confirmation sign_confirmation(domain::Timestamp received_at,
                                       std::vector<std::string> references, std::string digest,
                                       const crypto::SigningKey& key) {
    domain::Confirmation confirmation;
    confirmation.received_at = received_at;
    confirmation.references = std::move(references);
    confirmation.filing_digest = std::move(digest);
    confirmation.key_id = crypto::signing_key_id(key.public_key);
    confirmation.signature = crypto::sign(key, confirmation.statement());
    return confirmation;
}

std::string_view verdict_name(Verdict verdict) {
    switch (verdict) {
        case Verdict::genuine:
            return "genuine";
        case Verdict::altered:
            return "altered";
        case Verdict::unknown_key:
            return "unknown_key";
        case Verdict::unreadable:
            break;
    }
    return "unreadable";
}

Verification verify_confirmation(std::string_view text, std::span<const PublishedKey> keys) {
    auto parsed = domain::parse_confirmation(text);
    if (!parsed) return {};
    Verification verification{Verdict::unknown_key, std::move(*parsed)};
    const auto& confirmation = verification.confirmation;
    const auto key = std::ranges::find(keys, confirmation.key_id, &PublishedKey::key_id);
    if (key == keys.end()) return verification;
    verification.verdict =
        crypto::verify(key->public_key, confirmation.statement(), confirmation.signature)
            ? Verdict::genuine
            : Verdict::altered;
    return verification;
}

}  // namespace redress::intake
