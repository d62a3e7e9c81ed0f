#include "storage/postgresql/connection.hpp"

#include <fmt/format.h>
#include <libpq-fe.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <limits>
#include <map>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "storage/postgresql/numbered_parameters.hpp"

namespace redress::storage::postgresql {

namespace {

// Type OIDs, fixed in PostgreSQL's catalogue (pg_type.dat).
constexpr Oid k_bool = 16;
constexpr Oid k_bytea = 17;
constexpr Oid k_int8 = 20;
constexpr Oid k_text = 25;
// What one Bind message can carry.
constexpr int k_max_parameters = 65535;
// A non-null pointer for an empty blob: libpq reads a null value pointer as SQL NULL.
constexpr char k_empty[] = "";
// Statements sent ahead before the connection waits for their outcomes anyway: the results
// the server holds for us stay small, so that neither side ever blocks writing to the other.
constexpr int k_max_sent_ahead = 128;

struct ResultDeleter {
    void operator()(PGresult* result) const { PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

// libpq's own messages end in a newline and may run over several lines; a log line is one.
std::string trimmed(std::string_view text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.remove_suffix(1);
    std::string line(text);
    std::replace(line.begin(), line.end(), '\n', ' ');
    std::replace(line.begin(), line.end(), '\t', ' ');
    return line;
}

// The primary message and SQLSTATE only: PostgreSQL's detail can quote a row's values
// ("Key (x)=(...) already exists"), which must not reach a log.
util::Error error_of(const PGresult* result, PGconn* connection, std::string_view what) {
    const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const char* primary =
        result != nullptr ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    if (state == nullptr || primary == nullptr) {
        // Not the server's error but libpq's own (the connection lost, out of memory).
        const char* own = result != nullptr ? PQresultErrorMessage(result) : "";
        if (*own == '\0') own = PQerrorMessage(connection);
        return util::Error{util::ErrorCode::unavailable,
                           fmt::format("postgresql: {}: {}", what, trimmed(own))};
    }
    // A broken constraint is the caller's conflict (a name taken, a row already there);
    // everything else is the database failing.
    const bool constraint = std::string_view(state).starts_with("23");
    return util::Error{constraint ? util::ErrorCode::conflict : util::ErrorCode::unavailable,
                       fmt::format("postgresql: {}: {} (SQLSTATE {})", what, primary, state)};
}

bool starts_with_word(std::string_view sql, std::string_view word) {
    const auto start = sql.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos || sql.size() - start < word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
        const char c = sql[start + i];
        if ((c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c) != word[i]) return false;
    }
    const auto after = start + word.size();
    return after == sql.size() ||
           !(std::isalnum(static_cast<unsigned char>(sql[after])) != 0 || sql[after] == '_');
}

// PostgreSQL ends a failed transaction's COMMIT with ROLLBACK and no error; SQLite's COMMIT
// either commits or fails, and the record code counts on that.
bool commit_rolled_back(std::string_view sql, const PGresult* result) {
    return std::string_view(PQcmdStatus(const_cast<PGresult*>(result))) == "ROLLBACK" &&
           (starts_with_word(sql, "COMMIT") || starts_with_word(sql, "END"));
}

bool succeeded(const PGresult* result) {
    const auto status = PQresultStatus(result);
    return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

std::int64_t integer_of(std::string_view text) {
    std::int64_t value = 0;
    // A numeric's fraction (sum() of bigint is numeric) is cut off, as SQLite casts.
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string percent_decoded(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && hex_digit(text[i + 1]) >= 0 &&
            hex_digit(text[i + 2]) >= 0) {
            out.push_back(static_cast<char>(hex_digit(text[i + 1]) * 16 + hex_digit(text[i + 2])));
            i += 2;
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

struct UrlParts {
    std::string redacted;
    std::vector<std::string> passwords;  // as written and percent-decoded
};

UrlParts parts_of(std::string_view url) {
    UrlParts parts;
    const auto scheme_end = url.find("://");
    if (scheme_end == std::string_view::npos) {
        parts.redacted = url;
        return parts;
    }
    const auto start = scheme_end + 3;
    const auto query = std::min(url.find('?', start), url.size());
    // The last '@' before the query ends the user information, whatever a careless password
    // holds: cutting too much is safe, too little is not.
    const auto at = url.substr(0, query).rfind('@');
    std::string head(url.substr(0, query));
    if (at != std::string_view::npos && at >= start) {
        const auto userinfo = url.substr(start, at - start);
        const auto colon = userinfo.find(':');
        if (colon != std::string_view::npos) {
            parts.passwords.emplace_back(userinfo.substr(colon + 1));
            head = fmt::format("{}{}{}", url.substr(0, start), userinfo.substr(0, colon),
                               url.substr(at, query - at));
        }
    }
    parts.redacted = head;
    if (query < url.size()) {
        std::string kept;
        auto rest = url.substr(query + 1);
        while (true) {
            const auto amp = rest.find('&');
            const auto item = rest.substr(0, amp);
            const auto equals = item.find('=');
            if (percent_decoded(item.substr(0, equals)) == "password") {
                if (equals != std::string_view::npos) {
                    parts.passwords.emplace_back(item.substr(equals + 1));
                }
            } else if (!item.empty()) {
                kept += kept.empty() ? "?" : "&";
                kept += item;
            }
            if (amp == std::string_view::npos) break;
            rest.remove_prefix(amp + 1);
        }
        parts.redacted += kept;
    }
    const auto written = parts.passwords.size();
    for (std::size_t i = 0; i < written; ++i) {
        parts.passwords.push_back(percent_decoded(parts.passwords[i]));
    }
    std::erase(parts.passwords, std::string());
    return parts;
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
    if (from.empty()) return;
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
}

class PgConnection;

// A statement of PgConnection; see connection.hpp for how it is prepared and read.
class PgStatement final : public sql::Statement {
  public:
    PgStatement(PgConnection& connection, NumberedParameters numbered)
        : m_connection(connection),
          m_sql(std::move(numbered.sql)),
          m_parameters(static_cast<std::size_t>(numbered.count)),
          m_used(std::move(numbered.used)) {}

    Statement& bind(int index, std::int64_t value) override;
    Statement& bind(int index, std::string_view text) override;
    Statement& bind(int index, std::span<const std::uint8_t> blob) override;
    util::Expected<bool> step() override;
    void reset() override;
    util::Expected<void> send() override;

    int column_count() const override;
    std::int64_t column_int(int column) const override;
    std::string_view column_text(int column) const override;
    std::span<const std::uint8_t> column_blob(int column) const override;
    bool column_is_null(int column) const override;

  private:
    struct Parameter {
        Oid type = 0;  // 0: unbound, sent as NULL of a type the server infers
        // An integer (decimal) or text, copied: libpq reads text-format values up to a NUL.
        std::string text;
        std::span<const std::uint8_t> blob;  // not copied; sent in binary format
    };

    // What one execution sends: the prepared statement's name and its parameters as libpq
    // takes them, pointing into m_parameters.
    struct Execution {
        std::string name;
        std::vector<const char*> values;
        std::vector<int> lengths;
        std::vector<int> formats;
    };

    Parameter* parameter(int index);
    void fail_bind(util::ErrorCode code, std::string message);
    util::Expected<Execution> execution();
    util::Expected<void> execute();
    bool readable(int column) const;

    PgConnection& m_connection;
    std::string m_sql;  // with $N parameters
    std::vector<Parameter> m_parameters;
    std::vector<bool> m_used;  // whether the SQL names each parameter
    // The first failure since the last reset (a bind, or the execution), which every step
    // reports until then.
    std::optional<util::Error> m_error;
    Result m_result;
    bool m_executed = false;
    int m_row = -1;
    // column_blob's decoded bytea of the current row, one buffer per column, so that each
    // span stays valid until the next step.
    mutable std::vector<std::vector<std::uint8_t>> m_blobs;
    mutable std::vector<bool> m_blob_decoded;
};

class PgConnection final : public sql::Connection {
  public:
    PgConnection(PGconn* connection, sql::Access access)
        : m_connection(connection), m_access(access) {}
    ~PgConnection() override { PQfinish(m_connection); }

    util::Expected<void> execute(std::string_view sql) override;
    util::Expected<std::unique_ptr<sql::Statement>> prepare(std::string_view sql) override;
    util::Expected<void> begin_writing() override;
    util::Expected<void> settle() override;
    std::int64_t changes() const override { return m_changes; }
    bool in_transaction() const override {
        return PQtransactionStatus(m_connection) != PQTRANS_IDLE;
    }

    // Ready for a command: a lost connection is reset (once per call) and set up again.
    util::Expected<void> usable();
    PGconn* handle() const { return m_connection; }
    // The name of `sql` prepared on the server for parameters of `types`, prepared now if it
    // is not yet in this session.
    util::Expected<std::string> prepared_name(const std::string& sql,
                                              const std::vector<Oid>& types);
    // Keeps the rows an INSERT, UPDATE or DELETE changed, for changes().
    void note_result(const PGresult* result);
    // Runs a prepared statement and gives its result, after every statement sent ahead (whose
    // first failure it reports instead).
    util::Expected<Result> run_prepared(const std::string& name, int count,
                                        const char* const* values, const int* lengths,
                                        const int* formats);
    // Sends a prepared statement ahead, inside a transaction; sent: true. false: nothing was
    // sent, since no transaction is open (the caller runs it instead).
    util::Expected<bool> send_prepared(const std::string& name, int count,
                                       const char* const* values, const int* lengths,
                                       const int* formats);

  private:
    util::Expected<Result> run(std::string_view sql, std::string_view what);
    // Ends the pipeline of statements sent ahead: waits for each, and gives the last one's
    // result when `last_wanted`, or the first failure.
    util::Expected<Result> collect(bool last_wanted);

    PGconn* m_connection;
    sql::Access m_access;
    bool m_set_up = false;
    // The statements prepared in this session, by text and parameter types ('i', 't', 'b'
    // or 'n' for NULL each): every statement object of the same text shares them, so that
    // one made for a single query (Connection::query_text) prepares nothing new the next
    // time. The record code's texts are constants, so this stays small; the server forgets
    // them with the session, and so does this map on a reset.
    std::map<std::string, std::string> m_prepared;
    std::uint64_t m_statements = 0;
    std::int64_t m_changes = 0;
    // Statements sent ahead in pipeline mode and not yet waited for (0: not in pipeline mode).
    int m_sent = 0;
};

// --- PgConnection ---

util::Expected<void> PgConnection::usable() {
    if (PQstatus(m_connection) == CONNECTION_BAD) {
        m_sent = 0;  // the reset ends the pipeline with the session
        PQreset(m_connection);
        if (PQstatus(m_connection) != CONNECTION_OK) {
            return util::fail(
                util::ErrorCode::unavailable,
                fmt::format("postgresql: reconnect: {}", trimmed(PQerrorMessage(m_connection))));
        }
        m_prepared.clear();
        m_set_up = false;
    }
    if (!m_set_up) {
        // client_encoding is a connection parameter (it survives a reset by itself); these
        // are set in each session. bytea as hex is what column_blob decodes.
        // A writer that stalls inside its transaction (its machine frozen, its process
        // stopped) would hold the write lock every node waits for: the server ends such a
        // transaction after a minute without a statement. Writers never wait between
        // statements (write jobs do not block).
        const char* settings = m_access == sql::Access::read_only
                                   ? "SET bytea_output = 'hex'; "
                                     "SET default_transaction_read_only = on"
                                   : "SET bytea_output = 'hex'; "
                                     "SET idle_in_transaction_session_timeout = '60s'";
        const Result result{PQexec(m_connection, settings)};
        if (!succeeded(result.get())) {
            return std::unexpected(error_of(result.get(), m_connection, "set up session"));
        }
        m_set_up = true;
    }
    return {};
}

void PgConnection::note_result(const PGresult* result) {
    auto* mutable_result = const_cast<PGresult*>(result);
    const std::string_view command = PQcmdStatus(mutable_result);
    if (command.starts_with("INSERT ") || command.starts_with("UPDATE ") ||
        command.starts_with("DELETE ") || command.starts_with("MERGE ")) {
        m_changes = integer_of(PQcmdTuples(mutable_result));
    }
}

util::Expected<Result> PgConnection::run(std::string_view sql, std::string_view what) {
    if (auto settled = settle(); !settled) return std::unexpected(std::move(settled.error()));
    if (auto ready = usable(); !ready) return std::unexpected(std::move(ready.error()));
    const std::string text(sql);
    Result result{PQexec(m_connection, text.c_str())};
    if (!succeeded(result.get())) {
        return std::unexpected(error_of(result.get(), m_connection, what));
    }
    if (commit_rolled_back(sql, result.get())) {
        return util::fail(util::ErrorCode::unavailable,
                          fmt::format("postgresql: {}: the transaction had failed and was rolled "
                                      "back",
                                      what));
    }
    note_result(result.get());
    return result;
}

util::Expected<void> PgConnection::execute(std::string_view sql) {
    auto result = run(sql, "execute");
    if (!result) return std::unexpected(std::move(result.error()));
    return {};
}

util::Expected<std::unique_ptr<sql::Statement>> PgConnection::prepare(std::string_view sql) {
    auto numbered = numbered_parameters(sql);
    if (numbered.count > k_max_parameters) {
        return util::fail(util::ErrorCode::invalid_input,
                          fmt::format("postgresql: prepare: ?{} is past the {} parameters a "
                                      "statement may have",
                                      numbered.count, k_max_parameters));
    }
    return std::make_unique<PgStatement>(*this, std::move(numbered));
}

util::Expected<void> PgConnection::begin_writing() {
    if (auto ready = usable(); !ready) return std::unexpected(std::move(ready.error()));
    if (in_transaction()) {
        // PostgreSQL would only warn and carry on inside the open transaction.
        return util::fail(util::ErrorCode::internal,
                          "postgresql: begin_writing: a transaction is already open");
    }
    if (auto begun = run("BEGIN", "begin_writing"); !begun) {
        return std::unexpected(std::move(begun.error()));
    }
    auto locked =
        run(fmt::format("SELECT pg_advisory_xact_lock({})", k_write_lock_key), "begin_writing");
    if (!locked) {
        const Result rolled_back{PQexec(m_connection, "ROLLBACK")};
        return std::unexpected(std::move(locked.error()));
    }
    return {};
}

util::Expected<std::string> PgConnection::prepared_name(const std::string& sql,
                                                        const std::vector<Oid>& types) {
    std::string key = sql;
    key.push_back('\0');
    for (const Oid type : types) {
        key.push_back(type == k_int8 ? 'i' : type == k_text ? 't' : type == k_bytea ? 'b' : 'n');
    }
    if (const auto found = m_prepared.find(key); found != m_prepared.end()) return found->second;
    // Prepared outside the pipeline, once per session: statements sent ahead go first.
    if (auto settled = settle(); !settled) return std::unexpected(std::move(settled.error()));
    auto name = fmt::format("redress_{}", ++m_statements);
    const Result result{PQprepare(m_connection, name.c_str(), sql.c_str(),
                                  static_cast<int>(types.size()), types.data())};
    if (!succeeded(result.get())) {
        return std::unexpected(error_of(result.get(), m_connection, "prepare"));
    }
    m_prepared.emplace(std::move(key), name);
    return name;
}

util::Expected<void> PgConnection::settle() {
    if (m_sent == 0) return {};
    auto collected = collect(false);
    if (!collected) return std::unexpected(std::move(collected.error()));
    return {};
}

util::Expected<Result> PgConnection::collect(bool last_wanted) {
    const int sent = std::exchange(m_sent, 0);
    if (PQpipelineSync(m_connection) != 1) {
        return std::unexpected(error_of(nullptr, m_connection, "send"));
    }
    std::optional<util::Error> failure;
    Result wanted;
    for (int i = 0; i < sent; ++i) {
        Result result{PQgetResult(m_connection)};
        if (result == nullptr) {
            // The connection is lost; usable() resets it, which ends the pipeline too.
            return std::unexpected(failure ? *failure : error_of(nullptr, m_connection, "send"));
        }
        // The null result that ends each statement's results.
        while (PGresult* more = PQgetResult(m_connection)) PQclear(more);
        const auto status = PQresultStatus(result.get());
        if (status == PGRES_PIPELINE_ABORTED) continue;  // after the failure kept below
        if (!succeeded(result.get())) {
            if (!failure) failure = error_of(result.get(), m_connection, "step");
            continue;
        }
        note_result(result.get());
        if (last_wanted && i == sent - 1) wanted = std::move(result);
    }
    const Result sync{PQgetResult(m_connection)};
    if (sync == nullptr || PQresultStatus(sync.get()) != PGRES_PIPELINE_SYNC ||
        PQexitPipelineMode(m_connection) != 1) {
        return std::unexpected(failure ? *failure : error_of(nullptr, m_connection, "send"));
    }
    if (failure) return std::unexpected(std::move(*failure));
    return wanted;
}

util::Expected<Result> PgConnection::run_prepared(const std::string& name, int count,
                                                  const char* const* values, const int* lengths,
                                                  const int* formats) {
    if (m_sent == 0) {
        Result result{
            PQexecPrepared(m_connection, name.c_str(), count, values, lengths, formats, 0)};
        if (!succeeded(result.get())) {
            return std::unexpected(error_of(result.get(), m_connection, "step"));
        }
        note_result(result.get());
        return result;
    }
    // At the end of the pipeline, awaited with everything sent before it.
    if (PQsendQueryPrepared(m_connection, name.c_str(), count, values, lengths, formats, 0) != 1) {
        (void)collect(false);
        return std::unexpected(error_of(nullptr, m_connection, "step"));
    }
    ++m_sent;
    return collect(true);
}

util::Expected<bool> PgConnection::send_prepared(const std::string& name, int count,
                                                 const char* const* values, const int* lengths,
                                                 const int* formats) {
    if (m_sent == 0) {
        // Outside a transaction, each statement would commit at the pipeline's end instead
        // of its own: it is run, as ever.
        if (PQtransactionStatus(m_connection) != PQTRANS_INTRANS) return false;
        if (PQenterPipelineMode(m_connection) != 1) {
            return std::unexpected(error_of(nullptr, m_connection, "send"));
        }
    }
    if (PQsendQueryPrepared(m_connection, name.c_str(), count, values, lengths, formats, 0) != 1) {
        auto lost = error_of(nullptr, m_connection, "send");
        (void)collect(false);
        return std::unexpected(std::move(lost));
    }
    if (++m_sent >= k_max_sent_ahead) {
        if (auto settled = settle(); !settled) return std::unexpected(settled.error());
    }
    return true;
}

// --- PgStatement ---

PgStatement::Parameter* PgStatement::parameter(int index) {
    if (index < 1 || static_cast<std::size_t>(index) > m_parameters.size()) {
        fail_bind(util::ErrorCode::unavailable,
                  fmt::format("postgresql: bind: the statement has no parameter ?{}", index));
        return nullptr;
    }
    return &m_parameters[static_cast<std::size_t>(index - 1)];
}

void PgStatement::fail_bind(util::ErrorCode code, std::string message) {
    if (!m_error) m_error = util::Error{code, std::move(message)};
}

sql::Statement& PgStatement::bind(int index, std::int64_t value) {
    if (auto* target = parameter(index)) {
        char digits[24];
        const auto written = std::to_chars(std::begin(digits), std::end(digits), value);
        target->type = k_int8;
        target->text.assign(std::begin(digits), written.ptr);
        target->blob = {};
    }
    return *this;
}

sql::Statement& PgStatement::bind(int index, std::string_view text) {
    if (text.find('\0') != std::string_view::npos) {
        // PostgreSQL's text cannot hold it (SQLite's can): refused, never cut short.
        fail_bind(util::ErrorCode::invalid_input,
                  fmt::format("postgresql: bind: the text for ?{} holds a NUL character", index));
        return *this;
    }
    if (auto* target = parameter(index)) {
        target->type = k_text;
        target->text.assign(text);
        target->blob = {};
    }
    return *this;
}

sql::Statement& PgStatement::bind(int index, std::span<const std::uint8_t> blob) {
    if (blob.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
        fail_bind(util::ErrorCode::invalid_input,
                  fmt::format("postgresql: bind: the blob for ?{} is too long", index));
        return *this;
    }
    if (auto* target = parameter(index)) {
        target->type = k_bytea;
        target->text.clear();
        target->blob = blob;
    }
    return *this;
}

util::Expected<PgStatement::Execution> PgStatement::execution() {
    if (auto ready = m_connection.usable(); !ready) return std::unexpected(ready.error());
    std::vector<Oid> types;
    for (std::size_t i = 0; i < m_parameters.size(); ++i) {
        // A number the statement skips has no use to infer a type from: it is given one.
        const bool used = i < m_used.size() && m_used[i];
        types.push_back(m_parameters[i].type == 0 && !used ? k_text : m_parameters[i].type);
    }
    auto name = m_connection.prepared_name(m_sql, types);
    if (!name) return std::unexpected(std::move(name.error()));
    Execution execution{std::move(*name), {}, {}, {}};
    for (const auto& parameter : m_parameters) {
        if (parameter.type == 0) {
            execution.values.push_back(nullptr);
            execution.lengths.push_back(0);
            execution.formats.push_back(0);
        } else if (parameter.type == k_bytea) {
            execution.values.push_back(parameter.blob.empty()
                                           ? k_empty
                                           : reinterpret_cast<const char*>(parameter.blob.data()));
            execution.lengths.push_back(static_cast<int>(parameter.blob.size()));
            execution.formats.push_back(1);
        } else {
            execution.values.push_back(parameter.text.c_str());
            execution.lengths.push_back(0);
            execution.formats.push_back(0);
        }
    }
    return execution;
}

util::Expected<void> PgStatement::execute() {
    auto execution = this->execution();
    if (!execution) return std::unexpected(std::move(execution.error()));
    auto result = m_connection.run_prepared(
        execution->name, static_cast<int>(execution->values.size()), execution->values.data(),
        execution->lengths.data(), execution->formats.data());
    if (!result) return std::unexpected(std::move(result.error()));
    if (commit_rolled_back(m_sql, result->get())) {
        return util::fail(util::ErrorCode::unavailable,
                          "postgresql: step: the transaction had failed and was rolled back");
    }
    m_result = std::move(*result);
    const auto columns = static_cast<std::size_t>(PQnfields(m_result.get()));
    m_blobs.resize(columns);
    m_blob_decoded.assign(columns, false);
    return {};
}

util::Expected<void> PgStatement::send() {
    // A failed bind fails here, as run() would, and nothing is sent.
    if (m_error) {
        auto error = std::move(*m_error);
        reset();
        return std::unexpected(std::move(error));
    }
    auto execution = this->execution();
    if (!execution) {
        reset();
        return std::unexpected(std::move(execution.error()));
    }
    // libpq copies the values into its buffer as it sends.
    auto sent = m_connection.send_prepared(
        execution->name, static_cast<int>(execution->values.size()), execution->values.data(),
        execution->lengths.data(), execution->formats.data());
    if (sent && !*sent) return run();
    reset();
    if (!sent) return std::unexpected(std::move(sent.error()));
    return {};
}

util::Expected<bool> PgStatement::step() {
    if (m_error) return std::unexpected(*m_error);
    if (!m_executed) {
        if (auto executed = execute(); !executed) {
            m_error = executed.error();
            return std::unexpected(std::move(executed.error()));
        }
        m_executed = true;
        m_row = -1;
    }
    const int rows = PQntuples(m_result.get());
    if (m_row < rows) ++m_row;
    std::fill(m_blob_decoded.begin(), m_blob_decoded.end(), false);
    return m_row < rows;
}

void PgStatement::reset() {
    m_result.reset();
    m_executed = false;
    m_row = -1;
    m_error.reset();
    for (auto& parameter : m_parameters) parameter = Parameter{};
}

bool PgStatement::readable(int column) const {
    return m_result != nullptr && m_row >= 0 && m_row < PQntuples(m_result.get()) && column >= 0 &&
           column < PQnfields(m_result.get());
}

bool PgStatement::column_is_null(int column) const {
    return !readable(column) || PQgetisnull(m_result.get(), m_row, column) != 0;
}

int PgStatement::column_count() const {
    return m_result != nullptr ? PQnfields(m_result.get()) : 0;
}

std::int64_t PgStatement::column_int(int column) const {
    if (column_is_null(column)) return 0;
    const std::string_view text = PQgetvalue(m_result.get(), m_row, column);
    if (PQftype(m_result.get(), column) == k_bool) return text == "t" ? 1 : 0;
    return integer_of(text);
}

std::string_view PgStatement::column_text(int column) const {
    if (column_is_null(column)) return {};
    const char* value = PQgetvalue(m_result.get(), m_row, column);
    // As SQLite, which has no boolean: SELECT EXISTS (...) reads "1" or "0".
    if (PQftype(m_result.get(), column) == k_bool) return *value == 't' ? "1" : "0";
    return {value, static_cast<std::size_t>(PQgetlength(m_result.get(), m_row, column))};
}

std::span<const std::uint8_t> PgStatement::column_blob(int column) const {
    if (column_is_null(column)) return {};
    const std::string_view text = column_text(column);
    if (PQftype(m_result.get(), column) != k_bytea) {
        return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
    }
    const auto index = static_cast<std::size_t>(column);
    auto& bytes = m_blobs[index];
    if (!m_blob_decoded[index]) {
        bytes.clear();
        // "\x" then two hex digits a byte (bytea_output = hex, set in every session).
        if (text.starts_with("\\x")) {
            bytes.reserve((text.size() - 2) / 2);
            for (std::size_t i = 2; i + 1 < text.size(); i += 2) {
                bytes.push_back(
                    static_cast<std::uint8_t>(hex_digit(text[i]) * 16 + hex_digit(text[i + 1])));
            }
        }
        m_blob_decoded[index] = true;
    }
    return bytes;
}

}  // namespace

std::string redacted_url(std::string_view url) {
    return parts_of(url).redacted;
}

util::Expected<std::unique_ptr<sql::Connection>> connect(const std::string& url,
                                                         sql::Access access) {
    if (!url.starts_with("postgresql://") && !url.starts_with("postgres://")) {
        return util::fail(util::ErrorCode::invalid_input,
                          "postgresql: connect: the database URL must begin with postgresql://");
    }
    // Later keywords win over the URL's own: the encoding is always UTF-8.
    const char* const keywords[] = {"dbname", "client_encoding", "fallback_application_name",
                                    nullptr};
    const char* const values[] = {url.c_str(), "UTF8", "redress", nullptr};
    PGconn* handle = PQconnectdbParams(keywords, values, 1);
    if (handle == nullptr) {
        return util::fail(util::ErrorCode::unavailable, "postgresql: connect: out of memory");
    }
    if (PQstatus(handle) != CONNECTION_OK) {
        // libpq quotes the URL itself when it cannot parse it.
        const auto parts = parts_of(url);
        std::string reason = trimmed(PQerrorMessage(handle));
        PQfinish(handle);
        replace_all(reason, url, parts.redacted);
        for (const auto& password : parts.passwords) replace_all(reason, password, "***");
        return util::fail(util::ErrorCode::unavailable,
                          fmt::format("postgresql: connect to {}: {}", parts.redacted, reason));
    }
    // libpq prints the server's notices ("table ... does not exist, skipping") on stderr;
    // SQLite says nothing of the kind, and nothing in a log should come from here unasked.
    PQsetNoticeProcessor(
        handle, [](void*, const char*) {}, nullptr);
    auto connection = std::make_unique<PgConnection>(handle, access);
    if (auto ready = connection->usable(); !ready) return std::unexpected(ready.error());
    return std::unique_ptr<sql::Connection>(std::move(connection));
}

}  // namespace redress::storage::postgresql
