#include "storage/sql/evidence_records.hpp"

#include <algorithm>
#include <chrono>

namespace redress::storage::sql {

namespace {

constexpr std::string_view k_select_evidence = R"sql(
SELECT e.id, e.stored_name, e.media_type, e.size, e.sha256, e.sealed_name, e.added_at, e.source
FROM complaints AS c JOIN evidence AS e ON e.filing_id = c.filing_id
WHERE c.reference = ?1
ORDER BY e.id
)sql";

constexpr BatchedStatement k_evidence_rows{
    "INSERT INTO evidence (filing_id, stored_name, media_type, size, sha256, sealed_name, "
    "added_at, source) VALUES ",
    "(?, ?, ?, ?, ?, ?, ?, ?)"};

// The complaint's filing and what its files hold so far.
constexpr std::string_view k_select_held = R"sql(
SELECT c.filing_id, count(e.id), coalesce(sum(e.size), 0)
FROM complaints AS c LEFT JOIN evidence AS e ON e.filing_id = c.filing_id
WHERE c.id = ?1
GROUP BY c.filing_id
)sql";

}  // namespace

RowBatch& evidence_rows(RowBatches& batches) {
    return batches.rows(k_evidence_rows);
}

void add_evidence_rows(RowBatch& rows, std::int64_t filing_id,
                       const std::vector<domain::Evidence>& files) {
    for (const auto& file : files) {
        rows.add(filing_id)
            .add(file.stored_name)
            .add(file.media_type)
            .add(static_cast<std::int64_t>(file.size))
            .add(std::span<const std::uint8_t>(file.sha256))
            .add(std::span<const std::uint8_t>(file.sealed_name))
            .add(static_cast<std::int64_t>(file.added_at.time_since_epoch().count()))
            .add(domain::source_name(file.source));
    }
}

util::Expected<bool> add_evidence(WriteContext& context, std::int64_t complaint_id,
                                  const std::vector<domain::Evidence>& files,
                                  const domain::EvidenceLimits& limits,
                                  const domain::AuditEvent& audit) {
    auto held = context.statements.get(k_select_held);
    if (!held) return std::unexpected(held.error());
    auto& select = **held;
    select.bind(1, complaint_id);
    auto found = select.step();
    std::int64_t filing_id = 0, count = 0, bytes = 0;
    if (found && *found) {
        filing_id = select.column_int(0);
        count = select.column_int(1);
        bytes = select.column_int(2);
    }
    select.reset();
    if (!found) return std::unexpected(found.error());
    if (!*found) return util::fail(util::ErrorCode::not_found, "no such complaint");
    std::uint64_t adding = 0;
    for (const auto& file : files) adding += file.size;
    if (static_cast<std::size_t>(count) + files.size() > limits.max_files ||
        static_cast<std::uint64_t>(bytes) + adding > limits.max_total_bytes) {
        return util::fail(util::ErrorCode::conflict, "the complaint holds all the files it may");
    }
    // Written at the end of the job, inside its savepoint (group_commit.cpp).
    add_evidence_rows(evidence_rows(context.batches), filing_id, files);
    if (auto entry = context.audit.append(audit); !entry) return std::unexpected(entry.error());
    return true;
}

util::Expected<std::vector<domain::Evidence>> read_evidence(ReadContext& context,
                                                            const std::string& reference) {
    auto statement = context.statements.get(k_select_evidence);
    if (!statement) return std::unexpected(statement.error());
    auto& rows = **statement;
    rows.bind(1, reference);
    std::vector<domain::Evidence> files;
    util::Expected<bool> row;
    while ((row = rows.step()) && *row) {
        domain::Evidence file;
        file.id = rows.column_int(0);
        file.stored_name = rows.column_text(1);
        file.media_type = rows.column_text(2);
        file.size = static_cast<std::uint64_t>(rows.column_int(3));
        const auto digest = rows.column_blob(4);
        const auto sealed = rows.column_blob(5);
        file.added_at = domain::Timestamp(std::chrono::seconds(rows.column_int(6)));
        const auto source = domain::parse_source(rows.column_text(7));
        if (digest.size() != file.sha256.size() || !source) {
            rows.reset();
            return util::fail(util::ErrorCode::internal, "an evidence record is unreadable");
        }
        std::copy(digest.begin(), digest.end(), file.sha256.begin());
        file.sealed_name.assign(sealed.begin(), sealed.end());
        file.source = *source;
        files.push_back(std::move(file));
    }
    rows.reset();
    if (!row) return std::unexpected(row.error());
    return files;
}

}  // namespace redress::storage::sql
