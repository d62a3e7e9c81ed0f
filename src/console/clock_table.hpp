#pragma once
// The service-level clocks of a complaint on its staff page: each promise of the handling
// office (acknowledge, triage, update, resolution), its state (running, met, met late,
// overdue, stopped) and its due day, as rebuilt from the complaint's events and messages
// (domain/complaint_clocks.hpp).

#include "domain/calendar.hpp"
#include "domain/deployment.hpp"
#include "i18n/catalogue.hpp"
#include "storage/casework.hpp"
#include "web/view.hpp"

namespace redress::console {

// Fills the page's CLOCK rows (or NO_CLOCKS when the office promises none).
void fill_clocks(web::Dictionary& page, const i18n::Catalogue& catalogue,
                 const domain::Deployment& deployment, const storage::StaffComplaint& complaint,
                 domain::Timestamp now);

}  // namespace redress::console
