#pragma once
// Staff sign-in, in steps: user name and password; then the second factor (a TOTP code,
// or a recovery code, which is then used up); or, for a member not yet enrolled, the
// enrolment of a second factor confirmed by its first code, after which ten recovery codes
// are shown once. Only the last step starts a session. A member created in the console
// types their one-time set-up code as the password: that leads only to choosing their own
// password (checked by the policy), then to the enrolment.
//
// Between steps the browser holds a ticket: who passed the password, and when, signed
// with a key of its own; it is good for `step_lifetime`. A new second factor's secret
// travels in the enrolment form sealed with another key, until its first code confirms it;
// then it is stored sealed with a third.
//
// Password hashes run on a WorkPool's few threads, never an I/O thread; an unknown user
// name costs what a wrong password does (a dummy hash is verified), and gets the same
// answer. Failures slow later steps for the account and the address (SignInThrottle).
// Every outcome is written to the audit trail: signed in, failed (with the user name,
// never what was typed as password or code), second factor enrolled, recovery code used.

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/keys.hpp"
#include "crypto/password.hpp"
#include "domain/password_policy.hpp"
#include "staff/sessions.hpp"
#include "staff/sign_in_throttle.hpp"
#include "storage/audit_trail.hpp"
#include "storage/staff_directory.hpp"
#include "storage/staff_sessions.hpp"
#include "util/work_pool.hpp"

namespace redress::staff {

struct SignInSettings {
    crypto::PasswordCost password_cost;
    std::size_t password_checks_at_once = 2;
    std::size_t password_check_queue = 32;  // waiting beyond those; more are answered busy
    SignInThrottleSettings throttle;
    std::chrono::seconds step_lifetime{10 * 60};  // from password to the last step
    std::string issuer = "redress";               // names the account in authenticator apps
    // What a chosen password is checked against (borrowed; none when null).
    const domain::CommonPasswords* common_passwords = nullptr;
};

// Who passed the password step, and when.
struct Ticket {
    domain::StaffId staff_id = 0;
    std::string username;
    bool enrolled = false;
    bool choosing_password = false;  // signed in with a set-up code: a password comes next
    domain::Timestamp issued{};
};

enum class Outcome {
    signed_in,        // a session was started: `session_token`
    second_factor,    // the password was right: ask for a code (`ticket`)
    enrol,            // the password was right, no second factor yet: enrol one (`ticket`)
    choose_password,  // a set-up code was right: the member chooses a password (`ticket`)
    unacceptable,     // the chosen password breaks the policy: `problem` says how
    refused,          // wrong password, unknown user, wrong or used code: say only that
    busy,             // too many password checks waiting: try again shortly (503)
    expired,          // the ticket or the enrolment form is too old: start again
    failed,           // storage failed
};

struct StepResult {
    Outcome outcome = Outcome::failed;
    std::chrono::milliseconds delay{};        // answer no sooner than this
    std::string ticket;                       // the cookie's value, for second_factor and enrol
    std::string session_token;                // for signed_in
    std::vector<std::string> recovery_codes;  // after an enrolment, to show once
    std::string problem;                      // for unacceptable: "password_<code>"
};

using StepDone = std::move_only_function<void(StepResult)>;

// A second factor being enrolled: what the enrolment page shows and carries.
struct Enrolment {
    std::string secret_base32;     // for typing into an app
    std::string provisioning_uri;  // for the QR code
    std::string sealed;            // the hidden field that brings the secret back
};

class SignIn {
  public:
    // Everything is borrowed and must outlive this object.
    SignIn(storage::StaffDirectory& directory, storage::StaffSessions& store,
           storage::AuditTrail& audit, const crypto::Keys& keys, Sessions& sessions,
           SignInSettings settings);
    SignIn(const SignIn&) = delete;
    SignIn& operator=(const SignIn&) = delete;

    // The password step. `done` runs on another thread, or at once when busy.
    void password(std::string username, std::string password, std::string client, StepDone done);

    // The ticket of a cookie value: nothing when forged, malformed or older than the step
    // lifetime.
    std::optional<Ticket> read_ticket(std::string_view cookie) const;

    // The second factor step with a TOTP code (6 digits; spaces ignored).
    void code(const Ticket& ticket, std::string code, std::string client, StepDone done);
    // The second factor step with a recovery code (case, spaces and dashes ignored).
    void recovery_code(const Ticket& ticket, std::string code, std::string client, StepDone done);

    // After a set-up code: the member's own password, checked by the policy, replaces it;
    // the answer is `enrol` (or `unacceptable`, `refused`).
    void choose_password(const Ticket& ticket, std::string password, std::string client,
                         StepDone done);

    // A new secret for a member who has none, to show.
    Enrolment begin_enrolment(const Ticket& ticket) const;
    // Confirms the enrolment of `sealed` (the hidden field) by its first code, stores it
    // with new recovery codes, and starts a session.
    void enrol(const Ticket& ticket, std::string_view sealed, std::string code, std::string client,
               StepDone done);

  private:
    std::string issue_ticket(domain::StaffId id, std::string_view username, char state) const;
    std::string issue_ticket(const storage::StaffAccount& account) const;
    void refuse(std::string_view username, std::string_view client, std::string_view what,
                std::chrono::milliseconds delay, StepDone done);
    void start(storage::NewSession& session, std::string& token) const;

    storage::StaffDirectory& m_directory;
    storage::StaffSessions& m_store;
    storage::AuditTrail& m_audit;
    const crypto::Keys& m_keys;
    Sessions& m_sessions;
    SignInSettings m_settings;
    SignInThrottle m_throttle;
    util::WorkPool m_checks;  // last: its threads stop before the rest is destroyed
};

}  // namespace redress::staff
