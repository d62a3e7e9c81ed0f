#pragma once
// What an intake officer adds to the complaint form when they enter a complaint taken by
// phone or read in a letter: the channel (phone or mail), when the office was contacted (the
// call, or the date on the letter) in the deployment's local time, and the language the
// complainant used. Each problem comes back as a domain::FieldError with its field path
// ("entry.channel", ...), beside those of domain::validate for the rest of the form.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/calendar.hpp"
#include "domain/received_filing.hpp"
#include "domain/time_zone.hpp"
#include "domain/validation.hpp"
#include "http/form_data.hpp"

namespace redress::console {

// A contact further back than this is far likelier a typing slip (the wrong year) than a
// letter that waited a year to be entered.
inline constexpr std::chrono::days k_oldest_contact{366};

struct EntryForm {
    // As typed, to be shown again.
    std::string channel;
    std::string contacted_date;  // YYYY-MM-DD
    std::string contacted_time;  // HH:MM; may be blank for a letter (its day's start)
    std::string language;
    // Read, when there was no problem with them.
    std::optional<domain::Channel> read_channel;
    std::optional<domain::Timestamp> contacted_at;
    std::vector<domain::FieldError> problems;
};

// Fields: entry.channel, entry.contacted_date, entry.contacted_time, entry.language.
// `languages` are those the deployment has; `now` bounds the contact from above, and
// k_oldest_contact before it from below.
EntryForm read_entry_form(const http::FormData& form, std::span<const std::string> languages,
                          const domain::TimeZone& zone, domain::Timestamp now);

}  // namespace redress::console
