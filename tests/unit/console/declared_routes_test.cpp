// The console's declared routes are exactly those of the route × caller table
// (tests/support/staff_access_table.hpp), with the same policies. The console is built as
// `redress serve` builds it (src/cli/serve.cpp), over a real SQLite store in a temporary
// folder, so that a route added anywhere in its add_routes is seen here: a new staff route
// fails this test until the table has it, and then the integration test
// tests/integration/staff_access_test.cpp asks for every caller's answer to it.

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <utility>

#include "console/console.hpp"
#include "crypto/password.hpp"
#include "http/router.hpp"
#include "i18n/languages.hpp"
#include "intake/evidence_intake.hpp"
#include "staff/referrals.hpp"
#include "staff/sessions.hpp"
#include "staff/sign_in.hpp"
#include "staff/triage.hpp"
#include "storage/evidence_folder.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "support/sample_deployment.hpp"
#include "support/staff_access_table.hpp"
#include "support/temp_folder.hpp"

namespace redress::console {
namespace {

using Route = std::pair<std::string, std::string>;  // method, path

std::map<Route, std::string> declared_routes() {
    ::redress::testing::TempFolder folder;
    const auto deployment = ::redress::testing::sample_deployment();
    const auto keys = ::redress::testing::fixed_keys();
    auto languages =
        i18n::Languages::load(std::filesystem::path(REDRESS_SHARE_DIR) / "locale", "en");
    EXPECT_TRUE(languages) << languages.error().message;
    auto store = storage::sqlite::open(
        {.path = folder.path() / "redress.sqlite3", .max_batch = 16, .read_connections = 1});
    EXPECT_TRUE(store) << store.error().message;
    if (!languages || !store) return {};
    const auto now = ::redress::testing::fixed_now;

    staff::Sessions sessions(**store, keys.staff_session, keys.staff_form, keys.name_mark, {}, now);
    staff::SignInSettings cheap;
    cheap.password_cost = crypto::minimum_password_cost();
    staff::SignIn sign_in(**store, **store, **store, keys, sessions, cheap);
    staff::Triage triage(deployment, **store);
    staff::Referrals referrals(**store);
    staff::Cases cases(deployment, **store, **store, keys.content);
    staff::Messages messages(**store, **store, keys.content);
    staff::IdentityAccess identity(**store, **store, {});
    staff::Exclusions exclusions(**store, **store, **store);
    staff::ClockHolds clock_holds(**store);
    staff::Administration administration(**store, deployment, now);
    auto evidence_folder = storage::EvidenceFolder::open(folder.path() / "evidence");
    EXPECT_TRUE(evidence_folder);
    if (!evidence_folder) return {};
    intake::EvidenceIntake evidence(*evidence_folder, keys, {});
    Console console(sessions, sign_in, *languages,
                    WorkParts{.deployment = deployment,
                              .casework = **store,
                              .deadlines = **store,
                              .triage = triage,
                              .referrals = referrals,
                              .cases = cases,
                              .messages = messages,
                              .identity = identity,
                              .exclusions = exclusions,
                              .clock_holds = clock_holds,
                              .audit_trail = **store,
                              .evidence_store = **store,
                              .evidence = evidence,
                              .administration = administration,
                              .content_key = keys.content,
                              .identity_key = keys.identity,
                              .now = now},
                    {.templates_dir = std::filesystem::path(REDRESS_SHARE_DIR) / "templates"});
    EXPECT_TRUE(console.check());
    http::Router router;
    std::map<Route, std::string> routes;
    for (const auto& route : console.add_routes(router).declared()) {
        const bool fresh =
            routes
                .emplace(Route{std::string(http::method_name(route.method)), route.path},
                         route.policy)
                .second;
        EXPECT_TRUE(fresh) << "declared twice: " << route.path;
    }
    return routes;
}

TEST(DeclaredRoutes, AreExactlyThoseOfTheAccessTableWithTheirPolicies) {
    const auto declared = declared_routes();
    ASSERT_FALSE(declared.empty());

    std::map<Route, std::string> tabled;
    for (const auto& probe : ::redress::testing::k_staff_probes) {
        const Route route{std::string(probe.method), std::string(probe.route)};
        const auto [at, fresh] = tabled.emplace(route, std::string(probe.policy));
        EXPECT_EQ(at->second, probe.policy)
            << "two policies in the table for " << route.first << ' ' << route.second;
    }

    for (const auto& [route, policy] : declared) {
        const auto found = tabled.find(route);
        if (found == tabled.end()) {
            ADD_FAILURE() << route.first << ' ' << route.second << " (" << policy
                          << ") is declared but has no row in tests/support/staff_access_table.hpp:"
                             " add one, with every caller's answer";
            continue;
        }
        EXPECT_EQ(found->second, policy) << route.first << ' ' << route.second;
    }
    for (const auto& [route, policy] : tabled) {
        EXPECT_TRUE(declared.contains(route))
            << route.first << ' ' << route.second << " is in the table but not declared";
    }
}

}  // namespace
}  // namespace redress::console
