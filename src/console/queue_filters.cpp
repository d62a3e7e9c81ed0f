#include "console/queue_filters.hpp"

#include "http/form_data.hpp"

namespace redress::console {

namespace {

// Query-string encoding of a value: everything but unreserved characters escaped.
std::string encoded(std::string_view value) {
    static constexpr std::string_view k_hex = "0123456789ABCDEF";
    std::string out;
    for (const char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        const bool unreserved = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                                (byte >= '0' && byte <= '9') || c == '-' || c == '_' || c == '.' ||
                                c == '~';
        if (unreserved) {
            out.push_back(c);
        } else {
            out.push_back('%');
            out.push_back(k_hex[byte >> 4U]);
            out.push_back(k_hex[byte & 0x0FU]);
        }
    }
    return out;
}

void append(std::string& target, std::string_view name, std::string_view value) {
    target += target.find('?') == std::string::npos ? '?' : '&';
    target += name;
    target += '=';
    target += encoded(value);
}

}  // namespace

std::string office_to_list(std::string_view requested, const domain::StaffMember& member) {
    if (!requested.empty()) return std::string(requested);
    for (const auto& office : member.offices) {
        if (member.works_complaints_of(office)) return office;
    }
    return {};
}

std::expected<domain::QueueQuery, BadFilter> read_queue_filters(
    std::string_view query_string, const domain::StaffMember& member,
    const domain::Deployment& deployment, domain::Timestamp now) {
    const auto fields = http::FormData::parse(query_string, k_max_queue_fields);
    if (!fields) return std::unexpected(BadFilter{"query"});

    domain::QueueQuery query;
    query.limit = k_queue_page_size;
    query.office_id = office_to_list(fields->get("office"), member);
    if (const auto queue = fields->get("queue"); !queue.empty()) {
        const auto parsed = domain::parse_queue(queue);
        if (!parsed) return std::unexpected(BadFilter{"queue"});
        query.queue = *parsed;
    }
    if (const auto priority = fields->get("priority"); !priority.empty()) {
        query.priority = domain::parse_priority(priority);
        if (!query.priority) return std::unexpected(BadFilter{"priority"});
    }
    if (const auto channel = fields->get("channel"); !channel.empty()) {
        query.channel = domain::parse_channel(channel);
        if (!query.channel) return std::unexpected(BadFilter{"channel"});
    }
    if (const auto category = fields->get("category"); !category.empty()) {
        if (deployment.find_category(category) == nullptr) {
            return std::unexpected(BadFilter{"category"});
        }
        query.category = std::string(category);
    }
    if (const auto overdue = fields->get("overdue"); !overdue.empty()) {
        if (overdue != "1") return std::unexpected(BadFilter{"overdue"});
        query.overdue_at = now;
    }
    if (const auto after = fields->get("after"); !after.empty()) {
        query.after = domain::QueueCursor::parse(after);
        if (!query.after) return std::unexpected(BadFilter{"after"});
    }
    return query;
}

std::string queue_target(const domain::QueueQuery& query) {
    std::string target = "/staff/queue";
    append(target, "office", query.office_id);
    append(target, "queue", domain::queue_name(query.queue));
    if (query.priority) append(target, "priority", domain::priority_name(*query.priority));
    if (query.channel) append(target, "channel", domain::channel_name(*query.channel));
    if (query.category) append(target, "category", *query.category);
    if (query.overdue_at) append(target, "overdue", "1");
    if (query.after) append(target, "after", query.after->text());
    return target;
}

}  // namespace redress::console
