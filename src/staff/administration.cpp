#include "staff/administration.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <memory>

#include "crypto/base32.hpp"
#include "crypto/password.hpp"
#include "crypto/random.hpp"
#include "util/text.hpp"

namespace redress::staff {

namespace {

constexpr std::size_t k_code_bytes = 13;  // 104 bits, of which the 20 characters keep 100
constexpr std::size_t k_code_characters = 20;
constexpr std::size_t k_code_group = 5;

}  // namespace

std::string new_set_up_code() {
    std::array<std::uint8_t, k_code_bytes> bytes{};
    crypto::fill_random(bytes);
    const auto text = crypto::base32_encode(bytes).substr(0, k_code_characters);
    std::string shown;
    for (std::size_t i = 0; i < text.size(); i += k_code_group) {
        if (!shown.empty()) shown += '-';
        shown += text.substr(i, k_code_group);
    }
    return shown;
}

std::optional<std::string> canonical_set_up_code(std::string_view typed) {
    if (typed.size() > 4 * k_code_characters) return std::nullopt;
    std::string code;
    for (const char c : typed) {
        if (c == ' ' || c == '-') continue;
        const char upper = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
        if (!((upper >= 'A' && upper <= 'Z') || (upper >= '2' && upper <= '7'))) {
            return std::nullopt;
        }
        code += upper;
    }
    if (code.size() != k_code_characters) return std::nullopt;
    return code;
}

util::Expected<std::string> hash_set_up_code(std::string_view canonical) {
    return crypto::hash_password(canonical, crypto::minimum_password_cost());
}

void Administration::list(storage::Done<std::vector<domain::StaffMember>> done) {
    m_directory.list_staff(std::move(done));
}

void Administration::find(domain::StaffId id, storage::Done<domain::StaffMember> done) {
    // An office has tens of members: the list is read rather than another query kept.
    m_directory.list_staff([id, done = std::move(done)](
                               util::Expected<std::vector<domain::StaffMember>> members) mutable {
        if (!members) return done(std::unexpected(members.error()));
        const auto found = std::find_if(members->begin(), members->end(),
                                        [id](const auto& member) { return member.id == id; });
        if (found == members->end()) {
            return done(util::fail(util::ErrorCode::not_found, "no such member of staff"));
        }
        done(std::move(*found));
    });
}

std::vector<domain::FormProblem> Administration::check(const NewMember& member) const {
    return check_account(member, m_deployment);
}

domain::AuditEvent Administration::event(const domain::StaffMember& by,
                                         const domain::StaffMember& target, std::string action,
                                         std::string details) const {
    domain::AuditEvent audit;
    audit.at = m_now();
    audit.actor = "staff:" + by.username;
    audit.action = std::move(action);
    audit.object = "staff:" + target.username;
    audit.details = std::move(details);
    return audit;
}

void Administration::create(const domain::StaffMember& by, NewMember member,
                            storage::Done<AccountSetUp> done) {
    if (!check(member).empty()) {
        return done(util::fail(util::ErrorCode::invalid_input, "the account cannot be created"));
    }
    auto code = new_set_up_code();
    auto hash = hash_set_up_code(*canonical_set_up_code(code));
    if (!hash) return done(std::unexpected(hash.error()));

    const auto now = m_now();
    storage::StaffAccount account;
    account.member.username = member.username;
    account.member.display_name = std::string(util::trim(member.display_name));
    account.member.roles = ordered_roles(member.roles);
    account.member.offices = member.offices;
    account.member.created_at = now;
    account.member.set_up_pending = true;
    account.password_hash = std::move(*hash);
    account.set_up_until = now + k_set_up_code_lifetime;

    auto audit = event(
        by, account.member, "staff.added",
        fmt::format("roles={} offices={} first_password=set_up_code",
                    roles_text(account.member.roles), fmt::join(account.member.offices, ",")));
    AccountSetUp created{account.member, std::move(code), *account.set_up_until};
    m_directory.add_staff(std::move(account), std::move(audit),
                          [created = std::move(created),
                           done = std::move(done)](util::Expected<domain::StaffId> id) mutable {
                              if (!id) return done(std::unexpected(id.error()));
                              created.member.id = *id;
                              done(std::move(created));
                          });
}

void Administration::change_access(const domain::StaffMember& by, domain::StaffId id,
                                   std::vector<domain::Role> roles,
                                   std::vector<std::string> offices,
                                   storage::Done<storage::Written> done) {
    if (!check_access(roles, offices, m_deployment).empty()) {
        return done(util::fail(util::ErrorCode::invalid_input, "roles or offices refused"));
    }
    roles = ordered_roles(roles);
    find(id, [this, by, id, roles = std::move(roles), offices = std::move(offices),
              done = std::move(done)](util::Expected<domain::StaffMember> target) mutable {
        if (!target) return done(std::unexpected(target.error()));
        auto audit =
            event(by, *target, "staff.access_changed",
                  fmt::format("roles={} offices={}", roles_text(roles), fmt::join(offices, ",")));
        m_directory.change_staff_access(id, std::move(roles), std::move(offices), std::move(audit),
                                        std::move(done));
    });
}

void Administration::set_disabled(const domain::StaffMember& by, domain::StaffId id, bool disabled,
                                  storage::Done<storage::Written> done) {
    if (disabled && id == by.id) {
        return done(util::fail(util::ErrorCode::conflict, std::string(k_not_yourself)));
    }
    find(id, [this, by, id, disabled,
              done = std::move(done)](util::Expected<domain::StaffMember> target) mutable {
        if (!target) return done(std::unexpected(target.error()));
        auto audit = event(by, *target, disabled ? "staff.disabled" : "staff.enabled");
        m_directory.set_staff_disabled(id, disabled, std::move(audit), std::move(done));
    });
}

void Administration::issue_set_up_code(const domain::StaffMember& by, domain::StaffId id,
                                       storage::Done<AccountSetUp> done) {
    if (by.id == id)
        return done(util::fail(util::ErrorCode::conflict, std::string(k_not_yourself)));
    find(id, [this, by, id,
              done = std::move(done)](util::Expected<domain::StaffMember> target) mutable {
        if (!target) return done(std::unexpected(target.error()));
        auto code = new_set_up_code();
        auto hash = hash_set_up_code(*canonical_set_up_code(code));
        if (!hash) return done(std::unexpected(hash.error()));
        AccountSetUp issued{*target, std::move(code), m_now() + k_set_up_code_lifetime};
        auto audit = event(by, *target, "staff.set_up_code_issued");
        m_directory.issue_set_up_code(id, std::move(*hash), issued.set_up_until, std::move(audit),
                                      [issued = std::move(issued), done = std::move(done)](
                                          util::Expected<storage::Written> written) mutable {
                                          if (!written)
                                              return done(std::unexpected(written.error()));
                                          issued.member.set_up_pending = true;
                                          issued.member.enrolled = false;
                                          done(std::move(issued));
                                      });
    });
}

void Administration::reset_second_factor(const domain::StaffMember& by, domain::StaffId id,
                                         storage::Done<storage::Written> done) {
    find(id, [this, by, id,
              done = std::move(done)](util::Expected<domain::StaffMember> target) mutable {
        if (!target) return done(std::unexpected(target.error()));
        auto audit = event(by, *target, "staff.second_factor_reset");
        m_directory.reset_second_factor(id, std::move(audit), std::move(done));
    });
}

}  // namespace redress::staff
