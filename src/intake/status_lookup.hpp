#pragma once
// A complainant's status look-up with reference and receipt. An unknown reference and a
// wrong receipt are indistinguishable to the caller (same result, similar time).

#include <optional>
#include <string_view>

#include "crypto/keys.hpp"
#include "domain/deployment.hpp"
#include "domain/received_filing.hpp"
#include "storage/store.hpp"

namespace redress::intake {

struct StatusView {
    domain::ComplaintRecord complaint;
    const domain::Office* office = nullptr;
    std::optional<domain::NextStep> next_step;
};

class StatusLookup {
  public:
    StatusLookup(const domain::Deployment& deployment, storage::Store& store,
                 const crypto::Keys& keys);

    // nullopt when the reference is unknown or malformed, or the receipt does not match;
    // an error only when storage fails.
    util::Expected<std::optional<StatusView>> look_up(std::string_view reference,
                                                      std::string_view receipt) const;

  private:
    const domain::Deployment& m_deployment;
    storage::Store& m_store;
    const crypto::Keys& m_keys;
};

}  // namespace redress::intake
