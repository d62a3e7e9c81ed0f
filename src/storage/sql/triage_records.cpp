#include "storage/sql/triage_records.hpp"

#include "storage/sql/case_records.hpp"
#include "storage/sql/clock_hold_records.hpp"
#include "storage/sql/complaint_moves.hpp"
#include "storage/sql/message_records.hpp"
#include "storage/sql/referral_records.hpp"
#include "storage/sql/seconds.hpp"
#include "storage/sql/staff_entry_records.hpp"

namespace redress::storage::sql {

namespace {

constexpr std::string_view k_select_complaint = R"sql(
SELECT c.id, c.reference, s.office_id, s.status, s.priority, s.channel, s.received_at,
       f.language, f.confidentiality, f.whistleblower, f.on_behalf, f.incident_date,
       f.incident_date_precision, f.subject_count, f.witness_count, f.sealed_account, f.id,
       coalesce(s.case_id, 0),
       coalesce((SELECT k.investigator_id FROM cases AS k WHERE k.id = s.case_id), 0),
       c.office_id, f.subject_marks,
       coalesce((SELECT n.given FROM identity_consents AS n WHERE n.complaint_id = c.id
                 ORDER BY n.id DESC LIMIT 1), 0),
       coalesce((SELECT dc.reference FROM complaints AS dc
                 WHERE dc.id = (SELECT d.duplicate_of FROM triage_decisions AS d
                                WHERE d.complaint_id = c.id ORDER BY d.id DESC LIMIT 1)), '')
FROM complaints AS c
JOIN complaint_states AS s ON s.complaint_id = c.id
JOIN filings AS f ON f.id = c.filing_id
WHERE c.reference = ?1
)sql";
constexpr std::string_view k_select_filed_categories =
    "SELECT category FROM filing_categories WHERE filing_id = ?1 ORDER BY category";
constexpr std::string_view k_select_staff_categories =
    "SELECT category FROM complaint_categories WHERE complaint_id = ?1 ORDER BY category";
constexpr std::string_view k_select_exclusions =
    "SELECT staff_id FROM complaint_exclusions WHERE complaint_id = ?1";
constexpr std::string_view k_select_timeline = R"sql(
SELECT at, status, actor, note FROM status_events WHERE complaint_id = ?1 ORDER BY at, id
)sql";

constexpr std::string_view k_select_state = R"sql(
SELECT s.complaint_id, s.office_id, s.queue
FROM complaint_states AS s JOIN complaints AS c ON c.id = s.complaint_id
WHERE c.reference = ?1
)sql";
constexpr std::string_view k_insert_decision = R"sql(
INSERT INTO triage_decisions (complaint_id, at, staff_id, action, priority, close_reason, reason,
                              duplicate_of)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
)sql";
constexpr std::string_view k_select_id = "SELECT id FROM complaints WHERE reference = ?1";
constexpr std::string_view k_clear_categories =
    "DELETE FROM complaint_categories WHERE complaint_id = ?1";
constexpr std::string_view k_insert_category =
    "INSERT INTO complaint_categories (complaint_id, category) VALUES (?1, ?2)";
constexpr std::string_view k_insert_referral = R"sql(
INSERT INTO referrals (complaint_id, from_office, to_office, at, staff_id, state,
                       external_reference)
VALUES (?1, ?2, ?3, ?4, ?5, 'sent', ?6)
)sql";

domain::Timestamp timestamp(std::int64_t seconds) {
    return domain::Timestamp(std::chrono::seconds(seconds));
}

util::Expected<std::vector<std::string>> read_texts(ReadContext& context, std::string_view sql,
                                                    std::int64_t id) {
    auto select = context.statements.get(sql);
    if (!select) return std::unexpected(select.error());
    (*select)->bind(1, id);
    std::vector<std::string> texts;
    util::Expected<bool> row;
    while ((row = (*select)->step()) && *row) texts.emplace_back((*select)->column_text(0));
    (*select)->reset();
    if (!row) return std::unexpected(row.error());
    return texts;
}

util::Expected<void> run(Statement& statement) {
    return statement.run();
}

// The id of the complaint with `reference`; not_found when there is none.
util::Expected<std::int64_t> complaint_id_of(WriteContext& context, const std::string& reference) {
    auto select = context.statements.get(k_select_id);
    if (!select) return std::unexpected(select.error());
    (*select)->bind(1, reference);
    auto found = (*select)->step();
    const std::int64_t id = found && *found ? (*select)->column_int(0) : 0;
    (*select)->reset();
    if (!found) return std::unexpected(found.error());
    if (id == 0) return util::fail(util::ErrorCode::not_found, "no such complaint to duplicate");
    return id;
}

}  // namespace

util::Expected<std::optional<StaffComplaint>> read_staff_complaint(ReadContext& context,
                                                                   const std::string& reference) {
    auto select = context.statements.get(k_select_complaint);
    if (!select) return std::unexpected(select.error());
    auto& row = **select;
    row.bind(1, reference);
    auto found = row.step();
    if (!found || !*found) {
        row.reset();
        if (!found) return std::unexpected(found.error());
        return std::optional<StaffComplaint>{};
    }
    StaffComplaint complaint;
    complaint.complaint_id = row.column_int(0);
    complaint.reference = row.column_text(1);
    complaint.office_id = row.column_text(2);
    const auto status = domain::parse_status(row.column_text(3));
    const auto priority = row.column_int(4);
    const auto channel = domain::parse_channel(row.column_text(5));
    complaint.received_at = timestamp(row.column_int(6));
    complaint.language = row.column_text(7);
    complaint.confidentiality = row.column_text(8);
    complaint.whistleblower = row.column_int(9) != 0;
    complaint.on_behalf = row.column_int(10) != 0;
    complaint.incident_date = row.column_text(11);
    complaint.incident_date_precision = row.column_text(12);
    complaint.subject_count = static_cast<std::size_t>(row.column_int(13));
    complaint.witness_count = static_cast<std::size_t>(row.column_int(14));
    const auto sealed = row.column_blob(15);
    complaint.sealed_account.assign(sealed.begin(), sealed.end());
    const std::int64_t filing_id = row.column_int(16);
    if (const auto case_id = row.column_int(17); case_id != 0) complaint.case_id = case_id;
    if (const auto investigator = row.column_int(18); investigator != 0) {
        complaint.case_investigator = investigator;
    }
    complaint.filed_with_office = row.column_text(19);
    const auto marks = row.column_blob(20);
    complaint.subject_marks.assign(marks.begin(), marks.end());
    complaint.identity_consent = row.column_int(21) != 0;
    complaint.duplicate_of = row.column_text(22);
    row.reset();
    if (!status || !channel || priority < 0 || priority > 3) {
        return util::fail(util::ErrorCode::internal, "a complaint's state is unreadable");
    }
    complaint.status = *status;
    complaint.priority = static_cast<domain::Priority>(priority);
    complaint.channel = *channel;

    auto filed = read_texts(context, k_select_filed_categories, filing_id);
    if (!filed) return std::unexpected(filed.error());
    complaint.filed_categories = std::move(*filed);
    auto staff = read_texts(context, k_select_staff_categories, complaint.complaint_id);
    if (!staff) return std::unexpected(staff.error());
    complaint.staff_categories = std::move(*staff);

    auto timeline = context.statements.get(k_select_timeline);
    if (!timeline) return std::unexpected(timeline.error());
    (*timeline)->bind(1, complaint.complaint_id);
    util::Expected<bool> event_row;
    while ((event_row = (*timeline)->step()) && *event_row) {
        const auto event_status = domain::parse_status((*timeline)->column_text(1));
        if (!event_status) {
            (*timeline)->reset();
            return util::fail(util::ErrorCode::internal, "unknown status in the database");
        }
        complaint.timeline.push_back({timestamp((*timeline)->column_int(0)), *event_status,
                                      std::string((*timeline)->column_text(2)),
                                      std::string((*timeline)->column_text(3))});
    }
    (*timeline)->reset();
    if (!event_row) return std::unexpected(event_row.error());

    auto referral = read_latest_referral(context.statements, complaint.complaint_id);
    if (!referral) return std::unexpected(referral.error());
    complaint.referral = std::move(*referral);
    auto messages = read_messages(context.statements, complaint.complaint_id);
    if (!messages) return std::unexpected(messages.error());
    complaint.messages = std::move(*messages);

    auto exclusions = context.statements.get(k_select_exclusions);
    if (!exclusions) return std::unexpected(exclusions.error());
    (*exclusions)->bind(1, complaint.complaint_id);
    util::Expected<bool> excluded;
    while ((excluded = (*exclusions)->step()) && *excluded) {
        complaint.excluded_staff.push_back((*exclusions)->column_int(0));
    }
    (*exclusions)->reset();
    if (!excluded) return std::unexpected(excluded.error());
    auto holds = read_clock_holds(context.statements, complaint.complaint_id);
    if (!holds) return std::unexpected(holds.error());
    complaint.holds = std::move(*holds);
    auto entry = read_staff_entry(context.statements, complaint.complaint_id);
    if (!entry) return std::unexpected(entry.error());
    complaint.staff_entry = std::move(*entry);
    return std::optional<StaffComplaint>{std::move(complaint)};
}

util::Expected<domain::Status> insert_triage(WriteContext& context, const TriageRecord& record,
                                             const domain::AuditEvent& audit) {
    // Checked again inside the transaction: two officers deciding at once, the second is
    // told that the first came first.
    auto select = context.statements.get(k_select_state);
    if (!select) return std::unexpected(select.error());
    (*select)->bind(1, record.reference);
    auto found = (*select)->step();
    std::int64_t complaint_id = 0;
    std::string office, queue;
    if (found && *found) {
        complaint_id = (*select)->column_int(0);
        office = (*select)->column_text(1);
        queue = (*select)->column_text(2);
    }
    (*select)->reset();
    if (!found) return std::unexpected(found.error());
    if (!*found || office != record.office_id) {
        return util::fail(util::ErrorCode::not_found, "no such complaint for this office");
    }
    if (queue != domain::queue_name(domain::Queue::triage)) {
        return util::fail(util::ErrorCode::conflict, "the complaint was already triaged");
    }

    const auto& decision = record.decision;
    const auto status = domain::status_after(decision.action);
    const auto at = seconds(record.at);
    const auto priority = static_cast<std::int64_t>(decision.priority);

    auto insert = context.statements.get(k_insert_decision);
    if (!insert) return std::unexpected(insert.error());
    (*insert)
        ->bind(1, complaint_id)
        .bind(2, at)
        .bind(3, record.staff_id)
        .bind(4, domain::triage_action_name(decision.action))
        .bind(5, priority)
        .bind(7, decision.reason);
    if (decision.close_reason)
        (*insert)->bind(6, domain::close_reason_name(*decision.close_reason));
    if (!decision.duplicate_of.empty()) {
        auto duplicate_of = complaint_id_of(context, decision.duplicate_of);
        if (!duplicate_of) {
            (*insert)->reset();
            return std::unexpected(duplicate_of.error());
        }
        (*insert)->bind(8, *duplicate_of);
    }
    if (auto done = run(**insert); !done) return std::unexpected(done.error());

    auto clear = context.statements.get(k_clear_categories);
    auto category = context.statements.get(k_insert_category);
    if (!clear) return std::unexpected(clear.error());
    if (!category) return std::unexpected(category.error());
    if (auto done = (*clear)->bind(1, complaint_id).run(); !done)
        return std::unexpected(done.error());
    for (const auto& each : decision.categories) {
        if (auto done = (*category)->bind(1, complaint_id).bind(2, each).run(); !done) {
            return std::unexpected(done.error());
        }
    }
    if (decision.action == domain::TriageAction::refer) {
        auto referral = context.statements.get(k_insert_referral);
        if (!referral) return std::unexpected(referral.error());
        auto done = (*referral)
                        ->bind(1, complaint_id)
                        .bind(2, record.office_id)
                        .bind(3, decision.to_office)
                        .bind(4, at)
                        .bind(5, record.staff_id)
                        .bind(6, decision.external_reference)
                        .run();
        if (!done) return std::unexpected(done.error());
    }
    if (decision.action == domain::TriageAction::accept) {
        auto opened =
            open_case(context, complaint_id, record.office_id, record.staff_id, record.at);
        if (!opened) return std::unexpected(opened.error());
    }
    auto moved = move_complaint(context, {.complaint_id = complaint_id,
                                          .at = record.at,
                                          .status = status,
                                          .actor = record.actor,
                                          .note = decision.reason,
                                          .office_id = std::nullopt,
                                          .priority = decision.priority});
    if (!moved) return std::unexpected(moved.error());
    if (auto entry = context.audit.append(audit); !entry) return std::unexpected(entry.error());
    return status;
}

}  // namespace redress::storage::sql
