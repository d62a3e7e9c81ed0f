// What administrators do to staff accounts, on the real SQLite store: the checks an account
// is created with (the same as `redress user add`'s), set-up codes, changes of roles and
// offices, disabling (which ends sessions) and enabling, resetting a second factor; the
// rules that keep an office from locking itself out (not yourself, not the last
// administrator); and the audit entry of each change, naming who made it.

#include "staff/administration.hpp"

#include <gtest/gtest.h>

#include <future>

#include "crypto/password.hpp"
#include "staff/sign_in.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "support/instants.hpp"
#include "support/sample_deployment.hpp"
#include "support/staff_fixture.hpp"
#include "support/temp_folder.hpp"
#include "util/await.hpp"

namespace redress::staff {
namespace {

using redress::testing::march_2026;

using domain::FormProblem;
using domain::Role;

NewMember new_member(std::string username, std::vector<Role> roles,
                     std::vector<std::string> offices) {
    NewMember member;
    member.username = std::move(username);
    member.display_name = "Nia Member";
    member.roles = std::move(roles);
    member.offices = std::move(offices);
    return member;
}

TEST(AccountChecks, NameEveryProblemWithItsFieldAndCode) {
    const auto deployment = redress::testing::sample_deployment();
    auto member = new_member("-Nia", {}, {"nowhere", "opr", "opr"});
    member.display_name = "  ";
    const std::vector<FormProblem> expected{{"username", "username_bad_character"},
                                            {"display_name", "name_required"},
                                            {"roles", "roles_required"},
                                            {"offices", "unknown_office"},
                                            {"offices", "office_twice"}};
    EXPECT_EQ(check_account(member, deployment), expected);
    EXPECT_EQ(check_account(new_member("nia", {Role::investigator}, {}), deployment),
              (std::vector<FormProblem>{{"offices", "office_needed"}}));
    // An administrator or auditor needs no office.
    EXPECT_TRUE(check_account(new_member("nia", {Role::administrator}, {}), deployment).empty());
    EXPECT_TRUE(
        check_account(new_member("nia", {Role::investigator}, {"opr"}), deployment).empty());
}

TEST(AccountChecks, TheCommandLineSaysTheSameProblemsInWords) {
    const auto deployment = redress::testing::sample_deployment();
    const domain::CommonPasswords common({"correcthorsebattery"});
    const AccountRules rules{deployment, common, crypto::minimum_password_cost()};
    auto member = new_member("nia", {Role::investigator}, {"nowhere"});
    member.password = "correcthorsebattery";
    const std::vector<std::string> expected{
        "no office 'nowhere' in this deployment's configuration",
        "the password is in a list of common passwords"};
    EXPECT_EQ(check_new_member(member, rules), expected);
    EXPECT_EQ(check_new_password("passwordpassword", "nia", common),
              (FormProblem{"password", "password_repeated"}));
    EXPECT_FALSE(check_new_password("quiet river stone lamp", "nia", common));
}

TEST(SetUpCodes, AreFourGroupsOfBase32ReadInAnyCase) {
    const auto code = new_set_up_code();
    ASSERT_EQ(code.size(), 23U) << code;
    EXPECT_EQ(code[5], '-');
    EXPECT_EQ(code[11], '-');
    EXPECT_NE(new_set_up_code(), code);
    const auto canonical = canonical_set_up_code(code);
    ASSERT_TRUE(canonical);
    EXPECT_EQ(canonical->size(), 20U);
    std::string typed;
    for (const char c : code) typed += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    typed = " " + typed + " ";
    EXPECT_EQ(canonical_set_up_code(typed), canonical);
    EXPECT_FALSE(canonical_set_up_code("ABCDE-FGHIJ-KLMNO"));        // too short
    EXPECT_FALSE(canonical_set_up_code("ABCDE-FGHIJ-KLMNO-PQRS1"));  // 1 is not base32
    const auto hash = hash_set_up_code(*canonical);
    ASSERT_TRUE(hash);
    EXPECT_TRUE(crypto::password_matches(*hash, *canonical));
}

class AdministrationTest : public ::testing::Test {
  protected:
    void SetUp() override {
        m_backend = redress::testing::open_store(m_folder.path());
        ASSERT_TRUE(m_backend);
        m_administration = std::make_unique<Administration>(*m_backend, m_deployment,
                                                            [] { return march_2026(10); });
        m_ada = redress::testing::add_member(*m_backend, "ada", {Role::administrator}, {},
                                             march_2026(1));
        m_ivan = redress::testing::add_member(*m_backend, "ivan", {Role::investigator}, {"opr"},
                                              march_2026(1));
    }

    util::Expected<AccountSetUp> create(const domain::StaffMember& by, NewMember member) {
        return util::await<AccountSetUp>(
            [&](auto done) { m_administration->create(by, std::move(member), std::move(done)); });
    }
    util::Expected<storage::Written> change(const domain::StaffMember& by, domain::StaffId id,
                                            std::vector<Role> roles,
                                            std::vector<std::string> offices) {
        return util::await<storage::Written>([&](auto done) {
            m_administration->change_access(by, id, std::move(roles), std::move(offices),
                                            std::move(done));
        });
    }
    util::Expected<storage::Written> disable(const domain::StaffMember& by, domain::StaffId id,
                                             bool disabled = true) {
        return util::await<storage::Written>(
            [&](auto done) { m_administration->set_disabled(by, id, disabled, std::move(done)); });
    }
    domain::StaffMember find(domain::StaffId id) {
        auto found = util::await<domain::StaffMember>(
            [&](auto done) { m_administration->find(id, std::move(done)); });
        EXPECT_TRUE(found);
        return found ? *found : domain::StaffMember{};
    }
    std::optional<storage::StaffAccount> account(domain::StaffId id) {
        auto found = util::await<std::optional<storage::StaffAccount>>(
            [&](auto done) { m_backend->find_account_by_id(id, std::move(done)); });
        EXPECT_TRUE(found);
        return found ? *found : std::nullopt;
    }
    domain::AuditEntry last_entry() {
        auto head = util::await<domain::AuditEntry>(
            [&](auto done) { m_backend->audit_head(std::move(done)); });
        EXPECT_TRUE(head);
        return head ? *head : domain::AuditEntry{};
    }

    redress::testing::TempFolder m_folder;
    domain::Deployment m_deployment = redress::testing::sample_deployment();
    std::unique_ptr<storage::Backend> m_backend;
    std::unique_ptr<Administration> m_administration;
    domain::StaffMember m_ada;
    domain::StaffMember m_ivan;
};

TEST_F(AdministrationTest, CreatesAnAccountWithASetUpCodeAndItsEntry) {
    const auto created =
        create(m_ada, new_member("nia", {Role::supervisor, Role::intake_officer}, {"opr"}));
    ASSERT_TRUE(created) << created.error().message;
    EXPECT_EQ(created->set_up_until, march_2026(10) + k_set_up_code_lifetime);
    const auto stored = account(created->member.id);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->member.roles, (std::vector<Role>{Role::intake_officer, Role::supervisor}));
    EXPECT_TRUE(stored->member.set_up_pending);
    EXPECT_EQ(stored->set_up_until, created->set_up_until);
    EXPECT_TRUE(crypto::password_matches(stored->password_hash,
                                         *canonical_set_up_code(created->set_up_code)));
    const auto entry = last_entry();
    EXPECT_EQ(entry.event.actor, "staff:ada");
    EXPECT_EQ(entry.event.action, "staff.added");
    EXPECT_EQ(entry.event.object, "staff:nia");
    EXPECT_EQ(entry.event.details,
              "roles=intake_officer,supervisor offices=opr first_password=set_up_code");
    // The code is nowhere in the trail.
    EXPECT_EQ(entry.event.details.find(created->set_up_code), std::string::npos);
}

TEST_F(AdministrationTest, RefusesWhatTheCommandLineRefusesAndTakenNames) {
    const auto head = last_entry().sequence;
    const auto refused = create(m_ada, new_member("nia", {Role::investigator}, {}));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, util::ErrorCode::invalid_input);
    const auto taken = create(m_ada, new_member("ivan", {Role::auditor}, {}));
    ASSERT_FALSE(taken);
    EXPECT_EQ(taken.error().code, util::ErrorCode::conflict);
    EXPECT_EQ(last_entry().sequence, head);
}

TEST_F(AdministrationTest, ChangesRolesAndOfficesWithTheirEntry) {
    ASSERT_TRUE(change(m_ada, m_ivan.id, {Role::supervisor, Role::investigator}, {"oig", "opr"}));
    const auto changed = find(m_ivan.id);
    EXPECT_EQ(changed.roles, (std::vector<Role>{Role::investigator, Role::supervisor}));
    EXPECT_EQ(changed.offices, (std::vector<std::string>{"oig", "opr"}));
    const auto entry = last_entry();
    EXPECT_EQ(entry.event.actor, "staff:ada");
    EXPECT_EQ(entry.event.action, "staff.access_changed");
    EXPECT_EQ(entry.event.object, "staff:ivan");
    EXPECT_EQ(entry.event.details, "roles=investigator,supervisor offices=oig,opr");
    // Refused as `redress user add` refuses it: a working role without an office.
    const auto head = entry.sequence;
    const auto refused = change(m_ada, m_ivan.id, {Role::investigator}, {});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, util::ErrorCode::invalid_input);
    EXPECT_EQ(find(m_ivan.id).offices, (std::vector<std::string>{"oig", "opr"}));
    const auto missing = change(m_ada, 999999, {Role::auditor}, {});
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, util::ErrorCode::not_found);
    EXPECT_EQ(last_entry().sequence, head);
}

TEST_F(AdministrationTest, DisablingEndsSessionsAndEnablingWritesItsOwnEntry) {
    storage::NewSession session{.token_hash = {}, .staff_id = m_ivan.id, .at = march_2026(9)};
    session.token_hash.fill(3);
    ASSERT_TRUE(util::await<storage::Written>([&](auto done) {
                    m_backend->sign_in_with_recovery_code(session, {}, {}, std::move(done));
                })
                    .error()
                    .code == util::ErrorCode::not_found);  // no such code: no session either
    // A session started the ordinary way: enrolment.
    ASSERT_TRUE(util::await<storage::Written>([&](auto done) {
        m_backend->enrol_and_sign_in(session, {1, 2, 3}, 1, {}, {}, std::move(done));
    }));
    const auto live = util::await<std::optional<storage::SessionRecord>>(
        [&](auto done) { m_backend->find_session(session.token_hash, std::move(done)); });
    ASSERT_TRUE(live && *live);

    ASSERT_TRUE(disable(m_ada, m_ivan.id));
    EXPECT_TRUE(find(m_ivan.id).disabled);
    EXPECT_EQ(last_entry().event.action, "staff.disabled");
    EXPECT_EQ(last_entry().event.actor, "staff:ada");
    const auto ended = util::await<std::optional<storage::SessionRecord>>(
        [&](auto done) { m_backend->find_session(session.token_hash, std::move(done)); });
    ASSERT_TRUE(ended);
    EXPECT_FALSE(*ended);

    // Disabling again changes nothing and writes nothing.
    const auto head = last_entry().sequence;
    ASSERT_TRUE(disable(m_ada, m_ivan.id));
    EXPECT_EQ(last_entry().sequence, head);

    ASSERT_TRUE(disable(m_ada, m_ivan.id, false));
    EXPECT_FALSE(find(m_ivan.id).disabled);
    EXPECT_EQ(last_entry().event.action, "staff.enabled");
}

TEST_F(AdministrationTest, NoAdministratorDisablesThemselves) {
    const auto head = last_entry().sequence;
    const auto refused = disable(m_ada, m_ada.id);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, util::ErrorCode::conflict);
    EXPECT_EQ(refused.error().message, k_not_yourself);
    EXPECT_FALSE(find(m_ada.id).disabled);
    EXPECT_EQ(last_entry().sequence, head);
}

TEST_F(AdministrationTest, TheLastAdministratorStays) {
    const auto head = last_entry().sequence;
    // Ada is the only administrator: she cannot give the role up.
    const auto refused = change(m_ada, m_ada.id, {Role::auditor}, {});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, util::ErrorCode::conflict);
    EXPECT_EQ(refused.error().message, storage::k_last_administrator);
    EXPECT_EQ(find(m_ada.id).roles, (std::vector<Role>{Role::administrator}));
    EXPECT_EQ(last_entry().sequence, head);

    // With a second administrator, one may be disabled; then the other is the last one.
    const auto bo =
        redress::testing::add_member(*m_backend, "bo", {Role::administrator}, {}, march_2026(2));
    ASSERT_TRUE(disable(m_ada, bo.id));
    const auto last = change(m_ada, m_ada.id, {Role::auditor}, {});
    ASSERT_FALSE(last);
    EXPECT_EQ(last.error().message, storage::k_last_administrator);
    // A disabled administrator does not count: bo cannot be the one left.
    ASSERT_TRUE(disable(m_ada, bo.id, false));
    ASSERT_TRUE(change(m_ada, m_ada.id, {Role::administrator, Role::auditor}, {}));
    ASSERT_TRUE(change(bo, m_ada.id, {Role::auditor}, {}));
    const auto bo_last = disable(m_ada, bo.id);  // ada is no administrator now
    ASSERT_FALSE(bo_last);
    EXPECT_EQ(bo_last.error().message, storage::k_last_administrator);
}

TEST_F(AdministrationTest, ResettingASecondFactorMakesThemEnrolAgain) {
    storage::NewSession session{.token_hash = {}, .staff_id = m_ivan.id, .at = march_2026(9)};
    session.token_hash.fill(4);
    storage::TokenHash code{};
    code.fill(9);
    ASSERT_TRUE(util::await<storage::Written>([&](auto done) {
        m_backend->enrol_and_sign_in(session, {1, 2, 3}, 1, {code}, {}, std::move(done));
    }));
    ASSERT_TRUE(find(m_ivan.id).enrolled);
    ASSERT_TRUE(util::await<storage::Written>([&](auto done) {
        m_administration->reset_second_factor(m_ada, m_ivan.id, std::move(done));
    }));
    EXPECT_FALSE(find(m_ivan.id).enrolled);
    EXPECT_EQ(last_entry().event.action, "staff.second_factor_reset");
    EXPECT_EQ(last_entry().event.object, "staff:ivan");
    const auto ended = util::await<std::optional<storage::SessionRecord>>(
        [&](auto done) { m_backend->find_session(session.token_hash, std::move(done)); });
    ASSERT_TRUE(ended);
    EXPECT_FALSE(*ended);
    // The old recovery codes are gone with it.
    storage::NewSession again = session;
    again.token_hash.fill(5);
    const auto used = util::await<storage::Written>([&](auto done) {
        m_backend->sign_in_with_recovery_code(again, code, {}, std::move(done));
    });
    ASSERT_FALSE(used);
    EXPECT_EQ(used.error().code, util::ErrorCode::not_found);
}

TEST_F(AdministrationTest, ANewSetUpCodeReplacesPasswordAndSecondFactor) {
    const auto issue = [&](const domain::StaffMember& by, domain::StaffId id) {
        return util::await<AccountSetUp>(
            [&](auto done) { m_administration->issue_set_up_code(by, id, std::move(done)); });
    };
    const auto issued = issue(m_ada, m_ivan.id);
    ASSERT_TRUE(issued) << issued.error().message;
    EXPECT_EQ(issued->member.username, "ivan");
    EXPECT_EQ(issued->set_up_until, march_2026(10) + k_set_up_code_lifetime);
    const auto stored = account(m_ivan.id);
    ASSERT_TRUE(stored);
    EXPECT_TRUE(stored->member.set_up_pending);
    EXPECT_FALSE(stored->member.enrolled);
    EXPECT_EQ(stored->set_up_until, issued->set_up_until);
    EXPECT_TRUE(crypto::password_matches(stored->password_hash,
                                         *canonical_set_up_code(issued->set_up_code)));
    EXPECT_EQ(last_entry().event.action, "staff.set_up_code_issued");
    EXPECT_EQ(last_entry().event.object, "staff:ivan");

    // Not to oneself, and not to a member who does not exist; nothing written.
    const auto yourself = issue(m_ada, m_ada.id);
    ASSERT_FALSE(yourself);
    EXPECT_EQ(yourself.error().message, k_not_yourself);
    const auto nobody = issue(m_ada, 999999);
    ASSERT_FALSE(nobody);
    EXPECT_EQ(nobody.error().code, util::ErrorCode::not_found);
    EXPECT_EQ(last_entry().event.action, "staff.set_up_code_issued");
}

TEST_F(AdministrationTest, ASetUpCodeIsReplacedOnceByTheMembersPassword) {
    const auto created = create(m_ada, new_member("nia", {Role::auditor}, {}));
    ASSERT_TRUE(created);
    const auto id = created->member.id;
    const auto choose = [&](std::string hash) {
        return util::await<storage::Written>([&](auto done) {
            m_backend->choose_password(
                id, std::move(hash),
                {march_2026(11), "staff:nia", "staff.password_chosen", "staff:nia", "", ""},
                std::move(done));
        });
    };
    // No second factor before the password is chosen.
    storage::NewSession session{.token_hash = {}, .staff_id = id, .at = march_2026(11)};
    session.token_hash.fill(6);
    const auto early = util::await<storage::Written>([&](auto done) {
        m_backend->enrol_and_sign_in(session, {1, 2, 3}, 1, {}, {}, std::move(done));
    });
    ASSERT_FALSE(early);
    EXPECT_EQ(early.error().code, util::ErrorCode::conflict);

    ASSERT_TRUE(choose("$argon2id$chosen"));
    const auto stored = account(id);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->password_hash, "$argon2id$chosen");
    EXPECT_FALSE(stored->set_up_until);
    EXPECT_FALSE(stored->member.set_up_pending);
    EXPECT_EQ(last_entry().event.action, "staff.password_chosen");
    const auto again = choose("$argon2id$other");
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, util::ErrorCode::conflict);
}

// The sign-in of a member created with a set-up code: the code leads only to choosing a
// password, within its lifetime, and once.
class SetUpSignInTest : public AdministrationTest {
  protected:
    void SetUp() override {
        AdministrationTest::SetUp();
        m_sessions = std::make_unique<Sessions>(*m_backend, m_keys.staff_session, m_keys.staff_form,
                                                m_keys.name_mark, SessionSettings{},
                                                [this] { return m_now; });
        SignInSettings settings;
        settings.password_cost = crypto::minimum_password_cost();
        settings.common_passwords = &m_common;
        m_sign_in = std::make_unique<SignIn>(*m_backend, *m_backend, *m_backend, m_keys,
                                             *m_sessions, settings);
        const auto created = create(m_ada, new_member("nia", {Role::auditor}, {}));
        ASSERT_TRUE(created);
        m_code = created->set_up_code;
    }

    template <typename Start>
    StepResult step(Start start) {
        std::promise<StepResult> promise;
        auto future = promise.get_future();
        start([&promise](StepResult result) { promise.set_value(std::move(result)); });
        return future.get();
    }
    StepResult password(const std::string& typed) {
        return step(
            [&](StepDone done) { m_sign_in->password("nia", typed, "c", std::move(done)); });
    }
    StepResult choose(const Ticket& ticket, const std::string& chosen) {
        return step([&](StepDone done) {
            m_sign_in->choose_password(ticket, chosen, "c", std::move(done));
        });
    }

    crypto::Keys m_keys = redress::testing::fixed_keys();
    domain::CommonPasswords m_common{std::vector<std::string>{"lanternharbour"}};
    domain::Timestamp m_now = march_2026(10);
    std::unique_ptr<Sessions> m_sessions;
    std::unique_ptr<SignIn> m_sign_in;
    std::string m_code;
};

TEST_F(SetUpSignInTest, TheCodeLeadsOnlyToChoosingAPasswordAndWorksOnce) {
    const auto first = password(m_code);
    ASSERT_EQ(first.outcome, Outcome::choose_password);
    const auto ticket = m_sign_in->read_ticket(first.ticket);
    ASSERT_TRUE(ticket);
    EXPECT_TRUE(ticket->choosing_password);
    EXPECT_FALSE(ticket->enrolled);
    // With that ticket, no second factor: neither a code nor an enrolment.
    EXPECT_EQ(step([&](StepDone done) {
                  m_sign_in->code(*ticket, "123456", "c", std::move(done));
              }).outcome,
              Outcome::refused);
    const auto enrolment = m_sign_in->begin_enrolment(*ticket);
    EXPECT_EQ(step([&](StepDone done) {
                  m_sign_in->enrol(*ticket, enrolment.sealed, "123456", "c", std::move(done));
              }).outcome,
              Outcome::refused);

    // The policy of every staff password, with the list of common ones.
    const auto common = choose(*ticket, "LanternHarbour");
    EXPECT_EQ(common.outcome, Outcome::unacceptable);
    EXPECT_EQ(common.problem, "password_common");
    EXPECT_EQ(choose(*ticket, "short").problem, "password_too_short");

    const auto chosen = choose(*ticket, "amber lantern over the harbour");
    ASSERT_EQ(chosen.outcome, Outcome::enrol);
    const auto next = m_sign_in->read_ticket(chosen.ticket);
    ASSERT_TRUE(next);
    EXPECT_FALSE(next->choosing_password);
    EXPECT_EQ(last_entry().event.action, "staff.password_chosen");

    // The code is used up; the old ticket chooses nothing more; the password works.
    EXPECT_EQ(password(m_code).outcome, Outcome::refused);
    EXPECT_EQ(choose(*ticket, "another long passphrase here").outcome, Outcome::refused);
    EXPECT_EQ(password("amber lantern over the harbour").outcome, Outcome::enrol);
}

TEST_F(SetUpSignInTest, TheCodeIsTypedInAnyCaseWithoutDashesUntilItExpires) {
    std::string typed;
    for (const char c : m_code) {
        if (c != '-') typed += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    m_now = march_2026(10) + k_set_up_code_lifetime - std::chrono::seconds(1);
    EXPECT_EQ(password(typed).outcome, Outcome::choose_password);
    m_now = march_2026(10) + k_set_up_code_lifetime + std::chrono::seconds(1);
    EXPECT_EQ(password(typed).outcome, Outcome::refused);
    EXPECT_EQ(password(m_code).outcome, Outcome::refused);
    EXPECT_EQ(last_entry().event.details, "step=set_up_code_expired");
    // A wrong code is refused as a wrong password is.
    m_now = march_2026(11);
    EXPECT_EQ(password("AAAAA-AAAAA-AAAAA-AAAAA").outcome, Outcome::refused);
    EXPECT_EQ(last_entry().event.details, "step=password");
}

TEST_F(SetUpSignInTest, ADisabledAccountsCodeIsRefused) {
    const auto created = create(m_ada, new_member("noor", {Role::auditor}, {}));
    ASSERT_TRUE(created);
    ASSERT_TRUE(disable(m_ada, created->member.id));
    const auto refused = step([&](StepDone done) {
        m_sign_in->password("noor", created->set_up_code, "c", std::move(done));
    });
    EXPECT_EQ(refused.outcome, Outcome::refused);
}

}  // namespace
}  // namespace redress::staff
