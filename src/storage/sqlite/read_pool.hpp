#pragma once
// Read-only connections, each owned by a thread of its own, taking look-ups from one
// queue. Callers never wait for a read: they queue it and hear back on the reading
// thread. In WAL mode readers never wait for the writer.

#include <condition_variable>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "storage/sqlite/connection.hpp"
#include "storage/store.hpp"
#include "util/error.hpp"

namespace redress::storage::sqlite {

class ReadPool {
  public:
    // Opens `size` read-only connections to an existing database, each mapping the first
    // `map_bytes` of the file, and starts their threads.
    static util::Expected<std::unique_ptr<ReadPool>> open(const std::filesystem::path& path,
                                                          std::size_t size,
                                                          std::size_t map_bytes);
    // Answers every queued look-up, then joins the threads.
    ~ReadPool();
    ReadPool(const ReadPool&) = delete;
    ReadPool& operator=(const ReadPool&) = delete;

    // Queues a look-up of the complaint with exactly this reference and its timeline,
    // oldest first; `done` runs on a reading thread.
    void find_complaint(std::string reference, FindDone done);

    // Whether a trivial query succeeds, on a connection kept for this alone.
    bool healthy();

  private:
    struct Reader {
        Connection connection;
        Statement find_complaint;
        Statement find_decoy;
    };
    struct Lookup {
        std::string reference;
        FindDone done;
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
    std::deque<Lookup> m_queue;
    std::size_t m_sleeping = 0;  // readers waiting and not yet woken
    std::size_t m_wakes = 0;     // wakes given and not yet taken
    bool m_stopping = false;
    std::vector<std::jthread> m_threads;  // last: joined before the rest is destroyed
};

}  // namespace redress::storage::sqlite
