#pragma once
// The server's own request and response types. Handlers see these, never Beast or a
// socket, so that every handler can be tested without a network.

#include <chrono>
#include <concepts>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace redress::http {

class SpooledBody;

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
    // A multipart upload to a route that takes them (Router::add_upload), spooled to disk as
    // it arrived; `body` is then empty. Null for every other request.
    std::shared_ptr<SpooledBody> upload;
    // Who sent it, as the group the per-address caps count ("192.0.2.1", or
    // "2001:db8:1:2::/64" for IPv6), taken from a trusted proxy's word when there is one;
    // empty when unknown. For per-client limits only: never log it.
    std::string client_address;
    // The path parameters of the route that matched ("{reference}" → "reference"), decoded;
    // set by the Router.
    std::vector<std::pair<std::string, std::string>> parameters;

    // The value of path parameter `name`, or "" when the route has none of that name.
    std::string_view parameter(std::string_view name) const;
};

// How long a response may be kept by a cache.
enum class Caching { no_store, public_static };

struct Response {
    int status = 200;
    Headers headers;
    std::string body;
    Caching caching = Caching::no_store;
    // The server sends the response no sooner than this after the handler gave it, holding
    // no thread meanwhile (used to slow down guessing).
    std::chrono::milliseconds delay{0};

    static Response text(int status, std::string body);
    static Response html(int status, std::string body);
    static Response json(int status, std::string body);
    static Response redirect(std::string location);  // 303 See Other
};

// Makes a response; see Responder::render.
using Render = std::move_only_function<Response()>;
// What a handler hands back: a response, or a function that makes one.
using Reply = std::variant<Response, Render>;

// Called exactly once, with a response or with a function that makes one; may be called
// from another thread. A handler that hears back on a storage thread hands over a Render,
// so that pages and JSON are made on the connection's own thread and never hold up the
// store's threads.
class Responder {
  public:
    Responder() = default;

    // A responder that takes finished responses only (tests, adapters): render() runs the
    // function at once.
    template <typename Deliver>
    requires(!std::same_as<std::remove_cvref_t<Deliver>, Responder> &&
             std::is_invocable_v<Deliver&, Response>)
        Responder(Deliver deliver)  // NOLINT(google-explicit-constructor): any callable will do
        : m_send([deliver = std::move(deliver)](Reply reply) mutable {
              if (auto* response = std::get_if<Response>(&reply)) {
                  deliver(std::move(*response));
              } else {
                  deliver(std::get<Render>(reply)());
              }
          }) {}

    // A responder that passes replies on as they are (the server's).
    static Responder passing_on(std::move_only_function<void(Reply)> send) {
        Responder responder;
        responder.m_send = std::move(send);
        return responder;
    }

    void operator()(Response response) { m_send(Reply(std::move(response))); }
    // `render` runs later on the connection's thread; it may throw (the client gets a 500).
    void render(Render render) { m_send(Reply(std::move(render))); }

    explicit operator bool() const { return static_cast<bool>(m_send); }

  private:
    std::move_only_function<void(Reply)> m_send;
};

// The response of `reply`, making it if need be; a Render that throws gives a 500.
Response realize(Reply reply);

class Handler {
  public:
    virtual ~Handler() = default;
    virtual void handle(Request request, Responder respond) = 0;
    // The most a multipart upload to `method` on `path` may hold, when it takes one: the
    // server then spools such a body to disk. Nothing: bodies are read into memory under
    // the server's own limit.
    virtual std::optional<std::uint64_t> upload_limit(Method /*method*/,
                                                      std::string_view /*path*/) const {
        return std::nullopt;
    }
};

}  // namespace redress::http
