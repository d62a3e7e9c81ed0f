#pragma once
// A copy of a photo without what could lead to the person who took it: its location (GPS
// tags) and its author (artist, owner, serial numbers, XMP and IPTC), for staff to pass on
// or show where the original would say too much. The original stays as it was received,
// byte for byte; this is always a copy (exiv2).

#include <string>
#include <string_view>

#include "util/error.hpp"

namespace redress::intake {

// Whether copies without metadata are made for files of this (detected) type.
bool metadata_removable(std::string_view media_type);

// The image without location and author metadata. Fails (invalid_input) when exiv2 cannot
// read or write it.
util::Expected<std::string> without_identifying_metadata(std::string_view image);

}  // namespace redress::intake
