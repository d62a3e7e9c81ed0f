#pragma once
// Staff accounts in the database: written by write jobs (with their audit entry), read by
// reading threads.

#include <optional>
#include <string>
#include <vector>

#include "storage/sql/read_pool.hpp"
#include "storage/sql/write_job.hpp"
#include "storage/staff_directory.hpp"

namespace redress::storage::sql {

util::Expected<domain::StaffId> insert_staff(WriteContext& context, const StaffAccount& account,
                                             const domain::AuditEvent& audit);

// The administrator's changes (StaffDirectory); each appends `audit` when it changes anything.
util::Expected<Written> update_staff_access(WriteContext& context, domain::StaffId id,
                                            const std::vector<domain::Role>& roles,
                                            const std::vector<std::string>& offices,
                                            const domain::AuditEvent& audit);
util::Expected<Written> update_staff_disabled(WriteContext& context, domain::StaffId id,
                                              bool disabled, const domain::AuditEvent& audit);
util::Expected<Written> forget_second_factor(WriteContext& context, domain::StaffId id,
                                             const domain::AuditEvent& audit);
util::Expected<Written> issue_set_up_code(WriteContext& context, domain::StaffId id,
                                          const std::string& code_hash, domain::Timestamp until,
                                          const domain::AuditEvent& audit);
util::Expected<Written> replace_set_up_code(WriteContext& context, domain::StaffId id,
                                            const std::string& password_hash,
                                            const domain::AuditEvent& audit);

util::Expected<std::optional<StaffAccount>> read_account(ReadContext& context,
                                                         const std::string& username);

util::Expected<std::optional<StaffAccount>> read_account_by_id(ReadContext& context,
                                                               domain::StaffId id);

// Fills the member's roles (in the listed order) and offices.
util::Expected<void> read_roles_and_offices(ReadContext& context, domain::StaffMember& member);

util::Expected<std::vector<domain::StaffMember>> read_staff(ReadContext& context);

}  // namespace redress::storage::sql
