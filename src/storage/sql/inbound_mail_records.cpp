#include "storage/sql/inbound_mail_records.hpp"

#include "storage/sql/evidence_records.hpp"
#include "storage/sql/message_records.hpp"
#include "storage/sql/seconds.hpp"

namespace redress::storage::sql {

namespace {

constexpr std::string_view k_select_taken = "SELECT 1 FROM inbound_mail WHERE spool_name = ?1";
constexpr std::string_view k_insert_taken = R"sql(
INSERT INTO inbound_mail (spool_name, outcome, complaint_id, at) VALUES (?1, ?2, ?3, ?4)
)sql";
constexpr std::string_view k_insert_taken_by_reference = R"sql(
INSERT INTO inbound_mail (spool_name, outcome, complaint_id, at)
SELECT ?1, 'filed', id, ?3 FROM complaints WHERE reference = ?2
)sql";
constexpr std::string_view k_select_contact = R"sql(
SELECT c.id, c.reference, m.sealed_address,
       (SELECT count(*) FROM messages AS g WHERE g.complaint_id = c.id)
FROM complaints AS c LEFT JOIN mail_contacts AS m ON m.complaint_id = c.id
WHERE c.reference = ?1
)sql";
constexpr std::string_view k_insert_quarantine = R"sql(
INSERT INTO mail_quarantine (received_at, reason, detail, stored_name, size)
VALUES (?1, ?2, ?3, ?4, ?5)
RETURNING id
)sql";
constexpr std::string_view k_select_quarantine = R"sql(
SELECT id, received_at, reason, detail, stored_name, size FROM mail_quarantine
ORDER BY id DESC LIMIT ?1
)sql";
constexpr std::string_view k_select_one_quarantined = R"sql(
SELECT id, received_at, reason, detail, stored_name, size FROM mail_quarantine WHERE id = ?1
)sql";

QuarantinedMail quarantined_row(const Statement& row) {
    return {.id = row.column_int(0),
            .received_at = domain::Timestamp(std::chrono::seconds(row.column_int(1))),
            .reason = std::string(row.column_text(2)),
            .detail = std::string(row.column_text(3)),
            .stored_name = std::string(row.column_text(4)),
            .size = static_cast<std::uint64_t>(row.column_int(5))};
}

util::Expected<void> record_taken(WriteContext& context, const std::string& spool_name,
                                  std::string_view outcome, std::optional<std::int64_t> complaint,
                                  domain::Timestamp at) {
    auto insert = context.statements.get(k_insert_taken);
    if (!insert) return std::unexpected(insert.error());
    (*insert)->bind(1, spool_name).bind(2, outcome).bind(4, seconds(at));
    if (complaint) (*insert)->bind(3, *complaint);
    return (*insert)->run();
}

}  // namespace

util::Expected<bool> read_mail_taken(ReadContext& context, const std::string& spool_name) {
    auto select = context.statements.get(k_select_taken);
    if (!select) return std::unexpected(select.error());
    auto row = (*select)->bind(1, spool_name).step();
    (*select)->reset();
    if (!row) return std::unexpected(row.error());
    return *row;
}

util::Expected<std::optional<ReplyContact>> read_reply_contact(ReadContext& context,
                                                               const std::string& reference) {
    auto select = context.statements.get(k_select_contact);
    if (!select) return std::unexpected(select.error());
    auto& statement = **select;
    auto row = statement.bind(1, reference).step();
    std::optional<ReplyContact> contact;
    if (row && *row) {
        const auto address = statement.column_blob(2);
        contact = ReplyContact{.complaint_id = statement.column_int(0),
                               .reference = std::string(statement.column_text(1)),
                               .sealed_address = {address.begin(), address.end()},
                               .messages = static_cast<std::size_t>(statement.column_int(3))};
    }
    statement.reset();
    if (!row) return std::unexpected(row.error());
    return contact;
}

util::Expected<std::vector<QuarantinedMail>> read_quarantined_mail(ReadContext& context,
                                                                   std::size_t limit) {
    auto select = context.statements.get(k_select_quarantine);
    if (!select) return std::unexpected(select.error());
    auto& statement = **select;
    statement.bind(1, static_cast<std::int64_t>(limit));
    std::vector<QuarantinedMail> rows;
    for (;;) {
        auto row = statement.step();
        if (!row) {
            statement.reset();
            return std::unexpected(row.error());
        }
        if (!*row) break;
        rows.push_back(quarantined_row(statement));
    }
    statement.reset();
    return rows;
}

util::Expected<std::optional<QuarantinedMail>> read_quarantined(ReadContext& context,
                                                                std::int64_t id) {
    auto select = context.statements.get(k_select_one_quarantined);
    if (!select) return std::unexpected(select.error());
    auto& statement = **select;
    auto row = statement.bind(1, id).step();
    std::optional<QuarantinedMail> found;
    if (row && *row) found = quarantined_row(statement);
    statement.reset();
    if (!row) return std::unexpected(row.error());
    return found;
}

util::Expected<void> record_filed_mail(WriteContext& context, const domain::ReceivedFiling& filing,
                                       const std::vector<domain::FiledComplaint>& filed) {
    if (filing.inbound_mail.empty() || filed.empty()) return {};
    // It finds the complaint by its reference.
    if (auto flushed = context.batches.flush(); !flushed) return flushed;
    auto insert = context.statements.get(k_insert_taken_by_reference);
    if (!insert) return std::unexpected(insert.error());
    return (*insert)
        ->bind(1, filing.inbound_mail)
        .bind(2, filed.front().reference)
        .bind(3, seconds(filing.received_at))
        .run();
}

util::Expected<std::int64_t> write_mail_reply(WriteContext& context, const MailReply& reply) {
    auto message = insert_complainant_message(context, reply.message, reply.message_audit);
    if (!message) return std::unexpected(message.error());
    if (!reply.files.empty()) {
        auto added = add_evidence(context, reply.message.complaint_id, reply.files, reply.limits,
                                  reply.evidence_audit);
        if (!added) return std::unexpected(added.error());
    }
    auto taken = record_taken(context, reply.spool_name, "reply", reply.message.complaint_id,
                              reply.message.at);
    if (!taken) return std::unexpected(taken.error());
    return *message;
}

util::Expected<std::int64_t> write_quarantine(WriteContext& context, const QuarantineRecord& record,
                                              const domain::AuditEvent& audit) {
    auto insert = context.statements.get(k_insert_quarantine);
    if (!insert) return std::unexpected(insert.error());
    auto inserted = inserted_id((*insert)
                                    ->bind(1, seconds(record.received_at))
                                    .bind(2, record.reason)
                                    .bind(3, record.detail)
                                    .bind(4, record.stored_name)
                                    .bind(5, static_cast<std::int64_t>(record.size)));
    if (!inserted) return std::unexpected(inserted.error());
    const std::int64_t id = *inserted;
    domain::AuditEvent entry = audit;
    entry.object = "mail-quarantine:" + std::to_string(id);
    if (auto appended = context.audit.append(entry); !appended) {
        return std::unexpected(appended.error());
    }
    auto taken =
        record_taken(context, record.spool_name, "quarantined", std::nullopt, record.received_at);
    if (!taken) return std::unexpected(taken.error());
    return id;
}

}  // namespace redress::storage::sql
