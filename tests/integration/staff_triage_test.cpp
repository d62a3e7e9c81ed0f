// The intake queue and triage against the real server: two complaints filed through the
// API reach the work list of their office; an intake officer of that office opens one (the
// account of what happened, opened with the content key), accepts it with a priority and
// refers the other; the lists move them, a second decision is refused, an investigator
// may read but not decide, staff of another office get the answer a missing reference
// gets, and a post from another site is refused. A referral to another office: the
// receiving office lists it, reads it, declines or accepts it, and the complainant's
// status answer names the office now handling it.

#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <thread>

#include "integration/catalogue_text.hpp"
#include "integration/html.hpp"
#include "integration/staff_session.hpp"
#include "support/http_client.hpp"
#include "support/redress_command.hpp"
#include "support/server_arguments.hpp"
#include "support/server_process.hpp"
#include "support/temp_folder.hpp"
#include "support/text_checks.hpp"

namespace redress {
namespace {

using testing::contains;
using testing::k_cheap;
using testing::k_password;
using testing::with;

using testing::cookie_set;
using testing::first_match;
using testing::HeaderList;
using testing::HttpConnection;
using testing::HttpResponse;

constexpr std::string_view k_triage_narrative = "An officer pushed me against the fence at gate 3.";

// A signed-in member: the session cookie and the session's anti-forgery token.
using Member = testing::StaffSession;

class StaffTriage : public ::testing::Test {
  protected:
    void SetUp() override {
        const auto data = m_folder.path() / "data";
        ASSERT_EQ(
            testing::run_redress(with({"init", "--data", data.string()}, k_cheap), m_folder.path())
                .exit_code,
            0);
        add_user("ines", "intake_officer", "opr");
        add_user("ivan", "investigator", "opr");
        add_user("olga", "intake_officer", "oig");
        add_user("sue", "supervisor", "opr");
        m_server.emplace(data, k_cheap);
    }

    void TearDown() override {
        if (HasFailure() && m_server) {
            std::cerr << "--- server log ---\n" << m_server->log() << "--- end of log ---\n";
        }
    }

    void add_user(const std::string& username, const std::string& role, const std::string& office) {
        const auto added = testing::run_redress(
            with({"user", "add", "--data", (m_folder.path() / "data").string(), "--username",
                  username, "--name", username + " Member", "--role", role, "--office", office},
                 k_cheap),
            m_folder.path(), std::string(k_password) + "\n");
        ASSERT_EQ(added.exit_code, 0) << added.output;
    }

    HttpResponse get(std::string_view target, const HeaderList& headers = {}) {
        HttpConnection connection(m_server->port());
        return connection.get(target, headers);
    }

    HttpResponse post(std::string_view target, const HeaderList& fields,
                      const HeaderList& headers = {}) {
        HttpConnection connection(m_server->port());
        return connection.post_form(target, fields, headers);
    }

    // Files a complaint that no rule routes elsewhere (so to opr); its reference.
    std::string file(std::string_view narrative) {
        HttpConnection connection(m_server->port());
        nlohmann::json filing = {{"incident", {{"narrative", narrative}, {"place", "Gate 3"}}},
                                 {"subjects", {{{"badge", "4471"}}}}};
        const auto response = connection.post_json("/api/v1/complaints", filing.dump());
        EXPECT_EQ(response.status, 201) << response.body;
        const auto body = nlohmann::json::parse(response.body, nullptr, false);
        if (body.is_discarded() || body["complaints"].empty()) return {};
        return body["complaints"][0].value("reference", "");
    }

    // Files a complaint through the API; its reference and receipt.
    std::pair<std::string, std::string> file_with_receipt(std::string_view narrative) {
        HttpConnection connection(m_server->port());
        nlohmann::json filing = {{"incident", {{"narrative", narrative}, {"place", "Gate 3"}}},
                                 {"subjects", {{{"badge", "4471"}}}}};
        const auto response = connection.post_json("/api/v1/complaints", filing.dump());
        EXPECT_EQ(response.status, 201) << response.body;
        const auto body = nlohmann::json::parse(response.body, nullptr, false);
        if (body.is_discarded() || body["complaints"].empty()) return {};
        return {body["complaints"][0].value("reference", ""), body.value("receipt", "")};
    }

    // The complainant's status answer from the API.
    nlohmann::json status_of(const std::string& reference, const std::string& receipt) {
        HttpConnection connection(m_server->port());
        const auto response = connection.post_json(
            "/api/v1/status",
            nlohmann::json{{"reference", reference}, {"receipt", receipt}}.dump());
        EXPECT_EQ(response.status, 200) << response.body;
        return nlohmann::json::parse(response.body, nullptr, false);
    }

    HttpResponse answer(const Member& member, const std::string& reference, HeaderList fields) {
        fields.emplace_back("csrf", member.csrf);
        return post("/staff/complaints/" + reference + "/referral", fields, member.cookie);
    }

    // Signs `username` in for the first time (enrolling a second factor).
    Member sign_in(const std::string& username) {
        return testing::first_sign_in(m_server->port(), username, std::string(k_password));
    }

    // Files `filing` through the API; the references of its complaints, by office prefix, and
    // its receipt (under "receipt").
    std::map<std::string, std::string> file_json(const nlohmann::json& filing) {
        HttpConnection connection(m_server->port());
        const auto response = connection.post_json("/api/v1/complaints", filing.dump());
        EXPECT_EQ(response.status, 201) << response.body;
        std::map<std::string, std::string> references;
        const auto body = nlohmann::json::parse(response.body, nullptr, false);
        if (body.is_discarded()) return references;
        references["receipt"] = body.value("receipt", "");
        for (const auto& complaint : body["complaints"]) {
            const std::string reference = complaint.value("reference", "");
            references[reference.substr(0, 3)] = reference;
        }
        return references;
    }

    HttpResponse decide(const Member& member, const std::string& reference, HeaderList fields,
                        HeaderList headers = {}) {
        fields.emplace_back("csrf", member.csrf);
        headers.insert(headers.begin(), member.cookie.begin(), member.cookie.end());
        return post("/staff/complaints/" + reference + "/triage", fields, headers);
    }

    testing::TempFolder m_folder;
    std::optional<testing::ServerProcess> m_server;
};

TEST_F(StaffTriage, QueueTriageAndWhoMayDoWhat) {
    const auto first = file(k_triage_narrative);
    const auto second = file("They took my phone and did not give it back.");
    ASSERT_TRUE(first.starts_with("OPR-")) << first;
    ASSERT_TRUE(second.starts_with("OPR-")) << second;

    const auto ines = sign_in("ines");
    // The home page names the office and links to its work list.
    const auto home = get("/staff/", ines.cookie);
    EXPECT_TRUE(contains(home.body, "Office of Professional Responsibility")) << home.body;
    EXPECT_TRUE(contains(home.body, "href=\"/staff/queue?office=opr\"")) << home.body;

    // The triage list of the member's first office by default: both, linked.
    const auto queue = get("/staff/queue", ines.cookie);
    ASSERT_EQ(queue.status, 200) << queue.body;
    EXPECT_EQ(queue.header_or_empty("Cache-Control"), "no-store");
    EXPECT_TRUE(contains(queue.body, "href=\"/staff/complaints/" + first + "\"")) << queue.body;
    EXPECT_TRUE(contains(queue.body, "href=\"/staff/complaints/" + second + "\""));
    EXPECT_TRUE(contains(queue.body, "Awaiting triage"));
    // Filters that match nothing, and bad filters, which name themselves.
    std::string many_fields = "office=opr";
    for (int i = 0; i < 17; ++i) many_fields += "&a=1";
    const auto by_phone = get("/staff/queue?office=opr&queue=triage&channel=phone", ines.cookie);
    EXPECT_EQ(by_phone.status, 200);
    EXPECT_FALSE(contains(by_phone.body, first));
    for (const auto& [query, field] :
         std::map<std::string, std::string>{{"priority=extreme", "priority"},
                                            {"queue=somewhere", "queue"},
                                            {"channel=pigeon", "channel"},
                                            {"category=not-a-category", "category"},
                                            {"after=12.x", "after"},
                                            {many_fields, "query"}}) {
        const auto bad = get("/staff/queue?" + query, ines.cookie);
        EXPECT_EQ(bad.status, 400) << query;
        EXPECT_TRUE(contains(bad.body, "“" + field + "”")) << query << bad.body;
    }
    // An office they do not work for is answered like one that does not exist.
    const auto other_office = get("/staff/queue?office=oig", ines.cookie);
    const auto no_office = get("/staff/queue?office=nowhere", ines.cookie);
    EXPECT_EQ(other_office.status, 404);
    EXPECT_EQ(no_office.status, 404);
    EXPECT_EQ(other_office.body, no_office.body);

    // The complaint: its account opened, and the triage form.
    const auto page = get("/staff/complaints/" + first, ines.cookie);
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_TRUE(contains(page.body, k_triage_narrative)) << page.body;
    EXPECT_TRUE(contains(page.body, "Gate 3"));
    EXPECT_TRUE(contains(page.body, "4471"));
    EXPECT_TRUE(contains(page.body, "action=\"/staff/complaints/" + first + "/triage\""));
    EXPECT_TRUE(contains(page.body, "name=\"csrf\" value=\"" + ines.csrf + "\""));

    // Accept the first with priority high.
    const auto accepted = decide(ines, first, {{"action", "accept"}, {"priority", "high"}});
    EXPECT_EQ(accepted.status, 303) << accepted.body;
    EXPECT_EQ(accepted.header_or_empty("Location"), "/staff/complaints/" + first);
    const auto after_accept = get("/staff/complaints/" + first, ines.cookie);
    EXPECT_TRUE(contains(after_accept.body, "staff:ines"));
    EXPECT_FALSE(contains(after_accept.body, "/triage\""));  // no form once decided

    // Refer the second: without a reason the form comes back with the problem by its field.
    const auto no_reason = decide(ines, second, {{"action", "refer"}, {"to_office", "oig"}});
    EXPECT_EQ(no_reason.status, 422);
    EXPECT_TRUE(contains(no_reason.body, "This is required for this decision.")) << no_reason.body;
    EXPECT_TRUE(contains(no_reason.body, "<option value=\"oig\" selected>"));
    const auto unknown_action = decide(ines, second, {{"action", "shred"}});
    EXPECT_EQ(unknown_action.status, 422);
    const auto referred = decide(ines, second,
                                 {{"action", "refer"},
                                  {"to_office", "oig"},
                                  {"reason", "The inspector general handles thefts by staff."}});
    EXPECT_EQ(referred.status, 303) << referred.body;

    // The lists moved them.
    const auto triage_now = get("/staff/queue?office=opr&queue=triage", ines.cookie);
    EXPECT_FALSE(contains(triage_now.body, first));
    EXPECT_FALSE(contains(triage_now.body, second));
    const auto investigating = get("/staff/queue?office=opr&queue=investigating", ines.cookie);
    EXPECT_TRUE(contains(investigating.body, first)) << investigating.body;
    EXPECT_TRUE(contains(investigating.body, "<td>High</td>"));
    const auto high = get("/staff/queue?office=opr&queue=investigating&priority=high", ines.cookie);
    EXPECT_TRUE(contains(high.body, first));
    const auto referred_list = get("/staff/queue?office=opr&queue=referred", ines.cookie);
    EXPECT_TRUE(contains(referred_list.body, second)) << referred_list.body;

    // A second decision is refused: someone decided first.
    const auto again =
        decide(ines, first,
               {{"action", "close"}, {"close_reason", "duplicate"}, {"reason", "Filed twice."}});
    EXPECT_EQ(again.status, 409) << again.body;

    // A post from another site never reaches the decision.
    const auto third = file("A third complaint, to stay in triage.");
    const auto cross_site =
        decide(ines, third, {{"action", "accept"}}, {{"Sec-Fetch-Site", "cross-site"}});
    EXPECT_EQ(cross_site.status, 403);
    const auto without_token =
        post("/staff/complaints/" + third + "/triage", {{"action", "accept"}}, ines.cookie);
    EXPECT_EQ(without_token.status, 403);
    EXPECT_TRUE(contains(get("/staff/queue?office=opr", ines.cookie).body, third));

    // An investigator of the office reads the complaint, without the form, and may not decide.
    const auto ivan = sign_in("ivan");
    const auto read = get("/staff/complaints/" + third, ivan.cookie);
    EXPECT_EQ(read.status, 200);
    EXPECT_FALSE(contains(read.body, "/triage\""));
    EXPECT_EQ(decide(ivan, third, {{"action", "accept"}}).status, 403);

    // Staff of another office: an opr complaint is answered like a missing reference.
    const auto olga = sign_in("olga");
    const auto foreign = get("/staff/complaints/" + third, olga.cookie);
    const auto missing = get("/staff/complaints/OPR-2026-999999", olga.cookie);
    EXPECT_EQ(foreign.status, 404);
    EXPECT_EQ(missing.status, 404);
    EXPECT_EQ(foreign.body, missing.body);
    EXPECT_FALSE(contains(foreign.body, third));
    const auto foreign_post = decide(olga, third, {{"action", "accept"}});
    const auto missing_post = decide(olga, "OPR-2026-999999", {{"action", "accept"}});
    EXPECT_EQ(foreign_post.status, 404);
    EXPECT_EQ(missing_post.status, 404);
    EXPECT_EQ(foreign_post.body, missing_post.body);
    EXPECT_TRUE(contains(get("/staff/queue?office=opr", ines.cookie).body, third));
}

TEST_F(StaffTriage, TheReceivingOfficeAnswersAReferral) {
    const auto [declined, declined_receipt] = file_with_receipt("Declined, then kept by OPR.");
    const auto [accepted, receipt] = file_with_receipt(k_triage_narrative);
    ASSERT_TRUE(accepted.starts_with("OPR-")) << accepted;
    const auto ines = sign_in("ines");
    for (const auto& reference : {declined, accepted}) {
        EXPECT_EQ(decide(ines, reference,
                         {{"action", "refer"},
                          {"to_office", "oig"},
                          {"reason", "The inspector general handles this."}})
                      .status,
                  303);
    }
    EXPECT_EQ(status_of(accepted, receipt).value("office", ""), "opr");

    // oig's intake officer finds both among the referrals to oig, and reads one, with the
    // referral and the answer's form (the sending office's own page has no form).
    const auto olga = sign_in("olga");
    const auto queue = get("/staff/queue?office=oig", olga.cookie);
    EXPECT_TRUE(contains(queue.body, "href=\"/staff/referrals?office=oig\"")) << queue.body;
    const auto list = get("/staff/referrals?office=oig", olga.cookie);
    ASSERT_EQ(list.status, 200) << list.body;
    EXPECT_TRUE(contains(list.body, "href=\"/staff/complaints/" + accepted + "#referral\""))
        << list.body;
    EXPECT_TRUE(contains(list.body, declined));
    EXPECT_TRUE(contains(list.body, "The inspector general handles this."));
    EXPECT_EQ(get("/staff/referrals?office=opr", olga.cookie).status, 404);
    EXPECT_EQ(get("/staff/referrals?office=nowhere", olga.cookie).status, 404);
    const auto page = get("/staff/complaints/" + accepted, olga.cookie);
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_TRUE(contains(page.body, k_triage_narrative));
    EXPECT_TRUE(contains(page.body, "action=\"/staff/complaints/" + accepted + "/referral\""));
    EXPECT_FALSE(contains(page.body, "/triage\""));  // not oig's to triage yet
    EXPECT_FALSE(contains(get("/staff/complaints/" + accepted, ines.cookie).body, "/referral\""));
    // ines of the sending office may read it but not answer for oig.
    EXPECT_EQ(answer(ines, accepted, {{"answer", "accept"}}).status, 403);

    // Declining needs a reason; with it, back to opr's triage, and gone from oig's view.
    const auto bare = answer(olga, declined, {{"answer", "decline"}});
    EXPECT_EQ(bare.status, 422) << bare.body;
    EXPECT_TRUE(contains(bare.body, "A reason is required to decline or return.")) << bare.body;
    const auto no = answer(olga, declined, {{"answer", "decline"}, {"reason", "Not corruption."}});
    EXPECT_EQ(no.status, 303) << no.body;
    EXPECT_EQ(no.header_or_empty("Location"), "/staff/referrals");
    EXPECT_EQ(get("/staff/complaints/" + declined, olga.cookie).status, 404);
    EXPECT_TRUE(contains(get("/staff/queue?office=opr&queue=triage", ines.cookie).body, declined));
    EXPECT_EQ(status_of(declined, declined_receipt).value("office", ""), "opr");

    // Accepting: oig's complaint now, on its triage list, and the complainant sees oig.
    const auto yes = answer(olga, accepted, {{"answer", "accept"}});
    EXPECT_EQ(yes.status, 303) << yes.body;
    EXPECT_EQ(yes.header_or_empty("Location"), "/staff/complaints/" + accepted);
    EXPECT_TRUE(contains(get("/staff/queue?office=oig&queue=triage", olga.cookie).body, accepted));
    EXPECT_FALSE(contains(get("/staff/referrals?office=oig", olga.cookie).body, accepted));
    const auto after = get("/staff/complaints/" + accepted, olga.cookie);
    EXPECT_TRUE(contains(after.body, "/triage\"")) << after.body;  // oig triages it now
    EXPECT_EQ(get("/staff/complaints/" + accepted, ines.cookie).status, 404);
    const auto status = status_of(accepted, receipt);
    EXPECT_EQ(status.value("office", ""), "oig") << status.dump();
    EXPECT_EQ(status.value("office_name", ""), "Office of Inspector General");
    EXPECT_EQ(status.value("status", ""), "acknowledged");
    EXPECT_EQ(status.value("reference", ""), accepted);
    // The status page says so too, in the complainant's language.
    HttpConnection complainant(m_server->port());
    const auto form = complainant.get("/status?lang=es");
    const auto shown = complainant.post_form(
        "/status", {{"lang", "es"},
                    {"form_token", testing::input_value(form.body, "form_token").value_or("")},
                    {"reference", accepted},
                    {"receipt", receipt}});
    EXPECT_EQ(shown.status, 200) << shown.body;
    EXPECT_TRUE(contains(shown.body, "Oficina que la atiende ahora")) << shown.body;
    EXPECT_TRUE(contains(shown.body, "Oficina del Inspector General")) << shown.body;

    // A second answer is refused: it was answered already.
    EXPECT_EQ(answer(olga, accepted, {{"answer", "return"}, {"reason", "Again."}}).status, 409);
}

TEST_F(StaffTriage, TheNextPageFollowsTheCursor) {
    // One more than a page: the first page links to a second that holds the rest.
    const std::regex row("href=\"/staff/complaints/(OPR-[0-9]{4}-[0-9]{6})\"");
    std::set<std::string> filed;
    for (int i = 0; i < 51; ++i) filed.insert(file("Complaint number " + std::to_string(i)));
    const auto ines = sign_in("ines");
    std::vector<std::string> seen;
    std::string target = "/staff/queue?office=opr";
    for (int page = 0; page < 3 && !target.empty(); ++page) {
        const auto response = get(target, ines.cookie);
        ASSERT_EQ(response.status, 200) << target;
        const auto before = seen.size();
        for (std::sregex_iterator it(response.body.begin(), response.body.end(), row), end;
             it != end; ++it) {
            seen.push_back((*it)[1]);
        }
        EXPECT_EQ(seen.size() - before, page == 0 ? 50u : 1u);
        target = first_match(response.body, "href=\"([^\"]+)\" rel=\"next\"");
        // The link is HTML: its ampersands are escaped.
        for (std::size_t at; (at = target.find("&amp;")) != std::string::npos;) {
            target.replace(at, 5, "&");
        }
    }
    EXPECT_TRUE(target.empty());  // no link after the last page
    EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()), filed);
    EXPECT_EQ(seen.size(), filed.size());  // none twice
}

// The routing rules' proposal on the complaint page, the possible duplicates (the same
// filing sent to two offices; the same incident filed by someone else), joining a complaint
// into another's case, and closing one as the duplicate of another.
TEST_F(StaffTriage, ProposalsDuplicatesAndJoiningACase) {
    // Excessive force: the serious-misconduct rule sends the filing to both opr and oig.
    const nlohmann::json first_filing = {{"incident",
                                          {{"narrative", k_triage_narrative},
                                           {"date", "2026-11-01"},
                                           {"categories", {"excessive-force"}}}}};
    auto first = file_json(first_filing);
    ASSERT_TRUE(first.contains("OPR") && first.contains("OIG")) << first.size();
    // The same incident the next day, by someone else, to opr only; and a theft that day.
    auto second_filed =
        file_json({{"incident",
                    {{"narrative", "They pushed us at the fence, my brother and me."},
                     {"date", "2026-11-02"},
                     {"categories", {"civil-rights", "excessive-force"}}}},
                   {"offices", {"opr"}}});
    const auto second = second_filed["OPR"];
    const auto theft = file_json(
        {{"incident",
          {{"narrative", "They kept my bag."}, {"date", "2026-11-01"}, {"categories", {"theft"}}}},
         {"offices", {"opr"}}})["OPR"];
    const auto later = file_json({{"incident",
                                   {{"narrative", "Pushed again, a week later."},
                                    {"date", "2026-11-08"},
                                    {"categories", {"excessive-force"}}}},
                                  {"offices", {"opr"}}})["OPR"];
    const auto ines = sign_in("ines");
    const auto olga = sign_in("olga");

    // The proposal: accept here (both rules name opr), or refer to oig; each says why.
    auto page = get("/staff/complaints/" + first["OPR"], ines.cookie);
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_TRUE(contains(page.body, "What the routing rules propose"));
    EXPECT_TRUE(contains(page.body, "<strong>Accept here:"));
    EXPECT_TRUE(contains(page.body, "<span dir=\"ltr\">serious-misconduct</span>: Abuse and"));
    EXPECT_TRUE(contains(page.body, "?take=oig#triage"));
    // One click fills the form with the referral to oig and the rule's explanation.
    const auto taken = get("/staff/complaints/" + first["OPR"] + "?take=oig", ines.cookie);
    ASSERT_EQ(taken.status, 200);
    EXPECT_TRUE(contains(taken.body, "value=\"refer\" checked"));
    EXPECT_TRUE(contains(taken.body, "<option value=\"oig\" selected>"));
    EXPECT_TRUE(contains(taken.body, ">Abuse and excessive force are serious"));

    // Possible duplicates: the same incident (opr, the next day, a category in common); not
    // the theft (no category in common), not the one a week later, and not the copy with
    // oig, which ines may not read.
    const auto duplicates = page.body.substr(page.body.find("id=\"duplicates\""));
    EXPECT_TRUE(contains(duplicates, second)) << duplicates;
    EXPECT_TRUE(contains(duplicates, "Same office, incident within a day"));
    EXPECT_FALSE(contains(duplicates, theft));
    EXPECT_FALSE(contains(duplicates, later));
    EXPECT_FALSE(contains(page.body, first["OIG"]));
    // Olga, of oig, reads oig's copy; opr's is not hers to see either.
    const auto oig_page = get("/staff/complaints/" + first["OIG"], olga.cookie);
    ASSERT_EQ(oig_page.status, 200);
    EXPECT_FALSE(contains(oig_page.body, first["OPR"]));
    EXPECT_FALSE(contains(oig_page.body, second));

    // Accepted, the first complaint has a case; the second can join it.
    ASSERT_EQ(decide(ines, first["OPR"], {{"action", "accept"}, {"priority", "high"}}).status, 303);
    const auto accepted = get("/staff/complaints/" + first["OPR"], ines.cookie);
    const auto case_id = first_match(accepted.body, "href=\"/staff/cases/([0-9]+)\"");
    ASSERT_FALSE(case_id.empty());
    page = get("/staff/complaints/" + second, ines.cookie);
    EXPECT_TRUE(contains(page.body, "name=\"into\" value=\"" + first["OPR"] + "\""));

    // Joins refused for what they name change nothing.
    const auto join = [&](const std::string& reference, const std::string& into) {
        return post("/staff/complaints/" + reference + "/join",
                    {{"into", into}, {"csrf", ines.csrf}}, ines.cookie);
    };
    auto refused = join(second, "OPR-2026-999999");
    EXPECT_EQ(refused.status, 422);
    EXPECT_TRUE(contains(refused.body, "No complaint you can read has this reference."));
    EXPECT_EQ(join(second, second).status, 422);
    EXPECT_TRUE(contains(join(second, theft).body, "That complaint is in no case yet."));
    EXPECT_TRUE(contains(join(second, first["OIG"]).body, "No complaint you can read"));
    EXPECT_EQ(join(second, "").status, 422);
    // Olga may not triage opr's complaints: as for a missing one.
    EXPECT_EQ(post("/staff/complaints/" + second + "/join",
                   {{"into", first["OPR"]}, {"csrf", olga.csrf}}, olga.cookie)
                  .status,
              404);

    const auto joined = join(second, first["OPR"]);
    ASSERT_EQ(joined.status, 303) << joined.body;
    EXPECT_EQ(joined.header_or_empty("Location"), "/staff/complaints/" + second);
    page = get("/staff/complaints/" + second, ines.cookie);
    EXPECT_TRUE(contains(page.body, "href=\"/staff/cases/" + case_id + "\""));
    EXPECT_TRUE(contains(page.body, "Under investigation")) << page.body;
    // The complainant's timeline says it was joined, never with which complaint.
    EXPECT_TRUE(contains(page.body, "joined with an existing investigation"));
    const auto told = status_of(second, second_filed["receipt"]);
    EXPECT_EQ(told.value("status", ""), "investigating") << told.dump();
    EXPECT_FALSE(contains(told.dump(), first["OPR"]));
    const auto case_page = get("/staff/cases/" + case_id, ines.cookie);
    ASSERT_EQ(case_page.status, 200);
    EXPECT_TRUE(contains(case_page.body, first["OPR"]));
    EXPECT_TRUE(contains(case_page.body, second));
    // Once joined, it is no longer awaiting triage.
    EXPECT_EQ(join(second, first["OPR"]).status, 409);

    // Closing as a duplicate names (for staff) the complaint it repeats.
    auto closing =
        decide(ines, later,
               {{"action", "close"}, {"close_reason", "duplicate"}, {"reason", "Already filed."}});
    EXPECT_EQ(closing.status, 422);
    closing = decide(ines, later,
                     {{"action", "close"},
                      {"close_reason", "duplicate"},
                      {"duplicate_of", first["OIG"]},
                      {"reason", "Already filed."}});
    EXPECT_EQ(closing.status, 422);
    EXPECT_TRUE(contains(closing.body, "No complaint you can read has this reference."));
    closing = decide(ines, later,
                     {{"action", "close"},
                      {"close_reason", "duplicate"},
                      {"duplicate_of", first["OPR"]},
                      {"reason", "Already filed."}});
    ASSERT_EQ(closing.status, 303) << closing.body;
    page = get("/staff/complaints/" + later, ines.cookie);
    EXPECT_TRUE(contains(
        page.body, "Closed as a duplicate of</dt><dd><a href=\"/staff/complaints/" + first["OPR"]));
}

// A complaint referred to an external office: its packet printed and downloaded, with the
// account, the subjects and the witnesses' accounts, and without the complainant's identity.
TEST_F(StaffTriage, TheReferralPacketOfAnExternalReferral) {
    const auto referred = file_json(
        {{"complainant",
          {{"confidentiality", "confidential"},
           {"name", "Maria Lopez"},
           {"email", "maria@example.org"}}},
         {"incident",
          {{"narrative", k_triage_narrative},
           {"date", "2026-11-01"},
           {"categories", {"excessive-force"}}}},
         {"subjects", {{{"badge", "4471"}, {"agency", "Border Patrol"}}}},
         {"witnesses",
          {{{"name", "Ana Ruiz"}, {"contact", "555-0101"}, {"account", "I saw him push her."}}}},
         {"offices", {"opr"}}})["OPR"];
    const auto kept = file("They took my phone and did not give it back.");
    const auto ines = sign_in("ines");
    const auto olga = sign_in("olga");
    ASSERT_EQ(decide(ines, referred,
                     {{"action", "refer"},
                      {"to_office", "police"},
                      {"external_reference", "PD-2026-77"},
                      {"reason", "A crime: the police investigate."}})
                  .status,
              303);
    const auto page = get("/staff/complaints/" + referred, ines.cookie);
    EXPECT_TRUE(contains(page.body, "/staff/complaints/" + referred + "/referral-packet\""));

    const auto printed = get("/staff/complaints/" + referred + "/referral-packet", ines.cookie);
    ASSERT_EQ(printed.status, 200) << printed.body;
    for (const std::string& part :
         {referred, std::string("PD-2026-77"), std::string(k_triage_narrative), std::string("4471"),
          std::string("Border Patrol"), std::string("I saw him push her."),
          std::string("A crime: the police investigate."), std::string("staff:ines"),
          std::string("2026-11-01"),
          std::string("identity and contact details are not included")}) {
        EXPECT_TRUE(contains(printed.body, part)) << part;
    }
    for (const std::string secret : {"Maria Lopez", "maria@example.org", "Ana Ruiz", "555-0101"}) {
        EXPECT_FALSE(contains(printed.body, secret)) << secret;
    }
    EXPECT_EQ(printed.header_or_empty("Content-Disposition"), "");
    EXPECT_EQ(printed.header_or_empty("X-Content-Type-Options"), "nosniff");

    const auto downloaded =
        get("/staff/complaints/" + referred + "/referral-packet/download", ines.cookie);
    ASSERT_EQ(downloaded.status, 200);
    EXPECT_EQ(downloaded.header_or_empty("Content-Disposition"),
              "attachment; filename=\"referral-packet-" + referred + ".html\"");
    EXPECT_EQ(downloaded.header_or_empty("X-Content-Type-Options"), "nosniff");
    EXPECT_TRUE(contains(downloaded.body, "I saw him push her."));

    // Each print and download is on the audit trail as an export.
    add_user("aude", "auditor", "opr");
    const auto audit = get("/staff/audit", sign_in("aude").cookie);
    ASSERT_EQ(audit.status, 200);
    std::size_t exports = 0;
    for (auto at = audit.body.find("complaint.exported"); at != std::string::npos;
         at = audit.body.find("complaint.exported", at + 1)) {
        ++exports;
    }
    EXPECT_EQ(exports, 2u) << audit.body;

    // No packet for a complaint not referred outside, nor for staff of another office.
    EXPECT_EQ(get("/staff/complaints/" + kept + "/referral-packet", ines.cookie).status, 404);
    EXPECT_EQ(get("/staff/complaints/" + referred + "/referral-packet", olga.cookie).status, 404);
    EXPECT_EQ(
        get("/staff/complaints/" + referred + "/referral-packet/download", olga.cookie).status,
        404);
}

// The complainant's identity goes in the packet only where they let it: an open complainant
// filed to be known (a confidential one only with their consent, withheld above); the export
// on the audit trail says so.
TEST_F(StaffTriage, AnOpenComplainantsIdentityGoesInThePacket) {
    const auto referred = file_json(
        {{"complainant",
          {{"confidentiality", "open"}, {"name", "Rosa Mendez"}, {"email", "rosa@example.org"}}},
         {"incident",
          {{"narrative", k_triage_narrative},
           {"date", "2026-11-01"},
           {"categories", {"excessive-force"}}}},
         {"offices", {"opr"}}})["OPR"];
    const auto ines = sign_in("ines");
    ASSERT_EQ(decide(ines, referred,
                     {{"action", "refer"},
                      {"to_office", "police"},
                      {"reason", "A crime: the police investigate."}})
                  .status,
              303);
    const auto printed = get("/staff/complaints/" + referred + "/referral-packet", ines.cookie);
    ASSERT_EQ(printed.status, 200) << printed.body;
    EXPECT_TRUE(contains(printed.body, "Rosa Mendez"));
    EXPECT_TRUE(contains(printed.body, "rosa@example.org"));
    EXPECT_FALSE(contains(printed.body, "identity and contact details are not included"));
    add_user("aude", "auditor", "opr");
    const auto audit = get("/staff/audit", sign_in("aude").cookie);
    EXPECT_TRUE(contains(audit.body, "identity=included")) << audit.body;
}

TEST_F(StaffTriage, TheSupervisorsOverdueViewAndTheWorkListsDeadlines) {
    const auto reference = file("An officer pushed me at gate 3 and took my phone.");
    const auto sue = sign_in("sue");
    // The supervisor's home page leads to the overdue view of the office.
    EXPECT_NE(get("/staff/", sue.cookie).body.find("href=\"/staff/overdue?office=opr\""),
              std::string::npos);
    // Filed today, nothing is overdue: opr acknowledges within two days.
    const auto overdue = get("/staff/overdue?office=opr", sue.cookie);
    ASSERT_EQ(overdue.status, 200) << overdue.body;
    EXPECT_NE(overdue.body.find(testing::message("en", "staff.overdue.empty")), std::string::npos);
    // Another office's is answered as one that does not exist; a bad cursor says which field.
    EXPECT_EQ(get("/staff/overdue?office=oig", sue.cookie).status, 404);
    EXPECT_EQ(get("/staff/overdue?office=opr&after=soon", sue.cookie).status, 400);

    // The server works the new complaint's deadline out in the background (every 2 s by
    // default): the work list then says when it is next due.
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    std::string due;
    HttpResponse queue;
    while (due.empty() && std::chrono::steady_clock::now() < give_up) {
        queue = get("/staff/queue?office=opr", sue.cookie);
        due = first_match(queue.body, "<td dir=\"ltr\">([0-9]{4}-[0-9]{2}-[0-9]{2})</td></tr>");
        if (due.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ASSERT_FALSE(due.empty()) << queue.body;
    const auto received =
        first_match(queue.body, "<td dir=\"ltr\">([0-9]{4}-[0-9]{2}-[0-9]{2})</td><td>");
    EXPECT_GT(due, received);  // ISO dates compare as text
    EXPECT_NE(queue.body.find(reference), std::string::npos);
    // Only overdue complaints: not this one, not yet.
    const auto only_overdue = get("/staff/queue?office=opr&overdue=1", sue.cookie);
    ASSERT_EQ(only_overdue.status, 200);
    EXPECT_EQ(only_overdue.body.find(reference), std::string::npos);
    EXPECT_NE(only_overdue.body.find("name=\"overdue\" value=\"1\" checked"), std::string::npos);
}

}  // namespace
}  // namespace redress
