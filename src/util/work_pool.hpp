#pragma once
// Heavy work off the I/O threads, on a few threads of its own: password hashes (each
// Argon2id hash holds its memory, 64 MiB by default, while it runs, so how many run at once
// bounds the memory sign-ins take), evidence files sealed and flushed to disk. The queue
// before them is bounded, so that a flood is answered "busy" at once rather than piling up
// work and memory.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace redress::util {

class WorkPool {
  public:
    using Job = std::move_only_function<void()>;

    // `threads` at least 1; `queue` jobs may wait beyond those running. `name` says whose
    // work it is in log lines.
    WorkPool(std::string name, std::size_t threads, std::size_t queue);
    // Runs every queued job, then joins the threads.
    ~WorkPool();
    WorkPool(const WorkPool&) = delete;
    WorkPool& operator=(const WorkPool&) = delete;

    // Runs every queued job, then joins the threads; later jobs are refused. Call it before
    // what the jobs use is destroyed; the destructor calls it too.
    void drain();

    // Queues `job`; false (and `job` dropped, never run) when the queue is full. A job
    // may block (a hash, a write to disk, waiting for storage); an exception it throws is
    // logged.
    bool try_submit(Job job);

  private:
    void run();

    std::string m_name;
    std::size_t m_queue_limit;
    std::mutex m_mutex;
    std::condition_variable m_queued;
    std::deque<Job> m_jobs;
    bool m_stopping = false;
    std::vector<std::jthread> m_threads;  // last: joined before the rest is destroyed
};

}  // namespace redress::util
