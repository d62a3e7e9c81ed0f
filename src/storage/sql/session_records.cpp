#include "storage/sql/session_records.hpp"

#include <span>

#include "storage/sql/seconds.hpp"
#include "storage/sql/staff_records.hpp"

namespace redress::storage::sql {

namespace {

// RETURNING tells whether a row changed, without asking the connection afterwards.
constexpr std::string_view k_take_step = R"sql(
UPDATE staff SET totp_last_step = ?2
WHERE id = ?1 AND length(totp_secret) > 0 AND totp_last_step < ?2 RETURNING 1
)sql";
constexpr std::string_view k_use_recovery_code = R"sql(
UPDATE staff_recovery_codes SET used_at = ?3
WHERE staff_id = ?1 AND code_hash = ?2 AND used_at IS NULL RETURNING 1
)sql";
constexpr std::string_view k_enrol = R"sql(
UPDATE staff SET totp_secret = ?2, totp_last_step = ?3
WHERE id = ?1 AND length(totp_secret) = 0 AND password_set_up_until IS NULL RETURNING 1
)sql";
constexpr std::string_view k_forget_recovery_codes =
    "DELETE FROM staff_recovery_codes WHERE staff_id = ?1";
constexpr std::string_view k_insert_recovery_code =
    "INSERT INTO staff_recovery_codes (staff_id, code_hash) VALUES (?1, ?2)";
constexpr std::string_view k_insert_session = R"sql(
INSERT INTO staff_sessions (token_hash, staff_id, created_at, last_seen_at)
VALUES (?1, ?2, ?3, ?3)
)sql";
constexpr std::string_view k_touch = R"sql(
UPDATE staff_sessions SET last_seen_at = CASE WHEN last_seen_at > ?2 THEN last_seen_at ELSE ?2 END
WHERE token_hash = ?1 AND ended_at IS NULL
)sql";
constexpr std::string_view k_end = R"sql(
UPDATE staff_sessions SET ended_at = ?2
WHERE token_hash = ?1 AND ended_at IS NULL RETURNING 1
)sql";
constexpr std::string_view k_select_session = R"sql(
SELECT staff_id, created_at, last_seen_at FROM staff_sessions
WHERE token_hash = ?1 AND ended_at IS NULL
)sql";

domain::Timestamp timestamp(std::int64_t seconds) {
    return domain::Timestamp(std::chrono::seconds(seconds));
}

std::span<const std::uint8_t> bytes(const TokenHash& hash) {
    return {hash.data(), hash.size()};
}

// Runs an UPDATE ... RETURNING 1 bound by `bind`; answers whether it changed a row.
template <typename Bind>
util::Expected<bool> changed_a_row(WriteContext& context, std::string_view sql, Bind bind) {
    auto statement = context.statements.get(sql);
    if (!statement) return std::unexpected(statement.error());
    bind(**statement);
    auto row = (*statement)->step();
    if (row && *row) {
        // Finish the statement, so that the change is complete before the next one.
        while ((row = (*statement)->step()) && *row) {
        }
        (*statement)->reset();
        if (!row) return std::unexpected(row.error());
        return true;
    }
    (*statement)->reset();
    if (!row) return std::unexpected(row.error());
    return false;
}

util::Expected<Written> start_session(WriteContext& context, const NewSession& session,
                                      const std::vector<domain::AuditEvent>& audit) {
    auto insert = context.statements.get(k_insert_session);
    if (!insert) return std::unexpected(insert.error());
    auto inserted = (*insert)
                        ->bind(1, bytes(session.token_hash))
                        .bind(2, session.staff_id)
                        .bind(3, seconds(session.at))
                        .run();
    if (!inserted) return std::unexpected(inserted.error());
    for (const auto& event : audit) {
        if (auto entry = context.audit.append(event); !entry) return std::unexpected(entry.error());
    }
    return Written{};
}

}  // namespace

util::Expected<Written> write_sign_in_with_code(WriteContext& context, const NewSession& session,
                                                std::int64_t step,
                                                const std::vector<domain::AuditEvent>& audit) {
    auto taken = changed_a_row(context, k_take_step, [&](Statement& statement) {
        statement.bind(1, session.staff_id).bind(2, step);
    });
    if (!taken) return std::unexpected(taken.error());
    if (!*taken) {
        return util::fail(util::ErrorCode::conflict, "that code was already used");
    }
    return start_session(context, session, audit);
}

util::Expected<Written> write_sign_in_with_recovery_code(
    WriteContext& context, const NewSession& session, const TokenHash& code_hash,
    const std::vector<domain::AuditEvent>& audit) {
    auto used = changed_a_row(context, k_use_recovery_code, [&](Statement& statement) {
        statement.bind(1, session.staff_id).bind(2, bytes(code_hash)).bind(3, seconds(session.at));
    });
    if (!used) return std::unexpected(used.error());
    if (!*used) return util::fail(util::ErrorCode::not_found, "no such unused recovery code");
    return start_session(context, session, audit);
}

util::Expected<Written> write_enrolment(WriteContext& context, const NewSession& session,
                                        const std::vector<std::uint8_t>& sealed_totp,
                                        std::int64_t step,
                                        const std::vector<TokenHash>& recovery_codes,
                                        const std::vector<domain::AuditEvent>& audit) {
    auto enrolled = changed_a_row(context, k_enrol, [&](Statement& statement) {
        statement.bind(1, session.staff_id)
            .bind(2, std::span<const std::uint8_t>(sealed_totp))
            .bind(3, step);
    });
    if (!enrolled) return std::unexpected(enrolled.error());
    if (!*enrolled) {
        return util::fail(util::ErrorCode::conflict, "a second factor is already enrolled");
    }
    auto forget = context.statements.get(k_forget_recovery_codes);
    if (!forget) return std::unexpected(forget.error());
    if (auto forgotten = (*forget)->bind(1, session.staff_id).run(); !forgotten) {
        return std::unexpected(forgotten.error());
    }
    auto insert = context.statements.get(k_insert_recovery_code);
    if (!insert) return std::unexpected(insert.error());
    for (const auto& code : recovery_codes) {
        if (auto added = (*insert)->bind(1, session.staff_id).bind(2, bytes(code)).run(); !added) {
            return std::unexpected(added.error());
        }
    }
    return start_session(context, session, audit);
}

util::Expected<Written> write_touch(WriteContext& context, const TokenHash& token_hash,
                                    domain::Timestamp at) {
    auto touch = context.statements.get(k_touch);
    if (!touch) return std::unexpected(touch.error());
    if (auto touched = (*touch)->bind(1, bytes(token_hash)).bind(2, seconds(at)).run(); !touched) {
        return std::unexpected(touched.error());
    }
    return Written{};
}

util::Expected<bool> write_end_session(WriteContext& context, const TokenHash& token_hash,
                                       domain::Timestamp at, const domain::AuditEvent& audit) {
    auto ended = changed_a_row(context, k_end, [&](Statement& statement) {
        statement.bind(1, bytes(token_hash)).bind(2, seconds(at));
    });
    if (!ended) return std::unexpected(ended.error());
    if (!*ended) return false;
    if (auto entry = context.audit.append(audit); !entry) return std::unexpected(entry.error());
    return true;
}

util::Expected<std::optional<SessionRecord>> read_session(ReadContext& context,
                                                          const TokenHash& token_hash) {
    auto select = context.statements.get(k_select_session);
    if (!select) return std::unexpected(select.error());
    (*select)->bind(1, bytes(token_hash));
    auto row = (*select)->step();
    if (!row || !*row) {
        (*select)->reset();
        if (!row) return std::unexpected(row.error());
        return std::optional<SessionRecord>{};
    }
    SessionRecord record;
    record.session.token_hash = token_hash;
    record.session.staff_id = (*select)->column_int(0);
    record.session.created_at = timestamp((*select)->column_int(1));
    record.session.last_seen_at = timestamp((*select)->column_int(2));
    (*select)->reset();
    auto account = read_account_by_id(context, record.session.staff_id);
    if (!account) return std::unexpected(account.error());
    if (!*account) return std::optional<SessionRecord>{};
    record.member = std::move((*account)->member);
    return std::optional<SessionRecord>{std::move(record)};
}

}  // namespace redress::storage::sql
