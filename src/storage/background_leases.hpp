#pragma once
// Which node does each kind of background work. Several redress processes (nodes) may serve
// one PostgreSQL database; the work that must happen once, not once per node (mail to send,
// deadlines to work out, the audit trail's head to sign), is done by the node that holds the
// job's lease. A node takes a lease that is free or has run out, renews its own once a third
// of it has gone by (a write, so not before every turn of the work), and gives it up when it
// stops; a node that dies loses it when it runs out, and another takes the work over. Leases are
// written by the store's one writer, whose transactions take turns across nodes
// (storage/sql/connection.hpp), so two nodes can never both take the same lease.

#include <spdlog/spdlog.h>

#include <chrono>
#include <functional>
#include <string>
#include <utility>

#include "domain/calendar.hpp"
#include "storage/staff_directory.hpp"
#include "util/await.hpp"

namespace redress::storage {

class BackgroundLeases {
  public:
    virtual ~BackgroundLeases() = default;

    // Takes or renews the lease of `job` for `node` until `until`, when it is free, ran out
    // by `now`, or is `node`'s already. Answers whether `node` holds it now.
    virtual void hold_lease(std::string job, std::string node, domain::Timestamp now,
                            domain::Timestamp until, Done<bool> done) = 0;
    // Gives up `node`'s lease of `job` (another node may take it at once); nothing when
    // another node holds it.
    virtual void release_lease(std::string job, std::string node, Done<Written> done) = 0;
};

// One job's lease as the background thread that does the job sees it: asked before each
// turn (it blocks that thread, never an I/O thread), given up when the thread ends.
class BackgroundLease {
  public:
    // `length`: how long a lease lasts unrenewed; longer than the job's pause between turns,
    // so that the node doing the job keeps it.
    BackgroundLease(BackgroundLeases& leases, std::string job, std::string node,
                    std::chrono::seconds length, std::function<domain::Timestamp()> now)
        : m_leases(leases),
          m_job(std::move(job)),
          m_node(std::move(node)),
          m_length(length),
          m_now(std::move(now)) {}
    ~BackgroundLease() {
        if (!m_held) return;
        auto released = util::await<Written>(
            [&](auto done) { m_leases.release_lease(m_job, m_node, std::move(done)); });
        if (!released) {
            spdlog::warn("{}: could not give up the lease: {}", m_job, released.error().message);
        }
    }
    BackgroundLease(const BackgroundLease&) = delete;
    BackgroundLease& operator=(const BackgroundLease&) = delete;

    // Whether this node does the next turn of the job. A lease held is renewed once a third
    // of it has gone by, so that the two thirds left outlast a slow turn and a few seconds
    // between the nodes' clocks; one not held is asked for every time. A database that
    // cannot be written to answers no.
    bool held() {
        const auto now = m_now();
        if (m_held && now < m_renewed + m_length / 3) return true;
        auto held = util::await<bool>([&](auto done) {
            m_leases.hold_lease(m_job, m_node, now, now + m_length, std::move(done));
        });
        const bool holds = held && *held;
        if (holds != m_held) {
            spdlog::info("{}: {} node {}", m_job, holds ? "done by this" : "no longer done by this",
                         m_node);
        }
        m_held = holds;
        m_renewed = now;
        return holds;
    }

    const std::string& job() const { return m_job; }

  private:
    BackgroundLeases& m_leases;
    const std::string m_job;
    const std::string m_node;
    const std::chrono::seconds m_length;
    const std::function<domain::Timestamp()> m_now;
    bool m_held = false;
    domain::Timestamp m_renewed{};  // when the lease was last taken or renewed
};

}  // namespace redress::storage
