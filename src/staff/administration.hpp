#pragma once
// What an administrator does to staff accounts in the web interface: list them, create one,
// change its roles and offices, disable and enable it, reset its second factor, give it a
// new set-up code. Each change
// is written with an audit entry naming the administrator, in the same transaction.
//
// A new account gets no password: the server draws a one-time set-up code (100 random bits,
// shown once to the administrator, who hands it to the new member), good for
// k_set_up_code_lifetime. The member signs in with it as their password, must then choose
// their own (checked by the password policy), and enrols their second factor. No one but
// the member ever knows their password.
//
// The rules that stop an office locking itself out: an administrator cannot disable their
// own account, and no change may leave no administrator enabled (checked again inside the
// write, StaffDirectory).

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/deployment.hpp"
#include "domain/form_problem.hpp"
#include "domain/staff_member.hpp"
#include "staff/accounts.hpp"
#include "storage/staff_directory.hpp"

namespace redress::staff {

inline constexpr std::chrono::hours k_set_up_code_lifetime{7 * 24};

// The messages of the conflicts the rules answer with (util::ErrorCode::conflict).
inline constexpr std::string_view k_not_yourself = "not yourself";
// storage::k_last_administrator: no change may leave no administrator enabled.

// A set-up code as shown: 20 characters of base32 in four groups ("ABCDE-FGHIJ-KLMNO-PQRST").
std::string new_set_up_code();
// The code as typed (any case, spaces and dashes ignored) in the form its hash is made of;
// nothing when it cannot be one.
std::optional<std::string> canonical_set_up_code(std::string_view typed);
// The hash kept for a set-up code (Argon2id at its least cost: a code of 100 random bits
// needs no slow hash, and this one is made on an I/O thread).
util::Expected<std::string> hash_set_up_code(std::string_view canonical);

// A member and the set-up code just given them, at creation or in place of a lost code or
// password.
struct AccountSetUp {
    domain::StaffMember member;
    std::string set_up_code;  // to show once
    domain::Timestamp set_up_until{};
};

class Administration {
  public:
    // Everything is borrowed and must outlive this object.
    Administration(storage::StaffDirectory& directory, const domain::Deployment& deployment,
                   std::function<domain::Timestamp()> now)
        : m_directory(directory), m_deployment(deployment), m_now(std::move(now)) {}

    const domain::Deployment& deployment() const { return m_deployment; }

    // Every member, by user name.
    void list(storage::Done<std::vector<domain::StaffMember>> done);
    // The member `id`; not_found when there is none.
    void find(domain::StaffId id, storage::Done<domain::StaffMember> done);

    // What is wrong with a new account (check_account(); no password: it gets a set-up code).
    std::vector<domain::FormProblem> check(const NewMember& member) const;
    // Creates the account with a new set-up code. Fails with invalid_input when check() finds
    // anything, conflict when the user name is taken.
    void create(const domain::StaffMember& by, NewMember member, storage::Done<AccountSetUp> done);

    // Replaces the roles and offices of `id` (check_access() first: invalid_input).
    void change_access(const domain::StaffMember& by, domain::StaffId id,
                       std::vector<domain::Role> roles, std::vector<std::string> offices,
                       storage::Done<storage::Written> done);
    // Disables `id` (not `by`: conflict k_not_yourself) and ends its sessions, or enables it.
    void set_disabled(const domain::StaffMember& by, domain::StaffId id, bool disabled,
                      storage::Done<storage::Written> done);
    // Gives `id` a new set-up code, to hand over as at creation, for a code lost or expired or
    // a password forgotten: they sign in with it, choose a password and enrol a new second
    // factor (the old one is forgotten, their sessions end). Not `by` (conflict
    // k_not_yourself); not_found when there is no member `id`.
    void issue_set_up_code(const domain::StaffMember& by, domain::StaffId id,
                           storage::Done<AccountSetUp> done);
    // Forgets the second factor of `id`: they enrol again at their next sign-in.
    void reset_second_factor(const domain::StaffMember& by, domain::StaffId id,
                             storage::Done<storage::Written> done);

  private:
    domain::AuditEvent event(const domain::StaffMember& by, const domain::StaffMember& target,
                             std::string action, std::string details = {}) const;

    storage::StaffDirectory& m_directory;
    const domain::Deployment& m_deployment;
    std::function<domain::Timestamp()> m_now;
};

}  // namespace redress::staff
