#include "intake/status_lookup.hpp"

#include "crypto/keyed_hash.hpp"
#include "domain/receipt.hpp"
#include "domain/reference.hpp"

namespace redress::intake {

StatusLookup::StatusLookup(const domain::Deployment& deployment, storage::Store& store,
                           const crypto::Keys& keys)
    : m_deployment(deployment), m_store(store), m_keys(keys) {}

util::Expected<std::optional<StatusView>> StatusLookup::look_up(std::string_view reference,
                                                                std::string_view receipt) const {
    // Every path below does the same work (one hash, one query) so that timing does not
    // tell an unknown reference from a wrong receipt.
    const auto parsed_receipt = domain::Receipt::parse(receipt);
    const auto digest = crypto::keyed_hash(
        m_keys.receipt_hash, parsed_receipt ? parsed_receipt->canonical() : std::string(receipt));
    const auto parsed_reference = domain::parse_reference(reference);
    auto found =
        m_store.find_complaint(parsed_reference ? parsed_reference->text() : std::string());
    if (!found) return std::unexpected(found.error());

    const bool matches = parsed_receipt && found->has_value() &&
                         crypto::digests_equal(digest, (*found)->receipt_hash);
    if (!matches) return std::optional<StatusView>{};

    StatusView view;
    view.complaint = std::move(**found);
    view.office = m_deployment.find_office(view.complaint.office_id);
    if (view.office) {
        view.next_step = domain::next_step(view.complaint.status, view.complaint.received_at,
                                           view.office->service_levels);
    }
    return std::optional<StatusView>{std::move(view)};
}

}  // namespace redress::intake
