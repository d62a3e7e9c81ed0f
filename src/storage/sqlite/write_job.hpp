#pragma once
// A unit of writing of any kind (a filing, a staff account, a triage decision...), run by
// the one writer thread inside a transaction shared with every other job waiting, so that
// they share one fsync. Each job runs in a savepoint of its own: a job that fails is rolled
// back alone and the rest of its batch still commits.

#include <memory>
#include <optional>
#include <utility>

#include "storage/sqlite/audit_writer.hpp"
#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/filing_writer.hpp"
#include "storage/sqlite/statement_cache.hpp"
#include "util/error.hpp"

namespace redress::storage::sqlite {

// What a job may use while it writes; all of it belongs to the writer thread.
struct WriteContext {
    Connection& connection;
    StatementCache& statements;
    FilingWriter& filings;
    AuditWriter& audit;
};

class WriteJob {
  public:
    virtual ~WriteJob() = default;

    // Writes inside the open transaction. An error rolls back this job's changes only.
    virtual util::Expected<void> write(WriteContext& context) = 0;
    // Runs once, on the writer thread, after the transaction committed or failed (or
    // after write() failed): hands the outcome on. It must not block.
    virtual void finish(util::Expected<void> committed) = 0;
};

// A job from a function that writes and returns a result, and the completion that gets
// that result once it is durable (or the error).
template <typename Result, typename Write, typename Done>
class FunctionJob final : public WriteJob {
  public:
    FunctionJob(Write write, Done done) : m_write(std::move(write)), m_done(std::move(done)) {}

    util::Expected<void> write(WriteContext& context) override {
        auto written = m_write(context);
        if (!written) return std::unexpected(written.error());
        m_result.emplace(std::move(*written));
        return {};
    }

    void finish(util::Expected<void> committed) override {
        if (!committed) return m_done(std::unexpected(committed.error()));
        m_done(util::Expected<Result>(std::move(*m_result)));
    }

  private:
    Write m_write;
    Done m_done;
    std::optional<Result> m_result;
};

// `write` is util::Expected<Result>(WriteContext&); `done` takes util::Expected<Result>.
template <typename Result, typename Write, typename Done>
std::unique_ptr<WriteJob> make_write_job(Write write, Done done) {
    return std::make_unique<FunctionJob<Result, Write, Done>>(std::move(write), std::move(done));
}

}  // namespace redress::storage::sqlite
