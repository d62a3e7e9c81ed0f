#include "util/work_pool.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <exception>

#include "util/thread_name.hpp"

namespace redress::util {

WorkPool::WorkPool(std::string name, std::size_t threads, std::size_t queue)
    : m_name(std::move(name)), m_queue_limit(queue) {
    threads = std::max<std::size_t>(threads, 1);
    m_threads.reserve(threads);
    for (std::size_t i = 0; i < threads; ++i) m_threads.emplace_back([this] { run(); });
}

WorkPool::~WorkPool() {
    drain();
}

void WorkPool::drain() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_queued.notify_all();
    m_threads.clear();
}

bool WorkPool::try_submit(Job job) {
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping || m_jobs.size() >= m_queue_limit) return false;
        m_jobs.push_back(std::move(job));
    }
    m_queued.notify_one();
    return true;
}

void WorkPool::run() {
    name_this_thread(m_name);
    while (true) {
        Job job;
        {
            std::unique_lock lock(m_mutex);
            m_queued.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
            if (m_jobs.empty()) return;  // stopping, and nothing left
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
        }
        try {
            job();
        } catch (const std::exception& error) {
            spdlog::error("{}: a job failed: {}", m_name, error.what());
        }
    }
}

}  // namespace redress::util
