#pragma once
// Signing proofs of filing (domain/confirmation.hpp) with the deployment's current signing
// key, and checking them against every signing key the deployment has had, so that a key
// rotation keeps old confirmations verifiable.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/keys.hpp"
#include "crypto/signature.hpp"
#include "domain/confirmation.hpp"
#include "domain/evidence.hpp"

namespace redress::intake {

// A signing key as the deployment publishes it (/.well-known/redress-signing-keys).
struct PublishedKey {
    unsigned generation = 0;
    std::string key_id;
    crypto::PublicKey public_key{};
    bool current = false;  // signs new confirmations; the others only verify old ones
};

// Every generation of `keys`, oldest first.
std::vector<PublishedKey> published_keys(const crypto::Keys& keys);

// What a confirmation's digest covers: the account and the personal data exactly as they
// were sealed (intake/account_sealing.hpp, intake/people_sealing.hpp), so that the office
// can show that what it keeps is what it received.
std::string filing_digest(std::string_view account_record, std::string_view people_record,
                          std::span<const domain::Evidence> evidence = {});

domain::Confirmation sign_confirmation(domain::Timestamp received_at,
                                       std::vector<std::string> references, std::string digest,
                                       const crypto::SigningKey& key);

enum class Verdict {
    genuine,      // signed by one of the deployment's keys, unchanged
    altered,      // a known key, but the signature does not match: something was changed
    unknown_key,  // not signed by any key of this deployment
    unreadable,   // no well-formed confirmation in the text
};

// "genuine", "altered", "unknown_key" or "unreadable": the API's word and the message key's.
std::string_view verdict_name(Verdict verdict);

struct Verification {
    Verdict verdict = Verdict::unreadable;
    domain::Confirmation confirmation;  // as read, unless unreadable
};

Verification verify_confirmation(std::string_view text, std::span<const PublishedKey> keys);

}  // namespace redress::intake
