#pragma once
// A validated filing as it is stored: personal data of the complainant, the person
// affected and witnesses, and the account of what happened with its subjects, already
// sealed (encrypted) by the caller, so that storage never sees them in the clear; only
// what statistics and routing need stays readable. One complaint per destination office.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/calendar.hpp"
#include "domain/clock.hpp"
#include "domain/complaint_clocks.hpp"
#include "domain/complaint_status.hpp"
#include "domain/evidence.hpp"
#include "domain/filing.hpp"
#include "domain/finding.hpp"
#include "domain/message.hpp"

namespace redress::domain {

enum class Channel { web, api, email, phone, mail, referral };
std::string_view channel_name(Channel channel);
std::optional<Channel> parse_channel(std::string_view name);

using ReceiptHash = std::array<std::uint8_t, 32>;

struct Destination {
    Destination() = default;
    Destination(std::string office, std::string prefix)
        : office_id(std::move(office)), reference_prefix(std::move(prefix)) {}

    std::string office_id;
    std::string reference_prefix;
    // The complaint's first deadline (domain::first_deadline), stored with it so that the
    // deadline keeper need not work it out; not worked out: the keeper does.
    bool deadline_worked_out = false;
    std::optional<NextDeadline> deadline;
};

// Where mail about a filing goes (outbound/): the complainant's email address sealed with
// the mail key, and what is sent there. Each complaint of the filing is acknowledged.
struct MailContact {
    std::vector<std::uint8_t> sealed_address;
    std::string language;         // the mails' language, e.g. "es"
    bool status_notices = false;  // also a notice whenever the status changes
    // Sealed with the mail key: a receipt the acknowledgment must carry, because the
    // complainant never saw it on a screen (a complaint received by email); empty: none.
    std::vector<std::uint8_t> sealed_receipt;
};

// A filing a member of staff entered for a caller or a writer (channel phone or mail): who
// took it, and when the office was contacted (the call, or the date on the letter). The
// received_at of the filing stays the moment it was stored, and the service-level clocks
// start there too: the date on a letter is when it was written, not when it reached the
// office, and a call is entered while it lasts or just after, so the moment of storing is
// the office's own first sight of it; one start also keeps the clocks, the status page and
// the signed proof of filing telling the same time.
struct StaffEntry {
    std::int64_t entered_by = 0;  // the member's staff id
    std::string actor;            // "staff:<username>", for the audit trail
    Timestamp contacted_at{};
};

struct ReceivedFiling {
    Channel channel = Channel::web;
    std::string language;
    Timestamp received_at;
    ReceiptHash receipt_hash{};
    Confidentiality confidentiality = Confidentiality::anonymous;
    bool whistleblower = false;
    bool on_behalf = false;
    std::vector<std::uint8_t> sealed_people;   // complainant, person affected, witnesses
    std::vector<std::uint8_t> sealed_account;  // when, where, what happened, subjects
    std::string incident_date;                 // as filed: YYYY-MM-DD, YYYY-MM or ""
    std::string incident_date_precision;       // "exact", "approximate" or ""
    std::vector<std::string> categories;
    std::size_t subject_count = 0;
    std::size_t witness_count = 0;
    // A NameMark of each subject's name (16 bytes each): staff so named are closed out of
    // the complaint (domain/identity_access.hpp) without the names kept in the clear.
    std::vector<std::uint8_t> subject_marks;
    std::vector<Destination> destinations;
    // Files sent with the filing, already sealed in the evidence folder.
    std::vector<Evidence> evidence;
    std::optional<MailContact> mail;        // none: no mail is sent about this filing
    std::optional<StaffEntry> staff_entry;  // entered by staff (phone, mail); else none
    // The spool file of the email it came from (src/inbound/), recorded in the filing's own
    // write so that the email is taken once; "" for every other channel.
    std::string inbound_mail;
};

// One complaint as filed with one office.
struct FiledComplaint {
    std::string office_id;
    std::string reference;
};

// A message between the office and the complainant as a status look-up reads it, its text
// still sealed with the content key.
struct SealedMessage {
    Timestamp at{};
    MessageKind kind = MessageKind::to_complainant;
    std::vector<std::uint8_t> sealed_text;
};

// The outcome of a closed case as the complainant is told it: the findings of the latest
// round and the latest closure, its texts still sealed with the content key.
struct SealedOutcome {
    std::vector<AllegationFinding> findings;  // one per allegation
    std::vector<std::uint8_t> sealed_text;
    std::vector<std::uint8_t> sealed_remedy;
    std::string reconsider_until;  // YYYY-MM-DD, the last day to ask; "" when not offered
};

// What a status look-up reads back.
struct ComplaintRecord {
    std::int64_t id = 0;  // the complaint's, in storage: for the complainant's messages
    std::string office_id;
    std::string reference;
    Timestamp received_at;
    ReceiptHash receipt_hash{};
    Status status = Status::received;
    std::vector<TimelineEvent> timeline;   // oldest first, with the notes staff stated
    std::vector<SealedMessage> messages;   // both ways, oldest first
    std::optional<SealedOutcome> outcome;  // while the complaint is closed after a case
    // "anonymous", "confidential" or "open", as filed; and the complainant's latest word on
    // whether an office the complaint is referred to may see their identity.
    std::string confidentiality;
    bool identity_consent = false;
    // The clocks paused (a reason) and resumed (none) by staff, oldest first.
    std::vector<ClockHold> holds;
};

}  // namespace redress::domain
