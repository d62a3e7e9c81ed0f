#pragma once
// One inbound email (the RFC 5322 bytes a mail server hands over) read into a plain
// structure that the email channel turns into a complaint, or a Quarantine saying why it
// cannot be read. GMime 3 parses the MIME structure and converts charsets; libxml2's HTML
// parser reads HTML bodies (mail/html_text.hpp).
//
// read_message never throws, and its time and memory are bounded by the limits: the size is
// checked before anything is decoded, parts are counted and depth measured while walking,
// and every string it returns is well-formed UTF-8. It may run on several threads at once
// (mail/gmime_runtime.hpp).

#include <cstddef>
#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace redress::mail {

struct MailLimits {
    std::size_t max_message_bytes = 25 * 1024 * 1024;
    std::size_t max_header_bytes = 64 * 1024;  // every header field of every part together
    std::size_t max_parts = 100;               // MIME parts, containers included
    std::size_t max_depth = 8;                 // nesting of multiparts and attached messages
    std::size_t max_attachments = 20;
    std::size_t max_text_bytes = 64 * 1024;  // the text kept; longer is cut and marked cut
};

struct InboundAttachment {
    // Decoded (RFC 2047 and RFC 2231, any charset, to UTF-8) and reduced to a safe display
    // name (mail/safe_file_name.hpp); "" when the message gives none.
    std::string file_name;
    // As the message declares it, lower case ("image/jpeg"); never checked against the
    // content, which only the content can tell.
    std::string declared_type;
    std::string content;       // the decoded bytes; an attached message is its RFC 5322 text
    bool inline_part = false;  // Content-Disposition inline, or a Content-ID (a cid: image)
};

struct InboundMessage {
    std::string from_address;               // the first mailbox of From, "local@domain"
    std::string from_name;                  // its display name, decoded; "" when none
    std::string reply_to;                   // the first mailbox of Reply-To; "" when none
    std::string subject;                    // decoded, one line
    std::string message_id;                 // without angle brackets; "" when none
    std::optional<std::int64_t> date_unix;  // Date, when present and readable
    // The body as plain text: text/plain preferred in multipart/alternative, else HTML made
    // text; several body parts of a multipart/mixed are joined by a blank line. Lines end in
    // '\n'; no control characters other than tab and line feed.
    std::string text;
    bool text_cut = false;                       // text was longer than MailLimits::max_text_bytes
    std::vector<InboundAttachment> attachments;  // in the order of the message
    std::string language_hint;  // the first tag of Content-Language, e.g. "es"; "" when none
};

struct Quarantine {
    // A stable code: too_large, empty, headers_too_large, not_a_message, no_sender,
    // bad_sender, too_many_parts, too_deep, too_many_attachments, unreadable.
    std::string reason;
    std::string detail;  // one English sentence for staff, with nothing of the message's content
};

std::expected<InboundMessage, Quarantine> read_message(std::string_view raw,
                                                       const MailLimits& limits = {});

}  // namespace redress::mail
