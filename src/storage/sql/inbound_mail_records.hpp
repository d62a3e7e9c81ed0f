#pragma once
// Email intake in the database (storage/mail_inbox.hpp; migrations/sqlite/0019_inbound_mail.sql).

#include <optional>
#include <string>
#include <vector>

#include "domain/received_filing.hpp"
#include "storage/mail_inbox.hpp"
#include "storage/sql/read_pool.hpp"
#include "storage/sql/write_job.hpp"

namespace redress::storage::sql {

util::Expected<bool> read_mail_taken(ReadContext& context, const std::string& spool_name);
util::Expected<std::optional<ReplyContact>> read_reply_contact(ReadContext& context,
                                                               const std::string& reference);
util::Expected<std::vector<QuarantinedMail>> read_quarantined_mail(ReadContext& context,
                                                                   std::size_t limit);
util::Expected<std::optional<QuarantinedMail>> read_quarantined(ReadContext& context,
                                                                std::int64_t id);

// The spool file a filing came from (ReceivedFiling::inbound_mail), in the filing's write.
util::Expected<void> record_filed_mail(WriteContext& context, const domain::ReceivedFiling& filing,
                                       const std::vector<domain::FiledComplaint>& filed);
util::Expected<std::int64_t> write_mail_reply(WriteContext& context, const MailReply& reply);
util::Expected<std::int64_t> write_quarantine(WriteContext& context, const QuarantineRecord& record,
                                              const domain::AuditEvent& audit);

}  // namespace redress::storage::sql
