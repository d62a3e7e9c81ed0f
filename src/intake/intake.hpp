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
#include "domain/confirmation.hpp"
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
    domain::Confirmation confirmation;  // signed proof of filing, for the complainant to keep
};

// A filing the store has made durable. It becomes a Filed (next steps, a signed proof of
// filing) through Intake::confirm(), which the caller runs on its own thread: the store's
// thread only writes.
struct Stored {
    domain::Receipt receipt;  // shown once, never stored
    domain::Timestamp received_at;
    std::vector<domain::FiledComplaint> complaints;
    std::string digest;  // of what was sealed, for the proof of filing
};

// Either the filing was invalid (errors, nothing stored) or storage failed (failure).
struct Refusal {
    std::vector<domain::FieldError> errors;
    std::optional<util::Error> failure;
};

using FileDone = std::move_only_function<void(std::expected<Stored, Refusal>)>;
using Now = std::function<domain::Timestamp()>;

class Intake {
  public:
    // All references are borrowed and must outlive the Intake. `keys` must hold a signing
    // key.
    Intake(const domain::Deployment& deployment, storage::Store& store, const crypto::Keys& keys,
           Now now, domain::Limits limits = {});

    Preview preview(domain::Filing filing) const;

    // `done` runs exactly once, after the filing is durable or refused: at once when it is
    // invalid (nothing is stored), else on a thread of the store's, where it must only hand
    // the result on (Responder::render) and must not throw.
    // `evidence`: files sent with it, already kept (EvidenceIntake::keep); when the filing
    // is refused, they are the caller's to discard. `entry`: a member of staff entered it
    // for a caller or writer (stored with it, with its audit entry). `inbound_mail`: the
    // spool file of the email it came from, recorded with it (ReceivedFiling::inbound_mail).
    void file(domain::Filing filing, domain::Channel channel, FileDone done,
              std::vector<domain::Evidence> evidence = {},
              std::optional<domain::StaffEntry> entry = std::nullopt,
              std::string inbound_mail = {});

    // The answer to a stored filing: each office's next step and the signed proof of filing.
    Filed confirm(Stored stored) const;

    const domain::Deployment& deployment() const { return m_deployment; }
    const domain::Limits& limits() const { return m_limits; }

  private:
    const domain::Deployment& m_deployment;
    storage::Store& m_store;
    const crypto::Keys& m_keys;
    Now m_now;
    domain::Limits m_limits;
};

}  // namespace redress::intake
