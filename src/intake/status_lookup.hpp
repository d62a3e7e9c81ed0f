#pragma once
// A complainant's status look-up with reference and receipt. An unknown reference and a
// wrong receipt are indistinguishable to the caller: the same result, after the same work
// (one keyed hash, one query on the store's reading threads, one comparison), with the
// same delay. Wrong receipts slow down later look-ups of the same reference and from the
// same address (intake/lookup_throttle.hpp). A complaint found comes with its messages and,
// once closed after a case, its outcome, opened with the content key.

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string_view>

#include "crypto/keys.hpp"
#include "domain/business_calendar.hpp"
#include "domain/deployment.hpp"
#include "domain/finding.hpp"
#include "domain/message.hpp"
#include "domain/owed.hpp"
#include "domain/received_filing.hpp"
#include "intake/intake.hpp"
#include "intake/lookup_throttle.hpp"
#include "storage/store.hpp"

namespace redress::intake {

// The outcome of a closed case, in the words staff wrote.
struct OutcomeView {
    std::vector<domain::AllegationFinding> findings;
    std::string text;
    std::string remedy;                            // may be empty
    std::optional<domain::Date> reconsider_until;  // the last day to ask; nullopt if not offered
    bool may_reconsider = false;  // today, in the deployment's zone, is on or before that day
};

struct StatusView {
    domain::ComplaintRecord complaint;  // its sealed texts are dropped once opened
    const domain::Office* office = nullptr;
    // What the office owes next by its service levels, and whether that day has passed
    // with nothing given; nullopt once nothing is owed (closed).
    std::optional<domain::Owed> owed;
    // The next step of the complaint's course and its date from receipt (the API's
    // next_step, as promised at filing).
    std::optional<domain::NextStep> next_step;
    // Both ways, oldest first; author "office" or "complainant" (never a staff name).
    std::vector<domain::Message> messages;
    std::optional<OutcomeView> outcome;
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
    // `now` tells whether a reconsideration window is open; the system clock when empty.
    StatusLookup(const domain::Deployment& deployment, storage::Store& store,
                 const crypto::Keys& keys, ThrottleSettings throttle = {}, Now now = {});

    // `client` names the client's address (a grouping key; never logged). `done` runs
    // exactly once: at once when the look-up is refused as busy, else on a reading thread
    // of the store's, where it must only hand the result on (Responder::render).
    void look_up(std::string_view reference, std::string_view receipt, std::string_view client,
                 LookupDone done);

    // Reads the complaint of a view that a look-up found again (after the complainant added
    // to it), without the throttle: its receipt was shown already. `done` as look_up's.
    void read_again(const StatusView& verified, LookupDone done);

    // Today in the deployment's time zone.
    domain::Date today() const;

  private:
    // The view of a complaint whose receipt matched: its texts opened, its next step.
    util::Expected<StatusView> view_of(domain::ComplaintRecord record) const;

    const domain::Deployment& m_deployment;
    storage::Store& m_store;
    const crypto::Keys& m_keys;
    LookupThrottle m_throttle;
    Now m_now;
    // Each office's calendar in the deployment's zone, built once: a look-up counts its
    // clocks on it (holidays are a list that is not copied per request).
    std::map<std::string, domain::BusinessCalendar, std::less<>> m_calendars;
};

}  // namespace redress::intake
