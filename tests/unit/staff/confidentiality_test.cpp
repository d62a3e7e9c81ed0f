// Who may see what of a complainant, on the real SQLite store: the identity opened only with
// a stated reason and only by the handling office, each opening in the audit trail; a
// custodian's approval where the deployment asks for it (never one's own, never another
// office's, and only for a while); no identity passed on by a referral without consent;
// and members closed out of a complaint (recused, named by the office, or named as a
// subject in it) answered as for a missing complaint by every route, their queue included.

#include <gtest/gtest.h>

#include "staff/cases.hpp"
#include "staff/exclusions.hpp"
#include "staff/identity_access.hpp"
#include "staff/referrals.hpp"
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

using domain::IdentityRefusal;
using domain::Role;

constexpr domain::NameMark k_subject_mark{9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9};

class ConfidentialityTest : public ::testing::Test {
  protected:
    void SetUp() override {
        m_backend = redress::testing::open_store(m_folder.path());
        ASSERT_TRUE(m_backend);
        m_key.fill(7);
        m_triage = std::make_unique<Triage>(m_deployment, *m_backend);
        m_cases = std::make_unique<Cases>(m_deployment, *m_backend, *m_backend, m_key);
        m_referrals = std::make_unique<Referrals>(*m_backend);
        m_exclusions = std::make_unique<Exclusions>(*m_backend, *m_backend, *m_backend);
        use_approval(false);

        m_officer = member("olga", {Role::intake_officer}, {"opr"});
        m_investigator = member("ivan", {Role::investigator}, {"opr"});
        m_custodian = member("cora", {Role::custodian}, {"opr"});
        m_asking_custodian = member("carl", {Role::intake_officer, Role::custodian}, {"opr"});
        m_other_custodian = member("otto", {Role::custodian}, {"oig"});
        m_oig_officer = member("omar", {Role::intake_officer}, {"oig"});
        m_named = member("nina", {Role::intake_officer}, {"opr"});
        m_named.name_mark = k_subject_mark;  // as her session would mark her name

        auto confidential =
            redress::testing::web_filing(march_2026(2, 9), {"excessive-force"}, {{"opr", "OPR"}});
        confidential.subject_marks.assign(k_subject_mark.begin(), k_subject_mark.end());
        m_reference = file(confidential);
        auto anonymous =
            redress::testing::web_filing(march_2026(2, 9), {"excessive-force"}, {{"opr", "OPR"}});
        anonymous.confidentiality = domain::Confidentiality::anonymous;
        anonymous.sealed_people.clear();
        m_anonymous = file(anonymous);
    }

    void use_approval(bool required) {
        m_identity = std::make_unique<IdentityAccess>(
            *m_backend, *m_backend,
            IdentitySettings{.custodian_approval = required,
                             .approval_lifetime = std::chrono::hours(24)});
    }

    std::string file(domain::ReceivedFiling filing) {
        auto filed = util::await<std::vector<domain::FiledComplaint>>(
            [&](auto done) { m_backend->record(std::move(filing), std::move(done)); });
        EXPECT_TRUE(filed);
        return filed ? filed->front().reference : "";
    }

    domain::StaffMember member(std::string username, std::vector<Role> roles,
                               std::vector<std::string> offices) {
        return redress::testing::add_member(*m_backend, std::move(username), std::move(roles),
                                            std::move(offices), march_2026(1, 9));
    }

    util::Expected<IdentityResult> open(const domain::StaffMember& who, std::string reason,
                                        domain::Timestamp when = march_2026(3, 9),
                                        std::string reference = {}) {
        if (reference.empty()) reference = m_reference;
        return util::await<IdentityResult>([&](auto done) {
            m_identity->open(who, reference, std::move(reason), when, std::move(done));
        });
    }
    util::Expected<IdentityPage> page(const domain::StaffMember& who,
                                      domain::Timestamp when = march_2026(3, 9)) {
        return util::await<IdentityPage>(
            [&](auto done) { m_identity->page(who, m_reference, when, std::move(done)); });
    }
    util::Expected<std::vector<storage::IdentityRequest>> pending(const domain::StaffMember& who) {
        return util::await<std::vector<storage::IdentityRequest>>(
            [&](auto done) { m_identity->pending(who, std::move(done)); });
    }
    util::Expected<std::vector<domain::FormProblem>> answer(
        const domain::StaffMember& who, std::int64_t id, bool approve, std::string text,
        domain::Timestamp when = march_2026(4, 9)) {
        return util::await<std::vector<domain::FormProblem>>([&](auto done) {
            m_identity->answer(who, id, approve, std::move(text), when, std::move(done));
        });
    }
    util::Expected<storage::StaffComplaint> complaint(const domain::StaffMember& who) {
        return util::await<storage::StaffComplaint>(
            [&](auto done) { m_triage->complaint(who, m_reference, std::move(done)); });
    }
    std::vector<std::string> queue(const domain::StaffMember& who) {
        domain::QueueQuery query;
        query.office_id = "opr";
        query.reader = who.id;
        query.reader_mark = who.name_mark;
        const auto page = util::await<domain::QueuePage>([&](auto done) {
                              m_backend->queue(query, std::move(done));
                          }).value();
        std::vector<std::string> references;
        for (const auto& item : page.items) references.push_back(item.reference);
        return references;
    }
    std::vector<domain::AuditEntry> trail() {
        return util::await<std::vector<domain::AuditEntry>>(
                   [&](auto done) { m_backend->audit_entries(0, 1000, std::move(done)); })
            .value();
    }
    std::size_t entries(std::string_view action) {
        std::size_t count = 0;
        for (const auto& entry : trail()) count += entry.event.action == action;
        return count;
    }
    // Accepts the complaint, opening its case, and assigns it to Ivan.
    std::int64_t accept_and_assign() {
        domain::TriageDecision accept;
        accept.categories = {"excessive-force"};
        const auto decided = util::await<TriageResult>([&](auto done) {
            m_triage->decide(m_officer, m_reference, accept, march_2026(3, 9), std::move(done));
        });
        EXPECT_TRUE(decided && decided->recorded);
        const auto case_id = complaint(m_officer).value().case_id.value();
        const auto assigned = util::await<CaseResult>([&](auto done) {
            m_cases->assign(m_officer, case_id, m_investigator.id, march_2026(3, 9),
                            std::move(done));
        });
        EXPECT_TRUE(assigned && assigned->recorded);
        return case_id;
    }

    redress::testing::TempFolder m_folder;
    domain::Deployment m_deployment = redress::testing::sample_deployment();
    std::unique_ptr<storage::Backend> m_backend;
    crypto::Key m_key{};
    std::unique_ptr<Triage> m_triage;
    std::unique_ptr<Cases> m_cases;
    std::unique_ptr<Referrals> m_referrals;
    std::unique_ptr<Exclusions> m_exclusions;
    std::unique_ptr<IdentityAccess> m_identity;
    domain::StaffMember m_officer, m_investigator, m_custodian, m_asking_custodian,
        m_other_custodian, m_oig_officer, m_named;
    std::string m_reference, m_anonymous;
};

TEST_F(ConfidentialityTest, TheIdentityOpensOnlyWithAStatedReasonAndEachOpeningIsRecorded) {
    const auto blank = open(m_officer, "   ");
    ASSERT_TRUE(blank);
    ASSERT_EQ(blank->problems.size(), 1u);
    EXPECT_EQ(blank->problems[0].code, "required");
    EXPECT_TRUE(blank->sealed_people.empty());
    EXPECT_EQ(entries("identity.viewed"), 0u);

    const auto opened = open(m_officer, "To call her about an interview.");
    ASSERT_TRUE(opened);
    EXPECT_EQ(opened->refusal, std::nullopt);
    EXPECT_EQ(opened->sealed_people, (std::vector<std::uint8_t>{1, 2, 3}));
    ASSERT_EQ(entries("identity.viewed"), 1u);
    const auto last = trail().back().event;
    EXPECT_EQ(last.actor, "staff:olga");
    EXPECT_EQ(last.object, "complaint:" + m_reference);
    EXPECT_EQ(last.reason, "To call her about an interview.");
    EXPECT_EQ(page(m_officer).value().standing.views, 1u);
}

TEST_F(ConfidentialityTest, AnAnonymousFilingHasNoIdentityToOpen) {
    const auto opened = open(m_officer, "To call them.", march_2026(3, 9), m_anonymous);
    ASSERT_TRUE(opened);
    EXPECT_EQ(opened->refusal, IdentityRefusal::no_identity);
    EXPECT_TRUE(opened->sealed_people.empty());
    EXPECT_EQ(entries("identity.viewed"), 0u);
}

TEST_F(ConfidentialityTest, StaffOfAnotherOfficeGetWhatAMissingComplaintGets) {
    const auto opened = open(m_oig_officer, "Curious.");
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().code, util::ErrorCode::not_found);
    EXPECT_EQ(entries("identity.viewed"), 0u);
}

TEST_F(ConfidentialityTest, ACustodianApprovesFirstWhereTheDeploymentAsks) {
    use_approval(true);
    const auto asked = open(m_asking_custodian, "To arrange an interview.");
    ASSERT_TRUE(asked);
    EXPECT_EQ(asked->refusal, IdentityRefusal::approval_pending);
    ASSERT_TRUE(asked->requested);
    EXPECT_TRUE(asked->sealed_people.empty());
    EXPECT_EQ(entries("identity.requested"), 1u);
    EXPECT_EQ(entries("identity.viewed"), 0u);
    // Asking again while it waits opens nothing and asks nothing more.
    const auto again = open(m_asking_custodian, "Still to arrange an interview.");
    ASSERT_TRUE(again);
    EXPECT_EQ(again->refusal, IdentityRefusal::approval_pending);
    EXPECT_EQ(entries("identity.requested"), 1u);

    // The custodian of opr sees it; the custodian of oig does not, and answering it is, for
    // them, answering a request that does not exist.
    const auto waiting = pending(m_custodian).value();
    ASSERT_EQ(waiting.size(), 1u);
    EXPECT_EQ(waiting[0].reason, "To arrange an interview.");
    EXPECT_EQ(waiting[0].requester, "carl");
    EXPECT_TRUE(pending(m_other_custodian).value().empty());
    const auto foreign = answer(m_other_custodian, *asked->requested, true, "");
    ASSERT_FALSE(foreign);
    EXPECT_EQ(foreign.error().code, util::ErrorCode::not_found);
    const auto missing = answer(m_custodian, *asked->requested + 1000, true, "");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, util::ErrorCode::not_found);
    // Nobody approves their own request.
    const auto own = answer(m_asking_custodian, *asked->requested, true, "");
    ASSERT_FALSE(own);
    EXPECT_EQ(own.error().code, util::ErrorCode::forbidden);
    // A refusal must say why.
    const auto unexplained = answer(m_custodian, *asked->requested, false, "");
    ASSERT_TRUE(unexplained);
    ASSERT_EQ(unexplained->size(), 1u);

    ASSERT_TRUE(answer(m_custodian, *asked->requested, true, "").value().empty());
    EXPECT_EQ(entries("identity.approved"), 1u);
    const auto twice = answer(m_custodian, *asked->requested, false, "Changed my mind.");
    ASSERT_FALSE(twice);
    EXPECT_EQ(twice.error().code, util::ErrorCode::conflict);

    const auto opened = open(m_asking_custodian, "To arrange an interview.", march_2026(4, 10));
    ASSERT_TRUE(opened);
    EXPECT_EQ(opened->refusal, std::nullopt);
    EXPECT_EQ(opened->sealed_people, (std::vector<std::uint8_t>{1, 2, 3}));
    EXPECT_EQ(entries("identity.viewed"), 1u);
    // An approval lasts a day: after it, a new request.
    const auto later = open(m_asking_custodian, "A second interview.", march_2026(6, 9));
    ASSERT_TRUE(later);
    EXPECT_EQ(later->refusal, IdentityRefusal::approval_pending);
    EXPECT_TRUE(later->requested);
    EXPECT_EQ(entries("identity.viewed"), 1u);
}

TEST_F(ConfidentialityTest, ADeclinedRequestSaysWhyAndMayBeAskedAgain) {
    use_approval(true);
    const auto asked = open(m_officer, "To check an address.");
    ASSERT_TRUE(asked && asked->requested);
    ASSERT_TRUE(answer(m_custodian, *asked->requested, false, "Not needed to check an address.")
                    .value()
                    .empty());
    const auto standing = page(m_officer).value();
    EXPECT_EQ(standing.refusal, IdentityRefusal::approval_declined);
    ASSERT_TRUE(standing.standing.latest_request);
    EXPECT_EQ(standing.standing.latest_request->answer, "Not needed to check an address.");
    const auto again = open(m_officer, "To send her the interview letter.");
    ASSERT_TRUE(again);
    EXPECT_TRUE(again->requested);
}

TEST_F(ConfidentialityTest, AReferralPassesNoConfidentialIdentityWithoutConsent) {
    domain::TriageDecision refer;
    refer.action = domain::TriageAction::refer;
    refer.to_office = "oig";
    refer.reason = "For the inspector general.";
    ASSERT_TRUE(util::await<TriageResult>([&](auto done) {
                    m_triage->decide(m_officer, m_reference, refer, march_2026(3, 9),
                                     std::move(done));
                })
                    .value()
                    .recorded);
    ASSERT_TRUE(util::await<ReferralResult>([&](auto done) {
                    m_referrals->answer(m_oig_officer, m_reference,
                                        {domain::ReferralAnswer::accept, ""}, march_2026(4, 9),
                                        std::move(done));
                }).has_value());
    const auto refused = open(m_oig_officer, "To call her.");
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->refusal, IdentityRefusal::no_consent);
    EXPECT_TRUE(refused->sealed_people.empty());

    const auto id = complaint(m_oig_officer).value().complaint_id;
    ASSERT_TRUE(util::await<bool>([&](auto done) {
        m_backend->record_consent({id, true, march_2026(5, 9)},
                                  {march_2026(5, 9), "complainant", "identity.consent_given",
                                   "complaint:" + m_reference, "", ""},
                                  std::move(done));
    }));
    const auto opened = open(m_oig_officer, "To call her.", march_2026(5, 10));
    ASSERT_TRUE(opened);
    EXPECT_EQ(opened->refusal, std::nullopt);
    // Withdrawn: closed again.
    ASSERT_TRUE(util::await<bool>([&](auto done) {
        m_backend->record_consent({id, false, march_2026(6, 9)},
                                  {march_2026(6, 9), "complainant", "identity.consent_withdrawn",
                                   "complaint:" + m_reference, "", ""},
                                  std::move(done));
    }));
    EXPECT_EQ(open(m_oig_officer, "To call her.", march_2026(6, 10)).value().refusal,
              IdentityRefusal::no_consent);
}

TEST_F(ConfidentialityTest, AMemberWhoRecusesIsClosedOutOfTheComplaintAndItsCase) {
    const auto case_id = accept_and_assign();
    const auto blank = util::await<std::vector<domain::FormProblem>>([&](auto done) {
        m_exclusions->recuse(m_investigator, m_reference, " ", march_2026(4, 9), std::move(done));
    });
    ASSERT_TRUE(blank);
    EXPECT_EQ(blank->size(), 1u);
    ASSERT_TRUE(complaint(m_investigator));

    ASSERT_TRUE(util::await<std::vector<domain::FormProblem>>([&](auto done) {
                    m_exclusions->recuse(m_investigator, m_reference, "My cousin is named.",
                                         march_2026(4, 9), std::move(done));
                })
                    .value()
                    .empty());
    EXPECT_EQ(entries("complaint.recused"), 1u);
    EXPECT_EQ(complaint(m_investigator).error().code, util::ErrorCode::not_found);
    const auto file = util::await<storage::CaseFile>(
        [&](auto done) { m_cases->case_file(m_investigator, case_id, std::move(done)); });
    ASSERT_FALSE(file);
    EXPECT_EQ(file.error().code, util::ErrorCode::not_found);
    EXPECT_EQ(open(m_investigator, "To call her.").error().code, util::ErrorCode::not_found);
    // The case is left unassigned, and cannot be given back to them.
    const auto seen = util::await<storage::CaseFile>(
        [&](auto done) { m_cases->case_file(m_officer, case_id, std::move(done)); });
    ASSERT_TRUE(seen);
    EXPECT_FALSE(seen->investigator_id);
    const auto reassigned = util::await<CaseResult>([&](auto done) {
        m_cases->assign(m_officer, case_id, m_investigator.id, march_2026(5, 9), std::move(done));
    });
    ASSERT_TRUE(reassigned);
    EXPECT_FALSE(reassigned->recorded);
    ASSERT_EQ(reassigned->problems.size(), 1u);
    EXPECT_EQ(reassigned->problems[0].code, "closed_out");
}

TEST_F(ConfidentialityTest, TheOfficeNamesAMemberTheComplaintIsAbout) {
    const auto unknown = util::await<std::vector<domain::FormProblem>>([&](auto done) {
        m_exclusions->name(m_officer, m_reference, "nobody", march_2026(4, 9), std::move(done));
    });
    ASSERT_TRUE(unknown);
    ASSERT_EQ(unknown->size(), 1u);
    EXPECT_EQ((*unknown)[0].code, "unknown_member");
    // An investigator may not name anyone.
    const auto forbidden = util::await<std::vector<domain::FormProblem>>([&](auto done) {
        m_exclusions->name(m_investigator, m_reference, "olga", march_2026(4, 9), std::move(done));
    });
    ASSERT_FALSE(forbidden);
    EXPECT_EQ(forbidden.error().code, util::ErrorCode::forbidden);

    ASSERT_TRUE(util::await<std::vector<domain::FormProblem>>([&](auto done) {
                    m_exclusions->name(m_officer, m_reference, "ivan", march_2026(4, 9),
                                       std::move(done));
                })
                    .value()
                    .empty());
    EXPECT_EQ(complaint(m_investigator).error().code, util::ErrorCode::not_found);
    EXPECT_TRUE(queue(m_officer).size() == 2u);
    EXPECT_EQ(queue(m_investigator), std::vector<std::string>{m_anonymous});
    const auto twice = util::await<std::vector<domain::FormProblem>>([&](auto done) {
        m_exclusions->name(m_officer, m_reference, "ivan", march_2026(5, 9), std::move(done));
    });
    ASSERT_TRUE(twice);
    ASSERT_EQ(twice->size(), 1u);
    EXPECT_EQ((*twice)[0].code, "already_closed_out");
}

TEST_F(ConfidentialityTest, AMemberNamedAsASubjectIsClosedOutWithoutAnyoneActing) {
    EXPECT_EQ(complaint(m_named).error().code, util::ErrorCode::not_found);
    EXPECT_EQ(open(m_named, "To call her.").error().code, util::ErrorCode::not_found);
    EXPECT_EQ(queue(m_named), std::vector<std::string>{m_anonymous});
    // Their colleague, whose name is not in it, reads it.
    ASSERT_TRUE(complaint(m_officer));
    EXPECT_EQ(queue(m_officer).size(), 2u);
}

}  // namespace
}  // namespace redress::staff
