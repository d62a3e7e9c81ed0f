#include "http/pending_response.hpp"

#include <spdlog/spdlog.h>

namespace redress::http {

void PendingResponse::deliver(Response response) {
    std::lock_guard lock(m_mutex);
    if (m_delivered) return;
    m_delivered = true;
    if (m_resume) {
        Resume resume = std::move(m_resume);
        m_resume = nullptr;
        // Under the lock, so that shutdown cannot tear down the executor between the
        // decision and the post.
        resume(std::move(response));
    } else {
        m_response = std::move(response);
    }
}

std::optional<Response> PendingResponse::take_delivered() {
    std::lock_guard lock(m_mutex);
    std::optional<Response> response = std::move(m_response);
    m_response.reset();
    return response;
}

void PendingResponse::on_delivery(Resume resume) {
    std::lock_guard lock(m_mutex);
    if (m_response) {
        Response response = std::move(*m_response);
        m_response.reset();
        resume(std::move(response));
    } else if (!m_delivered) {
        m_resume = std::move(resume);
    }
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

    void operator()(Response response) {
        if (std::shared_ptr<PendingResponse> pending = std::move(m_pending)) {
            pending->deliver(std::move(response));
        }
    }

  private:
    std::shared_ptr<PendingResponse> m_pending;
};

}  // namespace

Responder make_responder(std::shared_ptr<PendingResponse> pending) {
    return Responder(DeliveringResponder(std::move(pending)));
}

}  // namespace redress::http
