#include "outbound/mail_composition.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <array>
#include <cstdint>

#include "crypto/random.hpp"

namespace redress::outbound {

namespace {

// RFC 2047: an encoded word is at most 75 characters; 45 bytes of text make 60 of base64,
// which with "=?UTF-8?B?" and "?=" fit.
constexpr std::size_t k_encoded_word_bytes = 45;
constexpr std::size_t k_line_length = 76;

bool printable_ascii(std::string_view text) {
    for (const unsigned char ch : text) {
        if (ch < 0x20 || ch > 0x7e) return false;
    }
    return true;
}

// Text from the outside that a header or the body quotes: no control character at all.
bool single_line(std::string_view text) {
    for (const unsigned char ch : text) {
        if (ch < 0x20 || ch == 0x7f) return false;
    }
    return true;
}

std::string base64(std::string_view bytes) {
    static constexpr std::string_view k_alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t at = 0;
    for (; at + 3 <= bytes.size(); at += 3) {
        const auto n = (static_cast<unsigned char>(bytes[at]) << 16) |
                       (static_cast<unsigned char>(bytes[at + 1]) << 8) |
                       static_cast<unsigned char>(bytes[at + 2]);
        for (const int shift : {18, 12, 6, 0}) out += k_alphabet[(n >> shift) & 0x3f];
    }
    if (const auto left = bytes.size() - at; left > 0) {
        unsigned n = static_cast<unsigned char>(bytes[at]) << 16;
        if (left == 2) n |= static_cast<unsigned char>(bytes[at + 1]) << 8;
        out += k_alphabet[(n >> 18) & 0x3f];
        out += k_alphabet[(n >> 12) & 0x3f];
        out += left == 2 ? k_alphabet[(n >> 6) & 0x3f] : '=';
        out += '=';
    }
    return out;
}

// Fills each "{name}" of `text`.
std::string fill(std::string_view text,
                 std::initializer_list<std::pair<std::string_view, std::string_view>> values) {
    std::string out(text);
    for (const auto& [name, value] : values) {
        const std::string placeholder = fmt::format("{{{}}}", name);
        for (auto at = out.find(placeholder); at != std::string::npos;
             at = out.find(placeholder, at + value.size())) {
            out.replace(at, placeholder.size(), value);
        }
    }
    return out;
}

std::string key(const MailContent& content, std::string_view part) {
    return fmt::format("mail.{}.{}", storage::mail_kind_name(content.kind), part);
}

std::string body(const i18n::Catalogue& catalogue, const MailContent& content) {
    const std::initializer_list<std::pair<std::string_view, std::string_view>> values = {
        {"reference", content.reference}, {"link", content.status_link}};
    std::string text = fill(catalogue.text(key(content, "body")), values);
    text += "\n\n";
    if (content.receipt) {
        text += fill(catalogue.text("mail.receipt"), {{"receipt", *content.receipt}});
        text += "\n\n";
    }
    text += catalogue.text("mail.no_details");
    text += '\n';
    return text;
}

std::string message_id(const MailContent& content) {
    std::string id = content.message_id;
    if (id.empty()) {
        std::array<std::uint8_t, 16> random{};
        crypto::fill_random(random);
        for (const auto byte : random) id += fmt::format("{:02x}", byte);
    }
    return fmt::format("<{}@{}>", id, content.from.substr(content.from.rfind('@') + 1));
}

}  // namespace

bool acceptable_address(std::string_view address) {
    static constexpr std::string_view k_refused = " <>(),;:\"[]\\";
    const auto at = address.rfind('@');
    if (at == std::string_view::npos || at == 0 || at + 1 == address.size()) return false;
    if (address.size() > 254 || !printable_ascii(address)) return false;
    if (address.find_first_of(k_refused) != std::string_view::npos) return false;
    const auto domain = address.substr(at + 1);
    return domain.find('@') == std::string_view::npos && !domain.starts_with('.') &&
           !domain.ends_with('.') && domain.find("..") == std::string_view::npos;
}

std::string mail_subject(const i18n::Catalogue& catalogue, const MailContent& content) {
    return fill(catalogue.text(key(content, "subject")), {{"reference", content.reference}});
}

std::string encoded_header_text(std::string_view text) {
    if (printable_ascii(text)) return std::string(text);
    std::string out;
    std::size_t at = 0;
    while (at < text.size()) {
        // Never split a UTF-8 sequence between two words (RFC 2047, section 5).
        std::size_t end = std::min(at + k_encoded_word_bytes, text.size());
        while (end < text.size() && end > at &&
               (static_cast<unsigned char>(text[end]) & 0xc0) == 0x80) {
            --end;
        }
        if (!out.empty()) out += "\r\n ";
        out += "=?UTF-8?B?" + base64(text.substr(at, end - at)) + "?=";
        at = end;
    }
    return out;
}

std::string quoted_printable(std::string_view text) {
    std::string out;
    std::size_t column = 0;
    const auto put = [&](std::string_view piece) {
        if (column + piece.size() > k_line_length - 1) {
            out += "=\r\n";
            column = 0;
        }
        out += piece;
        column += piece.size();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto ch = static_cast<unsigned char>(text[i]);
        if (ch == '\n') {
            out += "\r\n";
            column = 0;
            continue;
        }
        const bool line_end_next = i + 1 == text.size() || text[i + 1] == '\n';
        // Spaces and tabs at the end of a line would be lost in transit; "." at the start
        // of a line is left to SMTP's dot-stuffing, which libcurl does.
        const bool plain =
            (ch >= 33 && ch <= 126 && ch != '=') || ((ch == ' ' || ch == '\t') && !line_end_next);
        if (plain) {
            const char piece[1] = {static_cast<char>(ch)};
            put(std::string_view(piece, 1));
        } else {
            put(fmt::format("={:02X}", ch));
        }
    }
    return out;
}

util::Expected<std::string> compose_mail(const i18n::Catalogue& catalogue,
                                         const MailContent& content) {
    if (!acceptable_address(content.from) || !acceptable_address(content.to)) {
        return util::fail(util::ErrorCode::invalid_input, "an address is not acceptable in mail");
    }
    if (!single_line(content.reference) || !single_line(content.status_link) ||
        (content.receipt && !single_line(*content.receipt))) {
        return util::fail(util::ErrorCode::invalid_input, "a line break in a mail's fields");
    }
    const auto subject = mail_subject(catalogue, content);
    if (!single_line(subject)) {
        return util::fail(util::ErrorCode::invalid_input, "a line break in a mail's subject");
    }
    std::string message;
    message += fmt::format("From: {}\r\n", content.from);
    message += fmt::format("To: {}\r\n", content.to);
    message += fmt::format("Subject: {}\r\n", encoded_header_text(subject));
    message += fmt::format("Date: {:%a, %d %b %Y %H:%M:%S} +0000\r\n", content.date);
    message += fmt::format("Message-ID: {}\r\n", message_id(content));
    message += "MIME-Version: 1.0\r\n";
    message += fmt::format("Content-Language: {}\r\n", catalogue.language());
    message += "Content-Type: text/plain; charset=utf-8\r\n";
    message += "Content-Transfer-Encoding: quoted-printable\r\n";
    message += "Auto-Submitted: auto-generated\r\n";
    message += "\r\n";
    message += quoted_printable(body(catalogue, content));
    return message;
}

}  // namespace redress::outbound
