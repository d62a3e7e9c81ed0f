#include "console/clock_table.hpp"

#include <spdlog/spdlog.h>

#include <vector>

#include "domain/complaint_clocks.hpp"

namespace redress::console {

void fill_clocks(web::Dictionary& page, const i18n::Catalogue& catalogue,
                 const domain::Deployment& deployment, const storage::StaffComplaint& complaint,
                 domain::Timestamp now) {
    const auto* office = deployment.find_office(complaint.office_id);
    if (office == nullptr) return;
    std::vector<domain::TimelineEvent> timeline;
    timeline.reserve(complaint.timeline.size());
    for (const auto& event : complaint.timeline) timeline.push_back({event.at, event.status, {}});
    std::vector<domain::Timestamp> updates;
    for (const auto& message : complaint.messages) {
        if (message.kind == domain::MessageKind::to_complainant) updates.push_back(message.at);
    }
    const domain::BusinessCalendar calendar(deployment.time_zone, office->calendar);
    const auto clocks =
        domain::complaint_clocks({complaint.received_at, timeline, updates, complaint.holds},
                                 office->service_levels, calendar, now);
    if (!clocks) {
        spdlog::error("console: the clocks of {}: {}", complaint.reference, clocks.error().message);
        return;
    }
    for (const auto& clock : *clocks) {
        auto* row = page.AddSectionDictionary("CLOCK");
        row->SetValue("KIND",
                      web::tstr(catalogue.text("staff.clock.kind." +
                                               std::string(domain::clock_kind_name(clock.kind)))));
        const auto state = domain::clock_state_name(clock.state);
        row->SetValue("STATE",
                      web::tstr(catalogue.text("staff.clock.state." + std::string(state))));
        row->SetValue("STATE_NAME", web::tstr(state));
        row->SetValue("DUE", domain::iso_date(clock.due));
    }
    if (clocks->empty()) page.ShowSection("NO_CLOCKS");
}

}  // namespace redress::console
