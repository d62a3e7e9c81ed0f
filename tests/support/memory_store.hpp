#pragma once
// A Store kept in memory, for tests of the layers above storage. It answers `record`
// synchronously, numbers references like the real stores, and can be told to fail. It keeps
// the messages with complainants too (Correspondence), and a test may close a complaint
// with an outcome directly.

#include <algorithm>
#include <map>
#include <mutex>
#include <string>

#include "domain/reference.hpp"
#include "storage/correspondence.hpp"
#include "storage/store.hpp"

namespace redress::testing {

class MemoryStore final : public storage::Store, public storage::Correspondence {
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
            record.id = static_cast<std::int64_t>(m_complaints.size()) + 1;
            record.office_id = destination.office_id;
            record.reference = reference.text();
            record.received_at = filing.received_at;
            record.receipt_hash = filing.receipt_hash;
            record.confidentiality =
                filing.confidentiality == domain::Confidentiality::anonymous      ? "anonymous"
                : filing.confidentiality == domain::Confidentiality::confidential ? "confidential"
                                                                                  : "open";
            record.timeline.push_back({filing.received_at, domain::Status::received, {}});
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

    void post_staff_message(storage::StaffMessageRecord record, domain::AuditEvent audit,
                            storage::Done<std::int64_t> done) override {
        std::unique_lock lock(m_mutex);
        auto it = m_complaints.find(record.reference);
        if (it == m_complaints.end() || it->second.office_id != record.office_id) {
            lock.unlock();
            return done(util::fail(util::ErrorCode::not_found, "no such complaint"));
        }
        auto id = append(it->second, record.at, domain::MessageKind::to_complainant,
                         std::move(record.sealed_text), std::move(audit));
        lock.unlock();
        done(std::move(id));
    }

    // Reconsideration: only while the complaint has an outcome whose window is open; it
    // reopens the complaint (investigating) and drops the outcome.
    void post_complainant_message(storage::ComplainantMessageRecord record,
                                  domain::AuditEvent audit,
                                  storage::Done<std::int64_t> done) override {
        std::unique_lock lock(m_mutex);
        auto it = std::find_if(m_complaints.begin(), m_complaints.end(), [&](const auto& entry) {
            return entry.second.id == record.complaint_id;
        });
        if (it == m_complaints.end()) {
            lock.unlock();
            return done(util::fail(util::ErrorCode::not_found, "no such complaint"));
        }
        auto& complaint = it->second;
        if (record.kind == domain::MessageKind::reconsideration) {
            if (!complaint.outcome || complaint.outcome->reconsider_until.empty() ||
                record.today > complaint.outcome->reconsider_until) {
                lock.unlock();
                return done(util::fail(util::ErrorCode::conflict, "not reconsiderable"));
            }
        }
        auto id = append(complaint, record.at, record.kind, std::move(record.sealed_text),
                         std::move(audit));
        if (id && record.kind == domain::MessageKind::reconsideration) {
            complaint.outcome.reset();
            complaint.status = domain::Status::investigating;
            complaint.timeline.push_back(
                {record.at, domain::Status::investigating, "reconsideration requested"});
        }
        lock.unlock();
        done(std::move(id));
    }

    void record_consent(storage::ConsentRecord record, domain::AuditEvent audit,
                        storage::Done<bool> done) override {
        std::unique_lock lock(m_mutex);
        auto it = std::find_if(m_complaints.begin(), m_complaints.end(), [&](const auto& entry) {
            return entry.second.id == record.complaint_id;
        });
        if (it == m_complaints.end()) {
            lock.unlock();
            return done(util::fail(util::ErrorCode::not_found, "no such complaint"));
        }
        it->second.identity_consent = record.given;
        m_audit.push_back(std::move(audit));
        lock.unlock();
        done(true);
    }

    // Closes the complaint with this outcome (as a case's closure would), with `note`.
    void close(const std::string& reference, domain::Timestamp at, domain::SealedOutcome outcome,
               std::string note = {}) {
        std::lock_guard lock(m_mutex);
        auto& complaint = m_complaints.at(reference);
        complaint.status = domain::Status::closed;
        complaint.timeline.push_back({at, domain::Status::closed, std::move(note)});
        complaint.outcome = std::move(outcome);
    }

    std::vector<domain::AuditEvent> audit() const {
        std::lock_guard lock(m_mutex);
        return m_audit;
    }
    // Every message stored, sealed, of every complaint.
    std::vector<domain::SealedMessage> messages(const std::string& reference) const {
        std::lock_guard lock(m_mutex);
        return m_complaints.at(reference).messages;
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
    util::Expected<std::int64_t> append(domain::ComplaintRecord& complaint, domain::Timestamp at,
                                        domain::MessageKind kind, storage::Sealed text,
                                        domain::AuditEvent audit) {
        if (m_failing) return util::fail(util::ErrorCode::unavailable, "memory store told to fail");
        if (complaint.messages.size() >= storage::k_messages_per_complaint_max) {
            return util::fail(util::ErrorCode::conflict, "full");
        }
        complaint.messages.push_back({at, kind, std::move(text)});
        m_audit.push_back(std::move(audit));
        return static_cast<std::int64_t>(complaint.messages.size());
    }

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
    std::vector<domain::AuditEvent> m_audit;
};

}  // namespace redress::testing
