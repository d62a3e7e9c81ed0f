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

    // Answers at once, on the caller's thread.
    void find_complaint(std::string reference, storage::FindDone done) override {
        done(find(reference));
    }

    bool healthy() override { return !m_failing; }

    util::Expected<std::optional<storage::KeyCheck>> key_check() override {
        std::lock_guard lock(m_mutex);
        return m_key_check;
    }
    util::Expected<void> adopt_key_check(const storage::KeyCheck& check) override {
        std::lock_guard lock(m_mutex);
        if (m_key_check && *m_key_check != check) {
            return util::fail(util::ErrorCode::conflict, "another key");
        }
        m_key_check = check;
        return {};
    }
    util::Expected<bool> holds_filings() override {
        std::lock_guard lock(m_mutex);
        return !m_filings.empty();
    }
    // A memory store never held accounts in the clear.
    util::Expected<std::vector<storage::UnsealedAccount>> unsealed_accounts(std::size_t) override {
        return std::vector<storage::UnsealedAccount>{};
    }
    util::Expected<void> seal_accounts(const std::vector<storage::SealedAccount>&) override {
        return {};
    }

    void set_failing(bool failing) {
        std::lock_guard lock(m_mutex);
        m_failing = failing;
    }
    std::vector<domain::ReceivedFiling> filings() const {
        std::lock_guard lock(m_mutex);
        return m_filings;
    }

  private:
    util::Expected<std::optional<domain::ComplaintRecord>> find(const std::string& reference) {
        std::lock_guard lock(m_mutex);
        if (m_failing) return util::fail(util::ErrorCode::unavailable, "memory store told to fail");
        auto it = m_complaints.find(reference);
        if (it == m_complaints.end()) return std::optional<domain::ComplaintRecord>{};
        return std::optional<domain::ComplaintRecord>{it->second};
    }

    mutable std::mutex m_mutex;
    std::optional<storage::KeyCheck> m_key_check;
    bool m_failing = false;
    std::map<std::pair<std::string, int>, long> m_sequences;
    std::map<std::string, domain::ComplaintRecord> m_complaints;
    std::vector<domain::ReceivedFiling> m_filings;
};

}  // namespace redress::testing
