#pragma once
// Protection against cross-site request forgery that needs neither cookies nor
// JavaScript: every form carries a signed, expiring token in a hidden field, and a POST
// without a valid one changes nothing. The token binds no identity (the public side has
// none); it proves the form came from this server recently.
//
// token = base64url(issued_at (8 bytes, big-endian seconds) || 16 random bytes
//                   || first 16 bytes of keyed_hash(key, the 24 bytes before))

#include <chrono>
#include <string>
#include <string_view>

#include "crypto/keys.hpp"
#include "domain/calendar.hpp"

namespace redress::web {

enum class TokenCheck { valid, malformed, forged, expired };

class FormTokens {
  public:
    // `key` is borrowed and must outlive this object.
    FormTokens(const crypto::Key& key, std::chrono::seconds lifetime);

    std::string issue(domain::Timestamp now) const;
    // Checks the signature in constant time, then the age: at most `lifetime` old and not
    // more than a minute in the future (clocks of several nodes may differ slightly).
    TokenCheck check(std::string_view token, domain::Timestamp now) const;
    bool verify(std::string_view token, domain::Timestamp now) const {
        return check(token, now) == TokenCheck::valid;
    }

  private:
    const crypto::Key& m_key;
    std::chrono::seconds m_lifetime;
};

}  // namespace redress::web
