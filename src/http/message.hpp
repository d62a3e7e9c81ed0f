#pragma once
// The server's own request and response types. Handlers see these, never Beast or a
// socket, so that every handler can be tested without a network.

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace redress::http {

enum class Method { get, head, post, other };
std::string_view method_name(Method method);  // "GET", "HEAD", "POST", "OTHER"

// Header names compare case-insensitively.
class Headers {
  public:
    void add(std::string name, std::string value);
    void set(std::string name, std::string value);  // replaces any with the same name
    // The first value of `name`, or "" when absent.
    std::string_view get(std::string_view name) const;
    bool has(std::string_view name) const;
    const std::vector<std::pair<std::string, std::string>>& all() const { return m_fields; }

  private:
    std::vector<std::pair<std::string, std::string>> m_fields;
};

struct Request {
    Method method = Method::get;
    std::string target;  // as sent: path and query
    std::string path;    // decoded path, without the query
    std::string query;   // raw query string, without '?'
    Headers headers;
    std::string body;
    // Who sent it, as the group the per-address caps count ("192.0.2.1", or
    // "2001:db8:1:2::/64" for IPv6), taken from a trusted proxy's word when there is one;
    // empty when unknown. For per-client limits only: never log it.
    std::string client_address;
};

// How long a response may be kept by a cache.
enum class Caching { no_store, public_static };

struct Response {
    int status = 200;
    Headers headers;
    std::string body;
    Caching caching = Caching::no_store;

    static Response text(int status, std::string body);
    static Response html(int status, std::string body);
    static Response json(int status, std::string body);
    static Response redirect(std::string location);  // 303 See Other
};

// Called exactly once with the response; may be called from another thread.
using Responder = std::move_only_function<void(Response)>;

class Handler {
  public:
    virtual ~Handler() = default;
    virtual void handle(Request request, Responder respond) = 0;
};

}  // namespace redress::http
