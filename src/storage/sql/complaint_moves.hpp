#pragma once
// Moving a complaint on, inside a write job: the status event the complainant sees (with
// who and why), and the complaint's state row (queue, status, and where it changed, the
// handling office and priority) in the same transaction, so the work lists never disagree
// with the events.

#include <cstdint>
#include <optional>
#include <string_view>

#include "domain/complaint_status.hpp"
#include "domain/queue.hpp"
#include "storage/sql/write_job.hpp"

namespace redress::storage::sql {

struct ComplaintMove {
    std::int64_t complaint_id = 0;
    domain::Timestamp at{};
    domain::Status status = domain::Status::received;
    std::string_view actor;
    std::string_view note;
    std::optional<std::string_view> office_id;  // the office handling it from now on
    std::optional<domain::Priority> priority;   // a new priority
};

util::Expected<void> move_complaint(WriteContext& context, const ComplaintMove& move);

}  // namespace redress::storage::sql
