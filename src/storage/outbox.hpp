#pragma once
// Mail waiting to be sent to complainants (outbound/), kept as durable jobs: a filing whose
// complainant gave an email address and asked for mail queues an acknowledgment per
// complaint in the filing's own transaction (domain::ReceivedFiling::mail), and every later
// status change queues a notice in the transaction that records it. The sender takes what
// is due, and records each outcome; a mail is never lost to a mail server that is down.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/calendar.hpp"
#include "storage/staff_directory.hpp"

namespace redress::storage {

enum class MailKind { acknowledgment, status_changed };

// As stored, and as the catalogue keys of the mail's texts name it ("mail.<name>.subject").
inline std::string_view mail_kind_name(MailKind kind) {
    return kind == MailKind::acknowledgment ? "acknowledgment" : "status_changed";
}

// One mail to send, with what it is composed from.
struct MailJob {
    std::int64_t id = 0;
    std::int64_t complaint_id = 0;
    std::string reference;  // the complaint's
    MailKind kind = MailKind::acknowledgment;
    std::vector<std::uint8_t> sealed_address;  // sealed with the mail key
    std::string language;
    std::vector<std::uint8_t> sealed_extra;  // the receipt, sealed with the mail key; or empty
    domain::Timestamp created_at{};
    std::uint32_t attempts = 0;  // failed so far
};

class Outbox {
  public:
    virtual ~Outbox() = default;

    // Up to `limit` mails due at or before `now`, earliest due first.
    virtual void due_mail(domain::Timestamp now, std::size_t limit,
                          Done<std::vector<MailJob>> done) = 0;
    // How many mails wait (neither sent nor given up).
    virtual void waiting_mail(Done<std::size_t> done) = 0;
    // Queues an acknowledgment of a stored complaint, carrying `sealed_extra` (sealed with
    // the mail key; empty: nothing) to the complaint's mail contact; for channels that
    // learn of the address after the filing is stored. Answers the job's id; not_found
    // when the complaint has no mail contact.
    virtual void queue_acknowledgment(std::int64_t complaint_id,
                                      std::vector<std::uint8_t> sealed_extra, domain::Timestamp at,
                                      Done<std::int64_t> done) = 0;
    // The mail went: recorded, and its sealed extra erased. Answers false when the job was
    // no longer waiting.
    virtual void mail_sent(std::int64_t job_id, domain::Timestamp at, Done<bool> done) = 0;
    // An attempt failed for a reason that may pass: one more attempt counted, `reason` kept
    // (no address, no content), and the next one due at `next_due`.
    virtual void mail_failed(std::int64_t job_id, std::string reason, domain::Timestamp next_due,
                             Done<bool> done) = 0;
    // No attempt will be made again: recorded with `reason`, its sealed extra erased.
    virtual void mail_given_up(std::int64_t job_id, std::string reason, domain::Timestamp at,
                               Done<bool> done) = 0;
};

}  // namespace redress::storage
