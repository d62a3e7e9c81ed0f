#pragma once
// The HTTP/1.1 server (Boost.Beast with C++20 coroutines). It owns sockets, timeouts and
// limits, and hands each request to a Handler; it adds the security headers of
// security_headers.hpp to every response.

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "http/message.hpp"
#include "util/error.hpp"

namespace redress::http {

struct ServerLimits {
    std::size_t max_header_bytes = 16 * 1024;  // larger: 431
    std::size_t max_body_bytes = 1024 * 1024;  // larger: 413, refused before buffering
    std::chrono::seconds read_timeout{30};     // to read one request once it started
    std::chrono::seconds idle_timeout{60};     // kept-alive connection with no request
    std::size_t max_requests_per_connection = 10000;
    std::size_t max_connections_per_address = 256;
    std::size_t max_connections = 4096;
    int threads = 0;  // 0: one per core
};

class Server {
  public:
    // `handler` is borrowed and must outlive the server.
    Server(Handler& handler, ServerLimits limits);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Binds and listens; port 0 picks a free port. Fails (unavailable) when it cannot bind.
    util::Expected<void> listen(const std::string& address, unsigned short port);
    unsigned short port() const;  // the bound port, after listen()

    // Serves until SIGTERM or SIGINT (with Signals::handle) or stop(); then stops
    // accepting, lets requests in progress finish (a few seconds at most) and returns.
    // `on_ready` runs once the server accepts and, with Signals::handle, catches signals.
    enum class Signals { handle, ignore };
    void run(Signals signals, const std::function<void()>& on_ready = {});
    void stop();  // safe from any thread

  private:
    struct State;
    std::unique_ptr<State> m_state;
};

}  // namespace redress::http
