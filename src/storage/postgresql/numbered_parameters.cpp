#include "storage/postgresql/numbered_parameters.hpp"

#include <algorithm>
#include <limits>

namespace redress::storage::postgresql {

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool is_word(char c) {
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

// Past any statement's parameters (PostgreSQL's limit is 65535): a larger number is
// refused when the statement is prepared, and is not worth a vector this long.
constexpr int k_most_numbered = 65535;

constexpr std::string_view k_index_hint = "INDEXED BY ";

// Whether SQLite's `INDEXED BY name` starts at `i`, as a word of its own.
bool index_hint_at(std::string_view sql, std::size_t i) {
    return sql.substr(i, k_index_hint.size()) == k_index_hint && (i == 0 || !is_word(sql[i - 1]));
}

}  // namespace

NumberedParameters numbered_parameters(std::string_view sql) {
    NumberedParameters out;
    out.sql.reserve(sql.size());
    std::size_t i = 0;
    // Copies from `i` up to and including the first `close`, or to the end.
    const auto copy_through = [&](char close) {
        const auto end = sql.find(close, i);
        const auto stop = end == std::string_view::npos ? sql.size() : end + 1;
        out.sql.append(sql.substr(i, stop - i));
        i = stop;
    };
    while (i < sql.size()) {
        const char c = sql[i];
        if (c == '\'' || c == '"') {
            // A doubled quote inside closes and reopens, which copies the same text.
            out.sql.push_back(c);
            ++i;
            copy_through(c);
        } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
            copy_through('\n');
        } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
            int depth = 0;
            while (i < sql.size()) {
                if (sql.substr(i, 2) == "/*") {
                    ++depth;
                    out.sql.append("/*");
                    i += 2;
                } else if (sql.substr(i, 2) == "*/") {
                    out.sql.append("*/");
                    i += 2;
                    if (--depth == 0) break;
                } else {
                    out.sql.push_back(sql[i++]);
                }
            }
        } else if (c == 'I' && index_hint_at(sql, i)) {
            // PostgreSQL's planner takes no hints; it picks the index itself.
            i += k_index_hint.size();
            while (i < sql.size() && sql[i] == ' ') ++i;
            while (i < sql.size() && is_word(sql[i])) ++i;
        } else if (c == '?' && i + 1 < sql.size() && is_digit(sql[i + 1])) {
            out.sql.push_back('$');
            ++i;
            int number = 0;
            while (i < sql.size() && is_digit(sql[i])) {
                if (number < std::numeric_limits<int>::max() / 10) {
                    number = number * 10 + (sql[i] - '0');
                }
                out.sql.push_back(sql[i++]);
            }
            if (number > out.count) out.count = number;
            if (number >= 1 && number <= k_most_numbered) {
                if (out.used.size() < static_cast<std::size_t>(number)) {
                    out.used.resize(static_cast<std::size_t>(number));
                }
                out.used[static_cast<std::size_t>(number - 1)] = true;
            }
        } else {
            out.sql.push_back(c);
            ++i;
        }
    }
    out.used.resize(static_cast<std::size_t>(std::min(out.count, k_most_numbered)));
    return out;
}

}  // namespace redress::storage::postgresql
