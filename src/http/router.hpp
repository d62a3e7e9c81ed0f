#pragma once
// Maps method and exact path to a route. Unknown paths get 404, a known path with another
// method 405 with Allow. HEAD is answered as GET (the server drops the body).

#include <functional>
#include <string>
#include <vector>

#include "http/message.hpp"

namespace redress::http {

using Route = std::function<void(Request request, Responder respond)>;

class Router final : public Handler {
  public:
    void add(Method method, std::string path, Route route);
    void handle(Request request, Responder respond) override;

  private:
    struct Entry {
        Method method;
        std::string path;
        Route route;
    };
    std::vector<Entry> m_entries;
};

}  // namespace redress::http
