#pragma once
// The outbox in the database (storage/outbox.hpp; migrations/sqlite/0017_outbound_mail.sql): the
// mail contact and acknowledgments a filing queues, written in the filing's transaction,
// and the sender's reads and outcomes. Status notices are queued by a trigger.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "domain/received_filing.hpp"
#include "storage/outbox.hpp"
#include "storage/sql/read_pool.hpp"
#include "storage/sql/write_job.hpp"

namespace redress::storage::sql {

// For a filing with a mail contact, just written as the complaints `complaint_ids`
// (FilingWriter::complaint_ids): the contact of each, and an acknowledgment of each, added to
// the filing's batched rows. Nothing for a filing without one.
util::Expected<void> queue_filing_mail(WriteContext& context, const domain::ReceivedFiling& filing,
                                       const std::vector<std::int64_t>& complaint_ids);

util::Expected<std::int64_t> queue_acknowledgment(WriteContext& context, std::int64_t complaint_id,
                                                  const std::vector<std::uint8_t>& sealed_extra,
                                                  domain::Timestamp at);

util::Expected<bool> mark_mail_sent(WriteContext& context, std::int64_t job_id,
                                    domain::Timestamp at);
util::Expected<bool> mark_mail_failed(WriteContext& context, std::int64_t job_id,
                                      const std::string& reason, domain::Timestamp next_due);
util::Expected<bool> mark_mail_given_up(WriteContext& context, std::int64_t job_id,
                                        const std::string& reason, domain::Timestamp at);

util::Expected<std::vector<MailJob>> read_due_mail(ReadContext& context, domain::Timestamp now,
                                                   std::size_t limit);
util::Expected<std::size_t> count_waiting_mail(ReadContext& context);

}  // namespace redress::storage::sql
