// Complaints taken by phone or mail against the real server: an intake officer enters one
// for a caller; the acknowledgment letter, in the caller's language, holds a reference and a
// receipt that work on the public status look-up (API and page); the complaint's staff page
// shows its channel and who entered it; the same form sent again files nothing more; the audit
// trail has complaint.entered with the member and no content; the receipt is in no log. A form with
// problems (a blank account, a day to come, an unknown channel) is shown again with each of them
// and files nothing; an investigator, or an intake officer of another office, gets the answer the
// route table says.

#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <ranges>
#include <regex>
#include <string>

#include "domain/calendar.hpp"
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

using testing::first_match;
using testing::HeaderList;
using testing::HttpConnection;
using testing::HttpResponse;

constexpr std::string_view k_intake_narrative = "Two guards took my papers at the bus station.";

// The UTC day `days` from today, YYYY-MM-DD. The sample deployment's zone is New York's:
// yesterday in UTC is never a day to come there, nor the day after tomorrow a day past.
std::string day_from_today(int days) {
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    return domain::iso_date(domain::date_of(now + std::chrono::days(days)));
}

// The receipt a letter shows, its groups joined as the complainant types it.
std::string receipt_of(const std::string& letter) {
    std::string receipt;
    const std::regex group(R"(<span class="receipt-group">([A-Z0-9]+)</span>)");
    for (auto it = std::sregex_iterator(letter.begin(), letter.end(), group);
         it != std::sregex_iterator(); ++it) {
        if (!receipt.empty()) receipt += '-';
        receipt += (*it)[1].str();
    }
    return receipt;
}

class StaffIntake : public ::testing::Test {
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
        add_user("aude", "auditor", "opr");
        m_server.emplace(data,
                         with(k_cheap, {"--public-base-url", "https://complaints.example.org/"}));
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

    testing::StaffSession sign_in(const std::string& username) {
        return testing::first_sign_in(m_server->port(), username, std::string(k_password));
    }

    HttpResponse get(std::string_view target, const HeaderList& headers = {}) {
        return HttpConnection(m_server->port()).get(target, headers);
    }

    HttpResponse enter(const testing::StaffSession& member, std::string_view target,
                       HeaderList fields) {
        fields.emplace_back("csrf", member.csrf);
        return HttpConnection(m_server->port()).post_form(target, fields, member.cookie);
    }

    // A complaint as a caller gives it on the phone, for opr, in `language`.
    HeaderList phone_call(const std::string& language) {
        return {{"entry.channel", "phone"},
                {"entry.contacted_date", day_from_today(-1)},
                {"entry.contacted_time", "14:05"},
                {"entry.language", language},
                {"complainant.confidentiality", "anonymous"},
                {"incident.narrative", std::string(k_intake_narrative)},
                {"incident.place", "Bus station"},
                {"offices", "opr"}};
    }

    testing::TempFolder m_folder;
    std::optional<testing::ServerProcess> m_server;
};

TEST_F(StaffIntake, AnIntakeOfficerFilesACallAndTheLetterWorksOnTheStatusLookUp) {
    const auto ines = sign_in("ines");
    const auto home = get("/staff/", ines.cookie);
    EXPECT_TRUE(contains(home.body, "/staff/intake/new?office=opr")) << home.body;
    const auto form = get("/staff/intake/new?office=opr", ines.cookie);
    ASSERT_EQ(form.status, 200) << form.body;
    EXPECT_TRUE(contains(form.body, "name=\"entry.channel\""));
    EXPECT_TRUE(contains(form.body, "name=\"incident.narrative\""));

    const auto mark = testing::input_value(form.body, "entry.mark");
    ASSERT_TRUE(mark && mark->size() == 32) << form.body;
    auto call = phone_call("es");
    call.emplace_back("entry.mark", *mark);
    const auto letter = enter(ines, "/staff/intake?office=opr", call);
    ASSERT_EQ(letter.status, 200) << letter.body;
    EXPECT_EQ(letter.header("cache-control"), "no-store");
    const std::string reference = first_match(letter.body, R"((OPR-\d{4}-\d+))");
    const std::string receipt = receipt_of(letter.body);
    ASSERT_FALSE(reference.empty()) << letter.body;
    ASSERT_FALSE(receipt.empty()) << letter.body;
    // In the caller's language, with the officer's note apart (not printed).
    const auto spanish = testing::catalogue("es");
    const auto text = testing::decode_entities(letter.body);
    EXPECT_TRUE(contains(letter.body, "lang=\"es\"")) << letter.body;
    EXPECT_TRUE(contains(text, spanish.at("letter.heading")));
    EXPECT_TRUE(contains(text, spanish.at("letter.receipt.keep")));
    EXPECT_TRUE(contains(text, "https://complaints.example.org/status")) << text;
    EXPECT_TRUE(contains(text, "https://complaints.example.org/verify"));
    EXPECT_TRUE(contains(letter.body, "-----BEGIN")) << "the signed proof of filing";
    EXPECT_TRUE(contains(letter.body, "class=\"officer-note no-print\""));

    // The same form sent again (a reload of the letter) files nothing more.
    EXPECT_EQ(enter(ines, "/staff/intake?office=opr", call).status, 409);
    EXPECT_NE(testing::input_value(get("/staff/intake/new", ines.cookie).body, "entry.mark"), mark);

    // The receipt works on the public look-up, by the API and by the page.
    const auto status =
        HttpConnection(m_server->port())
            .post_json("/api/v1/status",
                       nlohmann::json{{"reference", reference}, {"receipt", receipt}}.dump());
    EXPECT_EQ(status.status, 200) << status.body;
    auto look_up = testing::hidden_fields(get("/status").body);
    look_up.emplace_back("reference", reference);
    look_up.emplace_back("receipt", receipt);
    const auto page = HttpConnection(m_server->port()).post_form("/status", look_up);
    EXPECT_EQ(page.status, 200) << page.body;
    const auto wrong =
        HttpConnection(m_server->port())
            .post_json("/api/v1/status",
                       nlohmann::json{{"reference", reference}, {"receipt", "AAAA-AAAA-AAAA-AAAA"}}
                           .dump());
    EXPECT_NE(wrong.status, 200);

    // The staff page: the channel, who entered it, when it was contacted.
    const auto complaint = get("/staff/complaints/" + reference, ines.cookie);
    ASSERT_EQ(complaint.status, 200) << complaint.body;
    const auto english = testing::catalogue("en");
    const auto shown = testing::decode_entities(complaint.body);
    EXPECT_TRUE(contains(shown, english.at("staff.channel.phone")));
    EXPECT_TRUE(contains(shown, "Entered by ines Member on ")) << shown;
    // 14:05 in the deployment's zone (America/New_York in the sample: 18:05 or 19:05 UTC).
    EXPECT_TRUE(
        std::regex_search(shown, std::regex("contacted " + day_from_today(-1) + "T1[89]:05:00Z")))
        << shown;
    const auto queue = get("/staff/queue?office=opr&channel=phone", ines.cookie);
    EXPECT_TRUE(contains(queue.body, reference)) << queue.body;
    EXPECT_FALSE(contains(queue.body, "OPR-" + reference.substr(4, 5) + "000002"));

    // The audit trail: who entered it, the channel and the day, nothing the caller said.
    const auto aude = sign_in("aude");
    const auto audit = testing::decode_entities(get("/staff/audit", aude.cookie).body);
    EXPECT_TRUE(contains(audit, "complaint.entered")) << audit;
    EXPECT_TRUE(contains(audit, "staff:ines"));
    EXPECT_TRUE(contains(audit, "channel=phone contacted=" + day_from_today(-1)));
    EXPECT_FALSE(contains(audit, k_intake_narrative));

    // A letter read from the post, without a time, in French.
    auto mail = phone_call("fr");
    mail[0].second = "mail";
    mail[2].second = "";
    const auto posted = enter(ines, "/staff/intake?office=opr", mail);
    ASSERT_EQ(posted.status, 200) << posted.body;
    EXPECT_TRUE(contains(posted.body, "lang=\"fr\""));
    const auto french = testing::catalogue("fr");
    const auto dated = testing::decode_entities(posted.body);
    EXPECT_TRUE(contains(dated, french.at("letter.heading")));
    EXPECT_TRUE(contains(dated, day_from_today(-1)));

    // Neither receipt is in the log, nor the account.
    const auto log = m_server->log();
    EXPECT_FALSE(contains(log, receipt));
    EXPECT_FALSE(contains(log, receipt_of(posted.body)));
    EXPECT_FALSE(contains(log, k_intake_narrative));
}

TEST_F(StaffIntake, AFormWithProblemsShowsEachAndFilesNothing) {
    const auto ines = sign_in("ines");
    auto bad = phone_call("en");
    bad[0].second = "fax";
    bad[1].second = day_from_today(2);
    bad[5].second = "";  // the account of what happened
    const auto refused = enter(ines, "/staff/intake?office=opr", bad);
    ASSERT_EQ(refused.status, 422) << refused.body;
    const auto english = testing::catalogue("en");
    const auto text = testing::decode_entities(refused.body);
    EXPECT_TRUE(contains(text, english.at("staff.intake.error.invalid_choice")));
    EXPECT_TRUE(contains(text, english.at("error.future_date")));
    EXPECT_TRUE(contains(text, english.at("error.required")));
    EXPECT_TRUE(contains(refused.body, "id=\"f-incident-narrative-error\"")) << refused.body;
    // One summary of every problem, each linked to its field.
    EXPECT_EQ(std::ranges::distance(
                  std::views::split(refused.body, std::string_view("class=\"error-summary\""))),
              2);
    EXPECT_TRUE(contains(refused.body, "href=\"#f-entry-channel\""));
    EXPECT_TRUE(contains(refused.body, "href=\"#f-entry-contacted_date\""));
    EXPECT_TRUE(contains(refused.body, "href=\"#f-incident-narrative\""));
    // What was typed is shown again.
    EXPECT_TRUE(contains(refused.body, "value=\"" + day_from_today(2) + "\""));
    EXPECT_EQ(testing::input_value(refused.body, "incident.place"), "Bus station");

    // A time still to come today, a year and more ago, a missing time on the phone.
    auto later = phone_call("en");
    later[1].second = day_from_today(0);
    later[2].second = "23:59";
    auto old = phone_call("en");
    old[1].second = day_from_today(-400);
    auto timeless = phone_call("en");
    timeless[2].second = "";
    // In the last minute of the day 23:59 is no longer to come: not tried then.
    const auto now = std::chrono::system_clock::now();
    const auto since_midnight = now - std::chrono::floor<std::chrono::days>(now);
    if (since_midnight < std::chrono::hours(23) + std::chrono::minutes(58)) {
        EXPECT_EQ(enter(ines, "/staff/intake?office=opr", later).status, 422);
    }
    for (const auto& fields : {old, timeless}) {
        const auto answer = enter(ines, "/staff/intake?office=opr", fields);
        EXPECT_EQ(answer.status, 422) << answer.body;
    }

    // Another agent's block, as on the public form: the form again, nothing filed.
    auto more = phone_call("en");
    more.emplace_back("action", "add_subject");
    const auto wider = enter(ines, "/staff/intake?office=opr", more);
    EXPECT_EQ(wider.status, 200);
    EXPECT_TRUE(contains(wider.body, "name=\"subjects[1].name\"")) << wider.body;
    EXPECT_EQ(testing::textarea_content(wider.body, "incident.narrative"), k_intake_narrative);

    // Nothing was filed: no work list entry, no audit entry.
    const auto queue = get("/staff/queue?office=opr", ines.cookie);
    EXPECT_FALSE(contains(queue.body, "/staff/complaints/OPR-")) << queue.body;
    const auto aude = sign_in("aude");
    EXPECT_FALSE(contains(get("/staff/audit", aude.cookie).body, "complaint.entered"));
}

TEST_F(StaffIntake, OnlyIntakeOfficersOfTheOfficeEnterComplaints) {
    const auto ivan = sign_in("ivan");
    EXPECT_EQ(get("/staff/intake/new?office=opr", ivan.cookie).status, 403);
    EXPECT_EQ(enter(ivan, "/staff/intake?office=opr", phone_call("en")).status, 403);
    const auto olga = sign_in("olga");
    EXPECT_EQ(get("/staff/intake/new?office=opr", olga.cookie).status, 404);
    EXPECT_EQ(enter(olga, "/staff/intake?office=opr", phone_call("en")).status, 404);
    // Her own office's form is hers.
    EXPECT_EQ(get("/staff/intake/new", olga.cookie).status, 200);
    const auto aude = sign_in("aude");
    EXPECT_EQ(get("/staff/intake/new", aude.cookie).status, 403);
    EXPECT_FALSE(contains(get("/staff/audit", aude.cookie).body, "complaint.entered"));
}

}  // namespace
}  // namespace redress
