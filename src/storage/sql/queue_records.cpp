#include "storage/sql/queue_records.hpp"

#include <algorithm>
#include <limits>

namespace redress::storage::sql {

namespace {

// Items of one priority received in the same second as the cursor, after it; then those
// received later. Two statements rather than one row-value comparison, so that each is one
// range of the queue index: a flood of filings in one second puts tens of thousands of
// complaints at the same time, and a comparison SQLite can only seek by time would read
// them all for every page among them.
constexpr std::string_view k_same_second = R"sql(
SELECT s.complaint_id, c.reference, s.status, s.priority, s.channel, s.received_at, s.case_id,
       s.due_at
FROM complaint_states AS s
JOIN complaints AS c ON c.id = s.complaint_id
WHERE s.office_id = ?1 AND s.queue = ?2 AND s.priority = ?3
  AND s.received_at = ?4 AND s.complaint_id > ?5
  AND (CAST(?6 AS TEXT) IS NULL OR s.channel = ?6)
  AND (CAST(?7 AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM filing_categories AS fc
                             WHERE fc.filing_id = c.filing_id AND fc.category = ?7))
  AND NOT EXISTS (SELECT 1 FROM complaint_exclusions AS x
                  WHERE x.complaint_id = s.complaint_id AND x.staff_id = ?20)
  AND (CAST(?21 AS BLOB) IS NULL OR instr((SELECT f.subject_marks FROM filings AS f WHERE f.id = c.filing_id),
                            ?21) = 0)
  AND (CAST(?22 AS BIGINT) IS NULL OR s.due_at <= ?22)
ORDER BY s.complaint_id
LIMIT ?8
)sql";

constexpr std::string_view k_later_seconds = R"sql(
SELECT s.complaint_id, c.reference, s.status, s.priority, s.channel, s.received_at, s.case_id,
       s.due_at
FROM complaint_states AS s
JOIN complaints AS c ON c.id = s.complaint_id
WHERE s.office_id = ?1 AND s.queue = ?2 AND s.priority = ?3
  AND s.received_at > ?4
  AND (CAST(?6 AS TEXT) IS NULL OR s.channel = ?6)
  AND (CAST(?7 AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM filing_categories AS fc
                             WHERE fc.filing_id = c.filing_id AND fc.category = ?7))
  AND NOT EXISTS (SELECT 1 FROM complaint_exclusions AS x
                  WHERE x.complaint_id = s.complaint_id AND x.staff_id = ?20)
  AND (CAST(?21 AS BLOB) IS NULL OR instr((SELECT f.subject_marks FROM filings AS f WHERE f.id = c.filing_id),
                            ?21) = 0)
  AND (CAST(?22 AS BIGINT) IS NULL OR s.due_at <= ?22)
ORDER BY s.received_at, s.complaint_id
LIMIT ?8
)sql";

// Items of every lower priority, most urgent first: the rest of the queue index.
constexpr std::string_view k_lower_priorities = R"sql(
SELECT s.complaint_id, c.reference, s.status, s.priority, s.channel, s.received_at, s.case_id,
       s.due_at
FROM complaint_states AS s
JOIN complaints AS c ON c.id = s.complaint_id
WHERE s.office_id = ?1 AND s.queue = ?2 AND s.priority < ?3
  AND (CAST(?4 AS TEXT) IS NULL OR s.channel = ?4)
  AND (CAST(?5 AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM filing_categories AS fc
                             WHERE fc.filing_id = c.filing_id AND fc.category = ?5))
  AND NOT EXISTS (SELECT 1 FROM complaint_exclusions AS x
                  WHERE x.complaint_id = s.complaint_id AND x.staff_id = ?20)
  AND (CAST(?21 AS BLOB) IS NULL OR instr((SELECT f.subject_marks FROM filings AS f WHERE f.id = c.filing_id),
                            ?21) = 0)
  AND (CAST(?22 AS BIGINT) IS NULL OR s.due_at <= ?22)
ORDER BY s.priority DESC, s.received_at, s.complaint_id
LIMIT ?6
)sql";

util::Expected<void> read_items(Statement& statement, std::vector<domain::QueueItem>& items) {
    util::Expected<bool> row;
    while ((row = statement.step()) && *row) {
        domain::QueueItem item;
        item.complaint_id = statement.column_int(0);
        item.reference = statement.column_text(1);
        const auto status = domain::parse_status(statement.column_text(2));
        const auto channel = domain::parse_channel(statement.column_text(4));
        const auto priority = statement.column_int(3);
        if (!status || !channel || priority < 0 || priority > 3) {
            statement.reset();
            return util::fail(util::ErrorCode::internal, "a complaint's state is unreadable");
        }
        item.status = *status;
        item.priority = static_cast<domain::Priority>(priority);
        item.channel = *channel;
        item.received_at = domain::Timestamp(std::chrono::seconds(statement.column_int(5)));
        if (const auto case_id = statement.column_int(6); case_id != 0) item.case_id = case_id;
        if (!statement.column_is_null(7)) {
            item.deadline = domain::Timestamp(std::chrono::seconds(statement.column_int(7)));
        }
        items.push_back(std::move(item));
    }
    statement.reset();
    if (!row) return std::unexpected(row.error());
    return {};
}

// Binds what every statement filters on alike: the member reading (?20, ?21), and the
// instant past which a deadline is overdue (?22), when only overdue complaints are listed.
void bind_common(Statement& statement, const domain::QueueQuery& query) {
    bind_reader(statement, query.reader, query.reader_mark);
    if (query.overdue_at) {
        statement.bind(22, static_cast<std::int64_t>(query.overdue_at->time_since_epoch().count()));
    }
}

// Binds an optional text: NULL when absent, so that the filter lets every row through.
void bind_optional(Statement& statement, int index, const std::optional<std::string_view>& text) {
    if (text) statement.bind(index, *text);
}

}  // namespace

void bind_reader(Statement& statement, domain::StaffId reader, const domain::NameMark& mark) {
    statement.bind(20, reader);
    if (mark != domain::NameMark{}) statement.bind(21, std::span<const std::uint8_t>(mark));
}

util::Expected<domain::QueuePage> read_queue(ReadContext& context,
                                             const domain::QueueQuery& query) {
    const std::size_t limit = std::clamp<std::size_t>(query.limit, 1, domain::k_queue_page_max);
    // One more than a page, to know whether another follows.
    const auto wanted = static_cast<std::int64_t>(limit + 1);
    const auto queue = domain::queue_name(query.queue);
    const std::optional<std::string_view> channel =
        query.channel ? std::optional(domain::channel_name(*query.channel)) : std::nullopt;
    const std::optional<std::string_view> category =
        query.category ? std::optional<std::string_view>(*query.category) : std::nullopt;

    // Where to start: after the cursor, or at the top of the most urgent priority asked for.
    const auto top = query.priority.value_or(domain::Priority::urgent);
    domain::QueueCursor start{top, domain::Timestamp::min(), 0};
    if (query.after) start = *query.after;
    if (query.priority && start.priority != *query.priority) return domain::QueuePage{};

    std::vector<domain::QueueItem> items;
    const bool from_cursor = query.after.has_value();
    for (const auto sql : {k_same_second, k_later_seconds}) {
        if (sql == k_same_second && !from_cursor) continue;
        if (static_cast<std::int64_t>(items.size()) >= wanted) break;
        auto same = context.statements.get(sql);
        if (!same) return std::unexpected(same.error());
        // Before any cursor, "later than" the earliest time there is.
        const std::int64_t since = from_cursor ? start.received_at.time_since_epoch().count()
                                               : std::numeric_limits<std::int64_t>::min();
        (*same)
            ->bind(1, query.office_id)
            .bind(2, queue)
            .bind(3, static_cast<std::int64_t>(start.priority))
            .bind(4, since)
            .bind(5, start.complaint_id);
        bind_optional(**same, 6, channel);
        bind_optional(**same, 7, category);
        bind_common(**same, query);
        (*same)->bind(8, wanted - static_cast<std::int64_t>(items.size()));
        if (auto read = read_items(**same, items); !read) return std::unexpected(read.error());
    }

    if (!query.priority && items.size() < limit + 1 && start.priority != domain::Priority::low) {
        auto lower = context.statements.get(k_lower_priorities);
        if (!lower) return std::unexpected(lower.error());
        (*lower)
            ->bind(1, query.office_id)
            .bind(2, queue)
            .bind(3, static_cast<std::int64_t>(start.priority));
        bind_optional(**lower, 4, channel);
        bind_optional(**lower, 5, category);
        bind_common(**lower, query);
        (*lower)->bind(6, wanted - static_cast<std::int64_t>(items.size()));
        if (auto read = read_items(**lower, items); !read) return std::unexpected(read.error());
    }

    return domain::page_of<domain::QueuePage>(std::move(items), limit);
}

}  // namespace redress::storage::sql
