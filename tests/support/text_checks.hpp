#pragma once
// What tests ask of the text of a page, a log or a message.

#include <cctype>
#include <string>
#include <string_view>

namespace redress::testing {

inline bool contains(std::string_view text, std::string_view part) {
    return text.find(part) != std::string_view::npos;
}

// A body decoded from quoted-printable: soft line breaks joined, =XX read back.
inline std::string decoded_quoted_printable(const std::string& message) {
    std::string out;
    for (std::size_t i = 0; i < message.size(); ++i) {
        if (message[i] == '=' && message.compare(i + 1, 2, "\r\n") == 0) {
            i += 2;
        } else if (message[i] == '=' && message.compare(i + 1, 1, "\n") == 0) {
            i += 1;
        } else if (message[i] == '=' && i + 2 < message.size() &&
                   std::isxdigit(static_cast<unsigned char>(message[i + 1])) &&
                   std::isxdigit(static_cast<unsigned char>(message[i + 2]))) {
            out += static_cast<char>(std::stoi(message.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += message[i];
        }
    }
    return out;
}

}  // namespace redress::testing
