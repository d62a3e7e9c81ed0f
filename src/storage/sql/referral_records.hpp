#pragma once
// Referrals between offices of this deployment, in the database: the latest referral of a
// complaint, the referrals an office received and has not answered, and the answer.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/casework.hpp"
#include "storage/sql/read_pool.hpp"
#include "storage/sql/statement_cache.hpp"
#include "storage/sql/write_job.hpp"

namespace redress::storage::sql {

// The complaint's latest referral to an office of this deployment; nullopt when none.
util::Expected<std::optional<Referral>> read_latest_referral(StatementCache& statements,
                                                             std::int64_t complaint_id);

util::Expected<std::vector<ReceivedReferral>> read_received_referrals(ReadContext& context,
                                                                      const std::string& office_id);

// The office now handling the complaint.
util::Expected<std::string> insert_referral_answer(WriteContext& context,
                                                   const ReferralAnswerRecord& record,
                                                   const domain::AuditEvent& audit);

}  // namespace redress::storage::sql
