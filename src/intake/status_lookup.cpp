#include "intake/status_lookup.hpp"

#include "crypto/keyed_hash.hpp"
#include "domain/receipt.hpp"
#include "domain/reference.hpp"

namespace redress::intake {

StatusLookup::StatusLookup(const domain::Deployment& deployment, storage::Store& store,
                           const crypto::Keys& keys, ThrottleSettings throttle)
    : m_deployment(deployment), m_store(store), m_keys(keys), m_throttle(throttle) {}

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
            util::Expected<std::optional<domain::ComplaintRecord>> found) mutable {
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
            StatusView view;
            view.complaint = std::move(**found);
            view.office = m_deployment.find_office(view.complaint.office_id);
            if (view.office) {
                view.next_step = domain::next_step(
                    view.complaint.status, view.complaint.received_at, view.office->service_levels);
            }
            result.outcome = LookupResult::Outcome::found;
            result.view = std::move(view);
            done(std::move(result));
        });
}

}  // namespace redress::intake
