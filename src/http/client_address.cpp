#include "http/client_address.hpp"

#include <arpa/inet.h>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstring>

namespace redress::http {
namespace {

constexpr std::array<std::uint8_t, 12> k_v4_mapped_prefix{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
// Tor's HiddenServiceExportCircuitID puts the circuit's number in the low 32 bits.
constexpr std::array<std::uint8_t, 8> k_tor_circuits{0xfc, 0x00, 0xde, 0xad,
                                                     0xbe, 0xef, 0x4d, 0xad};

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

std::optional<IpAddress> parse_bare(std::string_view text) {
    if (text.empty() || text.size() >= INET6_ADDRSTRLEN) return std::nullopt;
    char zeroed[INET6_ADDRSTRLEN] = {};
    std::memcpy(zeroed, text.data(), text.size());
    IpAddress address;
    in_addr v4{};
    if (inet_pton(AF_INET, zeroed, &v4) == 1) return IpAddress::from_v4(ntohl(v4.s_addr));
    if (inet_pton(AF_INET6, zeroed, address.bytes.data()) == 1) return address;
    return std::nullopt;
}

bool valid_port(std::string_view text) {
    unsigned port = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), port);
    return !text.empty() && error == std::errc{} && end == text.data() + text.size() &&
           port <= 65535;
}

bool same_prefix(const IpAddress& a, const IpAddress& b, unsigned bits) {
    const unsigned whole = bits / 8;
    if (!std::equal(a.bytes.begin(), a.bytes.begin() + whole, b.bytes.begin())) return false;
    if (bits % 8 == 0) return true;
    const auto mask = static_cast<std::uint8_t>(0xff << (8 - bits % 8));
    return (a.bytes[whole] & mask) == (b.bytes[whole] & mask);
}

// One element's "for" parameter of a Forwarded header (RFC 7239), unquoted.
std::optional<std::string_view> forwarded_for(std::string_view element) {
    while (!element.empty()) {
        const auto semicolon = element.find(';');
        const std::string_view pair = trim(element.substr(0, semicolon));
        element = semicolon == std::string_view::npos ? std::string_view{}
                                                      : element.substr(semicolon + 1);
        const auto equals = pair.find('=');
        if (equals == std::string_view::npos) continue;
        std::string_view name = trim(pair.substr(0, equals));
        if (name.size() != 3 || (name[0] | 0x20) != 'f' || (name[1] | 0x20) != 'o' ||
            (name[2] | 0x20) != 'r') {
            continue;
        }
        std::string_view value = trim(pair.substr(equals + 1));
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
            value = value.substr(1, value.size() - 2);
        }
        return value;
    }
    return std::nullopt;
}

}  // namespace

bool IpAddress::is_v4() const {
    return std::equal(k_v4_mapped_prefix.begin(), k_v4_mapped_prefix.end(), bytes.begin());
}

IpAddress IpAddress::from_v4(std::uint32_t host_order) {
    IpAddress address;
    std::copy(k_v4_mapped_prefix.begin(), k_v4_mapped_prefix.end(), address.bytes.begin());
    address.bytes[12] = static_cast<std::uint8_t>(host_order >> 24);
    address.bytes[13] = static_cast<std::uint8_t>(host_order >> 16);
    address.bytes[14] = static_cast<std::uint8_t>(host_order >> 8);
    address.bytes[15] = static_cast<std::uint8_t>(host_order);
    return address;
}

std::optional<IpAddress> IpAddress::parse(std::string_view text) {
    text = trim(text);
    if (text.starts_with('[')) {  // "[2001:db8::1]" or "[2001:db8::1]:4711"
        const auto close = text.find(']');
        if (close == std::string_view::npos) return std::nullopt;
        const std::string_view rest = text.substr(close + 1);
        if (!rest.empty() && !(rest.front() == ':' && valid_port(rest.substr(1)))) {
            return std::nullopt;
        }
        auto address = parse_bare(text.substr(1, close - 1));
        if (!address || address->is_v4()) return std::nullopt;
        return address;
    }
    // "192.0.2.1:80": one colon is a port; more are an IPv6 address.
    if (const auto colon = text.find(':');
        colon != std::string_view::npos && text.find(':', colon + 1) == std::string_view::npos) {
        if (!valid_port(text.substr(colon + 1))) return std::nullopt;
        auto address = parse_bare(text.substr(0, colon));
        if (!address || !address->is_v4()) return std::nullopt;
        return address;
    }
    return parse_bare(text);
}

std::string address_group(const IpAddress& address) {
    const auto& b = address.bytes;
    if (address.is_v4()) return fmt::format("{}.{}.{}.{}", b[12], b[13], b[14], b[15]);
    char text[INET6_ADDRSTRLEN] = {};
    if (std::equal(k_tor_circuits.begin(), k_tor_circuits.end(), b.begin())) {
        inet_ntop(AF_INET6, b.data(), text, sizeof text);
        return text;
    }
    std::array<std::uint8_t, 16> network{};
    std::copy(b.begin(), b.begin() + 8, network.begin());
    inet_ntop(AF_INET6, network.data(), text, sizeof text);
    return fmt::format("{}/64", text);
}

util::Expected<TrustedProxies> TrustedProxies::parse(std::string_view text) {
    TrustedProxies trusted;
    while (!text.empty()) {
        const auto end = text.find_first_of(", \t");
        const std::string_view entry = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        if (entry.empty()) continue;
        const auto slash = entry.find('/');
        auto first = parse_bare(entry.substr(0, slash));
        if (!first) {
            return util::fail(util::ErrorCode::invalid_input,
                              fmt::format("'{}' is not an IP address or CIDR range", entry));
        }
        Range range{*first, 128};
        if (slash != std::string_view::npos) {
            const std::string_view bits_text = entry.substr(slash + 1);
            const unsigned most = first->is_v4() ? 32 : 128;
            unsigned bits = 0;
            const auto [stop, error] =
                std::from_chars(bits_text.data(), bits_text.data() + bits_text.size(), bits);
            if (bits_text.empty() || error != std::errc{} ||
                stop != bits_text.data() + bits_text.size() || bits > most) {
                return util::fail(
                    util::ErrorCode::invalid_input,
                    fmt::format("'{}': the prefix length must be 0 to {}", entry, most));
            }
            range.prefix_bits = first->is_v4() ? 96 + bits : bits;
        }
        trusted.m_ranges.push_back(range);
    }
    return trusted;
}

bool TrustedProxies::contains(const IpAddress& address) const {
    return std::any_of(m_ranges.begin(), m_ranges.end(), [&](const Range& range) {
        return same_prefix(range.first, address, range.prefix_bits);
    });
}

std::optional<IpAddress> forwarded_client(std::string_view header_value, ForwardedHeader header,
                                          const TrustedProxies& trusted) {
    if (header == ForwardedHeader::none) return std::nullopt;
    // Right to left: each proxy appends the peer it saw.
    while (!header_value.empty()) {
        const auto comma = header_value.rfind(',');
        const std::string_view element =
            comma == std::string_view::npos ? header_value : header_value.substr(comma + 1);
        header_value =
            comma == std::string_view::npos ? std::string_view{} : header_value.substr(0, comma);
        if (trim(element).empty()) continue;
        std::optional<IpAddress> address;
        if (header == ForwardedHeader::forwarded) {
            const auto value = forwarded_for(element);
            if (!value) return std::nullopt;
            address = IpAddress::parse(*value);
        } else {
            address = IpAddress::parse(element);
        }
        if (!address) return std::nullopt;  // "unknown", obfuscated or forged: stop here
        if (!trusted.contains(*address)) return address;
        if (header_value.empty()) return address;  // proxies all the way: the first one
    }
    return std::nullopt;
}

}  // namespace redress::http
