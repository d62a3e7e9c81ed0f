// A thread redress starts shows its role where operators look (/proc, top -H, perf).

#include "util/thread_name.hpp"

#include <gtest/gtest.h>
#include <pthread.h>

#include <array>
#include <string>
#include <thread>

namespace redress::util {
namespace {

std::string name_of_a_thread_named(std::string_view role) {
    std::string seen;
    std::thread([&] {
        name_this_thread(role);
        std::array<char, 16> name{};
        if (pthread_getname_np(pthread_self(), name.data(), name.size()) == 0) seen = name.data();
    }).join();
    return seen;
}

TEST(ThreadName, ShowsTheRoleAfterRedress) {
    EXPECT_EQ(name_of_a_thread_named("writer"), "redress-writer");
}

TEST(ThreadName, ALongRoleIsCutToWhatLinuxKeeps) {
    EXPECT_EQ(name_of_a_thread_named("a-role-much-too-long"), "redress-a-role-");
}

TEST(ThreadName, ARoleOfTwoWordsIsOneWord) {
    EXPECT_EQ(name_of_a_thread_named("mail intake"), "redress-mail-in");
}

}  // namespace
}  // namespace redress::util
