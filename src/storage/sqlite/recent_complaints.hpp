#pragma once
// The status of recently filed complaints, kept in memory so that most status look-ups
// need no database read. Only the writer fills it, after each commit, so it never holds
// what the database does not: every change to a complaint goes through this process's one
// writer, which must remember() the new state after committing it. (A change made by
// another process to the same database file would not be seen: an SQLite database belongs
// to one redress process.) Look-ups that miss read the database and leave this alone, so a
// slow reader can never put back an older state.

#include <cstddef>
#include <deque>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "domain/received_filing.hpp"

namespace redress::storage::sqlite {

class RecentComplaints {
  public:
    // Keeps at most `capacity` complaints, forgetting the oldest first; 0 keeps none.
    explicit RecentComplaints(std::size_t capacity) : m_capacity(capacity) {}

    std::optional<domain::ComplaintRecord> find(std::string_view reference) const;
    void remember(const domain::ComplaintRecord& record);

  private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const {
            return std::hash<std::string_view>{}(text);
        }
    };
    std::size_t m_capacity;
    mutable std::shared_mutex m_mutex;
    std::unordered_map<std::string, domain::ComplaintRecord, Hash, std::equal_to<>> m_records;
    std::deque<std::string> m_order;  // oldest first
};

}  // namespace redress::storage::sqlite
