#pragma once
// The PROXY protocol (HAProxy's, versions 1 and 2): the header a proxy or Tor
// (HiddenServiceExportCircuitID haproxy) sends before the first request, naming the client.
// Read only from trusted proxies and only when server.proxy_protocol is on.

#include <cstddef>
#include <optional>
#include <string_view>

#include "http/client_address.hpp"

namespace redress::http {

struct ProxyHeader {
    enum class Status { complete, incomplete, invalid };
    Status status = Status::incomplete;
    std::size_t length = 0;           // bytes the header takes, when complete
    std::optional<IpAddress> client;  // empty for LOCAL and UNKNOWN: the proxy itself
};

// Reads the header at the start of `bytes`; incomplete when more must arrive first.
ProxyHeader parse_proxy_header(std::string_view bytes);

}  // namespace redress::http
