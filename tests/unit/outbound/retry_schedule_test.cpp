// When a mail that failed is tried again: after the first wait, doubling, never longer than
// the longest; given up once the next attempt would come after the give-up time, and at
// once when the server refused it.

#include <gtest/gtest.h>

#include "outbound/mail_sending.hpp"

namespace redress::outbound {
namespace {

using std::chrono::hours;
using std::chrono::seconds;

TEST(RetrySchedule, DoublesFromTheFirstWaitUpToTheLongest) {
    EXPECT_EQ(retry_delay(1, seconds(60), seconds(3600)), seconds(60));
    EXPECT_EQ(retry_delay(2, seconds(60), seconds(3600)), seconds(120));
    EXPECT_EQ(retry_delay(3, seconds(60), seconds(3600)), seconds(240));
    EXPECT_EQ(retry_delay(7, seconds(60), seconds(3600)), seconds(3600));
    EXPECT_EQ(retry_delay(4000000000u, seconds(60), seconds(3600)), seconds(3600));
}

TEST(RetrySchedule, GivesUpAfterTheGiveUpTimeOrAtOnceWhenRefused) {
    MailSendingSettings settings;
    settings.retry_first = seconds(60);
    settings.retry_max = seconds(3600);
    settings.give_up = hours(72);
    storage::MailJob job;
    job.created_at = domain::Timestamp(seconds(1773000000));
    job.attempts = 0;

    const auto now = job.created_at + seconds(5);
    const auto first = after_failure(job, SendOutcome::temporary_failure, now, settings);
    EXPECT_FALSE(first.give_up);
    EXPECT_EQ(first.next_attempt, now + seconds(60));

    job.attempts = 3;
    const auto fourth = after_failure(job, SendOutcome::temporary_failure, now, settings);
    EXPECT_EQ(fourth.next_attempt, now + seconds(480));

    EXPECT_TRUE(after_failure(job, SendOutcome::permanent_failure, now, settings).give_up);

    const auto late = job.created_at + hours(72) - seconds(10);
    EXPECT_TRUE(after_failure(job, SendOutcome::temporary_failure, late, settings).give_up);
}

}  // namespace
}  // namespace redress::outbound
