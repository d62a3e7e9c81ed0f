#pragma once
// The one storage interface. Implementations: sqlite/ (embedded, the default) and, later,
// postgresql/. Callers never see SQL or a database handle.

#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "domain/received_filing.hpp"
#include "util/error.hpp"

namespace redress::storage {

using RecordDone =
    std::move_only_function<void(util::Expected<std::vector<domain::FiledComplaint>>)>;

class Store {
  public:
    virtual ~Store() = default;

    // Stores the filing and one complaint per destination, numbering each reference per
    // office and year. `done` runs exactly once, after the data is durable (committed with
    // full fsync) or has failed to be; it may run on another thread and must neither block nor
    // throw. Concurrent calls share commits.
    virtual void record(domain::ReceivedFiling filing, RecordDone done) = 0;

    // The complaint with this exact reference text, or nullopt. Safe from any thread.
    virtual util::Expected<std::optional<domain::ComplaintRecord>> find_complaint(
        std::string_view reference) = 0;

    // Whether the database answers; for /healthz.
    virtual bool healthy() = 0;
};

}  // namespace redress::storage
