#pragma once
// Who a connection is from, for the per-address connection cap and for handlers that slow
// down one address (Request::client_address). Never logged.
//
// The peer of the socket is the client unless it is a trusted proxy: only then is the
// address a proxy reports (PROXY protocol, Forwarded, X-Forwarded-For) believed, since
// anyone else can write those headers. Addresses are grouped the way they are handed out:
// an IPv4 address alone, an IPv6 address by its /64 (one household or server gets a whole
// /64, so counting /128s would let it open connections without end).

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/error.hpp"

namespace redress::http {

// An IPv4 or IPv6 address; IPv4 is held as IPv4-mapped IPv6 (::ffff:a.b.c.d), so that a
// dual-stack socket's mapped addresses and plain IPv4 ones compare equal.
struct IpAddress {
    std::array<std::uint8_t, 16> bytes{};

    bool is_v4() const;
    // "192.0.2.1", "2001:db8::1", or the bracketed "[2001:db8::1]:4711" and "192.0.2.1:80"
    // of Forwarded and X-Forwarded-For; nothing else.
    static std::optional<IpAddress> parse(std::string_view text);
    static IpAddress from_v4(std::uint32_t host_order);
    friend bool operator==(const IpAddress&, const IpAddress&) = default;
};

// The key of the address's group: "192.0.2.1" or "2001:db8:1:2::/64". Connections from
// Tor's HiddenServiceExportCircuitID (fc00:dead:beef:4dad::/64, one address per circuit)
// are grouped by circuit, as that range stands for circuits, not for a network.
std::string address_group(const IpAddress& address);

// The setting server.trusted_proxies: addresses and CIDR ranges, separated by commas or
// spaces ("10.0.0.0/8, ::1").
class TrustedProxies {
  public:
    static util::Expected<TrustedProxies> parse(std::string_view text);
    bool contains(const IpAddress& address) const;
    bool empty() const { return m_ranges.empty(); }

  private:
    struct Range {
        IpAddress first;
        unsigned prefix_bits = 128;  // of the IPv6 form: an IPv4 /8 is a /104 here
    };
    std::vector<Range> m_ranges;
};

// Which header a trusted proxy states the client in.
enum class ForwardedHeader { x_forwarded_for, forwarded, none };

// The client behind a trusted proxy: the right-most entry of the header that is not itself
// a trusted proxy (entries further left were written by the client and may be forged).
// Empty when the header is absent or its entry cannot be read.
std::optional<IpAddress> forwarded_client(std::string_view header_value, ForwardedHeader header,
                                          const TrustedProxies& trusted);

}  // namespace redress::http
