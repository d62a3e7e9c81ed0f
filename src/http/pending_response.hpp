#pragma once
// The meeting point of a connection waiting for its response and a handler that may answer
// on another thread, later (after a database commit). Whichever comes second completes the
// hand-over; a response is delivered at most once.

#include <memory>
#include <mutex>
#include <optional>

#include "http/message.hpp"

namespace redress::http {

class PendingResponse {
  public:
    using Resume = std::move_only_function<void(Reply)>;

    // The first call wins; later ones (a late handler after shutdown gave up) are ignored.
    void deliver(Reply reply);
    // The reply, when the handler answered before the connection started to wait.
    std::optional<Reply> take_delivered();
    // Calls `resume` with the reply once there is one (at once if there is one already).
    // `resume` runs on the delivering thread, under a lock: it must only post.
    void on_delivery(Resume resume);

  private:
    std::mutex m_mutex;
    bool m_delivered = false;
    std::optional<Reply> m_reply;
    Resume m_resume;
};

// A Responder that delivers to `pending`; when the handler destroys it without calling
// it (a bug, or an exception), the connection gets a 500 instead of waiting forever.
Responder make_responder(std::shared_ptr<PendingResponse> pending);

}  // namespace redress::http
