#include "storage/sql/deadline_records.hpp"

#include <algorithm>
#include <limits>
#include <vector>

#include "domain/clock.hpp"
#include "domain/complaint_status.hpp"
#include "storage/sql/queue_records.hpp"

namespace redress::storage::sql {

namespace {

// The partial index holds only the marked complaints: finding them costs what there is.
constexpr std::string_view k_select_moved = R"sql(
SELECT complaint_id, office_id, received_at FROM complaint_states
WHERE clocks_moved = 1 ORDER BY complaint_id LIMIT ?1
)sql";
// The facts of the marked complaints, each kind read for the whole batch at once: the same
// complaints k_select_moved gives, in the same transaction (under the write lock). One
// statement per kind instead of one per complaint: on PostgreSQL each is a round trip.
constexpr std::string_view k_select_marked_events = R"sql(
SELECT e.complaint_id, e.at, e.status FROM status_events AS e
WHERE e.complaint_id IN (SELECT complaint_id FROM complaint_states
                         WHERE clocks_moved = 1 ORDER BY complaint_id LIMIT ?1)
ORDER BY e.complaint_id, e.at, e.id
)sql";
constexpr std::string_view k_select_marked_updates = R"sql(
SELECT m.complaint_id, m.at FROM messages AS m
WHERE m.kind = 'to_complainant'
  AND m.complaint_id IN (SELECT complaint_id FROM complaint_states
                         WHERE clocks_moved = 1 ORDER BY complaint_id LIMIT ?1)
ORDER BY m.complaint_id, m.id
)sql";
constexpr std::string_view k_select_marked_holds = R"sql(
SELECT h.complaint_id, h.at, h.reason FROM clock_holds AS h
WHERE h.complaint_id IN (SELECT complaint_id FROM complaint_states
                         WHERE clocks_moved = 1 ORDER BY complaint_id LIMIT ?1)
ORDER BY h.complaint_id, h.id
)sql";
// Each row: the complaint, its deadline (-1: none), the clock that sets it ('': none).
constexpr BatchedStatement k_save_deadlines{
    "UPDATE complaint_states SET due_at = v.column2, due_clock = v.column3, clocks_moved = 0 "
    "FROM (VALUES ",
    "(?, NULLIF(?, -1), NULLIF(?, ''))", ") AS v WHERE complaint_id = v.column1"};

constexpr std::string_view k_select_rules = "SELECT rules FROM deadline_rules WHERE id = 1";
constexpr std::string_view k_save_rules = R"sql(
INSERT INTO deadline_rules (id, rules) VALUES (1, ?1)
ON CONFLICT (id) DO UPDATE SET rules = excluded.rules
)sql";
constexpr std::string_view k_mark_all =
    "UPDATE complaint_states SET clocks_moved = 1 WHERE clocks_moved = 0";

// Overdue complaints with the same deadline as the cursor, after it; then those with later
// deadlines up to now. Two statements, each one range of the deadline index, as the work
// lists do (queue_records.cpp): deadlines fall at the start of a day, so thousands of
// complaints share each one. The index is named, and the first statement has only the terms
// of its range (the cursor's deadline is one passed already): given more, SQLite reads every
// overdue complaint of the office and sorts them.
constexpr std::string_view k_same_deadline = R"sql(
SELECT s.complaint_id, c.reference, s.status, s.priority, s.due_clock, s.due_at,
       coalesce((SELECT st.display_name FROM cases AS k JOIN staff AS st
                 ON st.id = k.investigator_id WHERE k.id = s.case_id), '')
FROM complaint_states AS s INDEXED BY complaint_states_due
JOIN complaints AS c ON c.id = s.complaint_id
WHERE s.office_id = ?1 AND s.due_at = ?2 AND s.complaint_id > ?3
  AND NOT EXISTS (SELECT 1 FROM complaint_exclusions AS x
                  WHERE x.complaint_id = s.complaint_id AND x.staff_id = ?20)
  AND (CAST(?21 AS BLOB) IS NULL OR instr((SELECT f.subject_marks FROM filings AS f WHERE f.id = c.filing_id),
                            ?21) = 0)
ORDER BY s.complaint_id
LIMIT ?4
)sql";
constexpr std::string_view k_later_deadlines = R"sql(
SELECT s.complaint_id, c.reference, s.status, s.priority, s.due_clock, s.due_at,
       coalesce((SELECT st.display_name FROM cases AS k JOIN staff AS st
                 ON st.id = k.investigator_id WHERE k.id = s.case_id), '')
FROM complaint_states AS s INDEXED BY complaint_states_due
JOIN complaints AS c ON c.id = s.complaint_id
WHERE s.office_id = ?1 AND s.due_at > ?2 AND s.due_at <= ?5
  AND NOT EXISTS (SELECT 1 FROM complaint_exclusions AS x
                  WHERE x.complaint_id = s.complaint_id AND x.staff_id = ?20)
  AND (CAST(?21 AS BLOB) IS NULL OR instr((SELECT f.subject_marks FROM filings AS f WHERE f.id = c.filing_id),
                            ?21) = 0)
ORDER BY s.due_at, s.complaint_id
LIMIT ?4
)sql";

domain::Timestamp timestamp(std::int64_t seconds) {
    return domain::Timestamp(std::chrono::seconds(seconds));
}

// Reads the rows of `sql` (complaint id first, ascending) into the facts of `marked` (sorted by
// complaint id) with `add`, which answers false for a row it cannot read.
template <typename Add>
util::Expected<void> read_marked(StatementCache& statements, std::string_view sql,
                                 std::size_t limit, std::vector<ClockFacts>& marked, Add add) {
    auto statement = statements.get(sql);
    if (!statement) return std::unexpected(statement.error());
    auto& rows = **statement;
    rows.bind(1, static_cast<std::int64_t>(limit));
    auto facts = marked.begin();
    util::Expected<bool> row;
    while ((row = rows.step()) && *row) {
        const std::int64_t complaint_id = rows.column_int(0);
        while (facts != marked.end() && facts->complaint_id < complaint_id) ++facts;
        if (facts == marked.end() || facts->complaint_id != complaint_id || !add(rows, *facts)) {
            rows.reset();
            return util::fail(util::ErrorCode::internal,
                              "a complaint's clock facts are unreadable");
        }
    }
    rows.reset();
    if (!row) return std::unexpected(row.error());
    return {};
}

util::Expected<void> read_facts(StatementCache& statements, std::size_t limit,
                                std::vector<ClockFacts>& marked) {
    auto events = read_marked(
        statements, k_select_marked_events, limit, marked, [](Statement& rows, ClockFacts& facts) {
            const auto status = domain::parse_status(rows.column_text(2));
            if (!status) return false;
            facts.timeline.push_back({timestamp(rows.column_int(1)), *status, {}});
            return true;
        });
    if (!events) return events;
    auto updates = read_marked(statements, k_select_marked_updates, limit, marked,
                               [](Statement& rows, ClockFacts& facts) {
                                   facts.updates.push_back(timestamp(rows.column_int(1)));
                                   return true;
                               });
    if (!updates) return updates;
    return read_marked(statements, k_select_marked_holds, limit, marked,
                       [](Statement& rows, ClockFacts& facts) {
                           const auto reason = domain::parse_pause_reason(rows.column_text(2));
                           if (!reason) return false;
                           facts.holds.push_back({timestamp(rows.column_int(1)), *reason});
                           return true;
                       });
}

util::Expected<void> read_overdue_items(Statement& statement,
                                        std::vector<domain::OverdueItem>& items) {
    util::Expected<bool> row;
    while ((row = statement.step()) && *row) {
        domain::OverdueItem item;
        item.complaint_id = statement.column_int(0);
        item.reference = statement.column_text(1);
        const auto status = domain::parse_status(statement.column_text(2));
        const auto priority = statement.column_int(3);
        const auto clock = domain::parse_clock_kind(statement.column_text(4));
        if (!status || !clock || priority < 0 || priority > 3) {
            statement.reset();
            return util::fail(util::ErrorCode::internal, "a complaint's deadline is unreadable");
        }
        item.status = *status;
        item.priority = static_cast<domain::Priority>(priority);
        item.clock = *clock;
        item.deadline = timestamp(statement.column_int(5));
        item.investigator = statement.column_text(6);
        items.push_back(std::move(item));
    }
    statement.reset();
    if (!row) return std::unexpected(row.error());
    return {};
}

}  // namespace

util::Expected<std::size_t> refresh_deadlines(WriteContext& context, const DeadlineRule& rule,
                                              std::size_t limit) {
    auto statement = context.statements.get(k_select_moved);
    if (!statement) return std::unexpected(statement.error());
    auto& moved = **statement;
    moved.bind(1, static_cast<std::int64_t>(limit));
    std::vector<ClockFacts> marked;
    util::Expected<bool> row;
    while ((row = moved.step()) && *row) {
        ClockFacts facts;
        facts.complaint_id = moved.column_int(0);
        facts.office_id = moved.column_text(1);
        facts.received_at = timestamp(moved.column_int(2));
        marked.push_back(std::move(facts));
    }
    moved.reset();
    if (!row) return std::unexpected(row.error());

    if (auto read = read_facts(context.statements, limit, marked); !read) {
        return std::unexpected(read.error());
    }
    auto& deadlines = context.batches.rows(k_save_deadlines);
    for (const auto& facts : marked) {
        const auto next = rule(facts);
        deadlines.add(facts.complaint_id);
        if (next) {
            deadlines.add(static_cast<std::int64_t>(next->deadline.time_since_epoch().count()))
                .add(domain::clock_kind_name(next->kind));
        } else {
            deadlines.add(std::int64_t{-1}).add(std::string_view());
        }
    }
    if (auto saved = deadlines.flush(); !saved) return std::unexpected(saved.error());
    return marked.size();
}

util::Expected<bool> adopt_deadline_rules(WriteContext& context, const std::string& rules) {
    auto statement = context.statements.get(k_select_rules);
    if (!statement) return std::unexpected(statement.error());
    auto& select = **statement;
    auto found = select.step();
    const bool same = found && *found && select.column_text(0) == rules;
    const bool recorded = found && *found;
    select.reset();
    if (!found) return std::unexpected(found.error());
    if (same) return false;
    auto save = context.statements.get(k_save_rules);
    if (!save) return std::unexpected(save.error());
    if (auto saved = (*save)->bind(1, rules).run(); !saved) return std::unexpected(saved.error());
    // The first rules recorded find every complaint marked already (the column's default).
    if (!recorded) return false;
    auto mark = context.statements.get(k_mark_all);
    if (!mark) return std::unexpected(mark.error());
    if (auto marked = (*mark)->run(); !marked) return std::unexpected(marked.error());
    return true;
}

util::Expected<domain::OverduePage> read_overdue(ReadContext& context,
                                                 const domain::OverdueQuery& query) {
    const std::size_t limit = std::clamp<std::size_t>(query.limit, 1, domain::k_queue_page_max);
    const auto wanted = static_cast<std::int64_t>(limit + 1);
    const auto now = static_cast<std::int64_t>(query.now.time_since_epoch().count());
    std::vector<domain::OverdueItem> items;
    for (const auto sql : {k_same_deadline, k_later_deadlines}) {
        if (sql == k_same_deadline && !query.after) continue;
        if (static_cast<std::int64_t>(items.size()) >= wanted) break;
        auto statement = context.statements.get(sql);
        if (!statement) return std::unexpected(statement.error());
        auto& rows = **statement;
        // Before any cursor, "later than" the earliest deadline there is.
        rows.bind(1, query.office_id)
            .bind(2, query.after ? query.after->deadline.time_since_epoch().count()
                                 : std::numeric_limits<std::int64_t>::min())
            .bind(4, wanted - static_cast<std::int64_t>(items.size()));
        if (sql == k_same_deadline) {
            rows.bind(3, query.after->complaint_id);
        } else {
            rows.bind(5, now);
        }
        bind_reader(rows, query.reader, query.reader_mark);
        if (auto read = read_overdue_items(rows, items); !read) {
            return std::unexpected(read.error());
        }
    }
    return domain::page_of<domain::OverduePage>(std::move(items), limit);
}

std::string_view same_deadline_query() {
    return k_same_deadline;
}

std::string_view later_deadlines_query() {
    return k_later_deadlines;
}

}  // namespace redress::storage::sql
