#pragma once
// A status look-up's read: the complaint with a reference, with its timeline. Known and
// unknown references cost the same: a reference that matches nothing reads a random
// complaint's rows instead, and drops them, so that a guesser cannot time which exist.

#include <string>

#include "storage/sql/read_pool.hpp"
#include "storage/store.hpp"

namespace redress::storage::sql {

// Reads on a reading thread and calls `done` there.
void find_complaint(ReadContext& context, const std::string& reference, FindDone& done);

}  // namespace redress::storage::sql
