#pragma once
// An office receives complaints. Local offices work cases here; external ones are reached
// by referral. Every office publishes service levels so complainants know what to expect.

#include <string>
#include <vector>

#include "domain/office_calendar.hpp"
#include "util/localized_text.hpp"

namespace redress::domain {

enum class OfficeKind { local, external };

// Whether due dates count every day or only Monday to Friday.
enum class DayCount { calendar, business };

struct ServiceLevels {
    int acknowledge_days = 0;  // from receipt to acknowledgment
    int triage_days = 0;       // from receipt to a triage decision
    int update_days = 0;       // longest gap between status updates to the complainant
    int resolution_days = 0;   // from receipt to a stated outcome
    DayCount day_count = DayCount::calendar;
    // After closure: how long the complainant may ask for reconsideration (0: not offered).
    int reconsideration_days = 30;
};

struct ContactChannels {
    std::string phone;
    std::string email;
    std::string postal_address;
    std::string web;
};

// Whether the public form offers this office.
enum class WebFiling { accepted, not_accepted };

struct Office {
    std::string id;                // stable identifier used in configuration and URLs
    std::string reference_prefix;  // e.g. "OPR": references read OPR-2026-000017
    OfficeKind kind = OfficeKind::local;
    WebFiling web_filing = WebFiling::accepted;
    util::LocalizedText name;
    util::LocalizedText handles;  // what this office handles, in plain language
    ContactChannels contact;
    ServiceLevels service_levels;
    OfficeCalendar calendar;  // working days and holidays for business-day service levels
};

}  // namespace redress::domain
