#pragma once
// Confidentiality in the database (storage/confidentiality.hpp): identity requests, answers and
// openings, consents and exclusions, each with its audit entry inside one write job.

#include <cstdint>
#include <string>
#include <vector>

#include "storage/confidentiality.hpp"
#include "storage/correspondence.hpp"
#include "storage/sql/read_pool.hpp"
#include "storage/sql/write_job.hpp"

namespace redress::storage::sql {

util::Expected<std::int64_t> insert_identity_request(WriteContext& context,
                                                     const IdentityRequestRecord& record,
                                                     const domain::AuditEvent& audit);
util::Expected<std::vector<IdentityRequest>> read_pending_identity_requests(
    ReadContext& context, const std::vector<std::string>& offices);
util::Expected<IdentityRequest> update_identity_answer(WriteContext& context,
                                                       const IdentityAnswerRecord& record,
                                                       const domain::AuditEvent& audit);
util::Expected<IdentityOpening> insert_identity_view(WriteContext& context,
                                                     const IdentityOpeningRecord& record,
                                                     const domain::AuditEvent& audit);
util::Expected<IdentityStanding> read_identity_standing(ReadContext& context,
                                                        std::int64_t complaint_id,
                                                        domain::StaffId staff_id);
util::Expected<bool> insert_exclusion(WriteContext& context, const ExclusionRecord& record,
                                      const domain::AuditEvent& audit);
util::Expected<bool> insert_consent(WriteContext& context, const ConsentRecord& record,
                                    const domain::AuditEvent& audit);

}  // namespace redress::storage::sql
