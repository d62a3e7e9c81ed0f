#pragma once
// The copy of a case's outcome that a status look-up of a closed complaint reads in one row
// (table case_outcomes: the migrations that added it, sqlite 0025 and postgresql 0008): the
// latest closure, its sealed text and remedy and until when reconsideration may be asked
// for, NULL until the case is first closed; and the findings of the latest round. The case's
// findings and closures stay the record. Triggers keep the copy in the transaction that
// writes a finding or a closure, whoever writes it: a finding of a later round starts the
// findings again, one of the same round is added to them; a closure replaces the one
// before. Each finding is written as "<finding> <bytes>:<category>", one after another in
// the order written: the finding's name, then the category's length in bytes and the
// category as written (copied_text.hpp). The triggers and the migrations write this form
// in SQL.

#include <string_view>
#include <vector>

#include "domain/finding.hpp"
#include "util/error.hpp"

namespace redress::storage::sql {

// The findings of a case's outcome row, in the order written. Fails (internal) on text this
// form cannot read: a database written by something else.
util::Expected<std::vector<domain::AllegationFinding>> read_outcome_findings(std::string_view text);

}  // namespace redress::storage::sql
