#include "storage/sqlite/staff_records.hpp"

#include <map>

namespace redress::storage::sqlite {

namespace {

constexpr std::string_view k_username_taken = "SELECT 1 FROM staff WHERE username = ?1";
constexpr std::string_view k_insert_staff = R"sql(
INSERT INTO staff (username, display_name, password_hash, totp_secret, totp_last_step, created_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6)
)sql";
constexpr std::string_view k_insert_role =
    "INSERT INTO staff_roles (staff_id, role) VALUES (?1, ?2)";
constexpr std::string_view k_insert_office =
    "INSERT INTO staff_offices (staff_id, office_id) VALUES (?1, ?2)";

constexpr std::string_view k_select_account = R"sql(
SELECT id, username, display_name, password_hash, totp_secret, totp_last_step, created_at,
       disabled_at IS NOT NULL
FROM staff WHERE username = ?1
)sql";
constexpr std::string_view k_select_account_by_id = R"sql(
SELECT id, username, display_name, password_hash, totp_secret, totp_last_step, created_at,
       disabled_at IS NOT NULL
FROM staff WHERE id = ?1
)sql";
constexpr std::string_view k_select_members = R"sql(
SELECT id, username, display_name, password_hash, totp_secret, totp_last_step, created_at,
       disabled_at IS NOT NULL
FROM staff ORDER BY username
)sql";
constexpr std::string_view k_select_roles = "SELECT role FROM staff_roles WHERE staff_id = ?1";
constexpr std::string_view k_select_offices =
    "SELECT office_id FROM staff_offices WHERE staff_id = ?1 ORDER BY office_id";

std::int64_t seconds(domain::Timestamp at) {
    return at.time_since_epoch().count();
}

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
    auto inserted = (*insert)
                        ->bind(1, member.username)
                        .bind(2, member.display_name)
                        .bind(3, account.password_hash)
                        .bind(4, std::span<const std::uint8_t>(account.sealed_totp))
                        .bind(5, account.totp_last_step)
                        .bind(6, seconds(member.created_at))
                        .run();
    if (!inserted) return std::unexpected(inserted.error());
    const domain::StaffId id = context.connection.last_insert_id();

    auto role = context.statements.get(k_insert_role);
    if (!role) return std::unexpected(role.error());
    for (const auto each : member.roles) {
        if (auto added = (*role)->bind(1, id).bind(2, domain::role_name(each)).run(); !added) {
            return std::unexpected(added.error());
        }
    }
    auto office = context.statements.get(k_insert_office);
    if (!office) return std::unexpected(office.error());
    for (const auto& each : member.offices) {
        if (auto added = (*office)->bind(1, id).bind(2, each).run(); !added) {
            return std::unexpected(added.error());
        }
    }
    if (auto entry = context.audit.append(audit); !entry) return std::unexpected(entry.error());
    return id;
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

}  // namespace redress::storage::sqlite
