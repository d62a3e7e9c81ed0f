#include "http/admission.hpp"

#include <gtest/gtest.h>

#include <array>
#include <thread>

namespace redress::http {
namespace {

using namespace std::chrono_literals;

// Connections entered in the order of the array: a lower index began its phase earlier.
template <std::size_t n>
void enter_in_order(std::array<ConnectionActivity, n>& connections, Phase phase) {
    for (auto& connection : connections) {
        connection.enter(phase);
        std::this_thread::sleep_for(1ms);
    }
}

TEST(Admission, AdmitsWithinTheCaps) {
    Admission admission(3, 2);
    std::array<ConnectionActivity, 3> c;
    EXPECT_TRUE(admission.admit(c[0], "a").admitted);
    EXPECT_TRUE(admission.admit(c[1], "a").admitted);
    const auto other = admission.admit(c[2], "b");
    EXPECT_TRUE(other.admitted);
    EXPECT_EQ(other.evict, nullptr);
    EXPECT_EQ(admission.counted(), 3u);
}

TEST(Admission, AFullGroupEvictsItsOldestWaitingHead) {
    Admission admission(100, 3);
    std::array<ConnectionActivity, 3> held;
    enter_in_order(held, Phase::head);
    for (auto& connection : held) ASSERT_TRUE(admission.admit(connection, "a").admitted);
    ConnectionActivity newcomer;
    const auto verdict = admission.admit(newcomer, "a");
    EXPECT_TRUE(verdict.admitted);
    EXPECT_EQ(verdict.evict, &held[0]);
    EXPECT_TRUE(admission.evicted(held[0]));
    EXPECT_EQ(admission.counted(), 3u);
    // Another group is not touched.
    ConnectionActivity elsewhere;
    EXPECT_EQ(admission.admit(elsewhere, "b").evict, nullptr);
}

TEST(Admission, IdleGoesFirstThenHeadsThenTheSlowestBodyThenResponses) {
    Admission admission(4, 100);
    std::array<ConnectionActivity, 4> c;
    c[0].enter(Phase::writing);
    c[1].enter(Phase::body);
    c[1].moved(5000);
    c[2].enter(Phase::body);
    c[2].moved(10);
    c[3].enter(Phase::idle);
    for (auto& connection : c) ASSERT_TRUE(admission.admit(connection, "a").admitted);
    std::array<ConnectionActivity, 4> newcomers;
    std::vector<ConnectionActivity*> evicted;
    for (auto& newcomer : newcomers) {
        evicted.push_back(admission.admit(newcomer, "b").evict);
        newcomer.enter(Phase::handling);
    }
    EXPECT_EQ(evicted, (std::vector<ConnectionActivity*>{&c[3], &c[2], &c[1], &c[0]}));
}

TEST(Admission, AConnectionJustOpenedGoesAfterBodies) {
    // Its head may still be on its way (through Tor, a circuit's round trip).
    Admission admission(2, 100);
    ConnectionActivity body;
    body.enter(Phase::body);
    ConnectionActivity just_opened;
    ASSERT_TRUE(admission.admit(body, "a").admitted);
    ASSERT_TRUE(admission.admit(just_opened, "a").admitted);
    ConnectionActivity newcomer;
    EXPECT_EQ(admission.admit(newcomer, "a").evict, &body);
}

TEST(Admission, ARequestBeingHandledIsNeverEvicted) {
    Admission admission(2, 2);
    std::array<ConnectionActivity, 2> c;
    for (auto& connection : c) {
        connection.enter(Phase::handling);
        ASSERT_TRUE(admission.admit(connection, "a").admitted);
    }
    ConnectionActivity newcomer;
    const auto verdict = admission.admit(newcomer, "a");
    EXPECT_FALSE(verdict.admitted);
    EXPECT_EQ(verdict.evict, nullptr);
    ConnectionActivity other_group;
    EXPECT_FALSE(admission.admit(other_group, "b").admitted);  // total full as well
}

TEST(Admission, LeavingFreesAPlace) {
    Admission admission(1, 1);
    ConnectionActivity first;
    ConnectionActivity second;
    first.enter(Phase::handling);
    ASSERT_TRUE(admission.admit(first, "a").admitted);
    admission.leave(first);
    EXPECT_TRUE(admission.empty());
    EXPECT_TRUE(admission.admit(second, "a").admitted);
}

TEST(Admission, UnknownClientsAreCountedInTheTotalOnly) {
    Admission admission(10, 1);
    std::array<ConnectionActivity, 3> c;
    for (auto& connection : c) {
        const auto verdict = admission.admit(connection, k_unknown_client);
        EXPECT_TRUE(verdict.admitted);
        EXPECT_EQ(verdict.evict, nullptr);
    }
    // Once a request names their client, the cap applies there.
    EXPECT_EQ(admission.regroup(c[0], "a"), nullptr);
    EXPECT_EQ(admission.regroup(c[1], "a"), &c[0]);
    EXPECT_EQ(admission.counted(), 2u);
}

}  // namespace
}  // namespace redress::http
