#include "storage/sqlite/connection.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <cstdlib>
#include <mutex>
#include <utility>

#include "storage/sqlite/mapped_reads.hpp"
#include "storage/sqlite/wal_writes.hpp"

namespace redress::storage::sqlite {

namespace {

// How long a connection waits for another one's lock before reporting the database busy.
constexpr int k_busy_timeout_ms = 5000;

util::Error error_of(sqlite3* db, std::string_view what) {
    // A broken constraint is the caller's conflict (a name taken, a row already there);
    // everything else is the database failing.
    const bool constraint = (sqlite3_errcode(db) & 0xff) == SQLITE_CONSTRAINT;
    return util::Error{constraint ? util::ErrorCode::conflict : util::ErrorCode::unavailable,
                       fmt::format("sqlite: {}: {}", what, sqlite3_errmsg(db))};
}

// SQLite's process-wide settings, made before it first starts. Its count of the memory it
// holds (kept for sqlite3_memory_used, which redress never asks) takes one lock shared by
// every connection on each allocation: a lock the readers, the writer and the connections
// would take in turn thousands of times a second, for a figure no one reads.
void configure_sqlite() {
    static std::once_flag configured;
    std::call_once(configured, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

}  // namespace

Statement::~Statement() {
    sqlite3_finalize(m_statement);
}

void Statement::note_bind(int result) {
    if (result != SQLITE_OK && m_bind_error == 0) m_bind_error = result;
}

Statement& Statement::bind(int index, std::int64_t value) {
    note_bind(sqlite3_bind_int64(m_statement, index, value));
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    // A null pointer would bind SQL NULL; an empty string must stay an empty string.
    const char* data = text.data() != nullptr ? text.data() : "";
    note_bind(
        sqlite3_bind_text64(m_statement, index, data, text.size(), SQLITE_STATIC, SQLITE_UTF8));
    return *this;
}

Statement& Statement::bind(int index, std::span<const std::uint8_t> blob) {
    if (blob.empty()) {
        note_bind(sqlite3_bind_zeroblob(m_statement, index, 0));
    } else {
        note_bind(sqlite3_bind_blob64(m_statement, index, blob.data(), blob.size(), SQLITE_STATIC));
    }
    return *this;
}

util::Expected<bool> Statement::step() {
    sqlite3* db = sqlite3_db_handle(m_statement);
    if (m_bind_error != 0) {
        return util::fail(util::ErrorCode::internal,
                          fmt::format("sqlite: bind: {}", sqlite3_errstr(m_bind_error)));
    }
    const int result = sqlite3_step(m_statement);
    if (result == SQLITE_ROW) return true;
    if (result == SQLITE_DONE) return false;
    return std::unexpected(error_of(db, "step"));
}

void Statement::reset() {
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    m_bind_error = 0;
}

int Statement::column_count() const {
    return sqlite3_column_count(m_statement);
}

std::int64_t Statement::column_int(int column) const {
    return sqlite3_column_int64(m_statement, column);
}

std::string_view Statement::column_text(int column) const {
    const auto* text = sqlite3_column_text(m_statement, column);
    const auto size = static_cast<std::size_t>(sqlite3_column_bytes(m_statement, column));
    if (text == nullptr) return {};
    return {reinterpret_cast<const char*>(text), size};
}

bool Statement::column_is_null(int column) const {
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

std::span<const std::uint8_t> Statement::column_blob(int column) const {
    const auto* blob = static_cast<const std::uint8_t*>(sqlite3_column_blob(m_statement, column));
    const auto size = static_cast<std::size_t>(sqlite3_column_bytes(m_statement, column));
    if (blob == nullptr) return {};
    return {blob, size};
}

util::Expected<std::unique_ptr<Connection>> Connection::open(const std::filesystem::path& path,
                                                             Access access) {
    configure_sqlite();
    // NOMUTEX: each connection is used by one thread at a time, so SQLite's own per-call
    // locking would only cost time.
    int flags = SQLITE_OPEN_NOMUTEX;
    flags |= access == Access::read_only ? SQLITE_OPEN_READONLY
                                         : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    // A connection that writes gathers its -wal appends into one write per commit; one that
    // reads uses the process's one mapping of the database file.
    const char* vfs = access == Access::read_only ? mapped_reads_vfs() : wal_gathering_vfs();
    sqlite3* db = nullptr;
    const int result = sqlite3_open_v2(path.c_str(), &db, flags, vfs);
    std::unique_ptr<Connection> connection(new Connection(db));  // closes it on every path
    if (result != SQLITE_OK) {
        if (db == nullptr) return util::fail(util::ErrorCode::unavailable, "sqlite: out of memory");
        return std::unexpected(error_of(db, "open"));
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, k_busy_timeout_ms);
    return connection;
}

Connection::~Connection() {
    m_begin_reading.reset();
    m_end_reading.reset();
    sqlite3_close_v2(m_db);
}

util::Expected<void> Connection::execute(std::string_view sql) {
    const std::string script(sql);  // sqlite3_exec wants a terminated string
    if (sqlite3_exec(m_db, script.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
        return std::unexpected(error_of(m_db, "execute"));
    }
    return {};
}

util::Expected<std::unique_ptr<sql::Statement>> Connection::prepare(std::string_view sql) {
    sqlite3_stmt* statement = nullptr;
    const int result = sqlite3_prepare_v3(m_db, sql.data(), static_cast<int>(sql.size()),
                                          SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
    if (result != SQLITE_OK) {
        sqlite3_finalize(statement);
        return std::unexpected(error_of(m_db, "prepare"));
    }
    return std::make_unique<Statement>(statement);
}

util::Expected<void> Connection::begin_writing() {
    return execute("BEGIN IMMEDIATE");
}

util::Expected<void> Connection::begin_reading() {
    if (!m_begin_reading) {
        auto begin = prepare("BEGIN");
        if (!begin) return std::unexpected(begin.error());
        auto end = prepare("COMMIT");
        if (!end) return std::unexpected(end.error());
        m_begin_reading.reset(static_cast<Statement*>(begin->release()));
        m_end_reading.reset(static_cast<Statement*>(end->release()));
    }
    return m_begin_reading->run();
}

void Connection::end_reading() {
    // A read that failed may have ended the transaction already (SQLite rolls back on some
    // errors); then there is nothing to end.
    if (!in_transaction()) return;
    if (!m_end_reading->run()) (void)execute("ROLLBACK");
}

std::int64_t Connection::changes() const {
    return sqlite3_changes64(m_db);
}

bool Connection::in_transaction() const {
    return sqlite3_get_autocommit(m_db) == 0;
}

int Connection::count_frames(void* connection, sqlite3*, const char*, int frames) {
    static_cast<Connection*>(connection)->m_wal_frames = frames;
    return SQLITE_OK;
}

void Connection::defer_checkpoints() {
    // The threshold SQLite's own hook would use (0 or less: never), read before this hook
    // takes that one's place.
    auto threshold = query_text("PRAGMA wal_autocheckpoint");
    m_checkpoint_frames = threshold ? std::atoi(threshold->c_str()) : 0;
    if (m_checkpoint_frames <= 0) return;
    sqlite3_wal_hook(m_db, &Connection::count_frames, this);
}

util::Expected<void> Connection::checkpoint_when_due() {
    if (m_checkpoint_frames <= 0 || m_wal_frames < m_checkpoint_frames) return {};
    m_wal_frames = 0;
    if (sqlite3_wal_checkpoint_v2(m_db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr) !=
        SQLITE_OK) {
        return std::unexpected(error_of(m_db, "checkpoint"));
    }
    return {};
}

}  // namespace redress::storage::sqlite
