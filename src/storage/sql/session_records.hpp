#pragma once
// Staff sign-in in the database: second factors, recovery codes and sessions, written by write
// jobs with their audit entries, read by reading threads.

#include <optional>
#include <vector>

#include "storage/sql/read_pool.hpp"
#include "storage/sql/write_job.hpp"
#include "storage/staff_sessions.hpp"

namespace redress::storage::sql {

util::Expected<Written> write_sign_in_with_code(WriteContext& context, const NewSession& session,
                                                std::int64_t step,
                                                const std::vector<domain::AuditEvent>& audit);

util::Expected<Written> write_sign_in_with_recovery_code(
    WriteContext& context, const NewSession& session, const TokenHash& code_hash,
    const std::vector<domain::AuditEvent>& audit);

util::Expected<Written> write_enrolment(WriteContext& context, const NewSession& session,
                                        const std::vector<std::uint8_t>& sealed_totp,
                                        std::int64_t step,
                                        const std::vector<TokenHash>& recovery_codes,
                                        const std::vector<domain::AuditEvent>& audit);

util::Expected<Written> write_touch(WriteContext& context, const TokenHash& token_hash,
                                    domain::Timestamp at);

util::Expected<bool> write_end_session(WriteContext& context, const TokenHash& token_hash,
                                       domain::Timestamp at, const domain::AuditEvent& audit);

util::Expected<std::optional<SessionRecord>> read_session(ReadContext& context,
                                                          const TokenHash& token_hash);

}  // namespace redress::storage::sql
