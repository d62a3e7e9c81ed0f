// How fast mail::read_message reads a realistic complaint by email: 2 KB of text and a
// 100 KB photo in base64 (about 137 KB on the wire). Prints messages per second on one
// thread; the email channel needs 500 a second end to end, so the parse should take well
// under a millisecond. `redress_bench_mail_parse [iterations]`.

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

#include "mail/inbound_message.hpp"

namespace {

std::string base64(const std::string& bytes) {
    static constexpr char k_alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string encoded;
    std::size_t line = 0;
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        unsigned value = static_cast<unsigned char>(bytes[i]) << 16;
        if (i + 1 < bytes.size()) value |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        if (i + 2 < bytes.size()) value |= static_cast<unsigned char>(bytes[i + 2]);
        encoded += k_alphabet[(value >> 18) & 63];
        encoded += k_alphabet[(value >> 12) & 63];
        encoded += i + 1 < bytes.size() ? k_alphabet[(value >> 6) & 63] : '=';
        encoded += i + 2 < bytes.size() ? k_alphabet[value & 63] : '=';
        if (++line == 19) {  // 76 characters a line
            encoded += "\r\n";
            line = 0;
        }
    }
    return encoded + "\r\n";
}

std::string realistic_message() {
    std::string text;
    while (text.size() < 2048) {
        text +=
            "On the evening of 2 March 2026 two officers stopped me outside the station, "
            "searched my bag and took my phone without giving a reason.\r\n";
    }
    std::mt19937 random(7);
    std::string photo = "\xFF\xD8\xFF\xE0";
    while (photo.size() < 100 * 1024) photo += static_cast<char>(random() & 0xFF);
    return "From: Jane Roe <jane.roe@example.org>\r\n"
           "To: complaints@oversight.example\r\n"
           "Subject: Complaint about a stop on 2 March\r\n"
           "Date: Tue, 03 Mar 2026 14:05:00 +0100\r\n"
           "Message-ID: <bench@mail.example.org>\r\n"
           "MIME-Version: 1.0\r\n"
           "Content-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n"
           "--outer\r\n"
           "Content-Type: text/plain; charset=utf-8\r\n"
           "Content-Transfer-Encoding: 8bit\r\n\r\n" +
           text +
           "\r\n--outer\r\n"
           "Content-Type: image/jpeg; name=\"IMG_0042.jpg\"\r\n"
           "Content-Disposition: attachment; filename=\"IMG_0042.jpg\"\r\n"
           "Content-Transfer-Encoding: base64\r\n\r\n" +
           base64(photo) + "--outer--\r\n";
}

}  // namespace

int main(int argc, char** argv) {
    const long iterations = argc > 1 ? std::atol(argv[1]) : 5000;
    const std::string raw = realistic_message();
    const auto check = redress::mail::read_message(raw);
    if (!check || check->attachments.size() != 1 ||
        check->attachments[0].content.size() != 100 * 1024) {
        std::fprintf(stderr, "the benchmark's message did not read as expected\n");
        return 1;
    }
    for (int i = 0; i < 200; ++i) (void)redress::mail::read_message(raw);  // warm up

    const auto start = std::chrono::steady_clock::now();
    std::size_t bytes = 0;
    for (long i = 0; i < iterations; ++i) {
        const auto read = redress::mail::read_message(raw);
        bytes += read ? read->attachments[0].content.size() : 0;
    }
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    const double per_second = static_cast<double>(iterations) / elapsed.count();
    std::printf("message: %zu bytes (2 KB text, 100 KB attachment in base64)\n", raw.size());
    std::printf(
        "read_message: %.0f messages/s on one thread, %.1f us each (%ld messages, %zu bytes "
        "decoded)\n",
        per_second, 1e6 / per_second, iterations, bytes);
    return 0;
}
