// An administrator manages staff accounts through the real server: creates one (refused
// with a specific message for what is wrong, and then nothing is created), hands over its
// one-time set-up code, with which the new member signs in, chooses their own password
// (checked by the password policy) and enrols a second factor; changes its roles and
// offices; disables it (its session ends at once) and enables it; resets its second factor
// (the member enrols again); and is stopped from disabling themselves or leaving no
// administrator. Each change is in the audit trail, naming the administrator.

#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "integration/staff_session.hpp"
#include "support/data_folder_database.hpp"
#include "support/http_client.hpp"
#include "support/redress_command.hpp"
#include "support/server_arguments.hpp"
#include "support/server_process.hpp"
#include "support/temp_folder.hpp"

namespace redress::testing {
namespace {

const std::vector<std::string> k_sign_ins_unthrottled = {"--staff-sign-in-free-failures", "1000"};
constexpr std::string_view k_chosen = "Amber lantern over the harbour";

using Session = StaffSession;

class StaffAdmin : public ::testing::Test {
  protected:
    void SetUp() override {
        const auto made =
            run_redress(with({"init", "--data", data().string()}, k_cheap), m_folder.path());
        ASSERT_EQ(made.exit_code, 0) << made.output;
        for (const auto& [username, role] : std::vector<std::pair<std::string, std::string>>{
                 {"ada", "administrator"}, {"aude", "auditor"}}) {
            const auto added =
                run_redress(with({"user", "add", "--data", data().string(), "--username", username,
                                  "--name", username + " Member", "--role", role},
                                 k_cheap),
                            m_folder.path(), std::string(k_password) + "\n");
            ASSERT_EQ(added.exit_code, 0) << added.output;
        }
        m_server = std::make_unique<ServerProcess>(data(), with(k_cheap, k_sign_ins_unthrottled));
        m_ada = enrol(sign_in("ada", k_password));
        ASSERT_FALSE(m_ada.csrf.empty());
    }

    void TearDown() override {
        if (HasFailure() && m_server) std::cerr << m_server->log();
    }

    std::filesystem::path data() const { return m_folder.path() / "data"; }

    HttpResponse get(std::string_view target, const HeaderList& headers = {}) {
        HttpConnection connection(m_server->port());
        return connection.get(target, headers);
    }
    HttpResponse post(std::string_view target, const HeaderList& fields,
                      const HeaderList& headers = {}) {
        HttpConnection connection(m_server->port());
        return connection.post_form(target, fields, headers);
    }
    // A post by ada with her anti-forgery token.
    HttpResponse admin_post(std::string_view target, HeaderList fields) {
        fields.emplace_back("csrf", m_ada.csrf);
        return post(target, fields, m_ada.cookie);
    }

    HttpResponse sign_in(std::string_view username, std::string_view password) {
        return post("/staff/sign-in",
                    {{"username", std::string(username)}, {"password", std::string(password)}});
    }

    // Enrols a second factor with the ticket of `step` (a 303 to the enrolment page).
    Session enrol(const HttpResponse& step) {
        EXPECT_EQ(step.header_or_empty("Location"), "/staff/sign-in/enrol");
        return testing::enrol(m_server->port(), step);
    }

    // Creates nia, an investigator of opr; answers her id and set-up code.
    std::pair<std::string, std::string> create_nia() {
        const auto created = admin_post("/staff/admin/users", {{"username", "nia"},
                                                               {"display_name", "Nia Okafor"},
                                                               {"role", "investigator"},
                                                               {"office", "opr"}});
        EXPECT_EQ(created.status, 200) << created.body;
        return {first_match(created.body, "href=\"/staff/admin/users/([0-9]+)\""),
                first_match(created.body, "<code dir=\"ltr\">([A-Z2-7-]+)</code>")};
    }

    // Nia's first sign-in: the set-up code, her own password, a second factor.
    Session first_sign_in(const std::string& code) {
        std::string typed;  // lower case, without dashes: typed as it is read out
        for (const char c : code) {
            if (c != '-') typed += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        const auto step = sign_in("nia", typed);
        EXPECT_EQ(step.status, 303) << step.body;
        EXPECT_EQ(step.header_or_empty("Location"), "/staff/sign-in/password");
        const auto chosen =
            post("/staff/sign-in/password",
                 {{"password", std::string(k_chosen)}, {"repeat", std::string(k_chosen)}},
                 ticket_of(step));
        return enrol(chosen);
    }

    // The audit entries of `action`, as "actor object details".
    std::vector<std::string> entries(std::string_view action) {
        std::vector<std::string> found;
        auto connection = connect_to_data(data());
        auto statement = connection->prepare(
            "SELECT actor || ' ' || object || ' ' || details "
            "FROM audit_events WHERE action = ?1 ORDER BY sequence");
        EXPECT_TRUE(statement) << statement.error().message;
        if (!statement) return found;
        (*statement)->bind(1, action);
        util::Expected<bool> row;
        while ((row = (*statement)->step()) && *row) {
            found.emplace_back((*statement)->column_text(0));
        }
        EXPECT_TRUE(row) << row.error().message;
        return found;
    }

    TempFolder m_folder;
    std::unique_ptr<ServerProcess> m_server;
    Session m_ada;
};

TEST_F(StaffAdmin, ListsEveryAccountWithItsRolesOfficesAndState) {
    const auto list = get("/staff/admin/users", m_ada.cookie);
    ASSERT_EQ(list.status, 200) << list.body;
    EXPECT_NE(list.body.find(">ada<"), std::string::npos);
    EXPECT_NE(list.body.find(">aude<"), std::string::npos);
    EXPECT_NE(list.body.find("Active, second factor enrolled"), std::string::npos);
    EXPECT_NE(list.body.find("Active, enrols a second factor at next sign-in"), std::string::npos);
    // The home page leads there.
    EXPECT_NE(get("/staff/", m_ada.cookie).body.find("href=\"/staff/admin/users\""),
              std::string::npos);
}

TEST_F(StaffAdmin, ARefusedAccountSaysWhyAndCreatesNothing) {
    const auto refused =
        admin_post("/staff/admin/users",
                   {{"username", "Nia!"}, {"display_name", "Nia"}, {"role", "investigator"}});
    ASSERT_EQ(refused.status, 422) << refused.body;
    EXPECT_NE(refused.body.find("A user name has only lower-case letters"), std::string::npos);
    EXPECT_NE(refused.body.find("An intake officer, investigator or supervisor needs an office."),
              std::string::npos);
    const auto taken =
        admin_post("/staff/admin/users",
                   {{"username", "aude"}, {"display_name", "Another"}, {"role", "auditor"}});
    ASSERT_EQ(taken.status, 422) << taken.body;
    EXPECT_NE(taken.body.find("This user name is taken."), std::string::npos);
    EXPECT_EQ(get("/staff/admin/users", m_ada.cookie).body.find("Nia"), std::string::npos);
    EXPECT_TRUE(entries("staff.added").size() == 2);  // ada and aude, from the command line
}

TEST_F(StaffAdmin, ANewMemberSignsInWithTheSetUpCodeAndChoosesTheirPassword) {
    const auto [id, code] = create_nia();
    ASSERT_FALSE(id.empty());
    ASSERT_EQ(code.size(), 23U);
    // The code is shown once: not on the list, not on the account's page.
    EXPECT_EQ(get("/staff/admin/users", m_ada.cookie).body.find(code), std::string::npos);
    EXPECT_EQ(get("/staff/admin/users/" + id, m_ada.cookie).body.find(code), std::string::npos);

    // With the code, only the page that chooses a password: no second factor, no session.
    const auto step = sign_in("nia", code);
    ASSERT_EQ(step.status, 303) << step.body;
    ASSERT_EQ(step.header_or_empty("Location"), "/staff/sign-in/password");
    const auto ticket = ticket_of(step);
    EXPECT_EQ(get("/staff/sign-in/enrol", ticket).header_or_empty("Location"),
              "/staff/sign-in/password");
    EXPECT_EQ(get("/staff/sign-in/code", ticket).header_or_empty("Location"),
              "/staff/sign-in/password");
    EXPECT_EQ(get("/staff/sign-in/password", ticket).status, 200);
    // The password policy of `redress user add`, and the same password twice.
    const auto weak = post("/staff/sign-in/password",
                           {{"password", "nia-password-1"}, {"repeat", "nia-password-1"}}, ticket);
    EXPECT_EQ(weak.status, 422);
    EXPECT_NE(weak.body.find("The password contains your user name."), std::string::npos);
    const auto mismatch =
        post("/staff/sign-in/password",
             {{"password", std::string(k_chosen)}, {"repeat", "something else"}}, ticket);
    EXPECT_EQ(mismatch.status, 422);
    EXPECT_NE(mismatch.body.find("The two passwords are not the same."), std::string::npos);
    const auto chosen =
        post("/staff/sign-in/password",
             {{"password", std::string(k_chosen)}, {"repeat", std::string(k_chosen)}}, ticket);
    const auto nia = enrol(chosen);
    ASSERT_EQ(get("/staff/", nia.cookie).status, 200);

    // The code is used up; her own password leads to her second factor.
    EXPECT_EQ(sign_in("nia", code).status, 403);
    const auto again = sign_in("nia", k_chosen);
    EXPECT_EQ(again.status, 303);
    EXPECT_EQ(again.header_or_empty("Location"), "/staff/sign-in/code");

    EXPECT_EQ(entries("staff.added").back(),
              "staff:ada staff:nia roles=investigator offices=opr first_password=set_up_code");
    EXPECT_EQ(entries("staff.password_chosen").size(), 1U);
}

TEST_F(StaffAdmin, ChangesDisablesEnablesAndResetsEachWithItsEntry) {
    const auto [id, code] = create_nia();
    const auto nia = first_sign_in(code);
    ASSERT_EQ(get("/staff/", nia.cookie).status, 200);
    const std::string page = "/staff/admin/users/" + id;

    // Roles and offices: refused with a reason and nothing changed, then changed.
    const auto refused = admin_post(page + "/access", {{"role", "supervisor"}});
    ASSERT_EQ(refused.status, 422) << refused.body;
    EXPECT_NE(refused.body.find("An intake officer, investigator or supervisor needs an office."),
              std::string::npos);
    const auto changed = admin_post(page + "/access",
                                    {{"role", "supervisor"}, {"office", "opr"}, {"office", "oig"}});
    ASSERT_EQ(changed.status, 303) << changed.body;
    EXPECT_EQ(changed.header_or_empty("Location"), page);
    EXPECT_EQ(entries("staff.access_changed"),
              std::vector<std::string>{"staff:ada staff:nia roles=supervisor offices=opr,oig"});
    // She works as a supervisor of oig from her next request on.
    EXPECT_EQ(get("/staff/queue?office=oig", nia.cookie).status, 200);

    // Disabled: her session ends at once, and her password no longer signs her in.
    ASSERT_EQ(admin_post(page + "/disable", {}).status, 303);
    EXPECT_EQ(get("/staff/", nia.cookie).header_or_empty("Location"), "/staff/sign-in");
    EXPECT_EQ(sign_in("nia", k_chosen).status, 403);
    EXPECT_NE(get(page, m_ada.cookie).body.find("Disabled"), std::string::npos);
    ASSERT_EQ(admin_post(page + "/enable", {}).status, 303);
    EXPECT_EQ(sign_in("nia", k_chosen).header_or_empty("Location"), "/staff/sign-in/code");
    EXPECT_EQ(entries("staff.disabled"), std::vector<std::string>{"staff:ada staff:nia "});
    EXPECT_EQ(entries("staff.enabled"), std::vector<std::string>{"staff:ada staff:nia "});

    // Second factor reset: she enrols a new one at her next sign-in.
    ASSERT_EQ(admin_post(page + "/second-factor-reset", {}).status, 303);
    EXPECT_EQ(entries("staff.second_factor_reset"),
              std::vector<std::string>{"staff:ada staff:nia "});
    const auto renewed = enrol(sign_in("nia", k_chosen));
    EXPECT_EQ(get("/staff/", renewed.cookie).status, 200);
}

TEST_F(StaffAdmin, ANewSetUpCodeStartsAMemberOverWhoLostTheirsOrTheirPassword) {
    const auto [id, lost] = create_nia();
    const std::string page = "/staff/admin/users/" + id;
    // The code was lost before it was used: a new one replaces it.
    const auto issued = admin_post(page + "/set-up-code", {});
    ASSERT_EQ(issued.status, 200) << issued.body;
    const auto code = first_match(issued.body, "<code dir=\"ltr\">([A-Z2-7-]+)</code>");
    ASSERT_EQ(code.size(), 23U);
    EXPECT_NE(code, lost);
    EXPECT_NE(issued.body.find("A new set-up code was made for"), std::string::npos);
    EXPECT_EQ(sign_in("nia", lost).status, 403);
    const auto nia = first_sign_in(code);
    ASSERT_EQ(get("/staff/", nia.cookie).status, 200);

    // Her password forgotten later: a new code signs her out, her password and her second
    // factor stop working, and she starts again with the code.
    const auto again = admin_post(page + "/set-up-code", {});
    ASSERT_EQ(again.status, 200) << again.body;
    const auto second = first_match(again.body, "<code dir=\"ltr\">([A-Z2-7-]+)</code>");
    EXPECT_EQ(get("/staff/", nia.cookie).header_or_empty("Location"), "/staff/sign-in");
    EXPECT_EQ(sign_in("nia", k_chosen).status, 403);
    const auto restarted = first_sign_in(second);
    EXPECT_EQ(get("/staff/", restarted.cookie).status, 200);
    EXPECT_EQ(entries("staff.set_up_code_issued"),
              (std::vector<std::string>{"staff:ada staff:nia ", "staff:ada staff:nia "}));
}

TEST_F(StaffAdmin, NoAdministratorDisablesThemselvesOrTheLastAdministrator) {
    const auto list = get("/staff/admin/users", m_ada.cookie);
    const auto ada =
        first_match(list.body, "href=\"/staff/admin/users/([0-9]+)\" dir=\"ltr\">ada<");
    ASSERT_FALSE(ada.empty()) << list.body;
    const auto self = admin_post("/staff/admin/users/" + ada + "/disable", {});
    EXPECT_EQ(self.status, 409);
    EXPECT_NE(self.body.find("You cannot disable your own account."), std::string::npos);
    const auto last = admin_post("/staff/admin/users/" + ada + "/access", {{"role", "auditor"}});
    EXPECT_EQ(last.status, 409);
    EXPECT_NE(last.body.find("This would leave no active administrator."), std::string::npos);
    EXPECT_EQ(get("/staff/admin/users", m_ada.cookie).status, 200);  // still an administrator
    EXPECT_TRUE(entries("staff.disabled").empty());
    EXPECT_TRUE(entries("staff.access_changed").empty());
}

TEST_F(StaffAdmin, AnAdministratorReadsNoComplaintWithoutAWorkingRole) {
    HttpConnection connection(m_server->port());
    const auto filed = connection.post_json(
        "/api/v1/complaints", R"({"incident":{"narrative":"They took my bag.","place":"Gate 3"}})");
    ASSERT_EQ(filed.status, 201) << filed.body;
    const auto reference = first_match(filed.body, "\"reference\":\"([A-Z]+-[0-9]+-[0-9]+)\"");
    ASSERT_FALSE(reference.empty()) << filed.body;
    EXPECT_EQ(get("/staff/complaints/" + reference, m_ada.cookie).status, 403);
    EXPECT_EQ(get("/staff/queue?office=opr", m_ada.cookie).status, 403);
}

}  // namespace
}  // namespace redress::testing
