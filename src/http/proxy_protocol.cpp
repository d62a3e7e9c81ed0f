#include "http/proxy_protocol.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace redress::http {
namespace {

constexpr std::string_view k_v2_signature{"\r\n\r\n\0\r\nQUIT\n", 12};
constexpr std::size_t k_v1_max = 107;  // the longest line the specification allows

ProxyHeader invalid() {
    return {ProxyHeader::Status::invalid, 0, std::nullopt};
}

std::uint8_t byte_at(std::string_view bytes, std::size_t at) {
    return static_cast<std::uint8_t>(bytes[at]);
}

ProxyHeader parse_v1(std::string_view bytes) {
    const auto end = bytes.find("\r\n");
    if (end == std::string_view::npos) {
        return bytes.size() >= k_v1_max ? invalid() : ProxyHeader{};
    }
    std::string_view line = bytes.substr(0, end);
    ProxyHeader header{ProxyHeader::Status::complete, end + 2, std::nullopt};
    std::array<std::string_view, 6> words;
    std::size_t count = 0;
    while (!line.empty() && count < words.size()) {
        const auto space = line.find(' ');
        words[count++] = line.substr(0, space);
        line = space == std::string_view::npos ? std::string_view{} : line.substr(space + 1);
    }
    if (count >= 2 && words[1] == "UNKNOWN") return header;
    if (count != 6 || !line.empty() || (words[1] != "TCP4" && words[1] != "TCP6")) {
        return invalid();
    }
    // Brackets or ports here would be a malformed header.
    if (words[2].find_first_of("[]") != std::string_view::npos) return invalid();
    auto client = IpAddress::parse(words[2]);
    if (!client || client->is_v4() != (words[1] == "TCP4") ||
        (client->is_v4() && words[2].find(':') != std::string_view::npos)) {
        return invalid();
    }
    header.client = client;
    return header;
}

ProxyHeader parse_v2(std::string_view bytes) {
    if (bytes.size() < 16) return {};
    const std::uint8_t version_command = byte_at(bytes, 12);
    const std::uint8_t family = byte_at(bytes, 13);
    const std::size_t length =
        16 + (static_cast<std::size_t>(byte_at(bytes, 14)) << 8 | byte_at(bytes, 15));
    if ((version_command >> 4) != 2) return invalid();
    if (bytes.size() < length) return {};
    ProxyHeader header{ProxyHeader::Status::complete, length, std::nullopt};
    const unsigned command = version_command & 0x0f;
    if (command == 0) return header;  // LOCAL: the proxy's own connection
    if (command != 1) return invalid();
    if (family == 0x11 && length >= 16 + 12) {  // TCP over IPv4
        header.client = IpAddress::from_v4(static_cast<std::uint32_t>(byte_at(bytes, 16)) << 24 |
                                           static_cast<std::uint32_t>(byte_at(bytes, 17)) << 16 |
                                           static_cast<std::uint32_t>(byte_at(bytes, 18)) << 8 |
                                           byte_at(bytes, 19));
    } else if (family == 0x21 && length >= 16 + 36) {  // TCP over IPv6
        IpAddress client;
        for (std::size_t i = 0; i < 16; ++i) client.bytes[i] = byte_at(bytes, 16 + i);
        header.client = client;
    }
    // Other families (UNIX sockets, UDP, unspecified): the client is unknown.
    return header;
}

}  // namespace

ProxyHeader parse_proxy_header(std::string_view bytes) {
    const std::size_t v2_seen = std::min(bytes.size(), k_v2_signature.size());
    if (bytes.substr(0, v2_seen) == k_v2_signature.substr(0, v2_seen)) {
        return v2_seen < k_v2_signature.size() ? ProxyHeader{} : parse_v2(bytes);
    }
    constexpr std::string_view k_v1 = "PROXY ";
    const std::size_t v1_seen = std::min(bytes.size(), k_v1.size());
    if (bytes.substr(0, v1_seen) == k_v1.substr(0, v1_seen)) {
        return v1_seen < k_v1.size() ? ProxyHeader{} : parse_v1(bytes);
    }
    return invalid();
}

}  // namespace redress::http
