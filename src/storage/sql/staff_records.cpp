#include "storage/sql/staff_records.hpp"

#include <algorithm>
#include <map>

#include "storage/sql/seconds.hpp"

namespace redress::storage::sql {

namespace {

constexpr std::string_view k_username_taken = "SELECT 1 FROM staff WHERE username = ?1";
constexpr std::string_view k_insert_staff = R"sql(
INSERT INTO staff (username, display_name, password_hash, totp_secret, totp_last_step, created_at,
                   password_set_up_until)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
RETURNING id
)sql";
constexpr std::string_view k_insert_role =
    "INSERT INTO staff_roles (staff_id, role) VALUES (?1, ?2)";
constexpr std::string_view k_insert_office =
    "INSERT INTO staff_offices (staff_id, office_id) VALUES (?1, ?2)";

constexpr std::string_view k_select_account = R"sql(
SELECT id, username, display_name, password_hash, totp_secret, totp_last_step, created_at,
       disabled_at IS NOT NULL, password_set_up_until IS NOT NULL,
       coalesce(password_set_up_until, 0)
FROM staff WHERE username = ?1
)sql";
constexpr std::string_view k_select_account_by_id = R"sql(
SELECT id, username, display_name, password_hash, totp_secret, totp_last_step, created_at,
       disabled_at IS NOT NULL, password_set_up_until IS NOT NULL,
       coalesce(password_set_up_until, 0)
FROM staff WHERE id = ?1
)sql";
constexpr std::string_view k_select_members = R"sql(
SELECT id, username, display_name, password_hash, totp_secret, totp_last_step, created_at,
       disabled_at IS NOT NULL, password_set_up_until IS NOT NULL,
       coalesce(password_set_up_until, 0)
FROM staff ORDER BY username
)sql";
constexpr std::string_view k_select_target = R"sql(
SELECT disabled_at IS NOT NULL,
       EXISTS (SELECT 1 FROM staff_roles WHERE staff_id = ?1 AND role = 'administrator')
FROM staff WHERE id = ?1
)sql";
constexpr std::string_view k_other_administrators = R"sql(
SELECT count(*) FROM staff_roles JOIN staff ON staff.id = staff_roles.staff_id
WHERE staff_roles.role = 'administrator' AND staff.disabled_at IS NULL AND staff.id <> ?1
)sql";
constexpr std::string_view k_delete_roles = "DELETE FROM staff_roles WHERE staff_id = ?1";
constexpr std::string_view k_delete_offices = "DELETE FROM staff_offices WHERE staff_id = ?1";
constexpr std::string_view k_disable = "UPDATE staff SET disabled_at = ?2 WHERE id = ?1";
constexpr std::string_view k_enable = "UPDATE staff SET disabled_at = NULL WHERE id = ?1";
constexpr std::string_view k_end_sessions_of = R"sql(
UPDATE staff_sessions SET ended_at = ?2 WHERE staff_id = ?1 AND ended_at IS NULL
)sql";
// An empty blob written so that both databases read it as one (x'' is a bit string to
// PostgreSQL).
constexpr std::string_view k_forget_second_factor =
    "UPDATE staff SET totp_secret = CAST('' AS BLOB) WHERE id = ?1";
constexpr std::string_view k_forget_recovery_codes_of =
    "DELETE FROM staff_recovery_codes WHERE staff_id = ?1";
constexpr std::string_view k_new_set_up_code = R"sql(
UPDATE staff SET password_hash = ?2, password_set_up_until = ?3 WHERE id = ?1
)sql";
constexpr std::string_view k_choose_password = R"sql(
UPDATE staff SET password_hash = ?2, password_set_up_until = NULL
WHERE id = ?1 AND password_set_up_until IS NOT NULL AND disabled_at IS NULL RETURNING 1
)sql";
constexpr std::string_view k_select_roles = "SELECT role FROM staff_roles WHERE staff_id = ?1";
constexpr std::string_view k_select_offices =
    "SELECT office_id FROM staff_offices WHERE staff_id = ?1 ORDER BY office_id";

util::Expected<void> insert_roles_and_offices(WriteContext& context, domain::StaffId id,
                                              const std::vector<domain::Role>& roles,
                                              const std::vector<std::string>& offices);

// The account on the current row of a statement of k_select_account's columns.
StaffAccount account_of(const Statement& row) {
    StaffAccount account;
    auto& member = account.member;
    member.id = row.column_int(0);
    member.username = row.column_text(1);
    member.display_name = row.column_text(2);
    account.password_hash = row.column_text(3);
    const auto totp = row.column_blob(4);
    account.sealed_totp.assign(totp.begin(), totp.end());
    account.totp_last_step = row.column_int(5);
    member.created_at = domain::Timestamp(std::chrono::seconds(row.column_int(6)));
    member.disabled = row.column_int(7) != 0;
    member.enrolled = !account.sealed_totp.empty();
    if (row.column_int(8) != 0) {
        member.set_up_pending = true;
        account.set_up_until = domain::Timestamp(std::chrono::seconds(row.column_int(9)));
    }
    return account;
}

}  // namespace

util::Expected<void> read_roles_and_offices(ReadContext& context, domain::StaffMember& member) {
    auto roles = context.statements.get(k_select_roles);
    if (!roles) return std::unexpected(roles.error());
    (*roles)->bind(1, member.id);
    util::Expected<bool> row;
    while ((row = (*roles)->step()) && *row) {
        const auto role = domain::parse_role((*roles)->column_text(0));
        if (!role) {
            (*roles)->reset();
            return util::fail(util::ErrorCode::internal, "unknown role in the database");
        }
        member.roles.push_back(*role);
    }
    (*roles)->reset();
    if (!row) return std::unexpected(row.error());
    // In the order roles are listed to people, whatever order the table keeps.
    std::vector<domain::Role> ordered;
    for (const auto role : domain::all_roles()) {
        if (member.has(role)) ordered.push_back(role);
    }
    member.roles = std::move(ordered);

    auto offices = context.statements.get(k_select_offices);
    if (!offices) return std::unexpected(offices.error());
    (*offices)->bind(1, member.id);
    while ((row = (*offices)->step()) && *row) {
        member.offices.emplace_back((*offices)->column_text(0));
    }
    (*offices)->reset();
    if (!row) return std::unexpected(row.error());
    return {};
}

util::Expected<domain::StaffId> insert_staff(WriteContext& context, const StaffAccount& account,
                                             const domain::AuditEvent& audit) {
    const auto& member = account.member;
    auto taken = context.statements.get(k_username_taken);
    if (!taken) return std::unexpected(taken.error());
    auto exists = (*taken)->bind(1, member.username).step();
    (*taken)->reset();
    if (!exists) return std::unexpected(exists.error());
    if (*exists) {
        return util::fail(util::ErrorCode::conflict, "that user name is taken");
    }
    auto insert = context.statements.get(k_insert_staff);
    if (!insert) return std::unexpected(insert.error());
    (*insert)
        ->bind(1, member.username)
        .bind(2, member.display_name)
        .bind(3, account.password_hash)
        .bind(4, std::span<const std::uint8_t>(account.sealed_totp))
        .bind(5, account.totp_last_step)
        .bind(6, seconds(member.created_at));
    // Left unbound, ?7 is NULL: the password is the member's own.
    if (account.set_up_until) (*insert)->bind(7, seconds(*account.set_up_until));
    const auto inserted = inserted_id(**insert);
    if (!inserted) return std::unexpected(inserted.error());
    const domain::StaffId id = *inserted;

    if (auto added = insert_roles_and_offices(context, id, member.roles, member.offices); !added) {
        return std::unexpected(added.error());
    }
    if (auto entry = context.audit.append(audit); !entry) return std::unexpected(entry.error());
    return id;
}

namespace {

// Where the member an administrator changes stands now.
struct Target {
    bool disabled = false;
    bool administrator = false;
};

util::Expected<std::optional<Target>> read_target(WriteContext& context, domain::StaffId id) {
    auto select = context.statements.get(k_select_target);
    if (!select) return std::unexpected(select.error());
    auto row = (*select)->bind(1, id).step();
    std::optional<Target> target;
    if (row && *row) {
        target = Target{(*select)->column_int(0) != 0, (*select)->column_int(1) != 0};
    }
    (*select)->reset();
    if (!row) return std::unexpected(row.error());
    return target;
}

// Fails with conflict when no administrator but `id` is enabled.
util::Expected<void> keep_an_administrator(WriteContext& context, domain::StaffId id) {
    auto count = context.statements.get(k_other_administrators);
    if (!count) return std::unexpected(count.error());
    auto row = (*count)->bind(1, id).step();
    const std::int64_t others = row && *row ? (*count)->column_int(0) : 0;
    (*count)->reset();
    if (!row) return std::unexpected(row.error());
    if (others == 0)
        return util::fail(util::ErrorCode::conflict, std::string(k_last_administrator));
    return {};
}

util::Expected<void> run_for(WriteContext& context, std::string_view sql, domain::StaffId id) {
    auto statement = context.statements.get(sql);
    if (!statement) return std::unexpected(statement.error());
    return (*statement)->bind(1, id).run();
}

util::Expected<void> run_for(WriteContext& context, std::string_view sql, domain::StaffId id,
                             std::int64_t value) {
    auto statement = context.statements.get(sql);
    if (!statement) return std::unexpected(statement.error());
    return (*statement)->bind(1, id).bind(2, value).run();
}

util::Expected<void> insert_roles_and_offices(WriteContext& context, domain::StaffId id,
                                              const std::vector<domain::Role>& roles,
                                              const std::vector<std::string>& offices) {
    auto role = context.statements.get(k_insert_role);
    if (!role) return std::unexpected(role.error());
    for (const auto each : roles) {
        if (auto added = (*role)->bind(1, id).bind(2, domain::role_name(each)).run(); !added) {
            return std::unexpected(added.error());
        }
    }
    auto office = context.statements.get(k_insert_office);
    if (!office) return std::unexpected(office.error());
    for (const auto& each : offices) {
        if (auto added = (*office)->bind(1, id).bind(2, each).run(); !added) {
            return std::unexpected(added.error());
        }
    }
    return {};
}

util::Expected<Target> existing_target(WriteContext& context, domain::StaffId id) {
    auto target = read_target(context, id);
    if (!target) return std::unexpected(target.error());
    if (!*target) return util::fail(util::ErrorCode::not_found, "no such member of staff");
    return **target;
}

}  // namespace

util::Expected<Written> update_staff_access(WriteContext& context, domain::StaffId id,
                                            const std::vector<domain::Role>& roles,
                                            const std::vector<std::string>& offices,
                                            const domain::AuditEvent& audit) {
    auto target = existing_target(context, id);
    if (!target) return std::unexpected(target.error());
    const bool stays_administrator =
        std::find(roles.begin(), roles.end(), domain::Role::administrator) != roles.end();
    if (target->administrator && !target->disabled && !stays_administrator) {
        if (auto kept = keep_an_administrator(context, id); !kept) {
            return std::unexpected(kept.error());
        }
    }
    for (const auto sql : {k_delete_roles, k_delete_offices}) {
        if (auto removed = run_for(context, sql, id); !removed) {
            return std::unexpected(removed.error());
        }
    }
    if (auto added = insert_roles_and_offices(context, id, roles, offices); !added) {
        return std::unexpected(added.error());
    }
    if (auto entry = context.audit.append(audit); !entry) return std::unexpected(entry.error());
    return Written{};
}

util::Expected<Written> update_staff_disabled(WriteContext& context, domain::StaffId id,
                                              bool disabled, const domain::AuditEvent& audit) {
    auto target = existing_target(context, id);
    if (!target) return std::unexpected(target.error());
    if (target->disabled == disabled) return Written{};
    if (disabled) {
        if (target->administrator) {
            if (auto kept = keep_an_administrator(context, id); !kept) {
                return std::unexpected(kept.error());
            }
        }
        const auto at = seconds(audit.at);
        if (auto done = run_for(context, k_disable, id, at); !done) {
            return std::unexpected(done.error());
        }
        if (auto ended = run_for(context, k_end_sessions_of, id, at); !ended) {
            return std::unexpected(ended.error());
        }
    } else if (auto done = run_for(context, k_enable, id); !done) {
        return std::unexpected(done.error());
    }
    if (auto entry = context.audit.append(audit); !entry) return std::unexpected(entry.error());
    return Written{};
}

namespace {

// Forgets the member's second factor and recovery codes, ends their sessions and appends
// `audit`: what both an administrator's reset and a new set-up code end with.
util::Expected<Written> start_enrolment_over(WriteContext& context, domain::StaffId id,
                                             const domain::AuditEvent& audit) {
    for (const auto sql : {k_forget_second_factor, k_forget_recovery_codes_of}) {
        if (auto done = run_for(context, sql, id); !done) return std::unexpected(done.error());
    }
    if (auto ended = run_for(context, k_end_sessions_of, id, seconds(audit.at)); !ended) {
        return std::unexpected(ended.error());
    }
    if (auto entry = context.audit.append(audit); !entry) return std::unexpected(entry.error());
    return Written{};
}

}  // namespace

util::Expected<Written> forget_second_factor(WriteContext& context, domain::StaffId id,
                                             const domain::AuditEvent& audit) {
    auto target = existing_target(context, id);
    if (!target) return std::unexpected(target.error());
    return start_enrolment_over(context, id, audit);
}

util::Expected<Written> issue_set_up_code(WriteContext& context, domain::StaffId id,
                                          const std::string& code_hash, domain::Timestamp until,
                                          const domain::AuditEvent& audit) {
    auto target = existing_target(context, id);
    if (!target) return std::unexpected(target.error());
    auto statement = context.statements.get(k_new_set_up_code);
    if (!statement) return std::unexpected(statement.error());
    if (auto set = (*statement)->bind(1, id).bind(2, code_hash).bind(3, seconds(until)).run();
        !set) {
        return std::unexpected(set.error());
    }
    return start_enrolment_over(context, id, audit);
}

util::Expected<Written> replace_set_up_code(WriteContext& context, domain::StaffId id,
                                            const std::string& password_hash,
                                            const domain::AuditEvent& audit) {
    auto statement = context.statements.get(k_choose_password);
    if (!statement) return std::unexpected(statement.error());
    auto row = (*statement)->bind(1, id).bind(2, password_hash).step();
    const bool changed = row && *row;
    if (changed) row = (*statement)->step();  // to its end, so that the change is complete
    (*statement)->reset();
    if (!row) return std::unexpected(row.error());
    if (!changed) {
        return util::fail(util::ErrorCode::conflict, "the account has no set-up code to replace");
    }
    if (auto entry = context.audit.append(audit); !entry) return std::unexpected(entry.error());
    return Written{};
}

namespace {

template <typename Key>
util::Expected<std::optional<StaffAccount>> read_account_where(ReadContext& context,
                                                               std::string_view query,
                                                               const Key& key) {
    auto select = context.statements.get(query);
    if (!select) return std::unexpected(select.error());
    (*select)->bind(1, key);
    auto row = (*select)->step();
    if (!row) {
        (*select)->reset();
        return std::unexpected(row.error());
    }
    if (!*row) {
        (*select)->reset();
        return std::optional<StaffAccount>{};
    }
    auto account = account_of(**select);
    (*select)->reset();
    if (auto rest = read_roles_and_offices(context, account.member); !rest) {
        return std::unexpected(rest.error());
    }
    return std::optional<StaffAccount>{std::move(account)};
}

}  // namespace

util::Expected<std::optional<StaffAccount>> read_account(ReadContext& context,
                                                         const std::string& username) {
    return read_account_where(context, k_select_account, std::string_view(username));
}

util::Expected<std::optional<StaffAccount>> read_account_by_id(ReadContext& context,
                                                               domain::StaffId id) {
    return read_account_where(context, k_select_account_by_id, id);
}

util::Expected<std::vector<domain::StaffMember>> read_staff(ReadContext& context) {
    auto select = context.statements.get(k_select_members);
    if (!select) return std::unexpected(select.error());
    std::vector<domain::StaffMember> members;
    util::Expected<bool> row;
    while ((row = (*select)->step()) && *row) members.push_back(account_of(**select).member);
    (*select)->reset();
    if (!row) return std::unexpected(row.error());
    for (auto& member : members) {
        if (auto rest = read_roles_and_offices(context, member); !rest) {
            return std::unexpected(rest.error());
        }
    }
    return members;
}

}  // namespace redress::storage::sql
