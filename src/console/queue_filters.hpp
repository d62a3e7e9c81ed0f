#pragma once
// The filters of an office's work list as the queue page's query string carries them
// (office, queue, priority, channel, category, overdue, after): read into a QueueQuery, or the
// name of the first field whose value is not one the list knows, so that a bad link gets
// a 400 that says which filter is wrong rather than an empty list or an error.

#include <expected>
#include <string>
#include <string_view>

#include "domain/deployment.hpp"
#include "domain/queue.hpp"
#include "domain/staff_member.hpp"

namespace redress::console {

inline constexpr std::size_t k_queue_page_size = 50;
// More than the page's filters; beyond it the query string is refused as a whole.
inline constexpr std::size_t k_max_queue_fields = 16;

struct BadFilter {
    std::string field;  // "priority", ...; "query" when the query string cannot be read
};

// The office a list shows: `requested` when named, else the first office whose complaints
// `member` works (empty when none). Whether they may read it is for the caller to check.
std::string office_to_list(std::string_view requested, const domain::StaffMember& member);

// The query of `query_string` for `member`; `overdue=1` lists only complaints with a
// deadline at or before `now`. An absent office is the first office whose
// complaints the member works (empty when none); whether they may read the office's list
// is for the caller to check, as for any office named.
std::expected<domain::QueueQuery, BadFilter> read_queue_filters(
    std::string_view query_string, const domain::StaffMember& member,
    const domain::Deployment& deployment, domain::Timestamp now);

// The queue page's address for `query`, with its cursor when it has one: for links.
std::string queue_target(const domain::QueueQuery& query);

}  // namespace redress::console
