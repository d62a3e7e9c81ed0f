#pragma once
// The record code numbers its parameters as SQLite does (`?1`, `?2`...); PostgreSQL reads
// `$1`, `$2`... This rewrites the one into the other, leaving alone what only looks like a
// parameter: inside '...' string literals, "..." quoted identifiers, `--` and `/* */`
// comments (nested, as PostgreSQL reads them). Dollar-quoted strings are not recognised:
// the common SQL has none (SQLite has no such syntax). SQLite's planner hints
// (`INDEXED BY name`, written in capitals) are dropped: PostgreSQL has none.

#include <string>
#include <string_view>
#include <vector>

namespace redress::storage::postgresql {

struct NumberedParameters {
    std::string sql;  // with `$N` for every `?N`
    int count = 0;    // the highest N seen (0 when there is none)
    // Whether ?N appears, at index N - 1 (count of them): a statement may skip numbers.
    std::vector<bool> used;
};

// A `?` followed by no digit is copied as it is (PostgreSQL will reject it or read it as an
// operator); the record code never writes one.
NumberedParameters numbered_parameters(std::string_view sql);

}  // namespace redress::storage::postgresql
