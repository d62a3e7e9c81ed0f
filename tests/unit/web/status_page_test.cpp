#include "crypto/secret_box.hpp"
#include "site_fixture.hpp"

namespace redress::web::testing {
namespace {

class StatusPage : public SiteTest {
  protected:
    // Files a complaint with OPR and returns its receipt.
    std::string file_one() {
        const auto response = post("/complaint", valid_filing("file"));
        const std::string receipt = receipt_in(response.body);
        EXPECT_FALSE(receipt.empty());
        return receipt;
    }

    http::Response look_up(const std::string& reference, const std::string& receipt) {
        return post("/status", {{"lang", "en"},
                                {"form_token", fresh_token("/status")},
                                {"reference", reference},
                                {"receipt", receipt}});
    }

    // The body without what differs between two renderings by design: the form token and
    // the reference the complainant typed.
    static std::string comparable(std::string body, const std::string& reference) {
        body = std::regex_replace(body, std::regex(R"re(name="form_token" value="[^"]+")re"),
                                  "name=\"form_token\" value=\"\"");
        for (std::size_t at; (at = body.find(reference)) != std::string::npos;) {
            body.replace(at, reference.size(), "REFERENCE");
        }
        return body;
    }
};

TEST_F(StatusPage, TheFormAsksForReferenceAndReceiptByPost) {
    const auto response = get("/status");
    ASSERT_EQ(response.status, 200);
    EXPECT_TRUE(contains(response.body, "<form method=\"post\" action=\"/status\""));
    EXPECT_TRUE(contains(response.body, "<label for=\"f-reference\">"));
    EXPECT_TRUE(contains(response.body, "<label for=\"f-receipt\">"));
}

TEST_F(StatusPage, AnAcknowledgmentNotGivenInTimeIsSaidToHaveBeenDue) {
    const std::string receipt = file_one();
    // Two business days after Friday 27 November end with Tuesday 1 December; on the
    // Wednesday nothing has happened yet.
    m_now += std::chrono::days(5);
    const auto response = look_up("opr-2026-000001", receipt);
    ASSERT_EQ(response.status, 200) << response.body;
    std::string owed = text("en", "owed.acknowledge.was_due");
    owed.replace(owed.find("{date}"), 6, "2026-12-01");
    EXPECT_TRUE(contains(response.body, html_escaped(owed))) << response.body;
    EXPECT_TRUE(contains(response.body, "class=\"next-step late\""));
}

TEST_F(StatusPage, TheRightReceiptShowsStatusTimelineAndWhatIsOwed) {
    const std::string receipt = file_one();
    const auto response = look_up("opr-2026-000001", receipt);
    ASSERT_EQ(response.status, 200) << response.body;
    const std::string& body = response.body;
    EXPECT_TRUE(contains(body, "OPR-2026-000001"));
    EXPECT_TRUE(contains(body, "Office of Professional Responsibility"));
    EXPECT_TRUE(
        contains(body, "<strong>" + html_escaped(text("en", "status.received")) + "</strong>"));
    EXPECT_TRUE(contains(body, "<time datetime=\"2026-11-27\" dir=\"ltr\">2026-11-27</time> " +
                                   html_escaped(text("en", "status.received"))));
    // What is owed next, by the office's service levels: an acknowledgment within two
    // business days of Friday 27 November.
    std::string owed = text("en", "owed.acknowledge.due_by");
    owed.replace(owed.find("{date}"), 6, "2026-12-01");
    EXPECT_TRUE(contains(body, html_escaped(owed))) << body;
    // The receipt is carried only in the reply form's hidden field, never shown.
    const std::string hidden = "<input type=\"hidden\" name=\"receipt\" value=\"" + receipt + "\">";
    EXPECT_TRUE(contains(body, hidden));
    EXPECT_FALSE(contains(std::regex_replace(body, std::regex(hidden), ""), receipt));
}

TEST_F(StatusPage, AWrongReceiptAndAnUnknownReferenceLookTheSame) {
    const std::string receipt = file_one();
    std::string wrong = receipt;
    wrong[0] = wrong[0] == '7' ? '8' : '7';
    const auto wrong_receipt = look_up("OPR-2026-000001", wrong);
    const auto unknown = look_up("OPR-2026-000999", receipt);
    EXPECT_EQ(wrong_receipt.status, 404);
    EXPECT_EQ(unknown.status, 404);
    EXPECT_TRUE(contains(wrong_receipt.body, html_escaped(text("en", "lookup.not_found"))));
    EXPECT_EQ(comparable(wrong_receipt.body, "OPR-2026-000001"),
              comparable(unknown.body, "OPR-2026-000999"));
    // The reference typed is kept; the receipt is never echoed back.
    EXPECT_TRUE(contains(unknown.body, "value=\"OPR-2026-000999\""));
    EXPECT_FALSE(contains(unknown.body, receipt));
    EXPECT_FALSE(contains(wrong_receipt.body, wrong));
}

TEST_F(StatusPage, AnExpiredTokenLooksNothingUp) {
    const std::string receipt = file_one();
    const std::string token = fresh_token("/status");
    m_now += std::chrono::hours(13);
    const auto response = post("/status", {{"lang", "en"},
                                           {"form_token", token},
                                           {"reference", "OPR-2026-000001"},
                                           {"receipt", receipt}});
    EXPECT_EQ(response.status, 400);
    EXPECT_TRUE(contains(response.body, html_escaped(text("en", "form.expired"))));
    EXPECT_FALSE(contains(response.body, html_escaped(text("en", "status.received"))));
}

TEST_F(StatusPage, AStorageFailureIsAServiceProblem) {
    const std::string receipt = file_one();
    m_store.set_failing(true);
    const auto response = look_up("OPR-2026-000001", receipt);
    EXPECT_EQ(response.status, 503);
    EXPECT_TRUE(contains(response.body, html_escaped(text("en", "lookup.unavailable"))));
}

TEST_F(StatusPage, SpeaksSpanish) {
    const std::string receipt = file_one();
    const auto response = post("/status", {{"lang", "es"},
                                           {"form_token", fresh_token("/status")},
                                           {"reference", "OPR-2026-000001"},
                                           {"receipt", receipt}});
    ASSERT_EQ(response.status, 200);
    EXPECT_TRUE(contains(response.body, "<html lang=\"es\" dir=\"ltr\">"));
    EXPECT_TRUE(contains(response.body, html_escaped(text("es", "status.received"))));
}

// The status page's forms post the reference and receipt back: as a browser would.
class StatusReplies : public StatusPage {
  protected:
    http::Response reply(const std::string& receipt, const std::string& text,
                         const std::string& path = "/status/messages",
                         const std::string& language = "en") {
        return post(path, {{"lang", language},
                           {"form_token", fresh_token("/status")},
                           {"reference", "OPR-2026-000001"},
                           {"receipt", receipt},
                           {"text", text}});
    }

    void close_with_window(domain::Timestamp until) {
        domain::SealedOutcome outcome;
        outcome.findings = {{"excessive-force", domain::Finding::exonerated},
                            {"bribery", domain::Finding::unfounded}};
        outcome.sealed_text = crypto::seal(m_keys.content, "The force used was within policy.");
        outcome.sealed_remedy = crypto::seal(m_keys.content, "");
        outcome.reconsider_until = domain::iso_date(domain::date_of(until));
        m_store.close("OPR-2026-000001", m_now, std::move(outcome), "Investigation completed.");
    }
};

TEST_F(StatusReplies, AStaffMessageShowsAsTheOfficesAndTheReplyFormCarriesTheReceipt) {
    const std::string receipt = file_one();
    m_store.post_staff_message(
        {.reference = "OPR-2026-000001",
         .office_id = "opr",
         .staff_id = 3,
         .actor = "staff:ines",
         .at = m_now,
         .sealed_text = crypto::seal(m_keys.content, "Did you <see> a badge?")},
        {}, [](auto&&) {});
    const auto response = look_up("OPR-2026-000001", receipt);
    ASSERT_EQ(response.status, 200);
    EXPECT_TRUE(contains(response.body, html_escaped(text("en", "messages.from_office"))));
    EXPECT_TRUE(contains(response.body, "Did you &lt;see&gt; a badge?"));
    EXPECT_FALSE(contains(response.body, "ines"));
    EXPECT_TRUE(contains(response.body, "<form method=\"post\" action=\"/status/messages\""));
    EXPECT_FALSE(contains(response.body, "action=\"/status/reconsideration\""));
    // The reply form is a working form: the language and a form token ride along.
    const auto form = response.body.substr(response.body.find("action=\"/status/messages\""));
    const std::string token = token_from(response);
    ASSERT_FALSE(token.empty());
    EXPECT_TRUE(contains(form, "name=\"form_token\" value=\"" + token + "\""));
    EXPECT_TRUE(contains(form, "name=\"lang\" value=\"en\""));
    EXPECT_TRUE(contains(form, "name=\"reference\" value=\"OPR-2026-000001\""));
}

TEST_F(StatusReplies, AReplyIsAddedAndShown) {
    const std::string receipt = file_one();
    const auto response = reply(receipt, "Yes: badge 4471, a grey van.");
    ASSERT_EQ(response.status, 200) << response.body;
    EXPECT_TRUE(contains(response.body, html_escaped(text("en", "reply.added"))));
    EXPECT_TRUE(contains(response.body, html_escaped(text("en", "messages.from_you"))));
    EXPECT_TRUE(contains(response.body, "Yes: badge 4471, a grey van."));
    EXPECT_EQ(m_store.messages("OPR-2026-000001").size(), 1u);
}

TEST_F(StatusReplies, AWrongReceiptGetsTheAnswerOfAnUnknownReference) {
    const std::string receipt = file_one();
    std::string wrong = receipt;
    wrong[0] = wrong[0] == '7' ? '8' : '7';
    const auto replied = reply(wrong, "Let me in.");
    const auto looked_up = look_up("OPR-2026-000001", wrong);
    EXPECT_EQ(replied.status, 404);
    EXPECT_EQ(comparable(replied.body, "OPR-2026-000001"),
              comparable(looked_up.body, "OPR-2026-000001"));
    EXPECT_FALSE(contains(replied.body, wrong));
    EXPECT_FALSE(contains(replied.body, "Let me in."));
    EXPECT_TRUE(m_store.messages("OPR-2026-000001").empty());
}

TEST_F(StatusReplies, ABlankOrLongReplyIsRefusedWithItsReason) {
    const std::string receipt = file_one();
    const auto blank = reply(receipt, "   ");
    EXPECT_EQ(blank.status, 422);
    EXPECT_TRUE(contains(blank.body, html_escaped(text("en", "reply.blank"))));
    const std::string long_text(domain::k_longest_message + 1, 'x');
    const auto too_long = reply(receipt, long_text);
    EXPECT_EQ(too_long.status, 422);
    EXPECT_TRUE(contains(too_long.body, html_escaped(text("en", "reply.too_long"))));
    EXPECT_TRUE(contains(too_long.body, long_text));  // kept, to be shortened
    EXPECT_TRUE(m_store.messages("OPR-2026-000001").empty());
}

TEST_F(StatusReplies, TheOutcomeShowsFindingsInPlainWordsAndTheWindow) {
    const std::string receipt = file_one();
    close_with_window(m_now + std::chrono::days(30));
    const auto response = look_up("OPR-2026-000001", receipt);
    ASSERT_EQ(response.status, 200);
    const std::string& body = response.body;
    EXPECT_TRUE(contains(
        body, "Excessive force:</strong> " + html_escaped(text("en", "finding.exonerated"))));
    EXPECT_TRUE(contains(body, html_escaped(text("en", "finding.unfounded"))));
    EXPECT_TRUE(contains(body, "The force used was within policy."));
    EXPECT_TRUE(contains(body, "Investigation completed."));  // the event's note
    EXPECT_TRUE(contains(body, "until 2026-12-27. Say why."));
    EXPECT_TRUE(contains(body, "action=\"/status/reconsideration\""));
}

TEST_F(StatusReplies, ReconsiderationReopensWithinTheWindowOnly) {
    const std::string receipt = file_one();
    const auto early = reply(receipt, "Look again.", "/status/reconsideration");
    EXPECT_EQ(early.status, 409);
    EXPECT_TRUE(contains(early.body, html_escaped(text("en", "reconsider.not_open"))));
    close_with_window(m_now + std::chrono::days(30));
    const auto asked = reply(receipt, "A witness came forward.", "/status/reconsideration");
    ASSERT_EQ(asked.status, 200) << asked.body;
    EXPECT_TRUE(contains(asked.body, html_escaped(text("en", "reconsider.added"))));
    EXPECT_TRUE(contains(
        asked.body, "<strong>" + html_escaped(text("en", "status.investigating")) + "</strong>"));
    EXPECT_TRUE(contains(asked.body, "A witness came forward."));
}

TEST_F(StatusReplies, AfterTheWindowThePageSaysWhenItClosed) {
    const std::string receipt = file_one();
    close_with_window(m_now + std::chrono::days(3));
    m_now += std::chrono::days(4);
    const auto response = look_up("OPR-2026-000001", receipt);
    ASSERT_EQ(response.status, 200);
    EXPECT_TRUE(contains(response.body, "ended on 2026-11-30."));
    EXPECT_FALSE(contains(response.body, "action=\"/status/reconsideration\""));
}

TEST_F(StatusReplies, APostFromAnotherSiteIsRefusedAndStoresNothing) {
    const std::string receipt = file_one();
    for (const std::string path : {"/status/messages", "/status/reconsideration"}) {
        const auto response = request(http::Method::post, path,
                                      form_encode({{"form_token", fresh_token("/status")},
                                                   {"reference", "OPR-2026-000001"},
                                                   {"receipt", receipt},
                                                   {"text", "Forged."}}),
                                      {{"Content-Type", "application/x-www-form-urlencoded"},
                                       {"Sec-Fetch-Site", "cross-site"}});
        EXPECT_EQ(response.status, 403) << path;
    }
    EXPECT_TRUE(m_store.messages("OPR-2026-000001").empty());
}

TEST_F(StatusReplies, AnExpiredTokenStoresNothing) {
    const std::string receipt = file_one();
    const std::string token = fresh_token("/status");
    m_now += std::chrono::hours(13);
    const auto response = post("/status/messages", {{"lang", "en"},
                                                    {"form_token", token},
                                                    {"reference", "OPR-2026-000001"},
                                                    {"receipt", receipt},
                                                    {"text", "Late."}});
    EXPECT_EQ(response.status, 400);
    EXPECT_TRUE(contains(response.body, html_escaped(text("en", "form.expired"))));
    EXPECT_FALSE(contains(response.body, receipt));
    EXPECT_TRUE(m_store.messages("OPR-2026-000001").empty());
}

TEST_F(StatusReplies, ArabicKeepsTheDateLeftToRight) {
    const std::string receipt = file_one();
    close_with_window(m_now + std::chrono::days(30));
    const auto response = post("/status", {{"lang", "ar"},
                                           {"form_token", fresh_token("/status")},
                                           {"reference", "OPR-2026-000001"},
                                           {"receipt", receipt}});
    ASSERT_EQ(response.status, 200);
    EXPECT_TRUE(contains(response.body,
                         "\xE2\x81\xA6"
                         "2026-12-27"
                         "\xE2\x81\xA9"));
    EXPECT_TRUE(contains(response.body, html_escaped(text("ar", "reconsider.heading"))));
}

}  // namespace
}  // namespace redress::web::testing
