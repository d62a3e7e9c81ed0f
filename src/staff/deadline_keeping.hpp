#pragma once
// Keeps each complaint's next deadline current while redress serves, for the overdue lists
// (storage/deadlines.hpp): a thread of its own works out again, every `interval`, the
// deadlines of the complaints whose clocks moved since, in turns of at most `batch`, with
// the office's service levels and calendar (domain/complaint_clocks.hpp). At start it
// records the rules the deadlines depend on; when the configuration changed them, every
// deadline is worked out again.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "domain/deployment.hpp"
#include "storage/background_leases.hpp"
#include "storage/deadlines.hpp"
#include "util/error.hpp"

namespace redress::staff {

struct DeadlineSettings {
    std::chrono::milliseconds interval{2000};
    std::size_t batch = 500;
    // Several nodes on one database: a turn is taken only while this node holds the lease
    // (it must outlive the keeping). None: every turn is this process's.
    storage::BackgroundLease* lease = nullptr;
};

// Everything the deadlines depend on besides the complaints, as text: the time zone and
// each office's service levels, working days and holidays.
std::string deadline_rules(const domain::Deployment& deployment);

// The rule that works out a complaint's next deadline at `now` with `deployment`'s offices;
// none for an office the deployment no longer has. `deployment` must outlive it.
storage::DeadlineRule deadline_rule(const domain::Deployment& deployment, domain::Timestamp now);

// Records the rules, then works out every marked deadline, turn after turn, until none is
// left; answers how many. For commands and tests; blocks.
util::Expected<std::size_t> bring_deadlines_up_to_date(storage::Deadlines& deadlines,
                                                       const domain::Deployment& deployment,
                                                       domain::Timestamp now, std::size_t batch);

class DeadlineKeeping {
  public:
    DeadlineKeeping(storage::Deadlines& deadlines, const domain::Deployment& deployment,
                    DeadlineSettings settings, std::function<domain::Timestamp()> now);
    // Stops after the turn under way, and joins the thread.
    ~DeadlineKeeping();
    DeadlineKeeping(const DeadlineKeeping&) = delete;
    DeadlineKeeping& operator=(const DeadlineKeeping&) = delete;

  private:
    void run();
    // Works out marked deadlines until none is left or redress stops.
    void catch_up();
    bool stopping();

    storage::Deadlines& m_deadlines;
    const domain::Deployment& m_deployment;
    const DeadlineSettings m_settings;
    const std::function<domain::Timestamp()> m_now;

    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;  // last: starts once everything above exists
};

}  // namespace redress::staff
