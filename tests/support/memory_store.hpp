#pragma once
// A Store kept in memory, for tests of the layers above storage. It answers `record`
// synchronously, numbers references like the real stores, and can be told to fail.

#include <map>
#include <mutex>
#include <string>

#include "domain/reference.hpp"
#include "storage/store.hpp"

namespace redress::testing {

class MemoryStore final : public storage::Store {
  public:
    void record(domain::ReceivedFiling filing, storage::RecordDone done) override {
        std::unique_lock lock(m_mutex);
        if (m_failing) {
            lock.unlock();
            done(util::fail(util::ErrorCode::unavailable, "memory store told to fail"));
            return;
        }
        std::vector<domain::FiledComplaint> filed;
        const auto year = static_cast<int>(domain::date_of(filing.received_at).year());
        for (const auto& destination : filing.destinations) {
            auto& sequence = m_sequences[{destination.reference_prefix, year}];
            domain::Reference reference{destination.reference_prefix, year, ++sequence};
            domain::ComplaintRecord record;
            record.office_id = destination.office_id;
            record.reference = reference.text();
            record.received_at = filing.received_at;
            record.receipt_hash = filing.receipt_hash;
            record.timeline.push_back({filing.received_at, domain::Status::received});
            m_complaints[record.reference] = record;
            filed.push_back({destination.office_id, record.reference});
        }
        m_filings.push_back(std::move(filing));
        lock.unlock();
        done(std::move(filed));
    }

    util::Expected<std::optional<domain::ComplaintRecord>> find_complaint(
        std::string_view reference) override {
        std::lock_guard lock(m_mutex);
        if (m_failing) return util::fail(util::ErrorCode::unavailable, "memory store told to fail");
        auto it = m_complaints.find(std::string(reference));
        if (it == m_complaints.end()) return std::optional<domain::ComplaintRecord>{};
        return std::optional<domain::ComplaintRecord>{it->second};
    }

    bool healthy() override { return !m_failing; }

    void set_failing(bool failing) {
        std::lock_guard lock(m_mutex);
        m_failing = failing;
    }
    std::vector<domain::ReceivedFiling> filings() const {
        std::lock_guard lock(m_mutex);
        return m_filings;
    }

  private:
    mutable std::mutex m_mutex;
    bool m_failing = false;
    std::map<std::pair<std::string, int>, long> m_sequences;
    std::map<std::string, domain::ComplaintRecord> m_complaints;
    std::vector<domain::ReceivedFiling> m_filings;
};

}  // namespace redress::testing
