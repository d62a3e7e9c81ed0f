#include "http/client_address.hpp"

#include <gtest/gtest.h>

namespace redress::http {
namespace {

std::string group_of(std::string_view text) {
    const auto address = IpAddress::parse(text);
    return address ? address_group(*address) : "(invalid)";
}

TEST(ClientAddress, Ipv4IsItsOwnGroup) {
    EXPECT_EQ(group_of("192.0.2.1"), "192.0.2.1");
    EXPECT_NE(group_of("192.0.2.1"), group_of("192.0.2.2"));
}

TEST(ClientAddress, Ipv6IsGroupedByItsSlash64) {
    EXPECT_EQ(group_of("2001:db8:1:2:aaaa:bbbb:cccc:dddd"), "2001:db8:1:2::/64");
    EXPECT_EQ(group_of("2001:db8:1:2::1"), group_of("2001:db8:1:2:ffff::"));
    EXPECT_NE(group_of("2001:db8:1:2::1"), group_of("2001:db8:1:3::1"));
}

TEST(ClientAddress, Ipv4MappedIpv6IsIpv4) {
    EXPECT_EQ(group_of("::ffff:192.0.2.1"), "192.0.2.1");
}

TEST(ClientAddress, TorCircuitsAreEachTheirOwnGroup) {
    EXPECT_EQ(group_of("fc00:dead:beef:4dad::0:1"), "fc00:dead:beef:4dad::1");
    EXPECT_NE(group_of("fc00:dead:beef:4dad::1"), group_of("fc00:dead:beef:4dad::2"));
}

TEST(ClientAddress, ParsesTheFormsProxiesWrite) {
    EXPECT_EQ(group_of("192.0.2.1:8080"), "192.0.2.1");
    EXPECT_EQ(group_of("[2001:db8::1]:4711"), "2001:db8::/64");
    EXPECT_EQ(group_of(" [2001:db8::1] "), "2001:db8::/64");
    for (const char* bad : {"", "unknown", "_hidden", "192.0.2", "192.0.2.1:", "192.0.2.1:99999",
                            "[192.0.2.1]", "2001:db8::1:80x", "[2001:db8::1]x"}) {
        EXPECT_FALSE(IpAddress::parse(bad).has_value()) << bad;
    }
}

TEST(TrustedProxies, MatchAddressesAndRanges) {
    const auto trusted = TrustedProxies::parse("10.0.0.0/8, 192.0.2.7 2001:db8::/32,::1");
    ASSERT_TRUE(trusted.has_value());
    EXPECT_TRUE(trusted->contains(*IpAddress::parse("10.200.3.4")));
    EXPECT_TRUE(trusted->contains(*IpAddress::parse("::ffff:10.1.1.1")));
    EXPECT_FALSE(trusted->contains(*IpAddress::parse("11.0.0.1")));
    EXPECT_TRUE(trusted->contains(*IpAddress::parse("192.0.2.7")));
    EXPECT_FALSE(trusted->contains(*IpAddress::parse("192.0.2.8")));
    EXPECT_TRUE(trusted->contains(*IpAddress::parse("2001:db8:ffff::1")));
    EXPECT_FALSE(trusted->contains(*IpAddress::parse("2001:db9::1")));
    EXPECT_TRUE(trusted->contains(*IpAddress::parse("::1")));
    EXPECT_FALSE(trusted->contains(*IpAddress::parse("::2")));
}

TEST(TrustedProxies, NoneByDefault) {
    const auto trusted = TrustedProxies::parse("");
    ASSERT_TRUE(trusted.has_value());
    EXPECT_TRUE(trusted->empty());
    EXPECT_FALSE(trusted->contains(*IpAddress::parse("127.0.0.1")));
}

TEST(TrustedProxies, RejectsWhatIsNotARange) {
    for (const char* bad : {"localhost", "10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/x"}) {
        const auto trusted = TrustedProxies::parse(bad);
        ASSERT_FALSE(trusted.has_value()) << bad;
        EXPECT_EQ(trusted.error().code, util::ErrorCode::invalid_input);
    }
}

TEST(ForwardedClient, TakesTheRightMostUntrustedEntry) {
    const auto trusted = *TrustedProxies::parse("10.0.0.0/8");
    const auto client = [&](std::string_view value, ForwardedHeader header) {
        const auto found = forwarded_client(value, header, trusted);
        return found ? address_group(*found) : "(none)";
    };
    const auto xff = ForwardedHeader::x_forwarded_for;
    EXPECT_EQ(client("203.0.113.9", xff), "203.0.113.9");
    EXPECT_EQ(client("198.51.100.1, 203.0.113.9", xff), "203.0.113.9");
    EXPECT_EQ(client("203.0.113.9, 10.0.0.2,10.0.0.3", xff), "203.0.113.9");
    EXPECT_EQ(client("10.0.0.2", xff), "10.0.0.2");  // proxies all the way
    EXPECT_EQ(client("forged, 203.0.113.9", xff), "203.0.113.9");
    EXPECT_EQ(client("203.0.113.9, unknown", xff), "(none)");
    EXPECT_EQ(client("", xff), "(none)");
    const auto fwd = ForwardedHeader::forwarded;
    EXPECT_EQ(client(R"(for=198.51.100.1, For="[2001:db8:1:2::3]:80";proto=https)", fwd),
              "2001:db8:1:2::/64");
    EXPECT_EQ(client("by=10.0.0.1;for=203.0.113.9, for=10.0.0.5", fwd), "203.0.113.9");
    EXPECT_EQ(client("proto=https", fwd), "(none)");
    EXPECT_EQ(client("for=203.0.113.9", ForwardedHeader::none), "(none)");
}

}  // namespace
}  // namespace redress::http
