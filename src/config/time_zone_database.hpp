#pragma once
// The deployment's time zone read from the system's time zone database (Debian's tzdata,
// /usr/share/zoneinfo) into the offset table domain::TimeZone holds, so that no clock ever
// reads a file. Read once at start-up.
//
// C++20's std::chrono::locate_zone would do this, but libstdc++ 12 (GCC 12, Debian 12) does
// not have it; Google's cctz (Debian's libcctz-dev) reads the same files and, unlike the
// zone support of Howard Hinnant's date library in Debian 12, also follows the rule that
// slim zone files give for years after 2037.

#include <string_view>

#include "domain/time_zone.hpp"
#include "util/error.hpp"

namespace redress::config {

// The zone named `name` ("America/New_York", "Europe/Paris", "UTC"), with its changes of
// offset from 1970 to 2200 (the last offset holds after that). Fails (invalid_input) when
// the name is not a well-formed IANA name or no such zone is installed.
util::Expected<domain::TimeZone> load_time_zone(std::string_view name);

}  // namespace redress::config
