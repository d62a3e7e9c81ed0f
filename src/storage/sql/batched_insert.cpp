#include "storage/sql/batched_insert.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bit>

namespace redress::storage::sql {

BatchedInsert& BatchedInsert::add(std::int64_t value) {
    m_values.emplace_back(value);
    return *this;
}

BatchedInsert& BatchedInsert::add(std::string_view text) {
    m_values.emplace_back(std::string(text));
    return *this;
}

BatchedInsert& BatchedInsert::add(std::span<const std::uint8_t> blob) {
    m_values.emplace_back(std::vector<std::uint8_t>(blob.begin(), blob.end()));
    return *this;
}

BatchedInsert& BatchedInsert::add_null() {
    m_values.emplace_back(std::monostate{});
    return *this;
}

util::Expected<Statement*> BatchedInsert::statement(std::size_t rows) {
    auto& statement = m_statements[rows];
    if (!statement) {
        std::string sql = fmt::format("INSERT INTO {} VALUES ", m_table.into);
        int parameter = 0;
        for (std::size_t row = 0; row < rows; ++row) {
            sql += row == 0 ? "(" : ", (";
            for (int column = 0; column < m_table.columns; ++column) {
                fmt::format_to(std::back_inserter(sql), "{}?{}", column == 0 ? "" : ", ",
                               ++parameter);
            }
            sql += ")";
        }
        if (!m_table.tail.empty()) fmt::format_to(std::back_inserter(sql), " {}", m_table.tail);
        auto prepared = m_connection.prepare(sql);
        if (!prepared) return std::unexpected(prepared.error());
        statement = std::move(*prepared);
    }
    return statement.get();
}

util::Expected<void> BatchedInsert::flush() {
    const auto columns = static_cast<std::size_t>(m_table.columns);
    if (columns == 0 || m_values.size() % columns != 0) {
        return util::fail(util::ErrorCode::internal,
                          fmt::format("a row for {} is not whole", m_table.into));
    }
    std::size_t next = 0;
    while (next < m_values.size()) {
        const std::size_t left = (m_values.size() - next) / columns;
        const std::size_t rows = std::bit_floor(std::min(left, k_max_rows));
        auto insert = statement(rows);
        if (!insert) return std::unexpected(insert.error());
        auto& statement = **insert;
        for (std::size_t i = 0; i < rows * columns; ++i) {
            const int index = static_cast<int>(i + 1);
            const auto& value = m_values[next + i];
            if (const auto* integer = std::get_if<std::int64_t>(&value)) {
                statement.bind(index, *integer);
            } else if (const auto* text = std::get_if<std::string>(&value)) {
                statement.bind(index, std::string_view(*text));
            } else if (const auto* blob = std::get_if<std::vector<std::uint8_t>>(&value)) {
                statement.bind(index, std::span<const std::uint8_t>(*blob));
            }  // else unbound: NULL
        }
        if (auto sent = statement.send(); !sent) return sent;
        next += rows * columns;
    }
    m_values.clear();
    return {};
}

BatchedInsert& InsertBatches::rows(const BatchedTable& table) {
    for (auto& [known, batch] : m_tables) {
        if (known == &table) return *batch;
    }
    m_tables.emplace_back(&table, std::make_unique<BatchedInsert>(m_connection, table));
    return *m_tables.back().second;
}

util::Expected<void> InsertBatches::flush() {
    for (auto& [table, batch] : m_tables) {
        if (batch->empty()) continue;
        if (auto flushed = batch->flush(); !flushed) return flushed;
    }
    return {};
}

void InsertBatches::clear() {
    for (auto& [table, batch] : m_tables) batch->clear();
}

}  // namespace redress::storage::sql
