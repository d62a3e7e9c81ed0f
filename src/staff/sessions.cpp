#include "staff/sessions.hpp"

#include <spdlog/spdlog.h>

#include <array>

#include "crypto/base64url.hpp"
#include "crypto/keyed_hash.hpp"
#include "crypto/name_mark.hpp"
#include "crypto/random.hpp"

namespace redress::staff {

namespace {

constexpr std::size_t k_token_bytes = 32;
// base64url of 32 bytes, without padding.
constexpr std::size_t k_token_length = 43;

domain::AuditEvent session_event(const domain::StaffMember& member, std::string action,
                                 domain::Timestamp at, std::string details = {}) {
    domain::AuditEvent event;
    event.at = at;
    event.actor = "staff:" + member.username;
    event.action = std::move(action);
    event.object = "staff:" + member.username;
    event.details = std::move(details);
    return event;
}

}  // namespace

SessionState session_state(const storage::StaffSession& session, domain::Timestamp now,
                           const SessionSettings& settings) {
    if (now - session.created_at >= settings.lifetime) return SessionState::too_old;
    if (now - session.last_seen_at >= settings.idle_timeout) return SessionState::idle;
    return SessionState::active;
}

bool needs_touch(const storage::StaffSession& session, domain::Timestamp now,
                 const SessionSettings& settings) {
    return now - session.last_seen_at >= settings.touch_interval;
}

std::string new_session_token() {
    std::array<std::uint8_t, k_token_bytes> bytes{};
    crypto::fill_random(bytes);
    return crypto::base64url_encode(bytes);
}

Sessions::Sessions(storage::StaffSessions& store, const crypto::Key& token_key,
                   const crypto::Key& form_key, const crypto::Key& name_key,
                   SessionSettings settings, Now now)
    : m_store(store),
      m_token_key(token_key),
      m_form_key(form_key),
      m_name_key(name_key),
      m_settings(settings),
      m_now(std::move(now)) {}

storage::TokenHash Sessions::token_hash(std::string_view token) const {
    return crypto::keyed_hash(m_token_key, token);
}

std::string Sessions::form_token(std::string_view token) const {
    return crypto::base64url_encode(crypto::keyed_hash(m_form_key, token));
}

bool Sessions::form_token_matches(std::string_view token, std::string_view presented) const {
    const auto bytes = crypto::base64url_decode(presented);
    crypto::Digest digest{};
    if (!bytes || bytes->size() != digest.size()) return false;
    std::copy(bytes->begin(), bytes->end(), digest.begin());
    return crypto::digests_equal(digest, crypto::keyed_hash(m_form_key, token));
}

void Sessions::resolve(std::string_view token, Resolved done) {
    if (token.size() != k_token_length || !crypto::base64url_decode(token)) {
        done(std::optional<SignedIn>{});
        return;
    }
    m_store.find_session(
        token_hash(token),
        [this, form = form_token(token), done = std::move(done)](
            util::Expected<std::optional<storage::SessionRecord>> found) mutable {
            if (!found) {
                done(std::unexpected(found.error()));
                return;
            }
            if (!*found || (*found)->member.disabled) {
                done(std::optional<SignedIn>{});
                return;
            }
            auto& record = **found;
            const auto now = m_now();
            const auto state = session_state(record.session, now, m_settings);
            if (state != SessionState::active) {
                m_store.end_session(
                    record.session.token_hash, now,
                    session_event(record.member, "session.expired", now,
                                  state == SessionState::idle ? "idle" : "lifetime"),
                    [](util::Expected<bool> ended) {
                        if (!ended)
                            spdlog::error("ending an expired session: {}", ended.error().message);
                    });
                done(std::optional<SignedIn>{});
                return;
            }
            if (needs_touch(record.session, now, m_settings)) {
                m_store.touch_session(
                    record.session.token_hash, now, [](util::Expected<storage::Written> touched) {
                        if (!touched) {
                            spdlog::warn("noting a session's use: {}", touched.error().message);
                        }
                    });
            }
            record.member.name_mark = crypto::name_mark(m_name_key, record.member.display_name);
            done(std::optional<SignedIn>{
                SignedIn{std::move(record.member), record.session, std::move(form)}});
        });
}

void Sessions::sign_out(std::string_view token, const domain::StaffMember& member,
                        storage::Done<bool> done) {
    const auto now = m_now();
    m_store.end_session(token_hash(token), now, session_event(member, "session.signed_out", now),
                        std::move(done));
}

}  // namespace redress::staff
