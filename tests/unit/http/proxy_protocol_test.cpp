#include "http/proxy_protocol.hpp"

#include <gtest/gtest.h>

#include <string>

namespace redress::http {
namespace {

using Status = ProxyHeader::Status;

std::string v2(std::uint8_t command, std::uint8_t family, const std::string& addresses) {
    std::string header("\r\n\r\n\0\r\nQUIT\n", 12);
    header += static_cast<char>(0x20 | command);
    header += static_cast<char>(family);
    header += static_cast<char>(addresses.size() >> 8);
    header += static_cast<char>(addresses.size() & 0xff);
    return header + addresses;
}

TEST(ProxyProtocol, Version1NamesTheClient) {
    const std::string bytes = "PROXY TCP4 203.0.113.9 192.0.2.1 56324 80\r\nGET / HTTP/1.1\r\n";
    const ProxyHeader header = parse_proxy_header(bytes);
    ASSERT_EQ(header.status, Status::complete);
    EXPECT_EQ(header.length, bytes.find("GET"));
    ASSERT_TRUE(header.client.has_value());
    EXPECT_EQ(address_group(*header.client), "203.0.113.9");

    const ProxyHeader v6 = parse_proxy_header("PROXY TCP6 2001:db8::1 ::1 1 2\r\n");
    ASSERT_EQ(v6.status, Status::complete);
    EXPECT_EQ(address_group(*v6.client), "2001:db8::/64");
}

TEST(ProxyProtocol, Version1UnknownIsTheProxyItself) {
    const ProxyHeader header = parse_proxy_header("PROXY UNKNOWN\r\n");
    EXPECT_EQ(header.status, Status::complete);
    EXPECT_FALSE(header.client.has_value());
}

TEST(ProxyProtocol, IncompleteUntilTheWholeHeaderArrived) {
    for (const char* part :
         {"", "PRO", "PROXY ", "PROXY TCP4 203.0.113.9 192.0.2.1 5", "\r\n\r\n"}) {
        EXPECT_EQ(parse_proxy_header(part).status, Status::incomplete) << part;
    }
    EXPECT_EQ(parse_proxy_header(v2(1, 0x11, std::string(12, '\0')).substr(0, 20)).status,
              Status::incomplete);
}

TEST(ProxyProtocol, AnythingElseIsInvalid) {
    for (const char* bad :
         {"GET / HTTP/1.1\r\n", "PROXY TCP4 203.0.113.9\r\n", "PROXY TCP4 2001:db8::1 ::1 1 2\r\n",
          "PROXY TCP6 203.0.113.9 192.0.2.1 1 2\r\n", "PROXY UDP4 203.0.113.9 192.0.2.1 1 2\r\n",
          "PROXY TCP4 203.0.113.9:80 192.0.2.1 1 2\r\n"}) {
        EXPECT_EQ(parse_proxy_header(bad).status, Status::invalid) << bad;
    }
    EXPECT_EQ(parse_proxy_header("PROXY " + std::string(200, 'x')).status, Status::invalid);
}

TEST(ProxyProtocol, Version2NamesTheClient) {
    const std::string ipv4(
        "\xcb\x00\x71\x09"
        "\xc0\x00\x02\x01"
        "\x12\x34\x00\x50",
        12);
    const std::string bytes = v2(1, 0x11, ipv4) + "GET";
    const ProxyHeader header = parse_proxy_header(bytes);
    ASSERT_EQ(header.status, Status::complete);
    EXPECT_EQ(header.length, bytes.size() - 3);
    EXPECT_EQ(address_group(*header.client), "203.0.113.9");

    std::string ipv6(36, '\0');
    ipv6[0] = '\x20';
    ipv6[1] = '\x01';
    ipv6[2] = '\x0d';
    ipv6[3] = '\xb8';
    ipv6[15] = '\x01';
    const ProxyHeader v6 = parse_proxy_header(v2(1, 0x21, ipv6));
    ASSERT_EQ(v6.status, Status::complete);
    EXPECT_EQ(address_group(*v6.client), "2001:db8::/64");
}

TEST(ProxyProtocol, Version2LocalIsTheProxyItself) {
    const ProxyHeader header = parse_proxy_header(v2(0, 0x00, ""));
    EXPECT_EQ(header.status, Status::complete);
    EXPECT_EQ(header.length, 16u);
    EXPECT_FALSE(header.client.has_value());
}

}  // namespace
}  // namespace redress::http
