#pragma once
// The text of a mail to a complainant (RFC 5322): an acknowledgment of a complaint, or a
// notice that its status changed, in the complainant's language (share/locale/<lang>/
// mail.po). The body holds the reference, the link to the status page, the receipt only
// when the mail must carry it, and a line saying the office never sends a complaint's
// details by email: nothing else of the complaint, ever. Headers are checked: an address
// with a line break or anything a header could be split on is refused.
//
// The body is UTF-8 in quoted-printable, and a subject that is not ASCII is an RFC 2047
// encoded word, so that every server takes the mail without SMTPUTF8 or 8BITMIME.

#include <optional>
#include <string>
#include <string_view>

#include "domain/calendar.hpp"
#include "i18n/catalogue.hpp"
#include "storage/outbox.hpp"
#include "util/error.hpp"

namespace redress::outbound {

struct MailContent {
    storage::MailKind kind = storage::MailKind::acknowledgment;
    std::string from;
    std::string to;
    std::string reference;
    std::string status_link;             // e.g. "http://example.onion/status"
    std::optional<std::string> receipt;  // only in an acknowledgment that must carry it
    domain::Timestamp date{};
    // The same for every attempt at one mail, so that a mail sent twice (a node that died
    // between the mail server taking it and the database recording it) is one message to
    // the mail servers that drop what they have seen; its local part only. Empty: random.
    std::string message_id;
};

// Whether `address` may stand in a From or To header and an SMTP envelope: a local part
// and a domain of printable ASCII, without spaces, line breaks, angle brackets, commas,
// quotes or semicolons.
bool acceptable_address(std::string_view address);

// The whole message with CRLF line ends. Fails (invalid_input) when an address is not
// acceptable, or the reference, link or receipt holds a line break or a control character.
util::Expected<std::string> compose_mail(const i18n::Catalogue& catalogue,
                                         const MailContent& content);

// The subject alone, as the catalogue words it (not yet encoded).
std::string mail_subject(const i18n::Catalogue& catalogue, const MailContent& content);

// `text` as one or more RFC 2047 encoded words ("=?UTF-8?B?...?=") when it is not plain
// printable ASCII; as it is otherwise.
std::string encoded_header_text(std::string_view text);

// `text` (UTF-8, lines ending in \n) in quoted-printable with CRLF line ends, no line
// longer than 76 characters.
std::string quoted_printable(std::string_view text);

}  // namespace redress::outbound
