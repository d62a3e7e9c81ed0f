#include "config/time_zone_database.hpp"

#include <cctz/civil_time.h>
#include <cctz/time_zone.h>

#include <string>
#include <vector>

#include "fmt/format.h"

namespace redress::config {
namespace {

using std::chrono::seconds;

// Letters, digits and "/_-+" in parts that do not start with a dot: a zone's name, never a
// path out of the zone database.
bool well_formed(std::string_view name) {
    if (name.empty() || name.size() > 64 || name.front() == '/' || name.back() == '/') {
        return false;
    }
    char previous = '/';
    for (const char c : name) {
        const bool allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                             (c >= '0' && c <= '9') || c == '/' || c == '_' || c == '-' || c == '+';
        if (!allowed) return false;
        if (c == '/' && previous == '/') return false;
        previous = c;
    }
    return name.find("..") == std::string_view::npos;
}

}  // namespace

util::Expected<domain::TimeZone> load_time_zone(std::string_view name) {
    if (name == "UTC") return domain::TimeZone::utc();
    const auto unknown = [&] {
        return util::fail(util::ErrorCode::invalid_input,
                          fmt::format("unknown time zone '{}': give an IANA name such as "
                                      "America/New_York or UTC (see /usr/share/zoneinfo)",
                                      name));
    };
    if (!well_formed(name)) return unknown();
    cctz::time_zone zone;
    // cctz falls back to UTC and answers false when the name is not in the database.
    if (!cctz::load_time_zone(std::string(name), &zone)) return unknown();

    const auto first =
        cctz::convert(cctz::civil_second(1970, 1, 1, 0, 0, 0), cctz::utc_time_zone());
    const auto last = cctz::convert(cctz::civil_second(2200, 1, 1, 0, 0, 0), cctz::utc_time_zone());
    const seconds initial{zone.lookup(first).offset};
    std::vector<domain::ZoneTransition> transitions;
    seconds offset = initial;
    auto at = first;
    cctz::time_zone::civil_transition change;
    while (at < last && zone.next_transition(at, &change)) {
        const auto instant = zone.lookup(change.to).trans;
        if (instant <= at || instant >= last) break;
        at = instant;
        const seconds now_offset{zone.lookup(instant).offset};
        if (now_offset == offset) continue;  // a change of abbreviation only
        offset = now_offset;
        transitions.push_back({domain::Timestamp{instant.time_since_epoch()}, offset});
        if (transitions.size() > domain::TimeZone::k_max_transitions) break;  // make refuses
    }
    return domain::TimeZone::make(std::string(name), initial, std::move(transitions));
}

}  // namespace redress::config
