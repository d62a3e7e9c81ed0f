// Referrals as the receiving office answers them, on the real SQLite store: the office's
// list of referrals received, accepting (the complaint moves to the receiving office's
// triage, and the complainant's look-up names it), declining and returning (back to the
// sending office's triage, with the reason), one answer only, and who may answer: staff of
// a third office are told what a missing reference gets, an investigator is forbidden.

#include "staff/referrals.hpp"

#include <gtest/gtest.h>

#include "staff/triage.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "support/instants.hpp"
#include "support/sample_deployment.hpp"
#include "support/staff_fixture.hpp"
#include "support/temp_folder.hpp"
#include "util/await.hpp"

namespace redress::staff {
namespace {

using redress::testing::march_2026;

domain::ReceivedFiling filing_for_opr() {
    return redress::testing::web_filing(march_2026(2), {"bribery-corruption"}, {{"opr", "OPR"}});
}

domain::ReferralDecision answer(domain::ReferralAnswer what, std::string reason = {}) {
    return {what, std::move(reason)};
}

class ReferralsTest : public ::testing::Test {
  protected:
    void SetUp() override {
        domain::Office ccrb;
        ccrb.id = "ccrb";
        ccrb.reference_prefix = "CCRB";
        ccrb.name = redress::testing::english("Civilian Complaint Review Board");
        m_deployment.offices.push_back(ccrb);
        m_backend = redress::testing::open_store(m_folder.path());
        ASSERT_TRUE(m_backend);
        m_triage = std::make_unique<Triage>(m_deployment, *m_backend);
        m_referrals = std::make_unique<Referrals>(*m_backend);
        auto filed = util::await<std::vector<domain::FiledComplaint>>(
            [&](auto done) { m_backend->record(filing_for_opr(), std::move(done)); });
        ASSERT_TRUE(filed);
        m_reference = filed->front().reference;
        m_sender = member("ines", {domain::Role::intake_officer}, {"opr"});
        m_receiver = member("olga", {domain::Role::intake_officer}, {"oig"});
        m_supervisor = member("sara", {domain::Role::supervisor}, {"oig"});
        m_investigator = member("ivan", {domain::Role::investigator}, {"oig"});
        m_third = member("tom", {domain::Role::intake_officer, domain::Role::supervisor}, {"ccrb"});
        m_administrator = member("ada", {domain::Role::administrator}, {"oig"});

        domain::TriageDecision refer;
        refer.action = domain::TriageAction::refer;
        refer.to_office = "oig";
        refer.reason = "Bribery is for the inspector general.";
        const auto referred = util::await<TriageResult>([&](auto done) {
            m_triage->decide(m_sender, m_reference, refer, march_2026(3), std::move(done));
        });
        ASSERT_TRUE(referred);
        ASSERT_EQ(referred->recorded, domain::Status::referred);
    }

    domain::StaffMember member(std::string username, std::vector<domain::Role> roles,
                               std::vector<std::string> offices) {
        return redress::testing::add_member(*m_backend, std::move(username), std::move(roles),
                                            std::move(offices), march_2026(1));
    }

    util::Expected<ReferralResult> respond(const domain::StaffMember& who,
                                           domain::ReferralDecision decision,
                                           std::string reference = {}) {
        if (reference.empty()) reference = m_reference;
        return util::await<ReferralResult>([&](auto done) {
            m_referrals->answer(who, reference, std::move(decision), march_2026(5),
                                std::move(done));
        });
    }

    util::Expected<std::vector<storage::ReceivedReferral>> received(const domain::StaffMember& who,
                                                                    std::string office) {
        return util::await<std::vector<storage::ReceivedReferral>>(
            [&](auto done) { m_referrals->received(who, std::move(office), std::move(done)); });
    }

    util::Expected<storage::StaffComplaint> complaint(const domain::StaffMember& who,
                                                      std::string reference = {}) {
        if (reference.empty()) reference = m_reference;
        return util::await<storage::StaffComplaint>(
            [&](auto done) { m_triage->complaint(who, reference, std::move(done)); });
    }

    std::vector<std::string> queue(domain::Queue which, std::string office) {
        domain::QueueQuery query;
        query.office_id = std::move(office);
        query.queue = which;
        const auto page = util::await<domain::QueuePage>([&](auto done) {
                              m_backend->queue(query, std::move(done));
                          }).value();
        std::vector<std::string> references;
        for (const auto& item : page.items) references.push_back(item.reference);
        return references;
    }

    // What the complainant's status look-up finds.
    domain::ComplaintRecord looked_up() {
        auto found = util::await<std::optional<domain::ComplaintRecord>>(
            [&](auto done) { m_backend->find_complaint(m_reference, std::move(done)); });
        EXPECT_TRUE(found && found->has_value());
        return found && found->has_value() ? **found : domain::ComplaintRecord{};
    }

    std::vector<domain::AuditEntry> trail() {
        return util::await<std::vector<domain::AuditEntry>>(
                   [&](auto done) { m_backend->audit_entries(0, 100, std::move(done)); })
            .value();
    }

    redress::testing::TempFolder m_folder;
    std::unique_ptr<storage::Backend> m_backend;
    domain::Deployment m_deployment = redress::testing::sample_deployment();
    std::unique_ptr<Triage> m_triage;
    std::unique_ptr<Referrals> m_referrals;
    std::string m_reference;
    domain::StaffMember m_sender, m_receiver, m_supervisor, m_investigator, m_third,
        m_administrator;
};

TEST_F(ReferralsTest, TheReceivingOfficeListsItAndReadsTheComplaint) {
    const auto list = received(m_receiver, "oig");
    ASSERT_TRUE(list) << list.error().message;
    ASSERT_EQ(list->size(), 1u);
    EXPECT_EQ((*list)[0].reference, m_reference);
    EXPECT_EQ((*list)[0].referral.from_office, "opr");
    EXPECT_EQ((*list)[0].referral.reason, "Bribery is for the inspector general.");
    EXPECT_EQ((*list)[0].referral.at, march_2026(3));
    // Nothing was referred to opr.
    EXPECT_TRUE(received(m_sender, "opr")->empty());

    for (const auto* who : {&m_receiver, &m_investigator, &m_sender}) {
        const auto seen = complaint(*who);
        ASSERT_TRUE(seen) << who->username;
        EXPECT_EQ(seen->office_id, "opr");  // still the sender's until accepted
        ASSERT_TRUE(seen->referral);
        EXPECT_EQ(seen->referral->to_office, "oig");
        EXPECT_EQ(seen->referral->state, domain::ReferralState::sent);
    }
    // The receiving office may read it, not triage it: that is opr's until it is accepted.
    const auto decided = util::await<TriageResult>([&](auto done) {
        m_triage->decide(m_receiver, m_reference, {}, march_2026(4), std::move(done));
    });
    ASSERT_FALSE(decided);
    EXPECT_EQ(decided.error().code, util::ErrorCode::forbidden);
}

TEST_F(ReferralsTest, AcceptingMovesItToTheReceivingOfficesTriageAndTheComplainantSeesIt) {
    EXPECT_EQ(looked_up().office_id, "opr");
    const auto accepted = respond(m_receiver, answer(domain::ReferralAnswer::accept));
    ASSERT_TRUE(accepted) << accepted.error().message;
    ASSERT_TRUE(accepted->problems.empty());
    EXPECT_EQ(accepted->handling_office, "oig");

    EXPECT_EQ(queue(domain::Queue::triage, "oig"), std::vector<std::string>{m_reference});
    EXPECT_TRUE(queue(domain::Queue::referred, "opr").empty());
    EXPECT_TRUE(queue(domain::Queue::triage, "opr").empty());
    EXPECT_TRUE(received(m_receiver, "oig")->empty());

    const auto record = looked_up();
    EXPECT_EQ(record.office_id, "oig");
    EXPECT_EQ(record.status, domain::Status::acknowledged);
    EXPECT_EQ(record.reference, m_reference);  // the reference stays the one filed

    const auto seen = complaint(m_receiver);
    ASSERT_TRUE(seen);
    EXPECT_EQ(seen->office_id, "oig");
    EXPECT_EQ(seen->referral->state, domain::ReferralState::accepted);
    EXPECT_EQ(seen->referral->answered_at, march_2026(5));
    EXPECT_EQ(seen->timeline.back().actor, "staff:olga");
    // The sending office no longer reads it; the receiving office triages it now.
    const auto sender = complaint(m_sender);
    ASSERT_FALSE(sender);
    EXPECT_EQ(sender.error().code, util::ErrorCode::not_found);
    domain::TriageDecision accept;
    const auto triaged = util::await<TriageResult>([&](auto done) {
        m_triage->decide(m_receiver, m_reference, accept, march_2026(6), std::move(done));
    });
    ASSERT_TRUE(triaged) << triaged.error().message;
    EXPECT_EQ(triaged->recorded, domain::Status::investigating);

    const auto entries = trail();
    const auto answered = std::find_if(entries.begin(), entries.end(), [](const auto& entry) {
        return entry.event.action == "referral.accepted";
    });
    ASSERT_NE(answered, entries.end());
    EXPECT_EQ(answered->event.object, "complaint:" + m_reference);
    EXPECT_EQ(answered->event.actor, "staff:olga");
    EXPECT_EQ(answered->event.details, "from=opr to=oig");
}

TEST_F(ReferralsTest, DecliningAndReturningSendItBackWithTheReason) {
    for (const auto what : {domain::ReferralAnswer::decline, domain::ReferralAnswer::send_back}) {
        SCOPED_TRACE(std::string(domain::referral_answer_name(what)));
        // Without a reason, refused and nothing changes.
        const auto bare = respond(m_supervisor, answer(what));
        ASSERT_TRUE(bare);
        ASSERT_EQ(bare->problems.size(), 1u);
        EXPECT_EQ(bare->problems[0].field, "reason");
        EXPECT_EQ(bare->problems[0].code, "required");
        EXPECT_EQ(received(m_receiver, "oig")->size(), 1u);

        const auto reason = what == domain::ReferralAnswer::decline
                                ? std::string("Not a matter of corruption.")
                                : std::string("Please add the officer's unit first.");
        const auto sent_back = respond(m_supervisor, answer(what, reason));
        ASSERT_TRUE(sent_back) << sent_back.error().message;
        EXPECT_EQ(sent_back->handling_office, "opr");
        EXPECT_EQ(queue(domain::Queue::triage, "opr"), std::vector<std::string>{m_reference});
        EXPECT_TRUE(queue(domain::Queue::triage, "oig").empty());
        EXPECT_EQ(looked_up().office_id, "opr");

        const auto seen = complaint(m_sender);
        ASSERT_TRUE(seen);
        EXPECT_EQ(seen->status, domain::Status::acknowledged);
        EXPECT_EQ(seen->timeline.back().note, reason);
        EXPECT_EQ(seen->referral->state, what == domain::ReferralAnswer::decline
                                             ? domain::ReferralState::declined
                                             : domain::ReferralState::returned);
        EXPECT_EQ(seen->referral->answer_reason, reason);
        // The receiving office sees it no more.
        EXPECT_FALSE(complaint(m_receiver));

        // opr refers it again, for the next round.
        domain::TriageDecision refer;
        refer.action = domain::TriageAction::refer;
        refer.to_office = "oig";
        refer.reason = "Again.";
        ASSERT_TRUE(util::await<TriageResult>([&](auto done) {
                        m_triage->decide(m_sender, m_reference, refer, march_2026(5),
                                         std::move(done));
                    })->recorded);
    }
}

TEST_F(ReferralsTest, ASecondAnswerIsAConflict) {
    ASSERT_TRUE(respond(m_receiver, answer(domain::ReferralAnswer::accept)));
    const auto again = respond(m_supervisor, answer(domain::ReferralAnswer::decline, "No."));
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, util::ErrorCode::conflict);
    EXPECT_EQ(looked_up().office_id, "oig");
}

TEST_F(ReferralsTest, TheStoreChecksTheOfficeAndASecondAnswerItself) {
    // Written without the staff side's checks: the transaction's own check decides.
    storage::ReferralAnswerRecord record;
    record.reference = m_reference;
    record.office_id = "oig";
    record.staff_id = m_receiver.id;
    record.actor = "staff:olga";
    record.at = march_2026(5);
    record.decision = answer(domain::ReferralAnswer::decline, "Not ours.");
    const auto write = [&](storage::ReferralAnswerRecord each) {
        return util::await<std::string>([&](auto done) {
            m_backend->answer_referral(
                std::move(each), {march_2026(5), "staff:olga", "referral.declined", "", "", ""},
                std::move(done));
        });
    };
    auto wrong_office = record;
    wrong_office.office_id = "ccrb";
    const auto elsewhere = write(wrong_office);
    ASSERT_FALSE(elsewhere);
    EXPECT_EQ(elsewhere.error().code, util::ErrorCode::not_found);
    EXPECT_EQ(write(record).value_or(""), "opr");
    auto accept = record;
    accept.decision = answer(domain::ReferralAnswer::accept);
    const auto second = write(accept);
    ASSERT_FALSE(second);
    EXPECT_EQ(second.error().code, util::ErrorCode::conflict);
    EXPECT_EQ(looked_up().office_id, "opr");
}

TEST_F(ReferralsTest, AnInvestigatorOfTheReceivingOfficeIsForbidden) {
    const auto answered = respond(m_investigator, answer(domain::ReferralAnswer::accept));
    ASSERT_FALSE(answered);
    EXPECT_EQ(answered.error().code, util::ErrorCode::forbidden);
    // The sending office may read it, but the answer is not theirs either.
    const auto sender = respond(m_sender, answer(domain::ReferralAnswer::accept));
    ASSERT_FALSE(sender);
    EXPECT_EQ(sender.error().code, util::ErrorCode::forbidden);
    EXPECT_EQ(received(m_receiver, "oig")->size(), 1u);
}

TEST_F(ReferralsTest, AThirdOfficeAndAdministratorsAreToldWhatAMissingReferenceGets) {
    const auto missing =
        respond(m_receiver, answer(domain::ReferralAnswer::accept), "OPR-2026-999999");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, util::ErrorCode::not_found);
    for (const auto* who : {&m_third, &m_administrator}) {
        SCOPED_TRACE(who->username);
        const auto answered = respond(*who, answer(domain::ReferralAnswer::accept));
        ASSERT_FALSE(answered);
        EXPECT_EQ(answered.error().code, missing.error().code);
        EXPECT_EQ(answered.error().message, missing.error().message);
        const auto seen = complaint(*who);
        ASSERT_FALSE(seen);
        EXPECT_EQ(seen.error().code, util::ErrorCode::not_found);
        // Nor the list of an office they do not work for.
        const auto list = received(*who, "oig");
        ASSERT_FALSE(list);
        EXPECT_EQ(list.error().code, util::ErrorCode::not_found);
    }
    EXPECT_EQ(received(m_receiver, "oig")->size(), 1u);
}

}  // namespace
}  // namespace redress::staff
