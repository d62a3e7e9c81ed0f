#pragma once
// A complainant's status look-up with reference and receipt. An unknown reference and a
// wrong receipt are indistinguishable to the caller: the same result, after the same work
// (one keyed hash, one query on the store's reading threads, one comparison), with the
// same delay. Wrong receipts slow down later look-ups of the same reference and from the
// same address (intake/lookup_throttle.hpp).

#include <chrono>
#include <functional>
#include <optional>
#include <string_view>

#include "crypto/keys.hpp"
#include "domain/deployment.hpp"
#include "domain/received_filing.hpp"
#include "intake/lookup_throttle.hpp"
#include "storage/store.hpp"

namespace redress::intake {

struct StatusView {
    domain::ComplaintRecord complaint;
    const domain::Office* office = nullptr;
    std::optional<domain::NextStep> next_step;
};

struct LookupResult {
    enum class Outcome { found, not_found, busy, failed };
    Outcome outcome = Outcome::not_found;
    std::optional<StatusView> view;      // when found
    std::chrono::milliseconds delay{};   // answer no sooner than this, whatever the outcome
    std::optional<util::Error> failure;  // when storage failed
};

using LookupDone = std::move_only_function<void(LookupResult)>;

class StatusLookup {
  public:
    // All references are borrowed and must outlive the StatusLookup.
    StatusLookup(const domain::Deployment& deployment, storage::Store& store,
                 const crypto::Keys& keys, ThrottleSettings throttle = {});

    // `client` names the client's address (a grouping key; never logged). `done` runs
    // exactly once: at once when the look-up is refused as busy, else on a reading thread
    // of the store's, where it must only hand the result on (Responder::render).
    void look_up(std::string_view reference, std::string_view receipt, std::string_view client,
                 LookupDone done);

  private:
    const domain::Deployment& m_deployment;
    storage::Store& m_store;
    const crypto::Keys& m_keys;
    LookupThrottle m_throttle;
};

}  // namespace redress::intake
