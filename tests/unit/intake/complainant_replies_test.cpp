#include "intake/complainant_replies.hpp"

#include <gtest/gtest.h>

#include "crypto/secret_box.hpp"
#include "intake/intake.hpp"
#include "support/memory_store.hpp"
#include "support/sample_deployment.hpp"

namespace redress::intake {
namespace {

using Outcome = ReplyResult::Outcome;

class ComplainantRepliesTest : public ::testing::Test {
  protected:
    void SetUp() override {
        crypto::init();
        domain::Filing filing;
        filing.incident.narrative = "An agent took my documents.";
        m_intake.file(std::move(filing), domain::Channel::web,
                      [&](std::expected<Stored, Refusal> result) {
                          ASSERT_TRUE(result);
                          m_reference = result->complaints[0].reference;
                          m_receipt = result->receipt.text();
                      });
    }

    // The memory store answers at once, so the post is over when this returns.
    ReplyResult post(std::string receipt, std::string text,
                     domain::MessageKind kind = domain::MessageKind::from_complainant) {
        std::optional<ReplyResult> outcome;
        m_replies.post(m_reference, receipt, "client", kind, std::move(text),
                       [&](ReplyResult result) { outcome = std::move(result); });
        EXPECT_TRUE(outcome.has_value());
        return outcome ? std::move(*outcome) : ReplyResult{};
    }

    // Closes the complaint as a case's closure would, with a window until `until`.
    void close(std::string until) {
        domain::SealedOutcome outcome;
        outcome.findings = {{"excessive-force", domain::Finding::not_sustained}};
        outcome.sealed_text = crypto::seal(m_keys.content, "We could not confirm it.");
        outcome.sealed_remedy = crypto::seal(m_keys.content, "");
        outcome.reconsider_until = std::move(until);
        m_store.close(m_reference, m_now, std::move(outcome), "investigation complete");
    }

    domain::Timestamp m_now = testing::fixed_now();
    domain::Deployment m_deployment = testing::sample_deployment();
    crypto::Keys m_keys = testing::fixed_keys();
    testing::MemoryStore m_store;
    Intake m_intake{m_deployment, m_store, m_keys, [this] { return m_now; }};
    StatusLookup m_lookup{
        m_deployment, m_store, m_keys, {.lookups_per_second = 0}, [this] { return m_now; }};
    ComplainantReplies m_replies{m_lookup, m_store, m_keys, [this] { return m_now; }};
    std::string m_reference;
    std::string m_receipt;
};

TEST(CheckReply, NamesWhatIsWrong) {
    EXPECT_EQ(check_reply("I remember the car's plate: KX 4471."), std::nullopt);
    EXPECT_EQ(check_reply("  \n\t "), ReplyProblem::blank);
    EXPECT_EQ(check_reply(std::string(domain::k_longest_message + 1, 'a')), ReplyProblem::too_long);
    EXPECT_EQ(check_reply(std::string(domain::k_longest_message, 'a')), std::nullopt);
    EXPECT_EQ(check_reply("bell \x07 here"), ReplyProblem::unusable);
    EXPECT_EQ(check_reply("broken \xC3"), ReplyProblem::unusable);
}

TEST_F(ComplainantRepliesTest, AMessageIsStoredSealedAndShownBack) {
    const auto result = post(m_receipt, "  The agent's car was a grey van.  ");
    ASSERT_EQ(result.outcome, Outcome::added);
    ASSERT_TRUE(result.view);
    ASSERT_EQ(result.view->messages.size(), 1u);
    EXPECT_EQ(result.view->messages[0].text, "The agent's car was a grey van.");
    EXPECT_EQ(result.view->messages[0].author, "complainant");
    EXPECT_EQ(result.view->messages[0].kind, domain::MessageKind::from_complainant);
    const auto stored = m_store.messages(m_reference);
    ASSERT_EQ(stored.size(), 1u);
    const std::string sealed(stored[0].sealed_text.begin(), stored[0].sealed_text.end());
    EXPECT_EQ(sealed.find("grey van"), std::string::npos);
    const auto audit = m_store.audit();
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].actor, "complainant");
    EXPECT_EQ(audit[0].action, "message.received");
    EXPECT_EQ(audit[0].object, "complaint:" + m_reference);
    EXPECT_EQ(audit[0].details.find("grey"), std::string::npos);
}

TEST_F(ComplainantRepliesTest, AWrongReceiptIsNotFoundAndNothingIsChecked) {
    std::string wrong = m_receipt;
    wrong[0] = wrong[0] == '7' ? '8' : '7';
    EXPECT_EQ(post(wrong, "Something").outcome, Outcome::not_found);
    // Not even the text is judged: a blank text gets the same answer.
    const auto blank = post(wrong, "   ");
    EXPECT_EQ(blank.outcome, Outcome::not_found);
    EXPECT_FALSE(blank.view);
    EXPECT_TRUE(m_store.messages(m_reference).empty());
    EXPECT_TRUE(m_store.audit().empty());
}

TEST_F(ComplainantRepliesTest, ABadTextIsRefusedWithItsProblemAndNothingIsStored) {
    const auto blank = post(m_receipt, " \n ");
    EXPECT_EQ(blank.outcome, Outcome::invalid);
    EXPECT_EQ(blank.problem, ReplyProblem::blank);
    EXPECT_TRUE(blank.view);  // the receipt matched: the page shows the complaint
    const auto long_one = post(m_receipt, std::string(domain::k_longest_message + 1, 'x'));
    EXPECT_EQ(long_one.outcome, Outcome::invalid);
    EXPECT_EQ(long_one.problem, ReplyProblem::too_long);
    EXPECT_TRUE(m_store.messages(m_reference).empty());
}

TEST_F(ComplainantRepliesTest, ReconsiderationOnlyWithinTheWindowOfAClosedComplaint) {
    const auto early = post(m_receipt, "Please look again.", domain::MessageKind::reconsideration);
    EXPECT_EQ(early.outcome, Outcome::not_reconsiderable);
    EXPECT_TRUE(m_store.messages(m_reference).empty());

    const std::string until = domain::iso_date(domain::date_of(m_now + std::chrono::days(10)));
    close(until);
    m_now += std::chrono::days(10);  // the last day of the window (UTC deployment)
    const auto within =
        post(m_receipt, "A witness has come forward.", domain::MessageKind::reconsideration);
    ASSERT_EQ(within.outcome, Outcome::added);
    EXPECT_EQ(within.view->complaint.status, domain::Status::investigating);
    EXPECT_FALSE(within.view->outcome);
    ASSERT_EQ(within.view->messages.size(), 1u);
    EXPECT_EQ(within.view->messages[0].kind, domain::MessageKind::reconsideration);
}

TEST_F(ComplainantRepliesTest, ReconsiderationAfterTheWindowIsRefused) {
    close(domain::iso_date(domain::date_of(m_now + std::chrono::days(10))));
    m_now += std::chrono::days(11);
    const auto late = post(m_receipt, "Please look again.", domain::MessageKind::reconsideration);
    EXPECT_EQ(late.outcome, Outcome::not_reconsiderable);
    ASSERT_TRUE(late.view);
    ASSERT_TRUE(late.view->outcome);
    EXPECT_FALSE(late.view->outcome->may_reconsider);
    EXPECT_EQ(late.view->outcome->text, "We could not confirm it.");
    EXPECT_TRUE(m_store.messages(m_reference).empty());
}

TEST_F(ComplainantRepliesTest, AFullComplaintTakesNoMore) {
    for (std::size_t i = 0; i < storage::k_messages_per_complaint_max; ++i) {
        ASSERT_EQ(post(m_receipt, "note " + std::to_string(i)).outcome, Outcome::added);
    }
    EXPECT_EQ(post(m_receipt, "one more").outcome, Outcome::full);
    EXPECT_EQ(m_store.messages(m_reference).size(), storage::k_messages_per_complaint_max);
}

}  // namespace
}  // namespace redress::intake
