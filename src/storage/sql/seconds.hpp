#pragma once
// How the database keeps a time: whole seconds since the epoch, in an INTEGER column.

#include <cstdint>

#include "domain/calendar.hpp"

namespace redress::storage::sql {

inline std::int64_t seconds(domain::Timestamp at) {
    return at.time_since_epoch().count();
}

}  // namespace redress::storage::sql
