#include "storage/sql/connection.hpp"

namespace redress::storage::sql {

util::Expected<void> Statement::run() {
    auto stepped = step();
    reset();
    if (!stepped) return std::unexpected(std::move(stepped.error()));
    return {};
}

util::Expected<std::string> Connection::query_text(std::string_view sql) {
    auto statement = prepare(sql);
    if (!statement) return std::unexpected(std::move(statement.error()));
    auto row = (*statement)->step();
    if (!row) return std::unexpected(std::move(row.error()));
    if (!*row) return std::string();
    return std::string((*statement)->column_text(0));
}

}  // namespace redress::storage::sql
