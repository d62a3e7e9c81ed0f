#include "storage/sql/duplicate_records.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include "domain/calendar.hpp"
#include "domain/case_file.hpp"
#include "storage/sql/complaint_moves.hpp"

namespace redress::storage::sql {

namespace {

constexpr std::string_view k_select_own = R"sql(
SELECT c.filing_id, f.incident_date, s.office_id
FROM complaints AS c
JOIN filings AS f ON f.id = c.filing_id
JOIN complaint_states AS s ON s.complaint_id = c.id
WHERE c.id = ?1
)sql";

// Both kinds of candidate are read with the same columns: reference, office, status,
// incident date, case, the case's investigator, the office a waiting referral went to, and
// who is closed out of it (subject marks, and the staff excluded, as "3,17").

// The same filing, sent to other offices: complaints_by_filing.
constexpr std::string_view k_select_same_filing = R"sql(
SELECT c.reference, s.office_id, s.status, f.incident_date, coalesce(s.case_id, 0),
       coalesce((SELECT k.investigator_id FROM cases AS k WHERE k.id = s.case_id), 0),
       coalesce((SELECT r.to_office FROM referrals AS r
                 WHERE r.complaint_id = c.id AND r.state = 'sent'
                 ORDER BY r.id DESC LIMIT 1), ''),
       f.subject_marks,
       coalesce((SELECT group_concat(x.staff_id) FROM complaint_exclusions AS x
                 WHERE x.complaint_id = c.id), '')
FROM complaints AS c
JOIN complaint_states AS s ON s.complaint_id = c.id
JOIN filings AS f ON f.id = c.filing_id
WHERE c.filing_id = ?1 AND c.id <> ?2
ORDER BY c.id
LIMIT ?3
)sql";

// The same incident, filed by others: the office's incident marks (migration 0015) of the
// filing's categories on the three days, newest first, give the complaints at once from one
// index (a complaint sharing two categories once); only those shown are joined to their
// rows. Only readable facts: the date, the office, the categories.
constexpr std::string_view k_select_same_incident = R"sql(
WITH picked AS (
    SELECT m.complaint_id, max(m.received_at) AS received_at
    FROM incident_marks AS m
    WHERE m.office_id = ?5
      AND m.category IN (SELECT category FROM filing_categories WHERE filing_id = ?4)
      AND m.incident_date IN (?1, ?2, ?3) AND m.filing_id <> ?4
    GROUP BY m.complaint_id
    ORDER BY received_at DESC, m.complaint_id DESC
    LIMIT ?6
)
SELECT c.reference, s.office_id, s.status, f.incident_date, coalesce(s.case_id, 0),
       coalesce((SELECT k.investigator_id FROM cases AS k WHERE k.id = s.case_id), 0),
       coalesce((SELECT r.to_office FROM referrals AS r
                 WHERE r.complaint_id = c.id AND r.state = 'sent'
                 ORDER BY r.id DESC LIMIT 1), ''),
       f.subject_marks,
       coalesce((SELECT group_concat(x.staff_id) FROM complaint_exclusions AS x
                 WHERE x.complaint_id = c.id), '')
FROM picked AS p
JOIN complaints AS c ON c.id = p.complaint_id
JOIN complaint_states AS s ON s.complaint_id = c.id
JOIN filings AS f ON f.id = c.filing_id
ORDER BY p.received_at DESC, c.id DESC
)sql";

constexpr std::string_view k_select_for_join = R"sql(
SELECT c.id, s.office_id, s.queue, coalesce(s.case_id, 0), s.priority,
       coalesce((SELECT k.state FROM cases AS k WHERE k.id = s.case_id), '')
FROM complaints AS c JOIN complaint_states AS s ON s.complaint_id = c.id
WHERE c.reference = ?1
)sql";
constexpr std::string_view k_insert_decision = R"sql(
INSERT INTO triage_decisions (complaint_id, at, staff_id, action, priority, reason)
VALUES (?1, ?2, ?3, 'accept', ?4, ?5)
)sql";
constexpr std::string_view k_link_complaint =
    "UPDATE complaint_states SET case_id = ?2 WHERE complaint_id = ?1";
constexpr std::string_view k_select_people = R"sql(
SELECT f.sealed_people FROM complaints AS c JOIN filings AS f ON f.id = c.filing_id
WHERE c.id = ?1
)sql";

util::Error unreadable() {
    return util::Error{util::ErrorCode::internal, "a complaint's state is unreadable"};
}

util::Expected<void> read_candidates(Statement& rows, bool same_filing,
                                     std::vector<DuplicateCandidate>& found) {
    util::Expected<bool> row;
    bool readable = true;
    while ((row = rows.step()) && *row) {
        const auto status = domain::parse_status(rows.column_text(2));
        if (!status) {
            readable = false;
            break;
        }
        DuplicateCandidate candidate;
        candidate.reference = rows.column_text(0);
        candidate.office_id = rows.column_text(1);
        candidate.status = *status;
        candidate.same_filing = same_filing;
        candidate.incident_date = rows.column_text(3);
        if (const auto case_id = rows.column_int(4); case_id != 0) candidate.case_id = case_id;
        if (const auto investigator = rows.column_int(5); investigator != 0) {
            candidate.case_investigator = investigator;
        }
        candidate.referred_to = rows.column_text(6);
        const auto marks = rows.column_blob(7);
        candidate.subject_marks.assign(marks.begin(), marks.end());
        const std::string_view excluded = rows.column_text(8);
        for (std::size_t at = 0; at < excluded.size();) {
            const auto comma = std::min(excluded.find(',', at), excluded.size());
            domain::StaffId id = 0;
            std::from_chars(excluded.data() + at, excluded.data() + comma, id);
            candidate.excluded_staff.push_back(id);
            at = comma + 1;
        }
        found.push_back(std::move(candidate));
    }
    rows.reset();
    if (!row) return std::unexpected(row.error());
    if (!readable) return std::unexpected(unreadable());
    return {};
}

struct JoinSide {
    std::int64_t complaint_id = 0;
    std::string office_id, queue, case_state;
    std::int64_t case_id = 0;
    std::int64_t priority = 1;
};

util::Expected<std::optional<JoinSide>> join_side(WriteContext& context,
                                                  const std::string& reference) {
    auto select = context.statements.get(k_select_for_join);
    if (!select) return std::unexpected(select.error());
    auto& row = **select;
    row.bind(1, reference);
    auto found = row.step();
    std::optional<JoinSide> side;
    if (found && *found) {
        side = JoinSide{row.column_int(0),
                        std::string(row.column_text(1)),
                        std::string(row.column_text(2)),
                        std::string(row.column_text(5)),
                        row.column_int(3),
                        row.column_int(4)};
    }
    row.reset();
    if (!found) return std::unexpected(found.error());
    return side;
}

}  // namespace

util::Expected<std::vector<DuplicateCandidate>> read_possible_duplicates(
    ReadContext& context, std::int64_t complaint_id) {
    auto own = context.statements.get(k_select_own);
    if (!own) return std::unexpected(own.error());
    auto& mine = **own;
    mine.bind(1, complaint_id);
    auto found = mine.step();
    std::int64_t filing_id = 0;
    std::string incident_date, office_id;
    if (found && *found) {
        filing_id = mine.column_int(0);
        incident_date = mine.column_text(1);
        office_id = mine.column_text(2);
    }
    mine.reset();
    if (!found) return std::unexpected(found.error());
    std::vector<DuplicateCandidate> candidates;
    if (!*found) return candidates;

    const auto most = static_cast<std::int64_t>(k_duplicate_candidates_read);
    auto same_filing = context.statements.get(k_select_same_filing);
    if (!same_filing) return std::unexpected(same_filing.error());
    (*same_filing)->bind(1, filing_id).bind(2, complaint_id).bind(3, most);
    if (auto read = read_candidates(**same_filing, true, candidates); !read) {
        return std::unexpected(read.error());
    }

    // Without a date (it is optional) nothing says which incident it was.
    const auto date = domain::parse_iso_date(incident_date);
    if (!date) return candidates;
    const auto day = std::chrono::sys_days(*date);
    const std::array days{domain::iso_date(day - std::chrono::days(1)), incident_date,
                          domain::iso_date(day + std::chrono::days(1))};
    auto same_incident = context.statements.get(k_select_same_incident);
    if (!same_incident) return std::unexpected(same_incident.error());
    (*same_incident)
        ->bind(1, days[0])
        .bind(2, days[1])
        .bind(3, days[2])
        .bind(4, filing_id)
        .bind(5, office_id)
        .bind(6, most);
    if (auto read = read_candidates(**same_incident, false, candidates); !read) {
        return std::unexpected(read.error());
    }
    return candidates;
}

util::Expected<std::int64_t> insert_join(WriteContext& context, const JoinRecord& record,
                                         const domain::AuditEvent& audit) {
    // Both read again inside the transaction: a decision or a closure may have come first.
    auto joined = join_side(context, record.reference);
    if (!joined) return std::unexpected(joined.error());
    auto into = join_side(context, record.into);
    if (!into) return std::unexpected(into.error());
    if (!*joined || (*joined)->office_id != record.office_id || !*into ||
        (*into)->office_id != record.office_id || (*into)->case_id == 0) {
        return util::fail(util::ErrorCode::not_found, "no such complaint or case for this office");
    }
    if ((*joined)->queue != domain::queue_name(domain::Queue::triage)) {
        return util::fail(util::ErrorCode::conflict, "the complaint was already triaged");
    }
    if ((*into)->case_state != domain::case_state_name(domain::CaseState::open)) {
        return util::fail(util::ErrorCode::conflict, "the case is not open");
    }
    const auto complaint_id = (*joined)->complaint_id;
    const auto case_id = (*into)->case_id;

    auto insert = context.statements.get(k_insert_decision);
    if (!insert) return std::unexpected(insert.error());
    auto decided = (*insert)
                       ->bind(1, complaint_id)
                       .bind(2, static_cast<std::int64_t>(record.at.time_since_epoch().count()))
                       .bind(3, record.staff_id)
                       .bind(4, (*joined)->priority)
                       .bind(5, record.note)
                       .run();
    if (!decided) return std::unexpected(decided.error());
    auto link = context.statements.get(k_link_complaint);
    if (!link) return std::unexpected(link.error());
    if (auto linked = (*link)->bind(1, complaint_id).bind(2, case_id).run(); !linked) {
        return std::unexpected(linked.error());
    }
    auto moved = move_complaint(context, {.complaint_id = complaint_id,
                                          .at = record.at,
                                          .status = domain::Status::investigating,
                                          .actor = record.actor,
                                          .note = record.note,
                                          .office_id = std::nullopt,
                                          .priority = std::nullopt});
    if (!moved) return std::unexpected(moved.error());
    if (auto entry = context.audit.append(audit); !entry) return std::unexpected(entry.error());
    return case_id;
}

std::string_view same_filing_query() {
    return k_select_same_filing;
}

std::string_view same_incident_query() {
    return k_select_same_incident;
}

util::Expected<std::vector<std::uint8_t>> read_sealed_people(ReadContext& context,
                                                             std::int64_t complaint_id) {
    auto select = context.statements.get(k_select_people);
    if (!select) return std::unexpected(select.error());
    auto& row = **select;
    row.bind(1, complaint_id);
    auto found = row.step();
    std::vector<std::uint8_t> sealed;
    if (found && *found) {
        const auto blob = row.column_blob(0);
        sealed.assign(blob.begin(), blob.end());
    }
    row.reset();
    if (!found) return std::unexpected(found.error());
    if (!*found) return util::fail(util::ErrorCode::not_found, "no such complaint");
    return sealed;
}

}  // namespace redress::storage::sql
