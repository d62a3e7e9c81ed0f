#include "cli/file_limit.hpp"

#include <gtest/gtest.h>
#include <sys/resource.h>

#include <limits>

#include "support/skip.hpp"

namespace redress::cli {
namespace {

constexpr std::size_t k_unlimited = std::numeric_limits<std::size_t>::max();

TEST(FileLimitTest, TheSoftLimitIsRaisedToWhatIsWantedWhenTheHardLimitAllows) {
    EXPECT_EQ(soft_limit_for(4200, 1024, 524288), 4200u);
    EXPECT_EQ(soft_limit_for(4200, 1024, k_unlimited), 4200u);
}

TEST(FileLimitTest, TheSoftLimitIsRaisedAsFarAsTheHardLimitAndNoFurther) {
    EXPECT_EQ(soft_limit_for(4200, 1024, 2048), 2048u);
}

TEST(FileLimitTest, ASoftLimitThatAlreadyFitsIsNeverLowered) {
    EXPECT_EQ(soft_limit_for(4200, 8192, 8192), 8192u);
    EXPECT_EQ(soft_limit_for(4200, 4200, 4200), 4200u);
    EXPECT_EQ(soft_limit_for(4200, 1024, 1024), 1024u);  // nothing to raise it to
}

TEST(FileLimitTest, ConnectionsFitWhenTheLimitHoldsThemAndTheReserve) {
    EXPECT_EQ(connections_that_fit(4096, 4096 + 72, 72), 4096u);
    EXPECT_EQ(connections_that_fit(4096, k_unlimited, 72), 4096u);
}

TEST(FileLimitTest, TheCapIsLoweredToWhatTheLimitLeavesAfterTheReserve) {
    EXPECT_EQ(connections_that_fit(4096, 1024, 72), 1024u - 72u);
    EXPECT_EQ(connections_that_fit(4096, 4096, 72), 4096u - 72u);
}

TEST(FileLimitTest, TheCapIsNeverLoweredBelowAFewConnections) {
    EXPECT_EQ(connections_that_fit(4096, 80, 72), 16u);
    EXPECT_EQ(connections_that_fit(4096, 10, 72), 16u);
    EXPECT_EQ(connections_that_fit(8, 10, 72), 8u);  // nor raised above what was asked
}

// The decision at start-up as serve makes it: raise, then fit the cap to what was got.
TEST(FileLimitTest, AtStartUpALowHardLimitLowersTheCapAndAHighOneKeepsIt) {
    const std::size_t wanted = 4096;
    const std::size_t reserved = 72;
    const std::size_t low = soft_limit_for(wanted + reserved, 1024, 1024);
    EXPECT_EQ(connections_that_fit(wanted, low, reserved), 1024u - reserved);
    const std::size_t high = soft_limit_for(wanted + reserved, 1024, 1048576);
    EXPECT_EQ(connections_that_fit(wanted, high, reserved), wanted);
}

// Only the soft limit is changed, and put back: the hard one cannot be raised again.
class RaiseFileLimitTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_EQ(::getrlimit(RLIMIT_NOFILE, &m_found), 0);
        if (m_found.rlim_max != RLIM_INFINITY && m_found.rlim_max < 512) {
            REDRESS_SKIP() << "the hard open-file limit here is below 512";
        }
        rlimit lowered = m_found;
        lowered.rlim_cur = 256;
        ASSERT_EQ(::setrlimit(RLIMIT_NOFILE, &lowered), 0);
    }
    void TearDown() override { ::setrlimit(RLIMIT_NOFILE, &m_found); }

    static std::size_t soft_now() {
        rlimit now{};
        ::getrlimit(RLIMIT_NOFILE, &now);
        return static_cast<std::size_t>(now.rlim_cur);
    }

    rlimit m_found{};
};

TEST_F(RaiseFileLimitTest, TheProcessSoftLimitIsRaisedToWhatIsWanted) {
    const FileLimit limit = raise_file_limit(512);

    EXPECT_EQ(limit.before, 256u);
    EXPECT_EQ(limit.now, 512u);
    EXPECT_EQ(soft_now(), 512u);
}

TEST_F(RaiseFileLimitTest, AFittingSoftLimitIsLeftAlone) {
    const FileLimit limit = raise_file_limit(100);

    EXPECT_EQ(limit.before, 256u);
    EXPECT_EQ(limit.now, 256u);
    EXPECT_EQ(soft_now(), 256u);
}

}  // namespace
}  // namespace redress::cli
