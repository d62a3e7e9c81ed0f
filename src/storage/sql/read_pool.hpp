#pragma once
// Read-only connections, each owned by a thread of its own, taking reads of any kind from
// one queue. Callers never wait for a read: they queue it and hear back on the reading
// thread. Readers never wait for the writer (SQLite's WAL; PostgreSQL's snapshots).

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "storage/sql/connection.hpp"
#include "storage/sql/database.hpp"
#include "storage/sql/statement_cache.hpp"
#include "util/error.hpp"

namespace redress::storage::sql {

// What a read may use; all of it belongs to the reading thread that runs it.
struct ReadContext {
    Connection& connection;
    StatementCache& statements;
};

// Runs on a reading thread and hands its answer on itself (it must not block, and should
// only hand the answer on). An exception it throws is logged and dropped.
using ReadJob = std::move_only_function<void(ReadContext&)>;

class ReadPool {
  public:
    // Opens `size` read-only connections to the database and starts their threads.
    static util::Expected<std::unique_ptr<ReadPool>> open(Database& database, std::size_t size);
    // Runs every queued read, then joins the threads.
    ~ReadPool();
    ReadPool(const ReadPool&) = delete;
    ReadPool& operator=(const ReadPool&) = delete;

    // Queues a read.
    void submit(ReadJob job);

    // Whether a trivial query succeeds, on a connection kept for this alone.
    bool healthy();

  private:
    struct Reader {
        explicit Reader(std::unique_ptr<Connection> opened)
            : connection(std::move(opened)), statements(*connection) {}
        std::unique_ptr<Connection> connection;
        StatementCache statements;
    };

    ReadPool(std::vector<std::unique_ptr<Reader>> readers,
             std::unique_ptr<Connection> ping_connection, std::unique_ptr<Statement> ping);
    void run(Reader& reader);

    std::vector<std::unique_ptr<Reader>> m_readers;
    std::mutex m_ping_mutex;
    std::unique_ptr<Connection> m_ping_connection;
    std::unique_ptr<Statement> m_ping;

    std::mutex m_mutex;
    std::condition_variable m_queued;
    std::deque<ReadJob> m_queue;
    std::size_t m_sleeping = 0;  // readers waiting and not yet woken
    std::size_t m_wakes = 0;     // wakes given and not yet taken
    bool m_stopping = false;
    std::vector<std::jthread> m_threads;  // last: joined before the rest is destroyed
};

}  // namespace redress::storage::sql
