#include "intake/status_lookup.hpp"

#include "crypto/keyed_hash.hpp"
#include "crypto/secret_box.hpp"
#include "domain/calendar.hpp"
#include "domain/complaint_clocks.hpp"
#include "domain/receipt.hpp"
#include "domain/reference.hpp"

namespace redress::intake {

StatusLookup::StatusLookup(const domain::Deployment& deployment, storage::Store& store,
                           const crypto::Keys& keys, ThrottleSettings throttle, Now now)
    : m_deployment(deployment),
      m_store(store),
      m_keys(keys),
      m_throttle(throttle),
      m_now(now ? std::move(now) : Now(domain::current_time)) {
    for (const auto& office : deployment.offices) {
        m_calendars.emplace(office.id,
                            domain::BusinessCalendar(deployment.time_zone, office.calendar));
    }
}

domain::Date StatusLookup::today() const {
    return m_deployment.time_zone.local_date(m_now());
}

util::Expected<StatusView> StatusLookup::view_of(domain::ComplaintRecord record) const {
    StatusView view;
    view.office = m_deployment.find_office(record.office_id);
    if (view.office) {
        std::vector<domain::Timestamp> updates;
        for (const auto& message : record.messages) {
            if (message.kind == domain::MessageKind::to_complainant) updates.push_back(message.at);
        }
        const auto calendar = m_calendars.find(view.office->id);
        auto clocks =
            domain::complaint_clocks({record.received_at, record.timeline, updates, record.holds},
                                     view.office->service_levels, calendar->second, m_now());
        if (!clocks) return std::unexpected(clocks.error());
        view.owed = domain::next_owed(*clocks);
        view.next_step =
            domain::next_step(record.status, record.received_at, view.office->service_levels);
    }
    view.messages.reserve(record.messages.size());
    for (const domain::SealedMessage& sealed : record.messages) {
        auto text = crypto::open(m_keys.content, sealed.sealed_text);
        if (!text) return util::fail(util::ErrorCode::internal, "a message cannot be opened");
        const bool from_office = sealed.kind == domain::MessageKind::to_complainant;
        view.messages.push_back(
            {0, sealed.at, sealed.kind, from_office ? "office" : "complainant", std::move(*text)});
    }
    record.messages.clear();
    if (record.outcome) {
        OutcomeView outcome;
        auto text = crypto::open(m_keys.content, record.outcome->sealed_text);
        auto remedy = crypto::open(m_keys.content, record.outcome->sealed_remedy);
        if (!text || !remedy) {
            return util::fail(util::ErrorCode::internal, "a closure cannot be opened");
        }
        outcome.findings = std::move(record.outcome->findings);
        outcome.text = std::move(*text);
        outcome.remedy = std::move(*remedy);
        outcome.reconsider_until = domain::parse_iso_date(record.outcome->reconsider_until);
        outcome.may_reconsider = outcome.reconsider_until && today() <= *outcome.reconsider_until;
        view.outcome = std::move(outcome);
        record.outcome.reset();
    }
    view.complaint = std::move(record);
    return view;
}

void StatusLookup::read_again(const StatusView& verified, LookupDone done) {
    m_store.find_complaint(
        verified.complaint.reference,
        [this, done = std::move(done)](
            util::Expected<std::optional<domain::ComplaintRecord>>&& found) mutable {
            LookupResult result;
            if (found && found->has_value()) {
                auto view = view_of(std::move(**found));
                if (view) {
                    result.outcome = LookupResult::Outcome::found;
                    result.view = std::move(*view);
                    return done(std::move(result));
                }
                found = std::unexpected(view.error());
            }
            // Complaints are never removed: a complaint found once that is gone is a fault.
            result.outcome = LookupResult::Outcome::failed;
            result.failure =
                found ? util::Error{util::ErrorCode::internal, "a complaint read before is gone"}
                      : found.error();
            done(std::move(result));
        });
}

void StatusLookup::look_up(std::string_view reference, std::string_view receipt,
                           std::string_view client, LookupDone done) {
    const auto parsed_reference = domain::parse_reference(reference);
    std::string canonical = parsed_reference ? parsed_reference->text() : std::string();
    // Failures count against the reference as the store knows it, so that spelling it
    // another way does not start a new count.
    const std::string throttled = parsed_reference ? canonical : std::string(reference);
    const auto admission = m_throttle.admit(throttled, client, LookupThrottle::Clock::now());
    if (admission.busy) {
        done({LookupResult::Outcome::busy, std::nullopt, {}, std::nullopt});
        return;
    }
    // Every path below does the same work (one hash, one query, one comparison) so that
    // timing does not tell an unknown reference from a wrong receipt.
    const auto parsed_receipt = domain::Receipt::parse(receipt);
    const auto digest = crypto::keyed_hash(
        m_keys.receipt_hash, parsed_receipt ? parsed_receipt->canonical() : std::string(receipt));
    m_store.find_complaint(
        std::move(canonical),
        [this, digest, receipt_read = parsed_receipt.has_value(), throttled,
         client = std::string(client), delay = admission.delay, done = std::move(done)](
            util::Expected<std::optional<domain::ComplaintRecord>>&& found) mutable {
            LookupResult result;
            result.delay = delay;
            if (!found) {
                result.outcome = LookupResult::Outcome::failed;
                result.failure = found.error();
                return done(std::move(result));
            }
            static const domain::ReceiptHash k_nothing{};
            const auto& stored = found->has_value() ? (*found)->receipt_hash : k_nothing;
            const bool equal = crypto::digests_equal(digest, stored);
            if (!(receipt_read && found->has_value() && equal)) {
                m_throttle.failed(throttled, client, LookupThrottle::Clock::now());
                return done(std::move(result));
            }
            auto view = view_of(std::move(**found));
            if (!view) {
                result.outcome = LookupResult::Outcome::failed;
                result.failure = view.error();
                return done(std::move(result));
            }
            result.outcome = LookupResult::Outcome::found;
            result.view = std::move(*view);
            done(std::move(result));
        });
}

}  // namespace redress::intake
