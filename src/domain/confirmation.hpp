#pragma once
// The proof of filing: a statement, signed by the deployment, that it received a filing
// at a time, gave it these references, and what was filed (a digest of it). A complainant
// keeps it as text, and anyone can check it later with the deployment's public key: the
// office cannot deny the filing, its date, or change what it received without the digest
// showing it. The receipt is never part of it. Signing and checking are intake's; this is
// only the statement and its text form.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/calendar.hpp"

namespace redress::domain {

struct Confirmation {
    Timestamp received_at;
    std::vector<std::string> references;  // one per office, as given
    std::string filing_digest;            // "sha256:" and 64 lower-case hex digits
    std::string key_id;                   // the signing key: 16 lower-case hex digits
    std::string signature;                // base64 (RFC 4648, padded) of the signature

    // The signed lines: everything but the signature, in a fixed order, each ending "\n".
    std::string statement() const;
    // What a complainant keeps: a begin line, the statement, the signature, an end line.
    std::string text() const;
};

// Reads a confirmation as text() writes it. White space between words may be anything
// (CR LF endings, line breaks turned into spaces by a copy through e-mail, a messenger or a
// web page), and text may surround the block. nullopt when there is no complete,
// well-formed block.
std::optional<Confirmation> parse_confirmation(std::string_view text);

// The most text parse_confirmation() reads; a longer paste is refused unread.
inline constexpr std::size_t k_max_confirmation_text = 8 * 1024;

}  // namespace redress::domain
