#pragma once
// Filing a complaint, the same for every channel (web form, JSON API, later email and
// staff entry): normalise, validate, route, draw a receipt, seal personal data, store,
// and answer only once the store says the filing is durable.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "crypto/keys.hpp"
#include "domain/completeness.hpp"
#include "domain/deployment.hpp"
#include "domain/filing.hpp"
#include "domain/receipt.hpp"
#include "domain/received_filing.hpp"
#include "domain/routing.hpp"
#include "domain/validation.hpp"
#include "storage/store.hpp"

namespace redress::intake {

// What a complainant sees before filing: problems, proposed offices and why, and what
// would help an investigation.
struct Preview {
    domain::Filing filing;  // normalised
    std::vector<domain::FieldError> errors;
    std::vector<domain::RouteProposal> proposals;
    std::vector<domain::CompletenessItem> completeness;
};

// The filing's due dates for the next step, per office.
struct FiledWithOffice {
    domain::FiledComplaint complaint;
    const domain::Office* office = nullptr;
    std::optional<domain::NextStep> next_step;
};

struct Filed {
    domain::Receipt receipt;  // shown once, never stored
    domain::Timestamp received_at;
    std::vector<FiledWithOffice> complaints;
};

// Either the filing was invalid (errors, nothing stored) or storage failed (failure).
struct Refusal {
    std::vector<domain::FieldError> errors;
    std::optional<util::Error> failure;
};

using FileDone = std::move_only_function<void(std::expected<Filed, Refusal>)>;
using Now = std::function<domain::Timestamp()>;

class Intake {
  public:
    // All references are borrowed and must outlive the Intake.
    Intake(const domain::Deployment& deployment, storage::Store& store, const crypto::Keys& keys,
           Now now);

    Preview preview(domain::Filing filing) const;

    // `done` runs exactly once, possibly on another thread, after the filing is durable
    // or refused. Nothing is stored when the filing is invalid.
    void file(domain::Filing filing, domain::Channel channel, FileDone done);

    const domain::Deployment& deployment() const { return m_deployment; }

  private:
    const domain::Deployment& m_deployment;
    storage::Store& m_store;
    const crypto::Keys& m_keys;
    Now m_now;
};

}  // namespace redress::intake
