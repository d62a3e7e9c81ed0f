#pragma once
// The complaints an office works, as storage keeps them for staff: the office's work lists
// (domain/queue.hpp). Decisions, cases and their records follow the same pattern: every
// change written with its audit entry, every read on a reading thread.

#include "domain/queue.hpp"
#include "storage/staff_directory.hpp"

namespace redress::storage {

class Casework {
  public:
    virtual ~Casework() = default;

    // One page of an office's list, in its order (most urgent, then oldest, then first
    // stored), after `query.after`. Runs on a reading thread, and `done` there.
    virtual void queue(domain::QueueQuery query, Done<domain::QueuePage> done) = 0;
};

}  // namespace redress::storage
