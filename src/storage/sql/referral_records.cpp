#include "storage/sql/referral_records.hpp"

#include "storage/sql/complaint_moves.hpp"

namespace redress::storage::sql {

namespace {

// The first columns of both reads. The sending office's reason is the one its triage
// decision gave: the referral was written with that decision, at the same time.
constexpr int k_referral_column_count = 10;

constexpr std::string_view k_select_latest = R"sql(
SELECT r.id, r.from_office, r.to_office, r.at, r.state, r.external_reference,
       r.answered_at IS NOT NULL, coalesce(r.answered_at, 0), r.answer_reason,
       coalesce((SELECT d.reason FROM triage_decisions AS d
                 WHERE d.complaint_id = r.complaint_id AND d.action = 'refer' AND d.at = r.at
                 ORDER BY d.id DESC LIMIT 1), '')
FROM referrals AS r WHERE r.complaint_id = ?1 ORDER BY r.id DESC LIMIT 1
)sql";

constexpr std::string_view k_select_received = R"sql(
SELECT r.id, r.from_office, r.to_office, r.at, r.state, r.external_reference,
       r.answered_at IS NOT NULL, coalesce(r.answered_at, 0), r.answer_reason,
       coalesce((SELECT d.reason FROM triage_decisions AS d
                 WHERE d.complaint_id = r.complaint_id AND d.action = 'refer' AND d.at = r.at
                 ORDER BY d.id DESC LIMIT 1), ''),
       c.reference, s.priority, s.received_at
FROM referrals AS r
JOIN complaints AS c ON c.id = r.complaint_id
JOIN complaint_states AS s ON s.complaint_id = r.complaint_id
WHERE r.to_office = ?1 AND r.state = 'sent'
ORDER BY r.at, r.id
LIMIT ?2
)sql";

constexpr std::string_view k_select_state = R"sql(
SELECT s.complaint_id, s.office_id, s.queue
FROM complaint_states AS s JOIN complaints AS c ON c.id = s.complaint_id
WHERE c.reference = ?1
)sql";
constexpr std::string_view k_answer = R"sql(
UPDATE referrals SET state = ?2, answered_at = ?3, answer_reason = ?4, answered_by = ?5
WHERE id = ?1 AND state = 'sent'
)sql";

domain::Timestamp timestamp(std::int64_t seconds) {
    return domain::Timestamp(std::chrono::seconds(seconds));
}

// The referral in the first k_referral_column_count columns of `row`.
util::Expected<Referral> read_referral(const Statement& row) {
    Referral referral;
    referral.id = row.column_int(0);
    referral.from_office = row.column_text(1);
    referral.to_office = row.column_text(2);
    referral.at = timestamp(row.column_int(3));
    const auto state = domain::parse_referral_state(row.column_text(4));
    if (!state) return util::fail(util::ErrorCode::internal, "a referral's state is unreadable");
    referral.state = *state;
    referral.external_reference = row.column_text(5);
    if (row.column_int(6) != 0) referral.answered_at = timestamp(row.column_int(7));
    referral.answer_reason = row.column_text(8);
    referral.reason = row.column_text(9);
    return referral;
}

}  // namespace

util::Expected<std::optional<Referral>> read_latest_referral(StatementCache& statements,
                                                             std::int64_t complaint_id) {
    auto select = statements.get(k_select_latest);
    if (!select) return std::unexpected(select.error());
    auto& row = **select;
    row.bind(1, complaint_id);
    auto found = row.step();
    if (!found || !*found) {
        row.reset();
        if (!found) return std::unexpected(found.error());
        return std::optional<Referral>{};
    }
    auto referral = read_referral(row);
    row.reset();
    if (!referral) return std::unexpected(referral.error());
    return std::optional<Referral>{std::move(*referral)};
}

util::Expected<std::vector<ReceivedReferral>> read_received_referrals(
    ReadContext& context, const std::string& office_id) {
    auto select = context.statements.get(k_select_received);
    if (!select) return std::unexpected(select.error());
    auto& row = **select;
    row.bind(1, office_id).bind(2, static_cast<std::int64_t>(k_received_referrals_max));
    std::vector<ReceivedReferral> received;
    util::Expected<bool> step;
    while ((step = row.step()) && *step) {
        auto referral = read_referral(row);
        const auto priority = row.column_int(k_referral_column_count + 1);
        if (!referral || priority < 0 || priority > 3) {
            row.reset();
            return util::fail(util::ErrorCode::internal, "a referral is unreadable");
        }
        ReceivedReferral item;
        item.reference = row.column_text(k_referral_column_count);
        item.referral = std::move(*referral);
        item.priority = static_cast<domain::Priority>(priority);
        item.received_at = timestamp(row.column_int(k_referral_column_count + 2));
        received.push_back(std::move(item));
    }
    row.reset();
    if (!step) return std::unexpected(step.error());
    return received;
}

util::Expected<std::string> insert_referral_answer(WriteContext& context,
                                                   const ReferralAnswerRecord& record,
                                                   const domain::AuditEvent& audit) {
    // Checked again inside the transaction: two members answering at once, the second is
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
    if (!*found) return util::fail(util::ErrorCode::not_found, "no such complaint");

    auto latest = read_latest_referral(context.statements, complaint_id);
    if (!latest) return std::unexpected(latest.error());
    if (!latest->has_value() || (*latest)->to_office != record.office_id) {
        return util::fail(util::ErrorCode::not_found,
                          "no referral of this complaint to this office");
    }
    const auto& referral = **latest;
    if (referral.state != domain::ReferralState::sent ||
        queue != domain::queue_name(domain::Queue::referred) || office != referral.from_office) {
        return util::fail(util::ErrorCode::conflict, "the referral was already answered");
    }

    const auto& decision = record.decision;
    const auto at = record.at.time_since_epoch().count();
    const auto status = domain::k_status_after_referral_answer;
    const std::string handling = decision.answer == domain::ReferralAnswer::accept
                                     ? referral.to_office
                                     : referral.from_office;

    auto answer = context.statements.get(k_answer);
    if (!answer) return std::unexpected(answer.error());
    auto answered = (*answer)
                        ->bind(1, referral.id)
                        .bind(2, domain::referral_state_name(domain::state_after(decision.answer)))
                        .bind(3, at)
                        .bind(4, decision.reason)
                        .bind(5, record.staff_id)
                        .run();
    if (!answered) return std::unexpected(answered.error());

    auto moved = move_complaint(context, {.complaint_id = complaint_id,
                                          .at = record.at,
                                          .status = status,
                                          .actor = record.actor,
                                          .note = decision.reason,
                                          .office_id = handling,
                                          .priority = std::nullopt});
    if (!moved) return std::unexpected(moved.error());
    if (auto entry = context.audit.append(audit); !entry) return std::unexpected(entry.error());
    return handling;
}

}  // namespace redress::storage::sql
