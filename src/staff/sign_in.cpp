#include "staff/sign_in.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <array>
#include <memory>

#include "crypto/base64url.hpp"
#include "crypto/keyed_hash.hpp"
#include "crypto/recovery_codes.hpp"
#include "crypto/secret_box.hpp"
#include "crypto/totp.hpp"
#include "staff/accounts.hpp"
#include "staff/administration.hpp"
#include "util/await.hpp"
#include "util/text.hpp"

namespace redress::staff {

namespace {

// A ticket: staff id and issue time (8 bytes each, big-endian), the state (1 byte:
// k_not_enrolled, k_enrolled, k_choosing_password), the user name, then the keyed hash of
// all that.
constexpr std::size_t k_ticket_head = 17;
constexpr char k_not_enrolled = '\0';
constexpr char k_enrolled = '\1';
constexpr char k_choosing_password = '\2';
// An enrolment field (sealed): staff id and issue time as above, then the secret.
constexpr std::size_t k_enrolment_head = 16;
// How far in the future a ticket may say it was issued (clocks of several nodes).
constexpr std::chrono::seconds k_clock_slack{60};
// Steps either side of now a TOTP code may come from: typing time and clock drift.
constexpr unsigned k_totp_window = 1;

void put_number(std::string& out, std::uint64_t value) {
    for (int shift = 56; shift >= 0; shift -= 8) {
        out += static_cast<char>((value >> static_cast<unsigned>(shift)) & 0xFFU);
    }
}

std::uint64_t get_number(std::string_view in) {
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < 8; ++i) value = (value << 8U) | static_cast<std::uint8_t>(in[i]);
    return value;
}

std::int64_t seconds_of(domain::Timestamp at) {
    return at.time_since_epoch().count();
}

domain::Timestamp timestamp(std::uint64_t seconds) {
    return domain::Timestamp(std::chrono::seconds(static_cast<std::int64_t>(seconds)));
}

std::string_view as_text(const std::vector<std::uint8_t>& bytes) {
    return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

// How a user name appears in the audit trail: as typed when it is one that could exist,
// else not at all (a failed attempt may type anything, and the trail keeps it forever).
std::string audit_object(std::string_view username) {
    if (domain::check_username(username)) return "staff:?";
    return "staff:" + std::string(username);
}

domain::AuditEvent event(std::string_view username, std::string action, domain::Timestamp at,
                         std::string details = {}) {
    domain::AuditEvent entry;
    entry.at = at;
    entry.actor = audit_object(username);
    entry.action = std::move(action);
    entry.object = audit_object(username);
    entry.details = std::move(details);
    return entry;
}

StepResult answer(Outcome outcome, std::chrono::milliseconds delay) {
    StepResult result;
    result.outcome = outcome;
    result.delay = delay;
    return result;
}

StepResult with_ticket(Outcome outcome, std::chrono::milliseconds delay, std::string ticket) {
    StepResult result = answer(outcome, delay);
    result.ticket = std::move(ticket);
    return result;
}

StepResult signed_in(std::chrono::milliseconds delay, std::string token,
                     std::vector<std::string> recovery_codes = {}) {
    StepResult result = answer(Outcome::signed_in, delay);
    result.session_token = std::move(token);
    result.recovery_codes = std::move(recovery_codes);
    return result;
}

std::string normalise_username(std::string_view typed) {
    return util::to_lower_ascii(util::trim(typed));
}

}  // namespace

SignIn::SignIn(storage::StaffDirectory& directory, storage::StaffSessions& store,
               storage::AuditTrail& audit, const crypto::Keys& keys, Sessions& sessions,
               SignInSettings settings)
    : m_directory(directory),
      m_store(store),
      m_audit(audit),
      m_keys(keys),
      m_sessions(sessions),
      m_settings(std::move(settings)),
      m_throttle(m_settings.throttle),
      m_checks("password checks", m_settings.password_checks_at_once,
               m_settings.password_check_queue) {}

void SignIn::password(std::string username, std::string password, std::string client,
                      StepDone done) {
    username = normalise_username(username);
    const auto delay = m_throttle.delay(username, client, SignInThrottle::Clock::now());
    auto shared_done = std::make_shared<StepDone>(std::move(done));
    const bool queued = m_checks.try_submit(
        [this, username, password = std::move(password), client, delay, shared_done]() mutable {
            auto account = util::await<std::optional<storage::StaffAccount>>(
                [&](auto answer) { m_directory.find_account(username, std::move(answer)); });
            if (!account) {
                spdlog::error("sign-in: reading the account: {}", account.error().message);
                (*shared_done)(answer(Outcome::failed, delay));
                return;
            }
            bool matches = false;
            bool set_up_expired = false;
            if (*account && (*account)->set_up_until) {
                // A set-up code, typed in any case with or without its dashes.
                const auto code = canonical_set_up_code(password);
                matches = crypto::password_matches((*account)->password_hash,
                                                   code ? *code : std::string_view(password)) &&
                          !(*account)->member.disabled;
                set_up_expired = m_sessions.now() > *(*account)->set_up_until;
            } else if (*account) {
                matches = crypto::password_matches((*account)->password_hash, password) &&
                          !(*account)->member.disabled;
            } else {
                // Costs what a real account's check does, so that timing does not tell which
                // user names exist.
                crypto::verify_against_dummy(password, m_settings.password_cost);
            }
            if (!matches) {
                refuse(username, client, "password", delay, std::move(*shared_done));
                return;
            }
            if (set_up_expired) {
                refuse(username, client, "set_up_code_expired", delay, std::move(*shared_done));
                return;
            }
            if ((*account)->set_up_until) {
                (*shared_done)(with_ticket(
                    Outcome::choose_password, delay,
                    issue_ticket((*account)->member.id, username, k_choosing_password)));
                return;
            }
            const bool enrolled = (*account)->member.enrolled;
            (*shared_done)(with_ticket(enrolled ? Outcome::second_factor : Outcome::enrol, delay,
                                       issue_ticket(**account)));
        });
    if (!queued) (*shared_done)(answer(Outcome::busy, {}));
}

std::string SignIn::issue_ticket(const storage::StaffAccount& account) const {
    return issue_ticket(account.member.id, account.member.username,
                        account.member.enrolled ? k_enrolled : k_not_enrolled);
}

std::string SignIn::issue_ticket(domain::StaffId id, std::string_view username, char state) const {
    std::string payload;
    put_number(payload, static_cast<std::uint64_t>(id));
    put_number(payload, static_cast<std::uint64_t>(seconds_of(m_sessions.now())));
    payload += state;
    payload += username;
    const auto mac = crypto::keyed_hash(m_keys.staff_sign_in, payload);
    payload.append(reinterpret_cast<const char*>(mac.data()), mac.size());
    return crypto::base64url_encode(
        std::span(reinterpret_cast<const std::uint8_t*>(payload.data()), payload.size()));
}

std::optional<Ticket> SignIn::read_ticket(std::string_view cookie) const {
    if (cookie.size() > 512) return std::nullopt;
    const auto bytes = crypto::base64url_decode(cookie);
    crypto::Digest mac{};
    if (!bytes || bytes->size() <= k_ticket_head + mac.size()) return std::nullopt;
    const std::string_view text = as_text(*bytes);
    const auto payload = text.substr(0, text.size() - mac.size());
    std::copy(bytes->end() - static_cast<std::ptrdiff_t>(mac.size()), bytes->end(), mac.begin());
    if (!crypto::digests_equal(mac, crypto::keyed_hash(m_keys.staff_sign_in, payload))) {
        return std::nullopt;
    }
    Ticket ticket;
    ticket.staff_id = static_cast<domain::StaffId>(get_number(payload.substr(0, 8)));
    ticket.issued = timestamp(get_number(payload.substr(8, 8)));
    ticket.enrolled = payload[16] == k_enrolled;
    ticket.choosing_password = payload[16] == k_choosing_password;
    ticket.username = std::string(payload.substr(k_ticket_head));
    const auto now = m_sessions.now();
    if (ticket.issued > now + k_clock_slack || now - ticket.issued > m_settings.step_lifetime) {
        return std::nullopt;
    }
    return ticket;
}

void SignIn::refuse(std::string_view username, std::string_view client, std::string_view what,
                    std::chrono::milliseconds delay, StepDone done) {
    m_throttle.failed(username, client, SignInThrottle::Clock::now());
    m_audit.record_audit(
        event(username, "session.sign_in_failed", m_sessions.now(), fmt::format("step={}", what)),
        [delay, done = std::move(done)](util::Expected<std::int64_t> recorded) mutable {
            if (!recorded) {
                spdlog::error("sign-in: recording a failure: {}", recorded.error().message);
            }
            done(answer(Outcome::refused, delay));
        });
}

void SignIn::start(storage::NewSession& session, std::string& token) const {
    token = new_session_token();
    session.token_hash = m_sessions.token_hash(token);
    session.at = m_sessions.now();
}

void SignIn::code(const Ticket& ticket, std::string code, std::string client, StepDone done) {
    const auto delay = m_throttle.delay(ticket.username, client, SignInThrottle::Clock::now());
    if (ticket.choosing_password) {
        refuse(ticket.username, client, "code", delay, std::move(done));
        return;
    }
    m_store.find_account_by_id(
        ticket.staff_id, [this, ticket, code = std::move(code), client = std::move(client), delay,
                          done = std::move(done)](
                             util::Expected<std::optional<storage::StaffAccount>> account) mutable {
            if (!account) {
                done(answer(Outcome::failed, delay));
                return;
            }
            if (!*account || (*account)->member.disabled || !(*account)->member.enrolled) {
                refuse(ticket.username, client, "code", delay, std::move(done));
                return;
            }
            auto opened = crypto::open(m_keys.totp_secret, (*account)->sealed_totp);
            const auto secret = opened ? crypto::TotpSecret::from_base32(*opened) : std::nullopt;
            if (!secret) {
                spdlog::error("sign-in: the second factor of staff id {} cannot be opened",
                              ticket.staff_id);
                done(answer(Outcome::failed, delay));
                return;
            }
            const auto now = m_sessions.now();
            const auto step =
                crypto::accept_totp(*secret, code, now, (*account)->totp_last_step, k_totp_window);
            if (!step) {
                refuse(ticket.username, client, "code", delay, std::move(done));
                return;
            }
            storage::NewSession session{.staff_id = ticket.staff_id};
            std::string token;
            start(session, token);
            std::vector<domain::AuditEvent> audit{
                event(ticket.username, "session.signed_in", now, "second_factor=totp")};
            m_store.sign_in_with_code(
                session, *step, std::move(audit),
                [this, ticket, client, delay, token = std::move(token),
                 done = std::move(done)](util::Expected<storage::Written> written) mutable {
                    if (!written && written.error().code == util::ErrorCode::conflict) {
                        // Another sign-in took this code (or a later one) first.
                        refuse(ticket.username, client, "code_reused", delay, std::move(done));
                        return;
                    }
                    if (!written) {
                        done(answer(Outcome::failed, delay));
                        return;
                    }
                    done(signed_in(delay, std::move(token)));
                });
        });
}

void SignIn::recovery_code(const Ticket& ticket, std::string code, std::string client,
                           StepDone done) {
    const auto delay = m_throttle.delay(ticket.username, client, SignInThrottle::Clock::now());
    const auto canonical = crypto::normalise_recovery_code(code);
    if (!canonical || ticket.choosing_password) {
        refuse(ticket.username, client, "recovery_code", delay, std::move(done));
        return;
    }
    const auto code_hash = crypto::recovery_code_hash(m_keys.recovery_code, *canonical);
    m_store.find_account_by_id(
        ticket.staff_id,
        [this, ticket, code_hash, client = std::move(client), delay, done = std::move(done)](
            util::Expected<std::optional<storage::StaffAccount>> account) mutable {
            if (!account) {
                done(answer(Outcome::failed, delay));
                return;
            }
            if (!*account || (*account)->member.disabled) {
                refuse(ticket.username, client, "recovery_code", delay, std::move(done));
                return;
            }
            const auto now = m_sessions.now();
            storage::NewSession session{.staff_id = ticket.staff_id};
            std::string token;
            start(session, token);
            std::vector<domain::AuditEvent> audit{
                event(ticket.username, "second_factor.recovery_code_used", now),
                event(ticket.username, "session.signed_in", now, "second_factor=recovery_code")};
            m_store.sign_in_with_recovery_code(
                session, code_hash, std::move(audit),
                [this, ticket, client, delay, token = std::move(token),
                 done = std::move(done)](util::Expected<storage::Written> written) mutable {
                    if (!written && written.error().code == util::ErrorCode::not_found) {
                        refuse(ticket.username, client, "recovery_code", delay, std::move(done));
                        return;
                    }
                    if (!written) {
                        done(answer(Outcome::failed, delay));
                        return;
                    }
                    done(signed_in(delay, std::move(token)));
                });
        });
}

void SignIn::choose_password(const Ticket& ticket, std::string password, std::string client,
                             StepDone done) {
    const auto delay = m_throttle.delay(ticket.username, client, SignInThrottle::Clock::now());
    if (!ticket.choosing_password) {
        refuse(ticket.username, client, "choose_password", delay, std::move(done));
        return;
    }
    static const domain::CommonPasswords k_none;
    const auto& common =
        m_settings.common_passwords != nullptr ? *m_settings.common_passwords : k_none;
    if (auto problem = check_new_password(password, ticket.username, common)) {
        StepResult result = answer(Outcome::unacceptable, {});
        result.problem = std::move(problem->code);
        done(std::move(result));
        return;
    }
    auto shared_done = std::make_shared<StepDone>(std::move(done));
    const bool queued =
        m_checks.try_submit([this, ticket, password = std::move(password),
                             client = std::move(client), delay, shared_done]() mutable {
            auto hash = crypto::hash_password(password, m_settings.password_cost);
            if (!hash) {
                spdlog::error("sign-in: hashing a chosen password: {}", hash.error().message);
                (*shared_done)(answer(Outcome::failed, delay));
                return;
            }
            auto audit = event(ticket.username, "staff.password_chosen", m_sessions.now());
            m_directory.choose_password(
                ticket.staff_id, std::move(*hash), std::move(audit),
                [this, ticket, client = std::move(client), delay,
                 shared_done](util::Expected<storage::Written> written) mutable {
                    if (!written && written.error().code == util::ErrorCode::conflict) {
                        // Disabled meanwhile, or the code was already replaced.
                        refuse(ticket.username, client, "choose_password", delay,
                               std::move(*shared_done));
                        return;
                    }
                    if (!written) {
                        (*shared_done)(answer(Outcome::failed, delay));
                        return;
                    }
                    (*shared_done)(with_ticket(
                        Outcome::enrol, delay,
                        issue_ticket(ticket.staff_id, ticket.username, k_not_enrolled)));
                });
        });
    if (!queued) (*shared_done)(answer(Outcome::busy, {}));
}

Enrolment SignIn::begin_enrolment(const Ticket& ticket) const {
    const auto secret = crypto::TotpSecret::generate();
    std::string plain;
    put_number(plain, static_cast<std::uint64_t>(ticket.staff_id));
    put_number(plain, static_cast<std::uint64_t>(seconds_of(m_sessions.now())));
    plain.append(reinterpret_cast<const char*>(secret.bytes.data()), secret.bytes.size());
    const auto sealed = crypto::seal(m_keys.staff_enrolment, plain);
    return Enrolment{
        .secret_base32 = secret.base32(),
        .provisioning_uri = crypto::provisioning_uri(m_settings.issuer, ticket.username, secret),
        .sealed = crypto::base64url_encode(sealed)};
}

void SignIn::enrol(const Ticket& ticket, std::string_view sealed, std::string code,
                   std::string client, StepDone done) {
    const auto delay = m_throttle.delay(ticket.username, client, SignInThrottle::Clock::now());
    const auto now = m_sessions.now();
    const auto bytes = sealed.size() > 512 ? std::nullopt : crypto::base64url_decode(sealed);
    std::optional<std::string> opened;
    if (bytes) {
        if (auto plain = crypto::open(m_keys.staff_enrolment, *bytes)) opened = std::move(*plain);
    }
    crypto::TotpSecret secret;
    if (!opened || ticket.choosing_password ||
        opened->size() != k_enrolment_head + secret.bytes.size() ||
        static_cast<domain::StaffId>(get_number(*opened)) != ticket.staff_id) {
        refuse(ticket.username, client, "enrolment", delay, std::move(done));
        return;
    }
    const auto issued = timestamp(get_number(std::string_view(*opened).substr(8)));
    if (issued > now + k_clock_slack || now - issued > m_settings.step_lifetime) {
        done(answer(Outcome::expired, delay));
        return;
    }
    std::copy(opened->begin() + k_enrolment_head, opened->end(), secret.bytes.begin());
    const auto step = crypto::accept_totp(secret, code, now, std::nullopt, k_totp_window);
    if (!step) {
        refuse(ticket.username, client, "enrolment_code", delay, std::move(done));
        return;
    }
    auto recovery = crypto::make_recovery_codes(m_keys.recovery_code);
    storage::NewSession session{.staff_id = ticket.staff_id};
    std::string token;
    start(session, token);
    std::vector<domain::AuditEvent> audit{
        event(ticket.username, "second_factor.enrolled", now,
              fmt::format("recovery_codes={}", recovery.stored.size())),
        event(ticket.username, "session.signed_in", now, "second_factor=totp")};
    m_store.enrol_and_sign_in(
        session, crypto::seal(m_keys.totp_secret, secret.base32()), *step,
        std::vector<storage::TokenHash>(recovery.stored.begin(), recovery.stored.end()),
        std::move(audit),
        [this, ticket, client = std::move(client), delay, token = std::move(token),
         shown = std::move(recovery.shown),
         done = std::move(done)](util::Expected<storage::Written> written) mutable {
            if (!written && written.error().code == util::ErrorCode::conflict) {
                refuse(ticket.username, client, "already_enrolled", delay, std::move(done));
                return;
            }
            if (!written) {
                done(answer(Outcome::failed, delay));
                return;
            }
            done(signed_in(delay, std::move(token), std::move(shown)));
        });
}

}  // namespace redress::staff
