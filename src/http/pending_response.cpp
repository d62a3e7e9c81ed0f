#include "http/pending_response.hpp"

#include <spdlog/spdlog.h>

namespace redress::http {

void PendingResponse::deliver(Reply reply) {
    std::lock_guard lock(m_mutex);
    if (m_delivered) return;
    m_delivered = true;
    if (m_resume) {
        Resume resume = std::move(m_resume);
        m_resume = nullptr;
        // Under the lock, so that shutdown cannot tear down the executor between the
        // decision and the post.
        resume(std::move(reply));
    } else {
        m_reply = std::move(reply);
    }
}

std::optional<Reply> PendingResponse::take_delivered() {
    std::lock_guard lock(m_mutex);
    std::optional<Reply> reply = std::move(m_reply);
    m_reply.reset();
    return reply;
}

void PendingResponse::on_delivery(Resume resume) {
    std::lock_guard lock(m_mutex);
    if (m_reply) {
        Reply reply = std::move(*m_reply);
        m_reply.reset();
        resume(std::move(reply));
    } else if (!m_delivered) {
        m_resume = std::move(resume);
    }
}

Response realize(Reply reply) {
    if (auto* response = std::get_if<Response>(&reply)) return std::move(*response);
    try {
        return std::get<Render>(reply)();
    } catch (const std::exception& e) {
        spdlog::error("http: making a response threw: {}", e.what());
    } catch (...) {
        spdlog::error("http: making a response threw");
    }
    return Response::text(500, "Internal Server Error");
}

namespace {

class DeliveringResponder {
  public:
    explicit DeliveringResponder(std::shared_ptr<PendingResponse> pending)
        : m_pending(std::move(pending)) {}
    DeliveringResponder(DeliveringResponder&&) noexcept = default;
    DeliveringResponder& operator=(DeliveringResponder&&) noexcept = default;
    DeliveringResponder(const DeliveringResponder&) = delete;
    DeliveringResponder& operator=(const DeliveringResponder&) = delete;

    ~DeliveringResponder() {
        if (!m_pending) return;
        spdlog::warn("http: a handler dropped its responder without answering");
        m_pending->deliver(Response::text(500, "Internal Server Error"));
    }

    void operator()(Reply reply) {
        if (std::shared_ptr<PendingResponse> pending = std::move(m_pending)) {
            pending->deliver(std::move(reply));
        }
    }

  private:
    std::shared_ptr<PendingResponse> m_pending;
};

}  // namespace

Responder make_responder(std::shared_ptr<PendingResponse> pending) {
    return Responder::passing_on(DeliveringResponder(std::move(pending)));
}

}  // namespace redress::http
