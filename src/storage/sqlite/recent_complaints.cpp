#include "storage/sqlite/recent_complaints.hpp"

#include <mutex>

namespace redress::storage::sqlite {

std::optional<domain::ComplaintRecord> RecentComplaints::find(std::string_view reference) const {
    std::shared_lock lock(m_mutex);
    const auto found = m_records.find(reference);
    if (found == m_records.end()) return std::nullopt;
    return found->second;
}

void RecentComplaints::remember(const domain::ComplaintRecord& record) {
    if (m_capacity == 0) return;
    std::unique_lock lock(m_mutex);
    const auto [position, inserted] = m_records.insert_or_assign(record.reference, record);
    if (!inserted) return;
    m_order.push_back(position->first);
    if (m_order.size() > m_capacity) {
        m_records.erase(m_order.front());
        m_order.pop_front();
    }
}

}  // namespace redress::storage::sqlite
