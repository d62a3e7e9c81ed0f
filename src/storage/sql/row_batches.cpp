#include "storage/sql/row_batches.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <iterator>

namespace redress::storage::sql {

RowBatch::RowBatch(Connection& connection, const BatchedStatement& statement)
    : m_connection(connection),
      m_shape(statement),
      m_columns(
          static_cast<std::size_t>(std::count(statement.row.begin(), statement.row.end(), '?'))) {}

RowBatch& RowBatch::add(std::int64_t value) {
    m_values.emplace_back(value);
    return *this;
}

RowBatch& RowBatch::add(std::string_view text) {
    m_values.emplace_back(std::string(text));
    return *this;
}

RowBatch& RowBatch::add(std::span<const std::uint8_t> blob) {
    m_values.emplace_back(std::vector<std::uint8_t>(blob.begin(), blob.end()));
    return *this;
}

util::Expected<Statement*> RowBatch::statement(std::size_t rows) {
    auto& statement = m_statements[rows];
    if (!statement) {
        std::string sql(m_shape.before);
        auto out = std::back_inserter(sql);
        int parameter = 0;
        for (std::size_t row = 0; row < rows; ++row) {
            if (row > 0) sql += ", ";
            for (const char c : m_shape.row) {
                if (c == '?') {
                    fmt::format_to(out, "?{}", ++parameter);
                } else {
                    sql.push_back(c);
                }
            }
        }
        sql += m_shape.after;
        auto prepared = m_connection.prepare(sql);
        if (!prepared) return std::unexpected(prepared.error());
        statement = std::move(*prepared);
    }
    return statement.get();
}

util::Expected<void> RowBatch::flush() {
    if (m_columns == 0 || m_values.size() % m_columns != 0) {
        return util::fail(util::ErrorCode::internal,
                          fmt::format("a row for \"{}\" is not whole", m_shape.before));
    }
    std::size_t next = 0;
    while (next < m_values.size()) {
        const std::size_t left = (m_values.size() - next) / m_columns;
        const std::size_t rows = std::bit_floor(std::min(left, k_max_rows));
        auto prepared = statement(rows);
        if (!prepared) return std::unexpected(prepared.error());
        auto& statement = **prepared;
        for (std::size_t i = 0; i < rows * m_columns; ++i) {
            const int index = static_cast<int>(i + 1);
            std::visit(
                [&](const auto& value) {
                    using Type = std::decay_t<decltype(value)>;
                    if constexpr (std::is_same_v<Type, std::int64_t>) {
                        statement.bind(index, value);
                    } else if constexpr (std::is_same_v<Type, std::string>) {
                        statement.bind(index, std::string_view(value));
                    } else {
                        statement.bind(index, std::span<const std::uint8_t>(value));
                    }
                },
                m_values[next + i]);
        }
        if (auto sent = statement.send(); !sent) return sent;
        next += rows * m_columns;
    }
    m_values.clear();
    return {};
}

RowBatch& RowBatches::rows(const BatchedStatement& statement) {
    for (auto& [known, batch] : m_batches) {
        if (known == &statement) return *batch;
    }
    m_batches.emplace_back(&statement, std::make_unique<RowBatch>(m_connection, statement));
    return *m_batches.back().second;
}

util::Expected<void> RowBatches::flush() {
    for (auto& [statement, batch] : m_batches) {
        if (batch->empty()) continue;
        if (auto flushed = batch->flush(); !flushed) return flushed;
    }
    return {};
}

void RowBatches::clear() {
    for (auto& [statement, batch] : m_batches) batch->clear();
}

}  // namespace redress::storage::sql
