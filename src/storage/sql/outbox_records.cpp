#include "storage/sql/outbox_records.hpp"

#include <algorithm>
#include <chrono>

#include "storage/sql/seconds.hpp"

namespace redress::storage::sql {

namespace {

// A filing's mail rows, written with its other rows (filing_writer.hpp), after its
// complaints.
constexpr BatchedStatement k_filed_contacts{
    "INSERT INTO mail_contacts (complaint_id, sealed_address, language, status_notices) VALUES ",
    "(?, ?, ?, ?)"};
// An empty receipt: an acknowledgment that carries nothing besides the reference and the
// link (NULL).
constexpr BatchedStatement k_filed_acknowledgments{
    "INSERT INTO outbound_mail (complaint_id, kind, sealed_extra, created_at, due_at) VALUES ",
    "(?, 'acknowledgment', NULLIF(?, CAST('' AS BLOB)), ?, ?)"};
constexpr std::string_view k_insert_acknowledgment = R"sql(
INSERT INTO outbound_mail (complaint_id, kind, sealed_extra, created_at, due_at)
SELECT complaint_id, 'acknowledgment', ?2, ?3, ?3 FROM mail_contacts WHERE complaint_id = ?1
RETURNING id
)sql";
constexpr std::string_view k_mark_sent = R"sql(
UPDATE outbound_mail SET sent_at = ?2, sealed_extra = NULL, last_error = ''
WHERE id = ?1 AND sent_at IS NULL AND given_up_at IS NULL
)sql";
constexpr std::string_view k_mark_failed = R"sql(
UPDATE outbound_mail SET attempts = attempts + 1, last_error = ?2, due_at = ?3
WHERE id = ?1 AND sent_at IS NULL AND given_up_at IS NULL
)sql";
constexpr std::string_view k_mark_given_up = R"sql(
UPDATE outbound_mail SET attempts = attempts + 1, last_error = ?2, given_up_at = ?3,
       sealed_extra = NULL
WHERE id = ?1 AND sent_at IS NULL AND given_up_at IS NULL
)sql";
// One range of the partial index outbound_mail_due.
constexpr std::string_view k_select_due = R"sql(
SELECT o.id, o.complaint_id, c.reference, o.kind, m.sealed_address, m.language, o.sealed_extra,
       o.created_at, o.attempts
FROM outbound_mail AS o INDEXED BY outbound_mail_due
JOIN complaints AS c ON c.id = o.complaint_id
JOIN mail_contacts AS m ON m.complaint_id = o.complaint_id
WHERE o.sent_at IS NULL AND o.given_up_at IS NULL AND o.due_at <= ?1
ORDER BY o.due_at, o.id
LIMIT ?2
)sql";
constexpr std::string_view k_count_waiting = R"sql(
SELECT count(*) FROM outbound_mail WHERE sent_at IS NULL AND given_up_at IS NULL
)sql";

// Runs `sql` with `bind` applied; answers whether it changed a row.
template <typename Bind>
util::Expected<bool> change(WriteContext& context, std::string_view sql, Bind bind) {
    auto statement = context.statements.get(sql);
    if (!statement) return std::unexpected(statement.error());
    bind(**statement);
    if (auto ran = (*statement)->run(); !ran) return std::unexpected(ran.error());
    return context.connection.changes() > 0;
}

}  // namespace

util::Expected<void> queue_filing_mail(WriteContext& context, const domain::ReceivedFiling& filing,
                                       const std::vector<std::int64_t>& complaint_ids) {
    if (!filing.mail) return {};
    const auto& mail = *filing.mail;
    auto& contacts = context.batches.rows(k_filed_contacts);
    auto& acknowledgments = context.batches.rows(k_filed_acknowledgments);
    const auto at = seconds(filing.received_at);
    for (const auto complaint_id : complaint_ids) {
        contacts.add(complaint_id)
            .add(std::span<const std::uint8_t>(mail.sealed_address))
            .add(mail.language)
            .add(std::int64_t{mail.status_notices ? 1 : 0});
        acknowledgments.add(complaint_id)
            .add(std::span<const std::uint8_t>(mail.sealed_receipt))
            .add(at)
            .add(at);
    }
    return {};
}

util::Expected<std::int64_t> queue_acknowledgment(WriteContext& context, std::int64_t complaint_id,
                                                  const std::vector<std::uint8_t>& sealed_extra,
                                                  domain::Timestamp at) {
    auto statement = context.statements.get(k_insert_acknowledgment);
    if (!statement) return std::unexpected(statement.error());
    auto& insert = **statement;
    insert.bind(1, complaint_id).bind(3, seconds(at));
    if (!sealed_extra.empty()) insert.bind(2, std::span<const std::uint8_t>(sealed_extra));
    // No row: the complaint has no mail contact, so nothing was queued.
    auto row = insert.step();
    const std::int64_t id = row && *row ? insert.column_int(0) : 0;
    insert.reset();
    if (!row) return std::unexpected(row.error());
    if (!*row) return util::fail(util::ErrorCode::not_found, "the complaint has no mail contact");
    return id;
}

util::Expected<bool> mark_mail_sent(WriteContext& context, std::int64_t job_id,
                                    domain::Timestamp at) {
    return change(context, k_mark_sent,
                  [&](Statement& update) { update.bind(1, job_id).bind(2, seconds(at)); });
}

util::Expected<bool> mark_mail_failed(WriteContext& context, std::int64_t job_id,
                                      const std::string& reason, domain::Timestamp next_due) {
    return change(context, k_mark_failed, [&](Statement& update) {
        update.bind(1, job_id).bind(2, reason).bind(3, seconds(next_due));
    });
}

util::Expected<bool> mark_mail_given_up(WriteContext& context, std::int64_t job_id,
                                        const std::string& reason, domain::Timestamp at) {
    return change(context, k_mark_given_up, [&](Statement& update) {
        update.bind(1, job_id).bind(2, reason).bind(3, seconds(at));
    });
}

util::Expected<std::vector<MailJob>> read_due_mail(ReadContext& context, domain::Timestamp now,
                                                   std::size_t limit) {
    auto statement = context.statements.get(k_select_due);
    if (!statement) return std::unexpected(statement.error());
    auto& rows = **statement;
    rows.bind(1, seconds(now)).bind(2, static_cast<std::int64_t>(std::max<std::size_t>(limit, 1)));
    std::vector<MailJob> jobs;
    util::Expected<bool> row;
    while ((row = rows.step()) && *row) {
        MailJob job;
        job.id = rows.column_int(0);
        job.complaint_id = rows.column_int(1);
        job.reference = rows.column_text(2);
        job.kind = rows.column_text(3) == "acknowledgment" ? MailKind::acknowledgment
                                                           : MailKind::status_changed;
        const auto address = rows.column_blob(4);
        job.sealed_address.assign(address.begin(), address.end());
        job.language = rows.column_text(5);
        if (!rows.column_is_null(6)) {
            const auto extra = rows.column_blob(6);
            job.sealed_extra.assign(extra.begin(), extra.end());
        }
        job.created_at = domain::Timestamp(std::chrono::seconds(rows.column_int(7)));
        job.attempts = static_cast<std::uint32_t>(std::max<std::int64_t>(rows.column_int(8), 0));
        jobs.push_back(std::move(job));
    }
    rows.reset();
    if (!row) return std::unexpected(row.error());
    return jobs;
}

util::Expected<std::size_t> count_waiting_mail(ReadContext& context) {
    auto statement = context.statements.get(k_count_waiting);
    if (!statement) return std::unexpected(statement.error());
    auto row = (*statement)->step();
    const auto count = row && *row ? (*statement)->column_int(0) : 0;
    (*statement)->reset();
    if (!row) return std::unexpected(row.error());
    return static_cast<std::size_t>(count);
}

}  // namespace redress::storage::sql
