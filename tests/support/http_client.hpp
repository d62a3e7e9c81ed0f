#pragma once
// A minimal blocking HTTP/1.1 client on POSIX sockets, for integration tests against the
// real server on loopback. It deliberately shares no code with the server, so that it
// checks what goes over the wire. Failures (refused, timed out, malformed answer) throw
// HttpClientError.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace redress::testing {

struct HttpClientError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

using HeaderList = std::vector<std::pair<std::string, std::string>>;

inline std::string lower_ascii(std::string_view text) {
    std::string lower(text);
    for (char& c : lower) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return lower;
}

struct HttpResponse {
    int status = 0;
    std::string reason;
    HeaderList headers;
    std::string body;

    // The first header named `name` (any case), or nullopt.
    std::optional<std::string> header(std::string_view name) const {
        const std::string wanted = lower_ascii(name);
        for (const auto& [key, value] : headers) {
            if (lower_ascii(key) == wanted) return value;
        }
        return std::nullopt;
    }
    std::string header_or_empty(std::string_view name) const { return header(name).value_or(""); }
};

// Percent-encoding of one name or value of application/x-www-form-urlencoded.
inline std::string form_escape(std::string_view text) {
    static constexpr char k_hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '_' || c == '.' || c == '~') {
            out += ch;
        } else if (c == ' ') {
            out += '+';
        } else {
            out += '%';
            out += k_hex[c >> 4];
            out += k_hex[c & 15];
        }
    }
    return out;
}

// application/x-www-form-urlencoded, fields in the order given (names may repeat).
inline std::string form_encode(const HeaderList& fields) {
    std::string out;
    for (const auto& [name, value] : fields) {
        if (!out.empty()) out += '&';
        out += form_escape(name) + '=' + form_escape(value);
    }
    return out;
}

// One TCP connection to 127.0.0.1:port; requests on it reuse it (keep-alive).
class HttpConnection {
  public:
    explicit HttpConnection(unsigned short port,
                            std::chrono::milliseconds timeout = std::chrono::seconds(10))
        : m_port(port) {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (m_fd < 0) throw HttpClientError("socket failed");
        set_timeout(timeout);
        const int one = 1;
        ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(m_fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
            const int error = errno;
            ::close(m_fd);
            throw HttpClientError("cannot connect to 127.0.0.1:" + std::to_string(port) + ": " +
                                  std::strerror(error));
        }
    }
    ~HttpConnection() {
        if (m_fd >= 0) ::close(m_fd);
    }
    HttpConnection(const HttpConnection&) = delete;
    HttpConnection& operator=(const HttpConnection&) = delete;

    // How long one receive may wait before HttpClientError("timed out").
    void set_timeout(std::chrono::milliseconds timeout) {
        m_timeout = timeout;
        timeval value{};
        value.tv_sec = static_cast<time_t>(timeout.count() / 1000);
        value.tv_usec = static_cast<suseconds_t>((timeout.count() % 1000) * 1000);
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &value, sizeof value);
        ::setsockopt(m_fd, SOL_SOCKET, SO_SNDTIMEO, &value, sizeof value);
    }

    HttpResponse request(std::string_view method, std::string_view target,
                         std::string_view body = {}, const HeaderList& headers = {}) {
        std::string head;
        head.append(method).append(" ").append(target).append(" HTTP/1.1\r\n");
        head += "Host: 127.0.0.1:" + std::to_string(m_port) + "\r\n";
        bool has_length = false;
        for (const auto& [name, value] : headers) {
            head += name + ": " + value + "\r\n";
            if (lower_ascii(name) == "content-length") has_length = true;
        }
        if (!has_length && (!body.empty() || method == "POST" || method == "PUT")) {
            head += "Content-Length: " + std::to_string(body.size()) + "\r\n";
        }
        head += "\r\n";
        send_raw(head);
        send_raw(body);
        return read_response(method == "HEAD");
    }

    HttpResponse get(std::string_view target, const HeaderList& headers = {}) {
        return request("GET", target, {}, headers);
    }

    HttpResponse post(std::string_view target, std::string_view content_type, std::string_view body,
                      HeaderList headers = {}) {
        headers.emplace_back("Content-Type", std::string(content_type));
        return request("POST", target, body, headers);
    }

    HttpResponse post_json(std::string_view target, std::string_view json,
                           HeaderList headers = {}) {
        return post(target, "application/json", json, std::move(headers));
    }

    HttpResponse post_form(std::string_view target, const HeaderList& fields,
                           HeaderList headers = {}) {
        return post(target, "application/x-www-form-urlencoded", form_encode(fields),
                    std::move(headers));
    }

    // Sends bytes as they are: half requests, malformed heads, slow clients.
    void send_raw(std::string_view bytes) {
        while (!bytes.empty()) {
            const ssize_t sent = ::send(m_fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
            if (sent < 0) {
                if (errno == EINTR) continue;
                throw HttpClientError(std::string("send failed: ") + std::strerror(errno));
            }
            bytes.remove_prefix(static_cast<std::size_t>(sent));
        }
    }

    // Reads one response; `head_only` for answers to HEAD, which have no body.
    HttpResponse read_response(bool head_only = false) {
        const std::size_t head_end = fill_until("\r\n\r\n");
        HttpResponse response = parse_head(std::string_view(m_buffer).substr(0, head_end));
        m_buffer.erase(0, head_end + 4);

        const bool no_body = head_only || response.status == 204 || response.status == 304 ||
                             (response.status >= 100 && response.status < 200);
        if (no_body) return response;
        if (lower_ascii(response.header_or_empty("Transfer-Encoding")).find("chunked") !=
            std::string::npos) {
            response.body = read_chunked();
        } else if (const auto length = response.header("Content-Length")) {
            response.body = take(std::stoul(*length));
        } else {
            while (receive()) {
            }
            response.body = std::move(m_buffer);
            m_buffer.clear();
        }
        return response;
    }

    // Waits up to `limit` for the server to close the connection, discarding what it
    // sends; true when it closed (EOF or reset), false when it was still open.
    bool closed_by_peer_within(std::chrono::milliseconds limit) {
        const auto deadline = std::chrono::steady_clock::now() + limit;
        for (;;) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0) return false;
            pollfd entry{m_fd, POLLIN, 0};
            const int ready = ::poll(&entry, 1, static_cast<int>(left.count()));
            if (ready < 0 && errno == EINTR) continue;
            if (ready <= 0) return false;
            char chunk[4096];
            const ssize_t got = ::recv(m_fd, chunk, sizeof chunk, 0);
            if (got == 0) return true;
            if (got < 0) return errno != EAGAIN && errno != EINTR;
            m_buffer.append(chunk, static_cast<std::size_t>(got));
        }
    }

    // What arrived but was not part of a response read so far.
    const std::string& unread() const { return m_buffer; }

  private:
    // false at end of stream; throws on timeout or error.
    bool receive() {
        char chunk[16384];
        for (;;) {
            const ssize_t got = ::recv(m_fd, chunk, sizeof chunk, 0);
            if (got > 0) {
                m_buffer.append(chunk, static_cast<std::size_t>(got));
                return true;
            }
            if (got == 0) return false;
            if (errno == EINTR) continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                throw HttpClientError("timed out after " + std::to_string(m_timeout.count()) +
                                      " ms waiting for the server");
            }
            if (errno == ECONNRESET) return false;
            throw HttpClientError(std::string("recv failed: ") + std::strerror(errno));
        }
    }

    std::size_t fill_until(std::string_view marker) {
        for (;;) {
            if (const auto at = m_buffer.find(marker); at != std::string::npos) return at;
            if (!receive()) {
                throw HttpClientError("connection closed before a complete response head (got " +
                                      std::to_string(m_buffer.size()) + " bytes)");
            }
        }
    }

    std::string take(std::size_t count) {
        while (m_buffer.size() < count) {
            if (!receive()) throw HttpClientError("connection closed inside a response body");
        }
        std::string out = m_buffer.substr(0, count);
        m_buffer.erase(0, count);
        return out;
    }

    std::string read_chunked() {
        std::string body;
        for (;;) {
            const std::size_t line_end = fill_until("\r\n");
            const std::size_t size = std::stoul(m_buffer.substr(0, line_end), nullptr, 16);
            m_buffer.erase(0, line_end + 2);
            if (size == 0) {
                // Trailers (none expected) end with an empty line.
                const std::size_t end = fill_until("\r\n");
                m_buffer.erase(0, end + 2);
                return body;
            }
            body += take(size);
            take(2);
        }
    }

    static HttpResponse parse_head(std::string_view head) {
        HttpResponse response;
        const auto line_end = head.find("\r\n");
        const std::string_view status_line = head.substr(0, line_end);
        if (!status_line.starts_with("HTTP/1.") || status_line.size() < 12) {
            throw HttpClientError("not an HTTP/1.x status line: " + std::string(status_line));
        }
        response.status = std::stoi(std::string(status_line.substr(9, 3)));
        if (status_line.size() > 13) response.reason = std::string(status_line.substr(13));
        std::string_view rest =
            line_end == std::string_view::npos ? std::string_view() : head.substr(line_end + 2);
        while (!rest.empty()) {
            const auto end = rest.find("\r\n");
            const std::string_view line = rest.substr(0, end);
            rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 2);
            const auto colon = line.find(':');
            if (colon == std::string_view::npos) throw HttpClientError("malformed header line");
            std::string_view value = line.substr(colon + 1);
            while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) {
                value.remove_prefix(1);
            }
            while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) {
                value.remove_suffix(1);
            }
            response.headers.emplace_back(std::string(line.substr(0, colon)), std::string(value));
        }
        return response;
    }

    unsigned short m_port;
    int m_fd = -1;
    std::chrono::milliseconds m_timeout{};
    std::string m_buffer;
};

}  // namespace redress::testing
