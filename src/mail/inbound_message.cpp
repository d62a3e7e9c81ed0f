#include "mail/inbound_message.hpp"

#include <gmime/gmime.h>

#include <cerrno>
#include <cstdint>
#include <memory>
#include <new>
#include <utility>

#include "mail/gmime_runtime.hpp"
#include "mail/html_text.hpp"
#include "mail/safe_file_name.hpp"
#include "mail/utf8_repair.hpp"
#include "util/text.hpp"

namespace redress::mail {
namespace {

constexpr std::size_t k_max_line_bytes = 998;  // RFC 5322's longest line: subject, Message-ID
constexpr std::size_t k_max_address_bytes = 254;
constexpr std::size_t k_max_name_bytes = 256;
constexpr std::size_t k_max_type_bytes = 127;
constexpr std::size_t k_max_language_bytes = 35;
constexpr std::string_view k_attached_message_name = "message.eml";

Quarantine quarantine(std::string reason, std::string detail) {
    return Quarantine{std::move(reason), std::move(detail)};
}

// ---- Checks on the raw bytes, before GMime reads them ----

// A mail server that delivers through a pipe may put an mbox "From " line first.
std::string_view without_envelope_line(std::string_view raw) {
    if (!raw.starts_with("From ")) return raw;
    const auto end = raw.find('\n');
    return end == std::string_view::npos ? std::string_view{} : raw.substr(end + 1);
}

bool blank(std::string_view text) {
    for (const char c : text) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
    }
    return true;
}

// Bytes of the top-level header block: up to the first empty line.
std::size_t header_block_bytes(std::string_view raw) {
    std::size_t start = 0;
    while (start < raw.size()) {
        const auto end = raw.find('\n', start);
        if (end == std::string_view::npos) return raw.size();
        const auto line = raw.substr(start, end - start);
        if (line.empty() || line == "\r") return start;
        start = end + 1;
    }
    return raw.size();
}

// `prefix` in lower case; without allocating, since it runs on every line of the message.
bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        const char c = text[i];
        if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != prefix[i])
            return false;
    }
    return true;
}

// Lines that start a Content-Type field, anywhere in the message. GMime parses nested
// multiparts and attached messages recursively and, in the version Debian ships, without a
// limit of its own; each level needs a Content-Type field, so refusing a message with too
// many of them bounds GMime's recursion before it starts. Quoted fields in a body count too,
// hence the allowance of twice the parts.
std::size_t content_type_fields(std::string_view raw) {
    constexpr std::string_view k_name = "content-type";
    std::size_t count = 0;
    std::size_t start = 0;
    while (start < raw.size()) {
        if (starts_with_ignoring_case(raw.substr(start), k_name)) {
            auto after = start + k_name.size();
            while (after < raw.size() && (raw[after] == ' ' || raw[after] == '\t')) ++after;
            if (after < raw.size() && raw[after] == ':') ++count;
        }
        const auto end = raw.find('\n', start);
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return count;
}

// ---- GMime without its casting macros (C casts, which our warnings refuse) ----

template <typename T>
T* as(void* object, GType type) {
    if (object == nullptr) return nullptr;
    return g_type_check_instance_is_a(static_cast<GTypeInstance*>(object), type)
               ? static_cast<T*>(object)
               : nullptr;
}

GMimeObject* as_object(void* object) {
    return static_cast<GMimeObject*>(object);
}

std::string text_of(const char* text) {
    return text == nullptr ? std::string{} : text;
}

std::string one_line(const char* text, std::size_t max_bytes) {
    if (text == nullptr) return {};
    const std::string cleaned = clean_text(text, Newlines::as_spaces);
    return std::string(cut_utf8(util::trim(cleaned), max_bytes));
}

std::string lower_mime_type(GMimeContentType* type) {
    if (type == nullptr) return "application/octet-stream";
    char* mime_type = g_mime_content_type_get_mime_type(type);
    std::string lowered = util::to_lower_ascii(text_of(mime_type));
    g_free(mime_type);
    std::string kept;
    for (const char c : lowered) {
        const bool token = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                           std::string_view("!#$&^_.+-/").find(c) != std::string_view::npos;
        if (token) kept += c;
    }
    if (kept.size() > k_max_type_bytes || kept.find('/') == std::string::npos) {
        return "application/octet-stream";
    }
    return kept;
}

// The decoded bytes (quoted-printable, base64, uuencode undone) of a leaf part.
std::string decoded_content(GMimePart* part) {
    GMimeDataWrapper* wrapper = g_mime_part_get_content(part);
    if (wrapper == nullptr) return {};
    const GObjectHandle<GMimeStream> stream(g_mime_stream_mem_new());
    if (g_mime_data_wrapper_write_to_stream(wrapper, stream.get()) < 0) return {};
    GByteArray* bytes =
        g_mime_stream_mem_get_byte_array(reinterpret_cast<GMimeStreamMem*>(stream.get()));
    if (bytes == nullptr || bytes->len == 0) return {};
    return std::string(reinterpret_cast<const char*>(bytes->data), bytes->len);
}

// A whole attached message, as RFC 5322 text.
std::string message_text(GMimeMessage* message) {
    const GObjectHandle<GMimeStream> stream(g_mime_stream_mem_new());
    if (g_mime_object_write_to_stream(as_object(message), nullptr, stream.get()) < 0) return {};
    GByteArray* bytes =
        g_mime_stream_mem_get_byte_array(reinterpret_cast<GMimeStreamMem*>(stream.get()));
    if (bytes == nullptr || bytes->len == 0) return {};
    return std::string(reinterpret_cast<const char*>(bytes->data), bytes->len);
}

// `bytes` in `from` (GMime's charset names and aliases) to UTF-8, each byte that does not
// convert replaced by U+FFFD, so that one bad byte never loses the rest of the text.
std::string converted(iconv_t converter, std::string_view bytes) {
    std::string out(bytes.size() * 2 + 16, '\0');
    char* in = const_cast<char*>(bytes.data());  // iconv's signature; it does not write
    std::size_t in_left = bytes.size();
    std::size_t written = 0;
    while (in_left > 0) {
        char* out_next = out.data() + written;
        std::size_t out_left = out.size() - written;
        const std::size_t result = iconv(converter, &in, &in_left, &out_next, &out_left);
        written = static_cast<std::size_t>(out_next - out.data());
        if (result != static_cast<std::size_t>(-1)) break;
        if (errno == E2BIG) {
            out.resize(out.size() * 2);
            continue;
        }
        // EILSEQ or EINVAL: a byte that does not belong; replace it and go on.
        if (out.size() - written < 3) out.resize(out.size() * 2);
        out.replace(written, 3, "\xEF\xBF\xBD");
        written += 3;
        ++in;
        --in_left;
        iconv(converter, nullptr, nullptr, nullptr, nullptr);
    }
    out.resize(written);
    return out;
}

std::string to_utf8(std::string_view bytes, const char* declared_charset) {
    if (bytes.empty()) return {};
    std::string charset = util::to_lower_ascii(util::trim(text_of(declared_charset)));
    const bool unicode = charset == "utf-8" || charset == "utf8";
    if (charset.empty() || unicode || charset == "us-ascii" || charset == "ascii") {
        if (util::valid_utf8(bytes)) return std::string(bytes);
        // Declared UTF-8 with a bad byte is still UTF-8; 8-bit text declared as nothing or
        // ASCII is most often Windows' Western charset.
        if (unicode) return repair_utf8(bytes);
        charset = "windows-1252";
    }
    const iconv_t converter = g_mime_iconv_open("UTF-8", charset.c_str());
    if (converter == reinterpret_cast<iconv_t>(static_cast<std::intptr_t>(-1))) {
        return repair_utf8(bytes);  // a charset nobody knows: keep what is UTF-8
    }
    std::string text = converted(converter, bytes);
    g_mime_iconv_close(converter);
    return repair_utf8(text);
}

// Trailing spaces off each line, at most one blank line in a row, no blank lines around.
std::string tidy(std::string_view text) {
    std::string tidied;
    tidied.reserve(text.size());
    std::size_t newlines = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        auto line = text.substr(start, end - start);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
        if (line.empty()) {
            ++newlines;
        } else {
            if (!tidied.empty()) tidied.append(newlines > 0 ? 2 : 1, '\n');
            tidied.append(line);
            newlines = 0;
        }
        start = end + 1;
    }
    return tidied;
}

std::string language_tag(const char* header) {
    std::string tag;
    const std::string text = text_of(header);  // trim() views it: it must outlive the loop
    for (const char c : util::trim(text)) {
        if (c == ',' || c == ' ' || c == ';') break;
        const bool allowed =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
        if (!allowed) return {};
        tag += c;
    }
    if (tag.size() > k_max_language_bytes) return {};
    return util::to_lower_ascii(tag);
}

// ---- Senders ----

bool plausible_address(std::string_view address) {
    if (address.empty() || address.size() > k_max_address_bytes) return false;
    // GMime turns an IDN domain's punycode back into Unicode, which can be anything.
    if (!util::valid_utf8(address) || util::has_forbidden_controls(address, false)) return false;
    for (const char c : address) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte == 0x7F || c == '<' || c == '>' || c == ',' || c == ';') {
            return false;
        }
    }
    const auto at = address.rfind('@');
    return at != std::string_view::npos && at > 0 && at + 1 < address.size();
}

InternetAddressMailbox* first_mailbox(InternetAddressList* list) {
    if (list == nullptr) return nullptr;
    const int count = internet_address_list_length(list);
    for (int i = 0; i < count; ++i) {
        InternetAddress* address = internet_address_list_get_address(list, i);
        if (auto* mailbox =
                as<InternetAddressMailbox>(address, internet_address_mailbox_get_type())) {
            return mailbox;
        }
        if (auto* group = as<InternetAddressGroup>(address, internet_address_group_get_type())) {
            if (auto* member = first_mailbox(internet_address_group_get_members(group))) {
                return member;
            }
        }
    }
    return nullptr;
}

// ---- The walk over the MIME tree ----

enum class Role {
    body,              // text parts are the body, the rest attachments
    attachments_only,  // an alternative not chosen: its text repeats the body
    count_only,        // inside an attached message: counted against the limits only
};

bool is_type(GMimeObject* object, const char* type, const char* subtype) {
    GMimeContentType* content_type = g_mime_object_get_content_type(object);
    return content_type != nullptr && g_mime_content_type_is_type(content_type, type, subtype);
}

// A text/plain or text/html part that is not an attachment: part of what the sender wrote.
bool body_text(GMimeObject* object) {
    auto* part = as<GMimePart>(object, g_mime_part_get_type());
    if (part == nullptr) return false;
    if (!is_type(object, "text", "plain") && !is_type(object, "text", "html")) return false;
    const char* disposition = g_mime_object_get_disposition(object);
    if (disposition != nullptr && g_ascii_strcasecmp(disposition, "attachment") == 0) {
        return false;
    }
    const char* file_name = g_mime_part_get_filename(part);
    return file_name == nullptr || *file_name == '\0';
}

// Which alternative holds the body: plain text, else HTML, else the first container.
int chosen_alternative(GMimeMultipart* alternative) {
    const int count = g_mime_multipart_get_count(alternative);
    int plain = -1;
    int html = -1;
    int container = -1;
    for (int i = 0; i < count; ++i) {
        GMimeObject* child = g_mime_multipart_get_part(alternative, i);
        if (body_text(child)) {
            if (is_type(child, "text", "plain") && plain < 0) plain = i;
            if (is_type(child, "text", "html") && html < 0) html = i;
        } else if (container < 0 &&
                   (as<GMimeMultipart>(child, g_mime_multipart_get_type()) != nullptr)) {
            container = i;
        }
    }
    if (plain >= 0) return plain;
    if (html >= 0) return html;
    return container;
}

class Walk {
  public:
    explicit Walk(const MailLimits& limits) : m_limits(limits) {}

    std::optional<Quarantine> count_headers(GMimeObject* object) {
        GMimeHeaderList* headers = g_mime_object_get_header_list(object);
        if (headers == nullptr) return std::nullopt;
        const int count = g_mime_header_list_get_count(headers);
        for (int i = 0; i < count; ++i) {
            GMimeHeader* header = g_mime_header_list_get_header_at(headers, i);
            if (header == nullptr) continue;
            m_header_bytes += text_of(g_mime_header_get_name(header)).size() +
                              text_of(g_mime_header_get_raw_value(header)).size() + 2;
        }
        if (m_header_bytes > m_limits.max_header_bytes) {
            return quarantine("headers_too_large",
                              "The message's header fields together are longer than allowed.");
        }
        return std::nullopt;
    }

    // `top` says the object is the body of a message, whose header fields were counted
    // with the message's.
    std::optional<Quarantine> walk(GMimeObject* object, std::size_t depth, Role role, bool top) {
        if (object == nullptr) return std::nullopt;
        if (++m_parts > m_limits.max_parts) {
            return quarantine("too_many_parts", "The message has more MIME parts than allowed.");
        }
        if (depth > m_limits.max_depth) {
            return quarantine("too_deep", "The message's parts are nested deeper than allowed.");
        }
        if (!top) {
            if (auto refused = count_headers(object)) return refused;
        }
        if (auto* multipart = as<GMimeMultipart>(object, g_mime_multipart_get_type())) {
            return walk_multipart(multipart, object, depth, role);
        }
        if (auto* message_part = as<GMimeMessagePart>(object, g_mime_message_part_get_type())) {
            return walk_attached_message(message_part, object, depth, role);
        }
        if (auto* part = as<GMimePart>(object, g_mime_part_get_type())) {
            return walk_leaf(part, object, role);
        }
        return std::nullopt;  // a message/partial: nothing a reader can use on its own
    }

    std::vector<std::string> take_texts() { return std::move(m_texts); }
    std::vector<InboundAttachment> take_attachments() { return std::move(m_attachments); }
    const std::string& body_language() const { return m_body_language; }

  private:
    std::optional<Quarantine> walk_multipart(GMimeMultipart* multipart, GMimeObject* object,
                                             std::size_t depth, Role role) {
        const int count = g_mime_multipart_get_count(multipart);
        const int chosen = role == Role::body && is_type(object, "multipart", "alternative")
                               ? chosen_alternative(multipart)
                               : -2;
        for (int i = 0; i < count; ++i) {
            Role child_role = role;
            if (chosen != -2 && i != chosen) child_role = Role::attachments_only;
            if (auto refused =
                    walk(g_mime_multipart_get_part(multipart, i), depth + 1, child_role, false)) {
                return refused;
            }
        }
        return std::nullopt;
    }

    std::optional<Quarantine> walk_attached_message(GMimeMessagePart* message_part,
                                                    GMimeObject* object, std::size_t depth,
                                                    Role role) {
        GMimeMessage* inner = g_mime_message_part_get_message(message_part);
        if (inner != nullptr) {
            if (auto refused = count_headers(as_object(inner))) return refused;
            if (auto refused =
                    walk(g_mime_message_get_mime_part(inner), depth + 1, Role::count_only, true)) {
                return refused;
            }
        }
        if (role == Role::count_only) return std::nullopt;
        InboundAttachment attachment;
        const char* declared_name =
            g_mime_object_get_content_disposition_parameter(object, "filename");
        attachment.file_name = safe_file_name(text_of(declared_name));
        if (attachment.file_name.empty()) attachment.file_name = k_attached_message_name;
        attachment.declared_type = lower_mime_type(g_mime_object_get_content_type(object));
        attachment.content = inner != nullptr ? message_text(inner) : std::string{};
        attachment.inline_part = inline_part(object);
        return add(std::move(attachment));
    }

    std::optional<Quarantine> walk_leaf(GMimePart* part, GMimeObject* object, Role role) {
        if (role == Role::count_only) return std::nullopt;
        if (body_text(object)) {
            if (role == Role::attachments_only) return std::nullopt;
            GMimeContentType* type = g_mime_object_get_content_type(object);
            std::string text =
                to_utf8(decoded_content(part), g_mime_content_type_get_parameter(type, "charset"));
            if (is_type(object, "text", "html")) text = html_to_text(text);
            m_texts.push_back(clean_text(text, Newlines::keep));
            if (m_body_language.empty()) {
                m_body_language =
                    language_tag(g_mime_object_get_header(object, "Content-Language"));
            }
            return std::nullopt;
        }
        InboundAttachment attachment;
        attachment.file_name = safe_file_name(text_of(g_mime_part_get_filename(part)));
        attachment.declared_type = lower_mime_type(g_mime_object_get_content_type(object));
        attachment.content = decoded_content(part);
        attachment.inline_part = inline_part(object);
        return add(std::move(attachment));
    }

    static bool inline_part(GMimeObject* object) {
        const char* disposition = g_mime_object_get_disposition(object);
        const char* content_id = g_mime_object_get_content_id(object);
        return (disposition != nullptr && g_ascii_strcasecmp(disposition, "inline") == 0) ||
               (content_id != nullptr && *content_id != '\0');
    }

    std::optional<Quarantine> add(InboundAttachment attachment) {
        if (m_attachments.size() + 1 > m_limits.max_attachments) {
            return quarantine("too_many_attachments",
                              "The message has more attachments than allowed.");
        }
        m_attachments.push_back(std::move(attachment));
        return std::nullopt;
    }

    const MailLimits& m_limits;
    std::size_t m_parts = 0;
    std::size_t m_header_bytes = 0;
    std::vector<std::string> m_texts;
    std::vector<InboundAttachment> m_attachments;
    std::string m_body_language;
};

struct ParserOptionsRelease {
    void operator()(GMimeParserOptions* options) const { g_mime_parser_options_free(options); }
};

std::unique_ptr<GMimeParserOptions, ParserOptionsRelease> lenient_options() {
    std::unique_ptr<GMimeParserOptions, ParserOptionsRelease> options(g_mime_parser_options_new());
    // Read what real mail programs send, not only what the RFCs allow: encoded-words inside
    // words and quoted strings, RFC 2047 in file names, addresses with odd syntax.
    g_mime_parser_options_set_rfc2047_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_parameter_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_address_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
    // Unlabelled 8-bit header text: UTF-8 when it is, else Windows' Western charset.
    const char* fallback[] = {"UTF-8", "windows-1252", nullptr};
    g_mime_parser_options_set_fallback_charsets(options.get(), fallback);
    return options;
}

std::expected<InboundMessage, Quarantine> read(std::string_view raw, const MailLimits& limits) {
    if (raw.size() > limits.max_message_bytes) {
        return std::unexpected(quarantine("too_large", "The message is larger than allowed."));
    }
    const std::string_view message_bytes = without_envelope_line(raw);
    if (blank(message_bytes)) {
        return std::unexpected(quarantine("empty", "The message has no content at all."));
    }
    if (header_block_bytes(message_bytes) > limits.max_header_bytes) {
        return std::unexpected(quarantine(
            "headers_too_large", "The message's header fields together are longer than allowed."));
    }
    if (content_type_fields(message_bytes) > 2 * limits.max_parts) {
        return std::unexpected(
            quarantine("too_many_parts", "The message declares more MIME parts than allowed."));
    }

    ensure_mail_libraries();
    const auto options = lenient_options();
    const GObjectHandle<GMimeStream> stream(
        g_mime_stream_mem_new_with_buffer(message_bytes.data(), message_bytes.size()));
    const GObjectHandle<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
    const GObjectHandle<GMimeMessage> message(
        g_mime_parser_construct_message(parser.get(), options.get()));
    GMimeHeaderList* headers =
        message ? g_mime_object_get_header_list(as_object(message.get())) : nullptr;
    if (headers == nullptr || g_mime_header_list_get_count(headers) == 0) {
        return std::unexpected(
            quarantine("not_a_message", "The bytes received are not an email message."));
    }

    InboundMessage inbound;
    InternetAddressMailbox* from = first_mailbox(g_mime_message_get_from(message.get()));
    if (from == nullptr) {
        const bool has_from = g_mime_object_get_header(as_object(message.get()), "From") != nullptr;
        return std::unexpected(
            has_from ? quarantine("bad_sender", "The message's From field names no mailbox.")
                     : quarantine("no_sender", "The message has no From field."));
    }
    const std::string from_address = text_of(internet_address_mailbox_get_addr(from));
    if (!plausible_address(from_address)) {
        return std::unexpected(
            quarantine("bad_sender", "The message's From field is not a usable email address."));
    }
    inbound.from_address = from_address;
    inbound.from_name = one_line(
        internet_address_get_name(reinterpret_cast<InternetAddress*>(from)), k_max_name_bytes);
    if (auto* reply_to = first_mailbox(g_mime_message_get_reply_to(message.get()))) {
        const std::string address = text_of(internet_address_mailbox_get_addr(reply_to));
        if (plausible_address(address)) inbound.reply_to = address;
    }
    inbound.subject = one_line(g_mime_message_get_subject(message.get()), k_max_line_bytes);
    inbound.message_id = one_line(g_mime_message_get_message_id(message.get()), k_max_line_bytes);
    if (GDateTime* date = g_mime_message_get_date(message.get())) {
        inbound.date_unix = g_date_time_to_unix(date);
    }

    Walk walk(limits);
    if (auto refused = walk.count_headers(as_object(message.get()))) {
        return std::unexpected(std::move(*refused));
    }
    if (auto refused =
            walk.walk(g_mime_message_get_mime_part(message.get()), 1, Role::body, true)) {
        return std::unexpected(std::move(*refused));
    }

    std::string text;
    for (const auto& piece : walk.take_texts()) {
        if (blank(piece)) continue;
        if (!text.empty()) text += "\n\n";
        text += piece;
    }
    text = tidy(text);
    if (text.size() > limits.max_text_bytes) {
        text = std::string(cut_utf8(text, limits.max_text_bytes));
        inbound.text_cut = true;
    }
    inbound.text = std::move(text);
    inbound.attachments = walk.take_attachments();
    if (inbound.text.empty() && inbound.attachments.empty()) {
        return std::unexpected(
            quarantine("empty", "The message has neither text nor attachments."));
    }
    inbound.language_hint =
        language_tag(g_mime_object_get_header(as_object(message.get()), "Content-Language"));
    if (inbound.language_hint.empty()) inbound.language_hint = walk.body_language();
    return inbound;
}

}  // namespace

std::expected<InboundMessage, Quarantine> read_message(std::string_view raw,
                                                       const MailLimits& limits) {
    try {
        return read(raw, limits);
    } catch (const std::bad_alloc&) {
        return std::unexpected(
            quarantine("unreadable", "Reading the message needed more memory than there was."));
    } catch (...) {
        return std::unexpected(quarantine("unreadable", "The message could not be read."));
    }
}

}  // namespace redress::mail
