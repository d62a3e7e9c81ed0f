#include "storage/sql/staff_entry_records.hpp"

#include <fmt/format.h>

#include "storage/sql/seconds.hpp"

namespace redress::storage::sql {

namespace {

constexpr std::string_view k_insert_entry = R"sql(
INSERT INTO staff_entries (complaint_id, entered_by, contacted_at)
SELECT id, ?2, ?3 FROM complaints WHERE reference = ?1
)sql";

constexpr std::string_view k_select_entry = R"sql(
SELECT m.display_name, e.contacted_at
FROM staff_entries AS e JOIN staff AS m ON m.id = e.entered_by
WHERE e.complaint_id = ?1
)sql";

}  // namespace

util::Expected<void> write_staff_entry(WriteContext& context, const domain::ReceivedFiling& filing,
                                       const std::vector<domain::FiledComplaint>& complaints) {
    const auto& entry = *filing.staff_entry;
    // It finds the complaints by their references.
    if (auto flushed = context.batches.flush(); !flushed) return flushed;
    auto insert = context.statements.get(k_insert_entry);
    if (!insert) return std::unexpected(insert.error());
    for (const auto& complaint : complaints) {
        auto inserted = (*insert)
                            ->bind(1, complaint.reference)
                            .bind(2, entry.entered_by)
                            .bind(3, seconds(entry.contacted_at))
                            .run();
        if (!inserted) return inserted;
        // The channel and the day only: nothing of what the complainant said.
        domain::AuditEvent event;
        event.at = filing.received_at;
        event.actor = entry.actor;
        event.action = "complaint.entered";
        event.object = "complaint:" + complaint.reference;
        event.details = fmt::format("channel={} contacted={}", domain::channel_name(filing.channel),
                                    domain::iso_date(domain::date_of(entry.contacted_at)));
        auto appended = context.audit.append(event);
        if (!appended) return std::unexpected(appended.error());
    }
    return {};
}

util::Expected<std::optional<StaffComplaint::Entry>> read_staff_entry(StatementCache& statements,
                                                                      std::int64_t complaint_id) {
    auto select = statements.get(k_select_entry);
    if (!select) return std::unexpected(select.error());
    auto& row = **select;
    row.bind(1, complaint_id);
    auto found = row.step();
    std::optional<StaffComplaint::Entry> entry;
    if (found && *found) {
        entry = StaffComplaint::Entry{std::string(row.column_text(0)),
                                      domain::Timestamp(std::chrono::seconds(row.column_int(1)))};
    }
    row.reset();
    if (!found) return std::unexpected(found.error());
    return entry;
}

}  // namespace redress::storage::sql
