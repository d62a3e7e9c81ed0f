#pragma once
// Read-only connections, each owned by a thread of its own, taking reads of any kind from
// one queue. Callers never wait for a read: they queue it and hear back on the reading
// thread. In WAL mode readers never wait for the writer.

#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/statement_cache.hpp"
#include "util/error.hpp"

namespace redress::storage::sqlite {

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
    // Opens `size` read-only connections to an existing database, each mapping the first
    // `map_bytes` of the file, and starts their threads.
    static util::Expected<std::unique_ptr<ReadPool>> open(const std::filesystem::path& path,
                                                          std::size_t size, std::size_t map_bytes);
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
        explicit Reader(Connection opened)
            : connection(std::move(opened)), statements(connection) {}
        Connection connection;
        StatementCache statements;
    };

    ReadPool(std::vector<std::unique_ptr<Reader>> readers, Connection ping_connection,
             Statement ping);
    void run(Reader& reader);

    std::vector<std::unique_ptr<Reader>> m_readers;
    std::mutex m_ping_mutex;
    Connection m_ping_connection;
    Statement m_ping;

    std::mutex m_mutex;
    std::condition_variable m_queued;
    std::deque<ReadJob> m_queue;
    std::size_t m_sleeping = 0;  // readers waiting and not yet woken
    std::size_t m_wakes = 0;     // wakes given and not yet taken
    bool m_stopping = false;
    std::vector<std::jthread> m_threads;  // last: joined before the rest is destroyed
};

}  // namespace redress::storage::sqlite
