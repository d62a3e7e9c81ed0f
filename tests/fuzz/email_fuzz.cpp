// mail::read_message on any bytes, with small limits so that the fuzzer reaches them.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_check.hpp"
#include "mail/inbound_message.hpp"
#include "util/text.hpp"

namespace {

using redress::fuzz::require;

void require_display_text(std::string_view text, bool allow_newlines) {
    require(redress::util::valid_utf8(text), "every string is valid UTF-8");
    require(!redress::util::has_forbidden_controls(text, allow_newlines), "no control characters");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    redress::mail::MailLimits limits;
    limits.max_message_bytes = 64 * 1024;
    limits.max_header_bytes = 4 * 1024;
    limits.max_parts = 12;
    limits.max_depth = 4;
    limits.max_attachments = 5;
    limits.max_text_bytes = 2 * 1024;

    const std::string_view raw(reinterpret_cast<const char*>(data), size);
    const auto read =
        redress::mail::read_message(raw, limits);  // noexcept in effect: a throw aborts
    if (!read) {
        require(!read.error().reason.empty(), "a quarantine has a reason");
        return 0;
    }
    const auto& message = *read;
    require_display_text(message.from_address, false);
    require_display_text(message.from_name, false);
    require_display_text(message.reply_to, false);
    require_display_text(message.subject, false);
    require_display_text(message.message_id, false);
    require_display_text(message.language_hint, false);
    require_display_text(message.text, true);
    require(message.text.size() <= limits.max_text_bytes, "text within its limit");
    require(!message.text.empty() || !message.attachments.empty(), "something usable");
    require(message.attachments.size() <= limits.max_attachments, "attachments within the limit");
    require(message.from_address.find('@') != std::string::npos, "a sender's address");
    for (const auto& attachment : message.attachments) {
        require_display_text(attachment.file_name, false);
        require(attachment.file_name.find('/') == std::string::npos &&
                    attachment.file_name.find('\\') == std::string::npos,
                "no folder in a file name");
        require(attachment.file_name.size() <= 200, "a bounded file name");
        require(redress::util::valid_utf8(attachment.declared_type), "a declared type is text");
        // Decoding only shrinks; an attached message is written anew by GMime, so it may not.
        if (!attachment.declared_type.starts_with("message/")) {
            require(attachment.content.size() <= raw.size(), "content no larger than the message");
        }
    }
    return 0;
}
