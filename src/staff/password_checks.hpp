#pragma once
// Password checks off the I/O threads, on a few threads of their own. Each Argon2id hash
// holds its memory (64 MiB by default) while it runs, so how many run at once bounds the
// memory sign-ins can take; and the queue before them is bounded, so that a flood of
// sign-ins is answered "busy" at once rather than piling up work and memory.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace redress::staff {

class PasswordChecks {
  public:
    using Job = std::move_only_function<void()>;

    // `threads` at least 1; `queue` jobs may wait beyond those running.
    PasswordChecks(std::size_t threads, std::size_t queue);
    // Runs every queued job, then joins the threads.
    ~PasswordChecks();
    PasswordChecks(const PasswordChecks&) = delete;
    PasswordChecks& operator=(const PasswordChecks&) = delete;

    // Queues `job`; false (and `job` dropped, never run) when the queue is full. A job
    // may block (it runs a hash and waits for storage); an exception it throws is logged.
    bool try_submit(Job job);

  private:
    void run();

    std::size_t m_queue_limit;
    std::mutex m_mutex;
    std::condition_variable m_queued;
    std::deque<Job> m_jobs;
    bool m_stopping = false;
    std::vector<std::jthread> m_threads;  // last: joined before the rest is destroyed
};

}  // namespace redress::staff
