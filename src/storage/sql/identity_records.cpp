#include "storage/sql/identity_records.hpp"

#include <algorithm>

#include "storage/sql/seconds.hpp"

namespace redress::storage::sql {

namespace {

// What decides an opening or a request, as it is inside the transaction.
constexpr std::string_view k_select_facts = R"sql(
SELECT c.id, s.office_id, c.office_id, f.confidentiality, f.sealed_people, f.subject_marks,
       coalesce((SELECT n.given FROM identity_consents AS n WHERE n.complaint_id = c.id
                 ORDER BY n.id DESC LIMIT 1), 0),
       EXISTS (SELECT 1 FROM complaint_exclusions AS x
               WHERE x.complaint_id = c.id AND x.staff_id = ?2)
FROM complaints AS c
JOIN complaint_states AS s ON s.complaint_id = c.id
JOIN filings AS f ON f.id = c.filing_id
WHERE c.reference = ?1
)sql";
constexpr std::string_view k_select_latest_request = R"sql(
SELECT id, state, coalesce(decided_at, 0) FROM identity_requests
WHERE complaint_id = ?1 AND staff_id = ?2 ORDER BY id DESC LIMIT 1
)sql";
constexpr std::string_view k_insert_request = R"sql(
INSERT INTO identity_requests (complaint_id, staff_id, at, reason, state)
VALUES (?1, ?2, ?3, ?4, 'pending')
RETURNING id
)sql";
constexpr std::string_view k_select_request_columns = R"sql(
SELECT r.id, c.reference, s.office_id, st.username, st.display_name, r.at, r.reason, r.state,
       r.decided_at, coalesce(d.username, ''), r.answer, r.staff_id
FROM identity_requests AS r
JOIN complaints AS c ON c.id = r.complaint_id
JOIN complaint_states AS s ON s.complaint_id = r.complaint_id
JOIN staff AS st ON st.id = r.staff_id
LEFT JOIN staff AS d ON d.id = r.decided_by
)sql";
constexpr std::string_view k_update_answer = R"sql(
UPDATE identity_requests SET state = ?2, decided_by = ?3, decided_at = ?4, answer = ?5
WHERE id = ?1 AND state = 'pending'
)sql";
constexpr std::string_view k_insert_view = R"sql(
INSERT INTO identity_views (complaint_id, staff_id, at, reason, request_id)
VALUES (?1, ?2, ?3, ?4, ?5)
)sql";
constexpr std::string_view k_count_views =
    "SELECT count(*) FROM identity_views WHERE complaint_id = ?1";
constexpr std::string_view k_insert_exclusion = R"sql(
INSERT INTO complaint_exclusions (complaint_id, staff_id, reason, at, by_staff_id)
VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING
)sql";
constexpr std::string_view k_unassign = R"sql(
UPDATE cases SET investigator_id = NULL, changed_at = ?3
WHERE id = (SELECT case_id FROM complaint_states WHERE complaint_id = ?1) AND investigator_id = ?2
)sql";
constexpr std::string_view k_insert_consent =
    "INSERT INTO identity_consents (complaint_id, at, given) VALUES (?1, ?2, ?3)";

domain::Timestamp timestamp(std::int64_t seconds) {
    return domain::Timestamp(std::chrono::seconds(seconds));
}

util::Error no_complaint() {
    return util::Error{util::ErrorCode::not_found, "no such complaint"};
}

struct Facts {
    std::int64_t complaint_id = 0;
    std::string handling_office;
    std::string filed_office;
    std::string confidentiality;
    Sealed sealed_people;
    std::vector<std::uint8_t> subject_marks;
    bool consent = false;
    bool excluded = false;
};

// The complaint's facts for `asker`; nullopt when it is missing or closed to them (which
// callers answer as missing).
util::Expected<std::optional<Facts>> read_facts(StatementCache& statements,
                                                const std::string& reference,
                                                const IdentityAsker& asker) {
    auto statement = statements.get(k_select_facts);
    if (!statement) return std::unexpected(statement.error());
    auto& row = **statement;
    row.bind(1, reference).bind(2, asker.staff_id);
    auto found = row.step();
    if (!found || !*found) {
        row.reset();
        if (!found) return std::unexpected(found.error());
        return std::optional<Facts>{};
    }
    Facts facts;
    facts.complaint_id = row.column_int(0);
    facts.handling_office = row.column_text(1);
    facts.filed_office = row.column_text(2);
    facts.confidentiality = row.column_text(3);
    const auto people = row.column_blob(4);
    facts.sealed_people.assign(people.begin(), people.end());
    const auto marks = row.column_blob(5);
    facts.subject_marks.assign(marks.begin(), marks.end());
    facts.consent = row.column_int(6) != 0;
    facts.excluded = row.column_int(7) != 0;
    row.reset();
    domain::StaffMember member;
    member.id = asker.staff_id;
    member.name_mark = asker.name_mark;
    const std::vector<domain::StaffId> excluded =
        facts.excluded ? std::vector{asker.staff_id} : std::vector<domain::StaffId>{};
    if (domain::is_closed_to(member, excluded, facts.subject_marks)) return std::optional<Facts>{};
    return std::optional<Facts>{std::move(facts)};
}

struct LatestRequest {
    std::int64_t id = 0;
    domain::IdentityRequestState state = domain::IdentityRequestState::pending;
    domain::Timestamp decided_at{};
};

util::Expected<std::optional<LatestRequest>> read_latest_request(StatementCache& statements,
                                                                 std::int64_t complaint_id,
                                                                 domain::StaffId staff_id) {
    auto statement = statements.get(k_select_latest_request);
    if (!statement) return std::unexpected(statement.error());
    auto& row = **statement;
    row.bind(1, complaint_id).bind(2, staff_id);
    auto found = row.step();
    std::optional<LatestRequest> latest;
    if (found && *found) {
        const auto state = domain::parse_identity_request_state(row.column_text(1));
        if (!state) {
            row.reset();
            return util::fail(util::ErrorCode::internal,
                              "an identity request's state is unreadable");
        }
        latest = LatestRequest{row.column_int(0), *state, timestamp(row.column_int(2))};
    }
    row.reset();
    if (!found) return std::unexpected(found.error());
    return latest;
}

domain::IdentityFacts identity_facts(const Facts& facts, const IdentityAsker& asker) {
    domain::IdentityFacts identity;
    identity.confidentiality = facts.confidentiality;
    identity.member_handles = std::ranges::find(asker.working_offices, facts.handling_office) !=
                              asker.working_offices.end();
    identity.moved = facts.handling_office != facts.filed_office;
    identity.consent = facts.consent;
    return identity;
}

// Rows of k_select_request_columns, as requests.
util::Expected<std::vector<IdentityRequest>> read_requests(Statement& rows) {
    std::vector<IdentityRequest> requests;
    util::Expected<bool> row;
    while ((row = rows.step()) && *row) {
        IdentityRequest request;
        request.id = rows.column_int(0);
        request.reference = rows.column_text(1);
        request.office_id = rows.column_text(2);
        request.requester = rows.column_text(3);
        request.requester_name = rows.column_text(4);
        request.at = timestamp(rows.column_int(5));
        request.reason = rows.column_text(6);
        const auto state = domain::parse_identity_request_state(rows.column_text(7));
        if (!state) {
            rows.reset();
            return util::fail(util::ErrorCode::internal,
                              "an identity request's state is unreadable");
        }
        request.state = *state;
        if (!rows.column_is_null(8)) request.decided_at = timestamp(rows.column_int(8));
        request.decided_by = rows.column_text(9);
        request.answer = rows.column_text(10);
        request.requester_id = rows.column_int(11);
        requests.push_back(std::move(request));
    }
    rows.reset();
    if (!row) return std::unexpected(row.error());
    return requests;
}

util::Expected<std::optional<IdentityRequest>> read_request(StatementCache& statements,
                                                            std::int64_t id) {
    static const std::string sql = std::string(k_select_request_columns) + "WHERE r.id = ?1";
    auto statement = statements.get(sql);
    if (!statement) return std::unexpected(statement.error());
    (*statement)->bind(1, id);
    auto requests = read_requests(**statement);
    if (!requests) return std::unexpected(requests.error());
    if (requests->empty()) return std::optional<IdentityRequest>{};
    return std::optional<IdentityRequest>{std::move(requests->front())};
}

}  // namespace

util::Expected<std::int64_t> insert_identity_request(WriteContext& context,
                                                     const IdentityRequestRecord& record,
                                                     const domain::AuditEvent& audit) {
    auto facts = read_facts(context.statements, record.reference, record.asker);
    if (!facts) return std::unexpected(facts.error());
    if (!*facts) return std::unexpected(no_complaint());
    // Only what an approval could lift may be asked for.
    if (const auto refusal = domain::identity_refusal(identity_facts(**facts, record.asker))) {
        return util::fail(util::ErrorCode::forbidden, "the identity cannot be opened");
    }
    auto latest =
        read_latest_request(context.statements, (*facts)->complaint_id, record.asker.staff_id);
    if (!latest) return std::unexpected(latest.error());
    if (*latest && (*latest)->state == domain::IdentityRequestState::pending) {
        return util::fail(util::ErrorCode::conflict,
                          "a request is waiting for a custodian already");
    }
    auto statement = context.statements.get(k_insert_request);
    if (!statement) return std::unexpected(statement.error());
    auto inserted = inserted_id((*statement)
                                    ->bind(1, (*facts)->complaint_id)
                                    .bind(2, record.asker.staff_id)
                                    .bind(3, seconds(record.at))
                                    .bind(4, record.reason));
    if (!inserted) return std::unexpected(inserted.error());
    const auto id = *inserted;
    if (auto entry = context.audit.append(audit); !entry) return std::unexpected(entry.error());
    return id;
}

util::Expected<std::vector<IdentityRequest>> read_pending_identity_requests(
    ReadContext& context, const std::vector<std::string>& offices) {
    static const std::string sql =
        std::string(k_select_request_columns) +
        "WHERE r.state = 'pending' AND s.office_id = ?1 ORDER BY r.id LIMIT ?2";
    std::vector<IdentityRequest> pending;
    for (const auto& office : offices) {
        auto statement = context.statements.get(sql);
        if (!statement) return std::unexpected(statement.error());
        (*statement)->bind(1, office).bind(2, static_cast<std::int64_t>(k_identity_requests_max));
        auto requests = read_requests(**statement);
        if (!requests) return std::unexpected(requests.error());
        pending.insert(pending.end(), std::make_move_iterator(requests->begin()),
                       std::make_move_iterator(requests->end()));
    }
    std::ranges::sort(pending, {}, &IdentityRequest::id);
    if (pending.size() > k_identity_requests_max) pending.resize(k_identity_requests_max);
    return pending;
}

util::Expected<IdentityRequest> update_identity_answer(WriteContext& context,
                                                       const IdentityAnswerRecord& record,
                                                       const domain::AuditEvent& audit) {
    auto request = read_request(context.statements, record.request_id);
    if (!request) return std::unexpected(request.error());
    if (!*request ||
        std::ranges::find(record.offices, (*request)->office_id) == record.offices.end()) {
        return util::fail(util::ErrorCode::not_found, "no such identity request");
    }
    if ((*request)->requester_id == record.staff_id) {
        return util::fail(util::ErrorCode::forbidden, "a request is answered by someone else");
    }
    if ((*request)->state != domain::IdentityRequestState::pending) {
        return util::fail(util::ErrorCode::conflict, "the request was answered already");
    }
    const auto state = record.approve ? domain::IdentityRequestState::approved
                                      : domain::IdentityRequestState::declined;
    auto statement = context.statements.get(k_update_answer);
    if (!statement) return std::unexpected(statement.error());
    auto updated = (*statement)
                       ->bind(1, record.request_id)
                       .bind(2, domain::identity_request_state_name(state))
                       .bind(3, record.staff_id)
                       .bind(4, seconds(record.at))
                       .bind(5, record.answer)
                       .run();
    if (!updated) return std::unexpected(updated.error());
    if (auto entry = context.audit.append(audit); !entry) return std::unexpected(entry.error());
    auto answered = read_request(context.statements, record.request_id);
    if (!answered) return std::unexpected(answered.error());
    if (!*answered) return util::fail(util::ErrorCode::internal, "the answered request is gone");
    return std::move(**answered);
}

util::Expected<IdentityOpening> insert_identity_view(WriteContext& context,
                                                     const IdentityOpeningRecord& record,
                                                     const domain::AuditEvent& audit) {
    auto facts = read_facts(context.statements, record.reference, record.asker);
    if (!facts) return std::unexpected(facts.error());
    if (!*facts) return std::unexpected(no_complaint());
    auto identity = identity_facts(**facts, record.asker);
    identity.approval_required = record.approval_required;
    std::optional<std::int64_t> request_id;
    if (record.approval_required) {
        auto latest =
            read_latest_request(context.statements, (*facts)->complaint_id, record.asker.staff_id);
        if (!latest) return std::unexpected(latest.error());
        const bool ran_out = *latest &&
                             (*latest)->state == domain::IdentityRequestState::approved &&
                             (*latest)->decided_at < record.approvals_since;
        if (*latest && !ran_out) {
            identity.request = (*latest)->state;
            request_id = (*latest)->id;
        }
    }
    IdentityOpening opening;
    opening.confidentiality = (*facts)->confidentiality;
    opening.refusal = domain::identity_refusal(identity);
    if (opening.refusal) return opening;

    auto statement = context.statements.get(k_insert_view);
    if (!statement) return std::unexpected(statement.error());
    auto& insert = **statement;
    insert.bind(1, (*facts)->complaint_id)
        .bind(2, record.asker.staff_id)
        .bind(3, seconds(record.at))
        .bind(4, record.reason);
    if (request_id) insert.bind(5, *request_id);
    if (auto inserted = insert.run(); !inserted) return std::unexpected(inserted.error());
    if (auto entry = context.audit.append(audit); !entry) return std::unexpected(entry.error());
    opening.sealed_people = std::move((*facts)->sealed_people);
    return opening;
}

util::Expected<IdentityStanding> read_identity_standing(ReadContext& context,
                                                        std::int64_t complaint_id,
                                                        domain::StaffId staff_id) {
    IdentityStanding standing;
    auto latest = read_latest_request(context.statements, complaint_id, staff_id);
    if (!latest) return std::unexpected(latest.error());
    if (*latest) {
        auto request = read_request(context.statements, (*latest)->id);
        if (!request) return std::unexpected(request.error());
        standing.latest_request = std::move(*request);
    }
    auto statement = context.statements.get(k_count_views);
    if (!statement) return std::unexpected(statement.error());
    (*statement)->bind(1, complaint_id);
    auto counted = (*statement)->step();
    if (counted && *counted) standing.views = static_cast<std::size_t>((*statement)->column_int(0));
    (*statement)->reset();
    if (!counted) return std::unexpected(counted.error());
    return standing;
}

util::Expected<bool> insert_exclusion(WriteContext& context, const ExclusionRecord& record,
                                      const domain::AuditEvent& audit) {
    IdentityAsker nobody;  // the check of who is closed out is the caller's
    auto facts = read_facts(context.statements, record.reference, nobody);
    if (!facts) return std::unexpected(facts.error());
    if (!*facts || (*facts)->handling_office != record.office_id) {
        return std::unexpected(no_complaint());
    }
    auto statement = context.statements.get(k_insert_exclusion);
    if (!statement) return std::unexpected(statement.error());
    auto inserted = (*statement)
                        ->bind(1, (*facts)->complaint_id)
                        .bind(2, record.excluded)
                        .bind(3, domain::exclusion_reason_name(record.reason))
                        .bind(4, seconds(record.at))
                        .bind(5, record.by_staff_id)
                        .run();
    if (!inserted) return std::unexpected(inserted.error());
    if (context.connection.changes() == 0) {
        return util::fail(util::ErrorCode::conflict, "closed out of this complaint already");
    }
    auto unassign = context.statements.get(k_unassign);
    if (!unassign) return std::unexpected(unassign.error());
    auto unassigned = (*unassign)
                          ->bind(1, (*facts)->complaint_id)
                          .bind(2, record.excluded)
                          .bind(3, seconds(record.at))
                          .run();
    if (!unassigned) return std::unexpected(unassigned.error());
    if (auto entry = context.audit.append(audit); !entry) return std::unexpected(entry.error());
    return true;
}

util::Expected<bool> insert_consent(WriteContext& context, const ConsentRecord& record,
                                    const domain::AuditEvent& audit) {
    auto statement = context.statements.get(k_insert_consent);
    if (!statement) return std::unexpected(statement.error());
    auto inserted = (*statement)
                        ->bind(1, record.complaint_id)
                        .bind(2, seconds(record.at))
                        .bind(3, std::int64_t{record.given ? 1 : 0})
                        .run();
    if (!inserted) return std::unexpected(inserted.error());
    if (auto entry = context.audit.append(audit); !entry) return std::unexpected(entry.error());
    return true;
}

}  // namespace redress::storage::sql
