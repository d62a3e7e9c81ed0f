// Who may use which staff route, against the real server: every probe of the route × caller
// table (tests/support/staff_access_table.hpp) sent as every caller, each cell asserted
// exactly (status, and where a redirect leads); the complainants' status look-ups with their
// own and each other's reference and receipt; and every object id the staff side has today
// (a complaint's reference, an office id, a complaint's receipt, a staff id) tried by a
// caller who may not see it, which must answer exactly as a missing id does.
//
// A new staff route fails tests/unit/console/declared_routes_test.cpp until it has its row
// in the table, and a row cannot be added without an answer for every caller here.
//
// Two investigators of opr: one is assigned the case of a third complaint (C), accepted at
// triage and assigned before the probes run; the other is assigned nothing, and may read
// the office's complaints awaiting triage but no case.

#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "domain/calendar.hpp"
#include "integration/html.hpp"
#include "integration/staff_session.hpp"
#include "support/http_client.hpp"
#include "support/redress_command.hpp"
#include "support/server_arguments.hpp"
#include "support/server_process.hpp"
#include "support/staff_access_table.hpp"
#include "support/temp_folder.hpp"

namespace redress::testing {
namespace {

using nlohmann::json;

// Many refused sign-ins and look-ups come from 127.0.0.1 here: none may be slowed or
// answered busy, or the cells would measure the throttle instead of the policy.
const std::vector<std::string> k_unthrottled = {"--staff-sign-in-free-failures",      "1000",
                                                "--public-status-free-failures",      "1000",
                                                "--public-status-lookups-per-second", "0"};

std::string replaced(std::string text, std::string_view from, std::string_view to) {
    if (from.empty()) return text;
    for (std::size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += to.size()) {
        text.replace(at, from.size(), to);
    }
    return text;
}

bool is_staff(Caller caller) {
    return caller != Caller::anonymous && caller != Caller::complainant_a &&
           caller != Caller::complainant_b;
}

// What a caller holds: a complainant their reference and receipt, a member of staff their
// session cookie and anti-forgery token.
struct Holder {
    std::string reference;
    std::string receipt;
    HeaderList cookie;
    std::string csrf;
};

struct StaffMemberSpec {
    Caller caller;
    std::string username;
    std::string role;
    std::string office;
};

const std::array<StaffMemberSpec, 7> k_members{{
    {Caller::intake_opr, "ines", "intake_officer", "opr"},
    {Caller::investigator_opr, "ivan", "investigator", "opr"},
    {Caller::investigator_off, "vera", "investigator", "opr"},
    {Caller::intake_oig, "olga", "intake_officer", "oig"},
    {Caller::auditor, "aude", "auditor", "opr"},
    {Caller::custodian, "cato", "custodian", "opr"},
    {Caller::administrator, "ada", "administrator", "opr"},
}};

class StaffAccess : public ::testing::Test {
  protected:
    // One server, its members signed in and its two complaints filed, for the whole suite.
    static void SetUpTestSuite() {
        s_folder = std::make_unique<TempFolder>();
        const auto data = s_folder->path() / "data";
        const auto made =
            run_redress(with({"init", "--data", data.string()}, k_cheap), s_folder->path());
        ASSERT_EQ(made.exit_code, 0) << made.output;
        for (const auto& member : k_members) {
            const auto added =
                run_redress(with({"user", "add", "--data", data.string(), "--username",
                                  member.username, "--name", member.username + " Member", "--role",
                                  member.role, "--office", member.office},
                                 k_cheap),
                            s_folder->path(), std::string(k_password) + "\n");
            ASSERT_EQ(added.exit_code, 0) << added.output;
        }
        s_server = std::make_unique<ServerProcess>(data, with(k_cheap, k_unthrottled));
        s_holders = {};
        holder(Caller::complainant_a) = file("They pushed me against the fence at gate 3.");
        holder(Caller::complainant_b) = file("They took my phone and did not give it back.");
        for (const auto& member : k_members) {
            holder(member.caller) = sign_in(member.username);
        }
        s_complaint_c = file("They searched my bag and kept my papers.").reference;
        open_case_of_c();
        s_complaint_d = file("He hit me with his baton at the checkpoint.").reference;
        refer_d();
        find_staff_ids();
    }

    // The staff ids of ines and ada, from the administrator's list of accounts.
    static void find_staff_ids() {
        const auto list = get("/staff/admin/users", holder(Caller::administrator).cookie);
        ASSERT_EQ(list.status, 200) << list.body;
        s_user = first_match(list.body, "href=\"/staff/admin/users/([0-9]+)\" dir=\"ltr\">ines<");
        s_admin = first_match(list.body, "href=\"/staff/admin/users/([0-9]+)\" dir=\"ltr\">ada<");
        ASSERT_FALSE(s_user.empty()) << list.body;
        ASSERT_FALSE(s_admin.empty()) << list.body;
    }

    // Refers D at triage to the external office police, as the intake officer of opr.
    static void refer_d() {
        const Holder& intake = holder(Caller::intake_opr);
        const auto referred = post("/staff/complaints/" + s_complaint_d + "/triage",
                                   {{"action", "refer"},
                                    {"to_office", "police"},
                                    {"reason", "A crime: the police investigate."},
                                    {"csrf", intake.csrf}},
                                   intake.cookie);
        ASSERT_EQ(referred.status, 303) << referred.body;
    }

    // Accepts C at triage as the intake officer of opr, then assigns its case to ivan.
    static void open_case_of_c() {
        const Holder& intake = holder(Caller::intake_opr);
        const auto accepted = post(
            "/staff/complaints/" + s_complaint_c + "/triage",
            {{"action", "accept"}, {"priority", "normal"}, {"csrf", intake.csrf}}, intake.cookie);
        ASSERT_EQ(accepted.status, 303) << accepted.body;
        const auto page = get("/staff/complaints/" + s_complaint_c, intake.cookie);
        s_case = first_match(page.body, "href=\"/staff/cases/([0-9]+)\"");
        ASSERT_FALSE(s_case.empty()) << page.body;
        const auto file = get("/staff/cases/" + s_case, intake.cookie);
        const auto ivan = first_match(file.body, "<option value=\"([0-9]+)\">[^<]*\\(ivan\\)<");
        ASSERT_FALSE(ivan.empty()) << file.body << s_server->log();
        const auto assigned = post("/staff/cases/" + s_case + "/assignment",
                                   {{"investigator", ivan}, {"csrf", intake.csrf}}, intake.cookie);
        ASSERT_EQ(assigned.status, 303) << assigned.body;
        const auto due = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()) +
                         std::chrono::days(5);
        const auto added = post("/staff/cases/" + s_case + "/tasks",
                                {{"title", "Ask for the gate 3 footage."},
                                 {"due", domain::iso_date(std::chrono::year_month_day(due))},
                                 {"csrf", intake.csrf}},
                                intake.cookie);
        ASSERT_EQ(added.status, 303) << added.body;
        const auto with_task = get("/staff/cases/" + s_case, intake.cookie);
        s_task = first_match(with_task.body, "/tasks/([0-9]+)/done");
        ASSERT_FALSE(s_task.empty()) << with_task.body;
    }

    static void TearDownTestSuite() {
        s_server.reset();
        s_folder.reset();
    }

    void TearDown() override {
        if (HasFailure() && s_server) {
            std::cerr << "--- server log ---\n" << s_server->log() << "--- end of log ---\n";
        }
    }

    static Holder& holder(Caller caller) { return s_holders[static_cast<std::size_t>(caller)]; }
    static const std::string& reference_a() { return holder(Caller::complainant_a).reference; }
    static const std::string& reference_b() { return holder(Caller::complainant_b).reference; }
    // Same office and year as A's, a number no complaint has.
    static std::string missing_reference() { return reference_a().substr(0, 9) + "999999"; }

    static std::string fill(std::string_view text) {
        std::string filled(text);
        filled = replaced(filled, "{a}", reference_a());
        filled = replaced(filled, "{b}", reference_b());
        filled = replaced(filled, "{c}", s_complaint_c);
        filled = replaced(filled, "{d}", s_complaint_d);
        filled = replaced(filled, "{case}", s_case);
        filled = replaced(filled, "{nocase}", "999999");
        filled = replaced(filled, "{missing}", missing_reference());
        filled = replaced(filled, "{nouser}", "999999");
        filled = replaced(filled, "{user}", s_user);
        filled = replaced(filled, "{admin}", s_admin);
        return filled;
    }

    static HttpResponse get(std::string_view target, const HeaderList& headers = {}) {
        HttpConnection connection(s_server->port());
        return connection.get(target, headers);
    }

    static HttpResponse post(std::string_view target, const HeaderList& fields,
                             const HeaderList& headers = {}) {
        HttpConnection connection(s_server->port());
        return connection.post_form(target, fields, headers);
    }

    // Files a complaint through the API (no rule routes it elsewhere, so to opr).
    static Holder file(std::string_view narrative) {
        HttpConnection connection(s_server->port());
        const json filing = {{"incident", {{"narrative", narrative}, {"place", "Gate 3"}}}};
        const auto response = connection.post_json("/api/v1/complaints", filing.dump());
        EXPECT_EQ(response.status, 201) << response.body;
        const auto body = json::parse(response.body, nullptr, false);
        Holder filed;
        if (body.is_discarded() || body["complaints"].size() != 1) {
            ADD_FAILURE() << "not one complaint: " << response.body;
            return filed;
        }
        filed.reference = body["complaints"][0].value("reference", "");
        filed.receipt = body.value("receipt", "");
        EXPECT_TRUE(filed.reference.starts_with("OPR-")) << filed.reference;
        return filed;
    }

    // Signs `username` in for the first time, enrolling a second factor.
    static Holder sign_in(const std::string& username) {
        const auto session =
            testing::first_sign_in(s_server->port(), username, std::string(k_password));
        Holder member;
        member.cookie = session.cookie;
        member.csrf = session.csrf;
        return member;
    }

    // `probe` sent as `caller`: staff with their cookie (and token, on a post), everyone
    // else with nothing.
    static HttpResponse send(const Probe& probe, Caller caller) {
        const Holder& held = holder(caller);
        const HeaderList headers = is_staff(caller) ? held.cookie : HeaderList{};
        const std::string target = fill(probe.target);
        // A placeholder this test does not know (a new kind of object id) must be taught
        // here, not sent as it is.
        EXPECT_EQ(target.find('{'), std::string::npos) << "unknown placeholder in " << target;
        if (probe.method == "GET") return get(target, headers);
        HeaderList fields;
        if (probe.route == "/staff/complaints/{reference}/triage") {
            fields = {{"action", "accept"}, {"priority", "normal"}};
        }
        if (probe.route == "/staff/cases/{case}/findings") {
            fields = {{"allegation", "excessive-force"}, {"finding", "no-such-finding"}};
        }
        if (probe.route == "/staff/identity-requests/{request}") {
            fields = {{"decision", "approve"}};
        }
        if (is_staff(caller)) fields.emplace_back("csrf", held.csrf);
        return post(target, fields, headers);
    }

    // The API's status look-up.
    static HttpResponse api_status(const std::string& reference, const std::string& receipt) {
        HttpConnection connection(s_server->port());
        json body = {{"reference", reference}};
        if (!receipt.empty()) body["receipt"] = receipt;
        return connection.post_json("/api/v1/status", body.dump());
    }

    // The status page's look-up, with a fresh form token from the form.
    static HttpResponse web_status(const std::string& reference, const std::string& receipt) {
        HttpConnection connection(s_server->port());
        const auto form = connection.get("/status");
        EXPECT_EQ(form.status, 200);
        return connection.post_form(
            "/status", {{"lang", "en"},
                        {"form_token", input_value(form.body, "form_token").value_or("")},
                        {"reference", reference},
                        {"receipt", receipt}});
    }

    inline static std::unique_ptr<TempFolder> s_folder;
    inline static std::unique_ptr<ServerProcess> s_server;
    inline static std::array<Holder, k_callers> s_holders;
    inline static std::string s_complaint_c;
    inline static std::string s_complaint_d;
    inline static std::string s_case;
    inline static std::string s_task;
    inline static std::string s_user;
    inline static std::string s_admin;
};

// The complainants' status look-ups: each with their own receipt (anyone else, staff
// included, has none) for A's reference and for B's. Not console routes, so not in the
// shared table; listed here so that the complainant columns say something of their own.
struct StatusProbe {
    std::string_view path;  // "/api/v1/status" or "/status"
    char whose;             // 'a' or 'b': whose reference is asked for
    std::array<Answer, k_callers> answers;
};
// Without a receipt the API says what is missing (422); the page answers as for a wrong one.
// clang-format off
constexpr Answer un{422, {}};
using answers::ok;
using answers::nf;
const std::array k_status_probes{
    // Columns as in k_staff_probes: anonymous, A, B, intake opr, the two investigators of
    // opr, intake oig, auditor, custodian, administrator.
    StatusProbe{"/api/v1/status", 'a', {un, ok, nf, un, un, un, un, un, un, un}},
    StatusProbe{"/api/v1/status", 'b', {un, nf, ok, un, un, un, un, un, un, un}},
    StatusProbe{"/status",        'a', {nf, ok, nf, nf, nf, nf, nf, nf, nf, nf}},
    StatusProbe{"/status",        'b', {nf, nf, ok, nf, nf, nf, nf, nf, nf, nf}},
};
// clang-format on

std::string cell(const HttpResponse& response) {
    std::string text = std::to_string(response.status);
    if (const auto location = response.header("Location")) text += " → " + *location;
    return text;
}

// Everything that tells one answer from another, but for what legitimately differs per
// request: the Date header.
std::string answer_of(const HttpResponse& response) {
    std::string text = std::to_string(response.status) + '\n';
    for (const auto& [name, value] : response.headers) {
        if (lower_ascii(name) == "date") continue;
        text += lower_ascii(name) + ": " + value + '\n';
    }
    return text + '\n' + response.body;
}

TEST_F(StaffAccess, AnIdNotYoursIsAnsweredLikeAMissingOne) {
    for (const auto& member : k_members) {
        ASSERT_EQ(get("/staff/", holder(member.caller).cookie).status, 200)
            << member.username << " is not signed in (did a test that signs out run first?)";
    }
    const std::string missing = missing_reference();
    int compared = 0;
    // Nothing given: a refusal, or the way to the sign-in page; and not even the id.
    const auto same = [&compared](const HttpResponse& theirs, const HttpResponse& absent,
                                  const std::string& what, const std::string& id = {}) {
        ++compared;
        EXPECT_EQ(answer_of(theirs), answer_of(absent)) << what;
        EXPECT_TRUE(
            theirs.status >= 400 ||
            (theirs.status == 303 && theirs.header_or_empty("Location") == "/staff/sign-in"))
            << what << ": " << theirs.status;
        if (!id.empty()) {
            EXPECT_EQ(theirs.body.find(id), std::string::npos) << what;
        }
    };

    // A complaint's reference, read and triaged, by every caller but those who work opr's
    // complaints (reading) or triage them (posting).
    for (std::size_t i = 0; i < k_callers; ++i) {
        const auto caller = static_cast<Caller>(i);
        const Holder& held = holder(caller);
        const HeaderList headers = is_staff(caller) ? held.cookie : HeaderList{};
        const std::string who = std::string(" as ") + std::string(k_caller_names[i]);
        if (caller != Caller::intake_opr && caller != Caller::investigator_opr &&
            caller != Caller::investigator_off) {
            same(get("/staff/complaints/" + reference_a(), headers),
                 get("/staff/complaints/" + missing, headers), "complaint page" + who,
                 reference_a());
        }
        // A case, its complaint, and writing in either, by all but who work the case.
        if (caller != Caller::intake_opr && caller != Caller::investigator_opr) {
            HeaderList note{{"text", "A note that must not land."}};
            if (is_staff(caller)) note.emplace_back("csrf", held.csrf);
            same(get("/staff/cases/" + s_case, headers), get("/staff/cases/999999", headers),
                 "case page" + who);
            same(post("/staff/cases/" + s_case + "/notes", note, headers),
                 post("/staff/cases/999999/notes", note, headers), "case note" + who);
            HeaderList form;
            if (is_staff(caller)) form.emplace_back("csrf", held.csrf);
            same(post("/staff/cases/" + s_case + "/tasks/" + s_task + "/done", form, headers),
                 post("/staff/cases/" + s_case + "/tasks/999999/done", form, headers),
                 "task done" + who);
            same(get("/staff/complaints/" + s_complaint_c, headers),
                 get("/staff/complaints/" + missing, headers), "complaint in a case" + who,
                 s_complaint_c);
            same(post("/staff/complaints/" + s_complaint_c + "/messages", note, headers),
                 post("/staff/complaints/" + missing + "/messages", note, headers), "message" + who,
                 s_complaint_c);
            // The complainant's identity: its page, and an opening with a stated reason.
            same(get("/staff/complaints/" + s_complaint_c + "/identity", headers),
                 get("/staff/complaints/" + missing + "/identity", headers), "identity page" + who,
                 s_complaint_c);
            HeaderList reason{{"reason", "To arrange an interview."}};
            if (is_staff(caller)) reason.emplace_back("csrf", held.csrf);
            same(post("/staff/complaints/" + s_complaint_c + "/identity", reason, headers),
                 post("/staff/complaints/" + missing + "/identity", reason, headers),
                 "identity opening" + who, s_complaint_c);
            same(post("/staff/complaints/" + s_complaint_c + "/recusal", reason, headers),
                 post("/staff/complaints/" + missing + "/recusal", reason, headers),
                 "recusal" + who, s_complaint_c);
            HeaderList hold{{"reason", "waiting_on_agency"}};
            if (is_staff(caller)) hold.emplace_back("csrf", held.csrf);
            same(post("/staff/complaints/" + s_complaint_c + "/clocks", hold, headers),
                 post("/staff/complaints/" + missing + "/clocks", hold, headers),
                 "clock hold" + who, s_complaint_c);
        }
        // The referral packet of D, printed or downloaded, by all but who work opr's
        // complaints.
        if (caller != Caller::intake_opr && caller != Caller::investigator_opr &&
            caller != Caller::investigator_off) {
            for (const std::string way : {"", "/download"}) {
                same(get("/staff/complaints/" + s_complaint_d + "/referral-packet" + way, headers),
                     get("/staff/complaints/" + missing + "/referral-packet" + way, headers),
                     "referral packet" + way + who, s_complaint_d);
            }
        }
        if (caller == Caller::intake_opr) continue;
        // Joining A into C's case, by all but who triage opr's complaints.
        {
            HeaderList fields{{"into", s_complaint_c}};
            if (is_staff(caller)) fields.emplace_back("csrf", held.csrf);
            same(post("/staff/complaints/" + reference_a() + "/join", fields, headers),
                 post("/staff/complaints/" + missing + "/join", fields, headers), "join" + who,
                 reference_a());
        }
        for (const HeaderList& decision :
             {HeaderList{{"action", "accept"}, {"priority", "normal"}},
              // A decision that is refused as ill-formed takes another path in the console.
              HeaderList{{"action", "refer"}}}) {
            HeaderList fields = decision;
            if (is_staff(caller)) fields.emplace_back("csrf", held.csrf);
            same(post("/staff/complaints/" + reference_a() + "/triage", fields, headers),
                 post("/staff/complaints/" + missing + "/triage", fields, headers),
                 "triage (" + decision[0].second + ")" + who, reference_a());
        }
    }

    // A staff id, and the administrators' pages themselves: to everyone but the
    // administrator, an account's page and each change to it answer as for an id no member
    // has, and the list of accounts as for a path that does not exist.
    for (std::size_t i = 0; i < k_callers; ++i) {
        const auto caller = static_cast<Caller>(i);
        if (caller == Caller::administrator) continue;
        const Holder& held = holder(caller);
        const HeaderList headers = is_staff(caller) ? held.cookie : HeaderList{};
        const std::string who = std::string(" as ") + std::string(k_caller_names[i]);
        HeaderList form;
        if (is_staff(caller)) form.emplace_back("csrf", held.csrf);
        same(get("/staff/admin/users", headers), get("/staff/no-such-page", headers),
             "list of accounts" + who);
        same(post("/staff/admin/users", form, headers), post("/staff/no-such-page", form, headers),
             "new account" + who);
        same(get("/staff/admin/users/" + s_user, headers),
             get("/staff/admin/users/999999", headers), "account page" + who);
        // Nor does another method tell the paths exist (no 405 naming what is allowed).
        same(post("/staff/admin/users/" + s_user, form, headers),
             post("/staff/no-such-page", form, headers), "account page posted" + who);
        same(get("/staff/admin/users/" + s_user + "/disable", headers),
             get("/staff/no-such-page", headers), "disable as a page" + who);
        for (const std::string change : {"access", "disable", "enable", "second-factor-reset"}) {
            same(post("/staff/admin/users/" + s_user + "/" + change, form, headers),
                 post("/staff/admin/users/999999/" + change, form, headers), change + who);
            same(post("/staff/admin/users/" + s_user + "/" + change, form, headers),
                 post("/staff/no-such-page", form, headers), change + " (no such page)" + who);
        }
    }

    // An office id: the work list of an office the member does not work for.
    for (const auto& [caller, foreign] :
         std::vector<std::pair<Caller, std::string>>{{Caller::intake_opr, "oig"},
                                                     {Caller::investigator_opr, "oig"},
                                                     {Caller::investigator_off, "oig"},
                                                     {Caller::intake_oig, "opr"},
                                                     {Caller::auditor, "opr"},
                                                     {Caller::administrator, "opr"}}) {
        const auto& cookie = holder(caller).cookie;
        for (const std::string filters : {"", "&queue=closed"}) {
            same(get("/staff/queue?office=" + foreign + filters, cookie),
                 get("/staff/queue?office=nowhere" + filters, cookie),
                 "work list of " + foreign + filters + " as " +
                     std::string(k_caller_names[static_cast<std::size_t>(caller)]));
        }
    }

    // A complaint's receipt: a complainant asks about the other's complaint with their own
    // receipt, or about their own with the other's receipt.
    const Holder& a = holder(Caller::complainant_a);
    const Holder& b = holder(Caller::complainant_b);
    same(api_status(b.reference, a.receipt), api_status(missing, a.receipt),
         "API: B's reference with A's receipt", b.reference);
    same(api_status(a.reference, b.receipt), api_status(missing, b.receipt),
         "API: A's reference with B's receipt", a.reference);
    // The page echoes the reference typed and carries a fresh form token: those two differ
    // and are taken out before comparing; nothing else may.
    const auto page_of = [](HttpResponse response, const std::string& typed) {
        const auto token = input_value(response.body, "form_token").value_or("");
        EXPECT_FALSE(token.empty()) << response.body;
        response.body = replaced(response.body, token, "{form_token}");
        response.body = replaced(response.body, typed, "{typed reference}");
        return response;
    };
    same(page_of(web_status(b.reference, a.receipt), b.reference),
         page_of(web_status(missing, a.receipt), missing), "page: B's reference with A's receipt");
    same(page_of(web_status(a.reference, b.receipt), a.reference),
         page_of(web_status(missing, b.receipt), missing), "page: A's reference with B's receipt");
    // Complaint pages: 7 callers; case, note, task, complaint in a case, message, identity
    // page, identity opening, recusal, clock hold: 8 callers each; triage: 9 callers, two
    // decisions; staff accounts: 9 callers, 5 + 4 * 2 each; work lists: 6 callers, two
    // filters; receipts: 4; referral packets: 7 callers, two ways; joins: 9 callers.
    EXPECT_EQ(compared, 7 + 8 * 9 + 9 * 2 + 9 * 13 + 6 * 2 + 4 + 7 * 2 + 9);
}

// The auditor's view of the trail: the newest entry first, every entry on the page checked.
TEST_F(StaffAccess, TheAuditorBrowsesTheTrailNewestFirst) {
    const auto& auditor = holder(Caller::auditor).cookie;
    const auto page = get("/staff/audit", auditor);
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_NE(page.body.find("The entries on this page are intact"), std::string::npos);
    // The members were added first; C's case was assigned after every sign-in.
    const auto assigned = page.body.find("case.assigned");
    const auto added = page.body.find("staff.added");
    ASSERT_NE(assigned, std::string::npos) << page.body;
    ASSERT_NE(added, std::string::npos);
    EXPECT_LT(assigned, added);
    // The first page of an older position starts where it says.
    const auto older = get("/staff/audit?before=3", auditor);
    ASSERT_EQ(older.status, 200);
    EXPECT_NE(older.body.find("<td dir=\"ltr\">2</td>"), std::string::npos) << older.body;
    EXPECT_EQ(older.body.find("<td dir=\"ltr\">3</td>"), std::string::npos);
}

// Runs after the test above when both run in one process (gtest keeps the order of
// definition): its last probe signs every member out.
TEST_F(StaffAccess, EveryRouteAnswersEveryCallerAsTheTableSays) {
    ASSERT_FALSE(HasFatalFailure());
    // Sign-out ends the session of each staff caller: it goes last.
    std::vector<const Probe*> order;
    for (const auto& probe : k_staff_probes) {
        if (probe.route != "/staff/sign-out") order.push_back(&probe);
    }
    for (const auto& probe : k_staff_probes) {
        if (probe.route == "/staff/sign-out") order.push_back(&probe);
    }
    ASSERT_EQ(order.size(), k_staff_probes.size());

    std::ostringstream seen;
    for (const Probe* probe : order) {
        seen << probe->method << ' ' << probe->target << ':';
        for (std::size_t i = 0; i < k_callers; ++i) {
            const auto caller = static_cast<Caller>(i);
            const HttpResponse response = send(*probe, caller);
            const Answer& expected = probe->answers[i];
            EXPECT_EQ(response.status, expected.status)
                << probe->method << ' ' << fill(probe->target) << " as " << k_caller_names[i]
                << ":\n"
                << response.body;
            EXPECT_EQ(response.header_or_empty("Location"), fill(expected.location))
                << probe->method << ' ' << fill(probe->target) << " as " << k_caller_names[i];
            // Every staff answer, refusals included, is kept out of caches.
            EXPECT_EQ(response.header_or_empty("Cache-Control"), "no-store")
                << probe->method << ' ' << fill(probe->target) << " as " << k_caller_names[i];
            seen << " | " << cell(response);
        }
        seen << '\n';
    }

    // Signed out means signed out: the old cookie leads back to the sign-in page.
    for (const auto& member : k_members) {
        const auto home = get("/staff/", holder(member.caller).cookie);
        EXPECT_EQ(home.status, 303) << member.username;
        EXPECT_EQ(home.header_or_empty("Location"), "/staff/sign-in") << member.username;
    }

    for (const auto& probe : k_status_probes) {
        const std::string& reference = probe.whose == 'a' ? reference_a() : reference_b();
        seen << "POST " << probe.path << " (" << probe.whose << "'s reference):";
        for (std::size_t i = 0; i < k_callers; ++i) {
            const std::string& receipt = s_holders[i].receipt;  // empty but for A and B
            const HttpResponse response = probe.path == "/status" ? web_status(reference, receipt)
                                                                  : api_status(reference, receipt);
            EXPECT_EQ(response.status, probe.answers[i].status)
                << probe.path << " for " << probe.whose << " as " << k_caller_names[i] << ":\n"
                << response.body;
            EXPECT_EQ(response.header_or_empty("Location"), "");
            seen << " | " << cell(response);
        }
        seen << '\n';
    }
    // The matrix as it was seen, for the record.
    std::cout << seen.str();
}

}  // namespace
}  // namespace redress::testing
