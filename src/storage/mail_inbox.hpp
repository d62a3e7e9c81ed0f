#pragma once
// Email intake as storage keeps it (src/inbound/): which spool files were taken in (each
// recorded in the same transaction as what was made of it, so that a file is taken once
// however often the server stops), the complaint a reply names and where its mail goes,
// and the quarantine of messages that were not taken in, for staff.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/audit_event.hpp"
#include "domain/evidence.hpp"
#include "storage/correspondence.hpp"
#include "storage/staff_directory.hpp"

namespace redress::storage {

// A complaint a reply names, and its complainant's mail address (sealed with the mail key;
// empty when the complaint has no mail contact).
struct ReplyContact {
    std::int64_t complaint_id = 0;
    std::string reference;
    std::vector<std::uint8_t> sealed_address;
    std::size_t messages = 0;  // held already
};

// A reply from the complainant by email: their text as a message, the attachments as
// evidence, and the spool file it came from.
struct MailReply {
    std::string spool_name;
    ComplainantMessageRecord message;
    domain::AuditEvent message_audit;
    std::vector<domain::Evidence> files;  // kept already; none: no evidence added
    domain::EvidenceLimits limits;
    domain::AuditEvent evidence_audit;
};

// A message that was not taken in. The raw message lies sealed in the evidence folder
// under stored_name.
struct QuarantineRecord {
    std::string spool_name;
    domain::Timestamp received_at{};
    std::string reason;  // a stable code
    std::string detail;  // one English sentence, nothing of the content
    std::string stored_name;
    std::uint64_t size = 0;
};

struct QuarantinedMail {
    std::int64_t id = 0;
    domain::Timestamp received_at{};
    std::string reason;
    std::string detail;
    std::string stored_name;
    std::uint64_t size = 0;
};

class MailInbox {
  public:
    virtual ~MailInbox() = default;

    // Whether the spool file `spool_name` was taken in already.
    virtual void mail_taken(std::string spool_name, Done<bool> done) = 0;
    // The complaint `reference` and its mail contact; nullopt when there is no such
    // complaint.
    virtual void reply_contact(std::string reference, Done<std::optional<ReplyContact>> done) = 0;
    // Appends the message (and the files, when any) with their audit entries and records
    // the spool file, in one write; answers the message's id. Fails (conflict) when the
    // complaint is full of messages or files: nothing is stored.
    virtual void take_reply(MailReply reply, Done<std::int64_t> done) = 0;
    // Records the quarantine with `audit` and the spool file, in one write; answers its id.
    virtual void quarantine_mail(QuarantineRecord record, domain::AuditEvent audit,
                                 Done<std::int64_t> done) = 0;
    // The newest `limit` quarantined messages, newest first.
    virtual void quarantined_mail(std::size_t limit, Done<std::vector<QuarantinedMail>> done) = 0;
    virtual void find_quarantined(std::int64_t id, Done<std::optional<QuarantinedMail>> done) = 0;
};

}  // namespace redress::storage
