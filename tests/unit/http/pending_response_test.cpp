#include "http/pending_response.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <stdexcept>
#include <thread>

namespace redress::http {
namespace {

// What the server makes of a delivered reply.
std::optional<Response> taken(PendingResponse& pending) {
    auto reply = pending.take_delivered();
    if (!reply) return std::nullopt;
    return realize(std::move(*reply));
}

TEST(PendingResponse, AnswerBeforeWaitingIsTakenDirectly) {
    auto pending = std::make_shared<PendingResponse>();
    make_responder(pending)(Response::text(200, "early"));
    const auto response = taken(*pending);
    ASSERT_TRUE(response.has_value());
    EXPECT_EQ(response->body, "early");
}

TEST(PendingResponse, AnswerAfterWaitingResumesTheWaiter) {
    auto pending = std::make_shared<PendingResponse>();
    Responder respond = make_responder(pending);
    EXPECT_FALSE(pending->take_delivered().has_value());
    std::optional<Response> resumed;
    pending->on_delivery([&resumed](Reply reply) { resumed = realize(std::move(reply)); });
    EXPECT_FALSE(resumed.has_value());
    std::thread other([&respond] { respond(Response::text(200, "late")); });
    other.join();
    ASSERT_TRUE(resumed.has_value());
    EXPECT_EQ(resumed->body, "late");
}

TEST(PendingResponse, WaitingAfterAnAnswerResumesAtOnce) {
    auto pending = std::make_shared<PendingResponse>();
    make_responder(pending)(Response::text(201, "x"));
    std::optional<Response> resumed;
    pending->on_delivery([&resumed](Reply reply) { resumed = realize(std::move(reply)); });
    ASSERT_TRUE(resumed.has_value());
    EXPECT_EQ(resumed->status, 201);
}

TEST(PendingResponse, OnlyTheFirstAnswerCounts) {
    auto pending = std::make_shared<PendingResponse>();
    pending->deliver(Response::text(503, "gave up"));
    make_responder(pending)(Response::text(200, "too late"));
    const auto response = taken(*pending);
    ASSERT_TRUE(response.has_value());
    EXPECT_EQ(response->status, 503);
}

TEST(PendingResponse, DroppedResponderAnswers500) {
    auto pending = std::make_shared<PendingResponse>();
    { Responder dropped = make_responder(pending); }
    const auto response = taken(*pending);
    ASSERT_TRUE(response.has_value());
    EXPECT_EQ(response->status, 500);
}

TEST(PendingResponse, MovedResponderAnswersOnce) {
    auto pending = std::make_shared<PendingResponse>();
    Responder first = make_responder(pending);
    Responder second = std::move(first);
    second(Response::text(200, "ok"));
    const auto response = taken(*pending);
    ASSERT_TRUE(response.has_value());
    EXPECT_EQ(response->status, 200);
}

TEST(PendingResponse, ARenderRunsWhereTheReplyIsTakenNotWhereItIsGiven) {
    auto pending = std::make_shared<PendingResponse>();
    Responder respond = make_responder(pending);
    std::thread::id rendered_on;
    std::thread other([&] {
        respond.render([&rendered_on] {
            rendered_on = std::this_thread::get_id();
            return Response::text(200, "made later");
        });
    });
    other.join();
    EXPECT_EQ(rendered_on, std::thread::id());  // not made on the delivering thread
    const auto response = taken(*pending);
    ASSERT_TRUE(response.has_value());
    EXPECT_EQ(response->body, "made later");
    EXPECT_EQ(rendered_on, std::this_thread::get_id());
}

TEST(PendingResponse, ARenderThatThrowsGives500) {
    auto pending = std::make_shared<PendingResponse>();
    make_responder(pending).render([]() -> Response { throw std::runtime_error("bug"); });
    const auto response = taken(*pending);
    ASSERT_TRUE(response.has_value());
    EXPECT_EQ(response->status, 500);
}

TEST(PendingResponse, AResponderOfFinishedResponsesRendersAtOnce) {
    std::optional<Response> delivered;
    Responder respond([&delivered](Response response) { delivered = std::move(response); });
    respond.render([] { return Response::text(202, "made"); });
    ASSERT_TRUE(delivered.has_value());
    EXPECT_EQ(delivered->status, 202);
}

}  // namespace
}  // namespace redress::http
