#pragma once
// Filings for storage tests, and a way to wait for a record to finish.

#include <chrono>
#include <future>
#include <string>
#include <vector>

#include "domain/received_filing.hpp"
#include "storage/store.hpp"

namespace redress::testing {

inline domain::Timestamp utc(int year, unsigned month, unsigned day, int hour = 12, int minute = 0,
                             int second = 0) {
    using namespace std::chrono;
    return sys_days{std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day}} +
           hours{hour} + minutes{minute} + seconds{second};
}

inline domain::Destination opr() {
    return {"professional-responsibility", "OPR"};
}
inline domain::Destination oig() {
    return {"inspector-general", "OIG"};
}

inline domain::ReceivedFiling sample_filing(std::vector<domain::Destination> destinations,
                                            domain::Timestamp received_at = utc(2026, 3, 5)) {
    domain::ReceivedFiling filing;
    filing.channel = domain::Channel::web;
    filing.language = "es";
    filing.received_at = received_at;
    for (std::size_t i = 0; i < filing.receipt_hash.size(); ++i) {
        filing.receipt_hash[i] = static_cast<std::uint8_t>(i * 7 + 1);
    }
    filing.confidentiality = domain::Confidentiality::confidential;
    filing.on_behalf = true;
    filing.sealed_people = {0xde, 0xad, 0xbe, 0xef};
    filing.sealed_account = {0xca, 0xfe, 0xf0, 0x0d};
    filing.incident_date = "2026-03-01";
    filing.incident_date_precision = "approximate";
    filing.categories = {"force", "search"};
    filing.subject_count = 1;
    filing.witness_count = 2;
    filing.destinations = std::move(destinations);
    return filing;
}

// Records the filing and waits for its callback.
inline util::Expected<std::vector<domain::FiledComplaint>> record_and_wait(
    storage::Store& store, domain::ReceivedFiling filing) {
    std::promise<util::Expected<std::vector<domain::FiledComplaint>>> promise;
    auto result = promise.get_future();
    store.record(std::move(filing),
                 [&promise](auto filed) { promise.set_value(std::move(filed)); });
    return result.get();
}

// Looks the complaint up and waits for the answer.
inline util::Expected<std::optional<domain::ComplaintRecord>> find_and_wait(storage::Store& store,
                                                                            std::string reference) {
    std::promise<util::Expected<std::optional<domain::ComplaintRecord>>> promise;
    auto result = promise.get_future();
    store.find_complaint(std::move(reference),
                         [&promise](auto found) { promise.set_value(std::move(found)); });
    return result.get();
}

// The one reference a single-destination filing got; "" when it failed.
inline std::string record_one(storage::Store& store, domain::ReceivedFiling filing) {
    auto filed = record_and_wait(store, std::move(filing));
    if (!filed || filed->size() != 1) return "";
    return filed->front().reference;
}

}  // namespace redress::testing
