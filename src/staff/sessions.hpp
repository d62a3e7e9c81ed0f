#pragma once
// Staff sessions. A session token is 256 random bits, given to the browser once in a
// cookie; storage keeps only its keyed hash, so the database alone signs no one in. A
// session ends at sign-out, after `idle_timeout` without a request, and `lifetime` after
// sign-in whatever happens. Its last use is written at most once per `touch_interval`,
// not once per request.
//
// Staff forms carry an anti-forgery token bound to the session: a keyed hash of the
// session token (under a key of its own), which another site cannot know and which changes
// with every sign-in.

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "crypto/keys.hpp"
#include "domain/calendar.hpp"
#include "domain/staff_member.hpp"
#include "storage/staff_sessions.hpp"
#include "util/error.hpp"

namespace redress::staff {

using Now = std::function<domain::Timestamp()>;

struct SessionSettings {
    std::chrono::seconds idle_timeout{30 * 60};
    std::chrono::seconds lifetime{12 * 60 * 60};
    std::chrono::seconds touch_interval{60};
};

enum class SessionState { active, idle, too_old };

// Whether `session` is still usable at `now`: `too_old` once its lifetime has passed,
// `idle` once it has been unused for the idle timeout.
SessionState session_state(const storage::StaffSession& session, domain::Timestamp now,
                           const SessionSettings& settings);

// Whether a request at `now` should write the session's last use.
bool needs_touch(const storage::StaffSession& session, domain::Timestamp now,
                 const SessionSettings& settings);

// A new session token: 32 random bytes as base64url (43 characters).
std::string new_session_token();

// A signed-in member, as a request sees them.
struct SignedIn {
    domain::StaffMember member;
    storage::StaffSession session;
    std::string form_token;  // for the hidden field of every form this request shows
};

class Sessions {
  public:
    // `store` and the keys are borrowed and must outlive this object.
    // `name_key` marks the member's name (crypto/name_mark.hpp), so that complaints naming
    // them as a subject are closed to them.
    Sessions(storage::StaffSessions& store, const crypto::Key& token_key,
             const crypto::Key& form_key, const crypto::Key& name_key, SessionSettings settings,
             Now now);

    storage::TokenHash token_hash(std::string_view token) const;

    // The anti-forgery token of forms shown in the session of `token`.
    std::string form_token(std::string_view token) const;
    // Whether `presented` is that token (compared in constant time).
    bool form_token_matches(std::string_view token, std::string_view presented) const;

    using Resolved = std::move_only_function<void(util::Expected<std::optional<SignedIn>>)>;
    // The member signed in with `token`: nothing when the token is malformed or unknown,
    // the session was ended, has expired (then it is ended now, with an audit entry), or
    // the member is disabled. `done` runs on a storage thread (or at once for a malformed
    // token); it fails only when storage does.
    void resolve(std::string_view token, Resolved done);

    // Ends the session of `token` at sign-out, with its audit entry; answers whether it
    // was still open.
    void sign_out(std::string_view token, const domain::StaffMember& member,
                  storage::Done<bool> done);

    const SessionSettings& settings() const { return m_settings; }
    domain::Timestamp now() const { return m_now(); }

  private:
    storage::StaffSessions& m_store;
    const crypto::Key& m_token_key;
    const crypto::Key& m_form_key;
    const crypto::Key& m_name_key;
    SessionSettings m_settings;
    Now m_now;
};

}  // namespace redress::staff
