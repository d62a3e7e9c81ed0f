#include "http/pending_response.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <thread>

namespace redress::http {
namespace {

TEST(PendingResponse, AnswerBeforeWaitingIsTakenDirectly) {
    auto pending = std::make_shared<PendingResponse>();
    make_responder(pending)(Response::text(200, "early"));
    const auto response = pending->take_delivered();
    ASSERT_TRUE(response.has_value());
    EXPECT_EQ(response->body, "early");
}

TEST(PendingResponse, AnswerAfterWaitingResumesTheWaiter) {
    auto pending = std::make_shared<PendingResponse>();
    Responder respond = make_responder(pending);
    EXPECT_FALSE(pending->take_delivered().has_value());
    std::optional<Response> resumed;
    pending->on_delivery([&resumed](Response response) { resumed = std::move(response); });
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
    pending->on_delivery([&resumed](Response response) { resumed = std::move(response); });
    ASSERT_TRUE(resumed.has_value());
    EXPECT_EQ(resumed->status, 201);
}

TEST(PendingResponse, OnlyTheFirstAnswerCounts) {
    auto pending = std::make_shared<PendingResponse>();
    pending->deliver(Response::text(503, "gave up"));
    make_responder(pending)(Response::text(200, "too late"));
    const auto response = pending->take_delivered();
    ASSERT_TRUE(response.has_value());
    EXPECT_EQ(response->status, 503);
}

TEST(PendingResponse, DroppedResponderAnswers500) {
    auto pending = std::make_shared<PendingResponse>();
    { Responder dropped = make_responder(pending); }
    const auto response = pending->take_delivered();
    ASSERT_TRUE(response.has_value());
    EXPECT_EQ(response->status, 500);
}

TEST(PendingResponse, MovedResponderAnswersOnce) {
    auto pending = std::make_shared<PendingResponse>();
    Responder first = make_responder(pending);
    Responder second = std::move(first);
    second(Response::text(200, "ok"));
    const auto response = pending->take_delivered();
    ASSERT_TRUE(response.has_value());
    EXPECT_EQ(response->status, 200);
}

}  // namespace
}  // namespace redress::http
