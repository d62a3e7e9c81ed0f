#include "intake/status_lookup.hpp"

#include <gtest/gtest.h>

#include "crypto/secret_box.hpp"
#include "intake/intake.hpp"
#include "support/memory_store.hpp"
#include "support/sample_deployment.hpp"

namespace redress::intake {
namespace {

class StatusLookupTest : public ::testing::Test {
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

    // The memory store answers at once, so the look-up is over when this returns.
    LookupResult look_up(std::string_view reference, std::string_view receipt,
                         std::string_view client = "client") {
        std::optional<LookupResult> outcome;
        m_lookup.look_up(reference, receipt, client,
                         [&](LookupResult result) { outcome = std::move(result); });
        EXPECT_TRUE(outcome.has_value());
        return outcome ? std::move(*outcome) : LookupResult{};
    }

    domain::Deployment m_deployment = testing::sample_deployment();
    crypto::Keys m_keys = testing::fixed_keys();
    testing::MemoryStore m_store;
    Intake m_intake{m_deployment, m_store, m_keys, testing::fixed_now};
    StatusLookup m_lookup{m_deployment, m_store, m_keys, {}, testing::fixed_now};
    std::string m_reference;
    std::string m_receipt;
};

TEST_F(StatusLookupTest, FindsTheComplaintWithItsReceipt) {
    const auto result = look_up(m_reference, m_receipt);
    ASSERT_EQ(result.outcome, LookupResult::Outcome::found);
    const auto& found = result.view;
    ASSERT_TRUE(found);
    EXPECT_EQ(found->complaint.reference, m_reference);
    EXPECT_EQ(found->complaint.status, domain::Status::received);
    ASSERT_EQ(found->complaint.timeline.size(), 1u);
    ASSERT_NE(found->office, nullptr);
    EXPECT_EQ(found->office->id, "opr");
    ASSERT_TRUE(found->next_step);
    EXPECT_EQ(found->next_step->step, domain::Status::acknowledged);
    EXPECT_EQ(result.delay.count(), 0);
}

TEST_F(StatusLookupTest, AcceptsTheReceiptAsAPersonTypesIt) {
    std::string typed;
    for (const char ch : m_receipt) {
        if (ch != '-') typed += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
    const auto lower_reference = std::string(" ") + m_reference + " ";
    EXPECT_EQ(look_up(lower_reference, typed).outcome, LookupResult::Outcome::found);
}

TEST_F(StatusLookupTest, AWrongReceiptFindsNothing) {
    EXPECT_EQ(look_up(m_reference, "0000-0000-0000-0000-0000").outcome,
              LookupResult::Outcome::not_found);
}

TEST_F(StatusLookupTest, AnUnknownReferenceFindsNothing) {
    EXPECT_EQ(look_up("OPR-2026-000999", m_receipt).outcome, LookupResult::Outcome::not_found);
}

TEST_F(StatusLookupTest, MalformedInputFindsNothing) {
    for (const auto& [reference, receipt] : std::vector<std::pair<std::string, std::string>>{
             {"", ""}, {"not a reference", m_receipt}, {m_reference, "short"}, {m_reference, ""}}) {
        EXPECT_EQ(look_up(reference, receipt).outcome, LookupResult::Outcome::not_found)
            << reference << " / " << receipt;
    }
}

TEST_F(StatusLookupTest, AStorageFailureIsAnErrorNotAnAnswer) {
    m_store.set_failing(true);
    const auto result = look_up(m_reference, m_receipt);
    ASSERT_EQ(result.outcome, LookupResult::Outcome::failed);
    ASSERT_TRUE(result.failure);
    EXPECT_EQ(result.failure->code, util::ErrorCode::unavailable);
}

TEST_F(StatusLookupTest, WrongReceiptsSlowTheReferenceDownButNeverLockItOut) {
    for (int attempt = 0; attempt < 12; ++attempt) {
        look_up(m_reference, "0000-0000-0000-0000-0000", "attacker");
    }
    // The real complainant, from elsewhere: answered, later.
    const auto result = look_up(m_reference, m_receipt, "complainant");
    EXPECT_EQ(result.outcome, LookupResult::Outcome::found);
    EXPECT_GT(result.delay.count(), 0);
    EXPECT_LE(result.delay, ThrottleSettings{}.max_delay);
    // Another reference from another address is not slowed.
    EXPECT_EQ(look_up("OPR-2026-000999", m_receipt, "someone-else").delay.count(), 0);
}

TEST_F(StatusLookupTest, PastTheBudgetOfFailuresALookUpIsBusyAndDoesNoWork) {
    StatusLookup budgeted{m_deployment, m_store, m_keys, {.lookups_per_second = 2}};
    std::vector<LookupResult::Outcome> outcomes;
    const auto record = [&](LookupResult result) { outcomes.push_back(result.outcome); };
    budgeted.look_up(m_reference, m_receipt, "client", record);  // found: spends nothing
    budgeted.look_up(m_reference, "0000-0000-0000-0000-0000", "client", record);
    budgeted.look_up("OPR-2026-000999", m_receipt, "client", record);
    m_store.set_failing(true);  // a busy answer must not even ask the store
    budgeted.look_up(m_reference, m_receipt, "client", record);
    using Outcome = LookupResult::Outcome;
    EXPECT_EQ(outcomes, (std::vector<Outcome>{Outcome::found, Outcome::not_found,
                                              Outcome::not_found, Outcome::busy}));
}

}  // namespace
}  // namespace redress::intake

namespace redress::intake {
namespace {

TEST_F(StatusLookupTest, OpensTheMessagesAndTheOutcomeWithTheContentKey) {
    storage::StaffMessageRecord message{.reference = m_reference,
                                        .office_id = "opr",
                                        .staff_id = 7,
                                        .actor = "staff:ines",
                                        .at = testing::fixed_now(),
                                        .sealed_text = crypto::seal(m_keys.content, "Call us.")};
    m_store.post_staff_message(std::move(message), {}, [](auto&& posted) { ASSERT_TRUE(posted); });
    domain::SealedOutcome outcome;
    outcome.findings = {{"excessive-force", domain::Finding::sustained}};
    outcome.sealed_text = crypto::seal(m_keys.content, "The agent was disciplined.");
    outcome.sealed_remedy = crypto::seal(m_keys.content, "Your documents are returned.");
    // The window's last day is today: still open.
    outcome.reconsider_until = domain::iso_date(domain::date_of(testing::fixed_now()));
    m_store.close(m_reference, testing::fixed_now(), std::move(outcome), "decided");

    const auto result = look_up(m_reference, m_receipt);
    ASSERT_EQ(result.outcome, LookupResult::Outcome::found);
    const auto& view = *result.view;
    ASSERT_EQ(view.messages.size(), 1u);
    EXPECT_EQ(view.messages[0].text, "Call us.");
    EXPECT_EQ(view.messages[0].author, "office");  // never the member's name
    ASSERT_TRUE(view.outcome);
    EXPECT_EQ(view.outcome->text, "The agent was disciplined.");
    EXPECT_EQ(view.outcome->remedy, "Your documents are returned.");
    EXPECT_EQ(view.outcome->findings.size(), 1u);
    EXPECT_TRUE(view.outcome->may_reconsider);
    EXPECT_EQ(view.complaint.timeline.back().note, "decided");
    // The sealed copies are not carried further than they are needed.
    EXPECT_TRUE(view.complaint.messages.empty());
    EXPECT_FALSE(view.complaint.outcome);
}

TEST_F(StatusLookupTest, AMessageSealedWithAnotherKeyIsAFailureNotAPage) {
    crypto::Keys other = m_keys;
    other.content.fill(99);
    storage::StaffMessageRecord message{.reference = m_reference,
                                        .office_id = "opr",
                                        .staff_id = 7,
                                        .actor = "staff:ines",
                                        .at = testing::fixed_now(),
                                        .sealed_text = crypto::seal(other.content, "Call us.")};
    m_store.post_staff_message(std::move(message), {}, [](auto&& posted) { ASSERT_TRUE(posted); });
    EXPECT_EQ(look_up(m_reference, m_receipt).outcome, LookupResult::Outcome::failed);
}

}  // namespace
}  // namespace redress::intake
