#include "storage/sql/message_records.hpp"

#include "storage/sql/case_records.hpp"
#include "storage/sql/seconds.hpp"

namespace redress::storage::sql {

namespace {

constexpr std::string_view k_select_messages = R"sql(
SELECT m.id, m.at, m.kind, coalesce('staff:' || st.username, 'complainant'), m.sealed_text
FROM messages AS m LEFT JOIN staff AS st ON st.id = m.staff_id
WHERE m.complaint_id = ?1 ORDER BY m.id
)sql";
constexpr std::string_view k_select_for_staff = R"sql(
SELECT c.id, s.office_id, (SELECT count(*) FROM messages AS m WHERE m.complaint_id = c.id)
FROM complaints AS c JOIN complaint_states AS s ON s.complaint_id = c.id
WHERE c.reference = ?1
)sql";
// The complaint's state, its case, its latest closure's window, and how many messages.
constexpr std::string_view k_select_for_complainant = R"sql(
SELECT s.status, coalesce(s.case_id, 0),
       coalesce((SELECT k.reconsider_until FROM case_closures AS k WHERE k.case_id = s.case_id
                 ORDER BY k.id DESC LIMIT 1), ''),
       (SELECT count(*) FROM messages AS m WHERE m.complaint_id = s.complaint_id)
FROM complaint_states AS s WHERE s.complaint_id = ?1
)sql";
constexpr std::string_view k_insert_message = R"sql(
INSERT INTO messages (complaint_id, at, kind, staff_id, sealed_text) VALUES (?1, ?2, ?3, ?4, ?5)
RETURNING id
)sql";

// The note on the status event of a reopening; the complainant sees it in their language
// through its status, so this is for staff.
constexpr std::string_view k_reopened_note = "reconsideration requested";

util::Expected<std::int64_t> insert(WriteContext& context, std::int64_t complaint_id,
                                    domain::Timestamp at, domain::MessageKind kind,
                                    std::optional<domain::StaffId> staff_id, const Sealed& text) {
    auto statement = context.statements.get(k_insert_message);
    if (!statement) return std::unexpected(statement.error());
    auto& insert = **statement;
    insert.bind(1, complaint_id)
        .bind(2, seconds(at))
        .bind(3, domain::message_kind_name(kind))
        .bind(5, std::span<const std::uint8_t>(text));
    if (staff_id) insert.bind(4, *staff_id);
    return inserted_id(insert);
}

util::Error full() {
    return util::Error{util::ErrorCode::conflict, "the complaint holds all the messages it may"};
}

}  // namespace

util::Expected<std::vector<StoredMessage>> read_messages(StatementCache& statements,
                                                         std::int64_t complaint_id) {
    auto statement = statements.get(k_select_messages);
    if (!statement) return std::unexpected(statement.error());
    auto& rows = **statement;
    rows.bind(1, complaint_id);
    std::vector<StoredMessage> messages;
    util::Expected<bool> row;
    while ((row = rows.step()) && *row) {
        const auto kind = domain::parse_message_kind(rows.column_text(2));
        if (!kind) {
            rows.reset();
            return util::fail(util::ErrorCode::internal, "a message's kind is unreadable");
        }
        const auto text = rows.column_blob(4);
        messages.push_back({rows.column_int(0),
                            domain::Timestamp(std::chrono::seconds(rows.column_int(1))), *kind,
                            std::string(rows.column_text(3)), Sealed(text.begin(), text.end())});
    }
    rows.reset();
    if (!row) return std::unexpected(row.error());
    return messages;
}

util::Expected<std::int64_t> insert_staff_message(WriteContext& context,
                                                  const StaffMessageRecord& record,
                                                  const domain::AuditEvent& audit) {
    auto statement = context.statements.get(k_select_for_staff);
    if (!statement) return std::unexpected(statement.error());
    auto& select = **statement;
    select.bind(1, record.reference);
    auto found = select.step();
    std::int64_t complaint_id = 0, count = 0;
    std::string office;
    if (found && *found) {
        complaint_id = select.column_int(0);
        office = select.column_text(1);
        count = select.column_int(2);
    }
    select.reset();
    if (!found) return std::unexpected(found.error());
    if (!*found || office != record.office_id) {
        return util::fail(util::ErrorCode::not_found, "no such complaint for this office");
    }
    if (count >= static_cast<std::int64_t>(k_messages_per_complaint_max)) {
        return std::unexpected(full());
    }
    auto id = insert(context, complaint_id, record.at, domain::MessageKind::to_complainant,
                     record.staff_id, record.sealed_text);
    if (!id) return id;
    if (auto entry = context.audit.append(audit); !entry) return std::unexpected(entry.error());
    return id;
}

util::Expected<std::int64_t> insert_complainant_message(WriteContext& context,
                                                        const ComplainantMessageRecord& record,
                                                        const domain::AuditEvent& audit) {
    auto statement = context.statements.get(k_select_for_complainant);
    if (!statement) return std::unexpected(statement.error());
    auto& select = **statement;
    select.bind(1, record.complaint_id);
    auto found = select.step();
    std::string status, reconsider_until;
    std::int64_t case_id = 0, count = 0;
    if (found && *found) {
        status = select.column_text(0);
        case_id = select.column_int(1);
        reconsider_until = select.column_text(2);
        count = select.column_int(3);
    }
    select.reset();
    if (!found) return std::unexpected(found.error());
    if (!*found) return util::fail(util::ErrorCode::not_found, "no such complaint");
    if (count >= static_cast<std::int64_t>(k_messages_per_complaint_max)) {
        return std::unexpected(full());
    }
    if (record.kind == domain::MessageKind::reconsideration) {
        // Dates as YYYY-MM-DD compare as text.
        if (status != domain::status_name(domain::Status::closed) || case_id == 0 ||
            reconsider_until.empty() || record.today > reconsider_until) {
            return util::fail(util::ErrorCode::conflict,
                              "reconsideration cannot be asked for this complaint now");
        }
    }
    auto id = insert(context, record.complaint_id, record.at, record.kind, std::nullopt,
                     record.sealed_text);
    if (!id) return id;
    if (record.kind == domain::MessageKind::reconsideration) {
        auto reopened = reopen_case(context, case_id, record.at, k_reopened_note);
        if (!reopened) return std::unexpected(reopened.error());
    }
    if (auto entry = context.audit.append(audit); !entry) return std::unexpected(entry.error());
    return id;
}

}  // namespace redress::storage::sql
