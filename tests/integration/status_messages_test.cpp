// The complainant's side of case work, on the status page, over the real SQLite store, the
// real Site, templates and catalogues, in-process (requests go through the router; no
// socket). Staff-side state is made through the storage interfaces the staff services use:
// triage accepts the complaint (opening its case), staff write to the complainant, record
// findings and close the case. The complainant sees the office's message, replies (stored
// sealed: the words are nowhere in the database files), is refused with reasons for blank
// and oversized replies, gets the not-found answer for a wrong receipt with nothing stored,
// and may ask for reconsideration only once the case is closed, which reopens it.

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <future>
#include <iterator>
#include <optional>
#include <regex>
#include <string>

#include "crypto/secret_box.hpp"
#include "http/router.hpp"
#include "i18n/languages.hpp"
#include "intake/complainant_replies.hpp"
#include "intake/intake.hpp"
#include "intake/status_lookup.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "support/sample_deployment.hpp"
#include "support/temp_folder.hpp"
#include "util/await.hpp"
#include "web/site.hpp"

namespace redress {
namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

std::string form_encode(const Fields& fields) {
    std::string out;
    for (const auto& [name, value] : fields) {
        if (!out.empty()) out += '&';
        for (const std::string* part : {&name, &value}) {
            for (const unsigned char c : *part) {
                if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
                    out += static_cast<char>(c);
                } else {
                    static constexpr char k_hex[] = "0123456789ABCDEF";
                    out += '%';
                    out += k_hex[c >> 4];
                    out += k_hex[c & 15];
                }
            }
            if (part == &name) out += '=';
        }
    }
    return out;
}

bool contains(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

// Every byte of the database and its write-ahead log, as a thief of the disk would read them.
std::string database_bytes(const std::filesystem::path& path) {
    std::string all;
    for (const auto& file : {path, std::filesystem::path(path.string() + "-wal")}) {
        std::ifstream in(file, std::ios::binary);
        all.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return all;
}

class StatusMessages : public ::testing::Test {
  protected:
    void SetUp() override {
        crypto::init();
        auto opened =
            storage::sqlite::open({.path = path(), .max_batch = 16, .read_connections = 2});
        ASSERT_TRUE(opened) << opened.error().message;
        m_backend = std::move(*opened);
        auto languages = i18n::Languages::load(REDRESS_SHARE_DIR "/locale", "en");
        ASSERT_TRUE(languages) << languages.error().message;
        m_languages.emplace(std::move(*languages));
        const auto now = [this] { return m_now; };
        m_intake.emplace(m_deployment, *m_backend, m_keys, now);
        m_lookup.emplace(m_deployment, *m_backend, m_keys,
                         intake::ThrottleSettings{.lookups_per_second = 0}, now);
        m_replies.emplace(*m_lookup, *m_backend, m_keys, now);
        m_site.emplace(
            *m_intake, *m_lookup, *m_replies, *m_languages, m_keys.form_token,
            web::SiteSettings{REDRESS_SHARE_DIR "/templates", REDRESS_SHARE_DIR "/static"}, now,
            intake::published_keys(m_keys));
        ASSERT_TRUE(m_site->check());
        m_site->add_routes(m_router);
        file_complaint();
        m_staff = add_staff("ivan");
    }

    std::filesystem::path path() const { return m_folder.path() / "redress.sqlite3"; }

    http::Response request(http::Method method, std::string target, std::string body = {}) {
        http::Request request;
        request.method = method;
        request.target = target;
        request.path = target;
        request.headers.add("Content-Type", "application/x-www-form-urlencoded");
        request.body = std::move(body);
        request.client_address = "192.0.2.7";
        std::promise<http::Response> answered;
        auto response = answered.get_future();
        m_router.handle(std::move(request),
                        [&answered](http::Response r) { answered.set_value(std::move(r)); });
        return response.get();
    }

    std::string token() {
        const auto page = request(http::Method::get, "/status");
        std::smatch match;
        static const std::regex k_token(R"re(name="form_token" value="([^"]+)")re");
        if (!std::regex_search(page.body, match, k_token)) return {};
        return match[1];
    }

    http::Response look_up(const std::string& receipt) {
        return request(http::Method::post, "/status",
                       form_encode({{"lang", "en"},
                                    {"form_token", token()},
                                    {"reference", m_reference},
                                    {"receipt", receipt}}));
    }

    http::Response consent(const std::string& receipt, const std::string& choice) {
        return request(http::Method::post, "/status/consent",
                       form_encode({{"lang", "en"},
                                    {"form_token", token()},
                                    {"reference", m_reference},
                                    {"receipt", receipt},
                                    {"consent", choice}}));
    }

    http::Response send(const std::string& path, const std::string& receipt,
                        const std::string& text) {
        return request(http::Method::post, path,
                       form_encode({{"lang", "en"},
                                    {"form_token", token()},
                                    {"reference", m_reference},
                                    {"receipt", receipt},
                                    {"text", text}}));
    }

    std::string text(std::string_view key) {
        std::string escaped;
        for (const char c : m_languages->fallback().text(key)) {
            if (c == '\'') {
                escaped += "&#39;";
            } else {
                escaped += c;
            }
        }
        return escaped;
    }

    void file_complaint(std::string confidentiality = {}) {
        domain::Filing filing;
        if (!confidentiality.empty()) {
            filing.complainant.confidentiality = confidentiality;
            filing.complainant.name = "Rosa Mendez";
            filing.complainant.phone = "+1 555 0100";
        }
        filing.incident.narrative = "An officer pushed me against the fence at gate 3.";
        filing.incident.categories = {"excessive-force"};
        std::promise<void> filed;
        m_intake->file(std::move(filing), domain::Channel::web,
                       [&](std::expected<intake::Stored, intake::Refusal> result) {
                           EXPECT_TRUE(result);
                           if (result) {
                               m_reference = result->complaints[0].reference;
                               m_receipt = result->receipt.text();
                           }
                           filed.set_value();
                       });
        filed.get_future().get();
    }

    domain::StaffId add_staff(const std::string& username) {
        storage::StaffAccount account;
        account.member.username = username;
        account.member.display_name = "Ivan Investigator";
        account.member.roles = {domain::Role::investigator, domain::Role::intake_officer,
                                domain::Role::supervisor};
        account.member.offices = {"opr"};
        account.member.created_at = m_now;
        account.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";
        auto id = util::await<domain::StaffId>([&](auto done) {
            m_backend->add_staff(
                std::move(account),
                {m_now, "cli:user-add", "staff.added", "staff:" + username, "", ""},
                std::move(done));
        });
        EXPECT_TRUE(id);
        return id ? *id : 0;
    }

    domain::AuditEvent audit(std::string action) {
        return {m_now, "staff:ivan", std::move(action), "complaint:" + m_reference, "", ""};
    }

    // Triage accepts the complaint, which opens its case; the case's id.
    std::int64_t accept() {
        storage::TriageRecord record{.reference = m_reference,
                                     .office_id = "opr",
                                     .staff_id = m_staff,
                                     .actor = "staff:ivan",
                                     .at = m_now,
                                     .decision = {}};
        record.decision.action = domain::TriageAction::accept;
        record.decision.categories = {"excessive-force"};
        record.decision.reason = "Within our remit.";
        const auto accepted = util::await<domain::Status>([&](auto done) {
            m_backend->record_triage(std::move(record), audit("triage.accepted"), std::move(done));
        });
        EXPECT_TRUE(accepted) << (accepted ? "" : accepted.error().message);
        const auto read = util::await<std::optional<storage::StaffComplaint>>(
            [&](auto done) { m_backend->staff_complaint(m_reference, std::move(done)); });
        EXPECT_TRUE(read && *read && (*read)->case_id);
        return read && *read && (*read)->case_id ? *(*read)->case_id : 0;
    }

    void write_to_complainant(const std::string& words) {
        const auto posted = util::await<std::int64_t>([&](auto done) {
            m_backend->post_staff_message({.reference = m_reference,
                                           .office_id = "opr",
                                           .staff_id = m_staff,
                                           .actor = "staff:ivan",
                                           .at = m_now,
                                           .sealed_text = crypto::seal(m_keys.content, words)},
                                          audit("message.sent"), std::move(done));
        });
        ASSERT_TRUE(posted) << posted.error().message;
    }

    // Findings, then the closure with a window of `days` days from now.
    void close_case(std::int64_t case_id, int days) {
        const storage::CaseChange change{.case_id = case_id,
                                         .office_id = "opr",
                                         .staff_id = m_staff,
                                         .actor = "staff:ivan",
                                         .at = m_now};
        const auto found = util::await<domain::CaseState>([&](auto done) {
            m_backend->record_findings(change, {{"excessive-force", domain::Finding::sustained}},
                                       audit("case.findings"), std::move(done));
        });
        ASSERT_TRUE(found) << found.error().message;
        storage::CaseClosure closure;
        closure.at = m_now;
        closure.sealed_text = crypto::seal(m_keys.content, "The officer used force without need.");
        closure.sealed_remedy = crypto::seal(m_keys.content, "The officer was retrained.");
        closure.reconsider_until =
            domain::iso_date(domain::date_of(m_now + std::chrono::days(days)));
        const auto closed = util::await<domain::CaseState>([&](auto done) {
            m_backend->close_case(change, std::move(closure), audit("case.closed"),
                                  std::move(done));
        });
        ASSERT_TRUE(closed) << closed.error().message;
    }

    std::size_t message_rows() {
        auto read = util::await<std::optional<storage::StaffComplaint>>(
            [&](auto done) { m_backend->staff_complaint(m_reference, std::move(done)); });
        EXPECT_TRUE(read && *read);
        return read && *read ? (*read)->messages.size() : 0;
    }

    redress::testing::TempFolder m_folder;
    domain::Timestamp m_now = redress::testing::fixed_now();  // 2026-11-27, UTC deployment
    domain::Deployment m_deployment = redress::testing::sample_deployment();
    crypto::Keys m_keys = redress::testing::fixed_keys();
    std::unique_ptr<storage::Backend> m_backend;
    std::optional<i18n::Languages> m_languages;
    std::optional<intake::Intake> m_intake;
    std::optional<intake::StatusLookup> m_lookup;
    std::optional<intake::ComplainantReplies> m_replies;
    std::optional<web::Site> m_site;
    http::Router m_router;
    std::string m_reference;
    std::string m_receipt;
    domain::StaffId m_staff = 0;
};

TEST_F(StatusMessages, TheComplainantReadsTheOfficeAndRepliesSealed) {
    accept();
    write_to_complainant("Could you tell us the colour of the van?");
    const auto page = look_up(m_receipt);
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_TRUE(contains(page.body, text("messages.from_office")));
    EXPECT_TRUE(contains(page.body, "Could you tell us the colour of the van?"));
    EXPECT_TRUE(contains(page.body, "Within our remit."));  // the reason triage stated
    EXPECT_FALSE(contains(page.body, "Ivan"));

    const std::string reply = "It was a grey van with a dented door.";
    const auto replied = send("/status/messages", m_receipt, reply);
    ASSERT_EQ(replied.status, 200) << replied.body;
    EXPECT_TRUE(contains(replied.body, text("reply.added")));
    EXPECT_TRUE(contains(replied.body, text("messages.from_you")));
    EXPECT_TRUE(contains(replied.body, reply));
    EXPECT_EQ(message_rows(), 2u);
    const std::string stored = database_bytes(path());
    ASSERT_TRUE(contains(stored, m_reference));  // what is stored in the clear is found
    EXPECT_FALSE(contains(stored, "grey van with a dented door"));
    EXPECT_FALSE(contains(stored, "colour of the van"));
    // Looked up again later, the reply is still there, after the office's message.
    const auto again = look_up(m_receipt);
    EXPECT_LT(again.body.find("colour of the van"), again.body.find(reply));
}

TEST_F(StatusMessages, AWrongReceiptIsAnsweredAsAnUnknownReferenceAndStoresNothing) {
    accept();
    std::string wrong = m_receipt;
    wrong[0] = wrong[0] == '7' ? '8' : '7';
    const auto replied = send("/status/messages", wrong, "Let me in.");
    const auto unknown = request(http::Method::post, "/status/messages",
                                 form_encode({{"lang", "en"},
                                              {"form_token", token()},
                                              {"reference", "OPR-2026-999999"},
                                              {"receipt", m_receipt},
                                              {"text", "Let me in."}}));
    EXPECT_EQ(replied.status, 404);
    EXPECT_EQ(unknown.status, 404);
    EXPECT_TRUE(contains(replied.body, text("lookup.not_found")));
    const auto comparable = [](std::string body, const std::string& reference) {
        body = std::regex_replace(body, std::regex(R"re(name="form_token" value="[^"]+")re"), "");
        return std::regex_replace(body, std::regex(reference), "REFERENCE");
    };
    EXPECT_EQ(comparable(replied.body, m_reference), comparable(unknown.body, "OPR-2026-999999"));
    EXPECT_FALSE(contains(replied.body, wrong));
    EXPECT_EQ(message_rows(), 0u);
}

TEST_F(StatusMessages, BlankAndOversizedRepliesAreRefusedWithTheirReason) {
    accept();
    const auto blank = send("/status/messages", m_receipt, " \r\n ");
    EXPECT_EQ(blank.status, 422);
    EXPECT_TRUE(contains(blank.body, text("reply.blank")));
    const auto oversized =
        send("/status/messages", m_receipt, std::string(domain::k_longest_message + 1, 'a'));
    EXPECT_EQ(oversized.status, 422);
    EXPECT_TRUE(contains(oversized.body, text("reply.too_long")));
    EXPECT_EQ(message_rows(), 0u);
}

TEST_F(StatusMessages, ReconsiderationIsTakenOnlyAfterClosureWithinTheWindowAndReopens) {
    const auto case_id = accept();
    const auto early = send("/status/reconsideration", m_receipt, "Please look again.");
    EXPECT_EQ(early.status, 409);
    EXPECT_TRUE(contains(early.body, text("reconsider.not_open")));
    EXPECT_EQ(message_rows(), 0u);

    close_case(case_id, 20);
    m_now += std::chrono::days(5);
    const auto closed = look_up(m_receipt);
    ASSERT_EQ(closed.status, 200);
    EXPECT_TRUE(contains(closed.body, text("finding.sustained")));
    EXPECT_TRUE(contains(closed.body, "The officer used force without need."));
    EXPECT_TRUE(contains(closed.body, "The officer was retrained."));
    EXPECT_TRUE(contains(closed.body, "until 2026-12-17. Say why."));

    const auto asked = send("/status/reconsideration", m_receipt, "A witness has come forward.");
    ASSERT_EQ(asked.status, 200) << asked.body;
    EXPECT_TRUE(contains(asked.body, text("reconsider.added")));
    EXPECT_TRUE(contains(asked.body, "<strong>" + text("status.investigating") + "</strong>"));
    EXPECT_FALSE(contains(asked.body, "action=\"/status/reconsideration\""));
    EXPECT_EQ(message_rows(), 1u);
    const auto file = util::await<std::optional<storage::CaseFile>>(
        [&](auto done) { m_backend->case_file(case_id, std::move(done)); });
    ASSERT_TRUE(file && *file);
    EXPECT_EQ((*file)->state, domain::CaseState::open);
}

TEST_F(StatusMessages, AfterTheWindowReconsiderationIsRefused) {
    close_case(accept(), 3);
    m_now += std::chrono::days(4);
    const auto page = look_up(m_receipt);
    EXPECT_TRUE(contains(page.body, "ended on 2026-11-30."));
    const auto late = send("/status/reconsideration", m_receipt, "Please look again.");
    EXPECT_EQ(late.status, 409);
    EXPECT_EQ(message_rows(), 0u);
}

// Only a confidential complainant is asked whether a referral may pass on who they are; the
// answer is theirs, given and withdrawn with the receipt, each in the audit trail.
TEST_F(StatusMessages, AConfidentialComplainantGivesAndWithdrawsConsentToPassingTheirIdentity) {
    const auto anonymous = look_up(m_receipt);
    ASSERT_EQ(anonymous.status, 200);
    EXPECT_FALSE(contains(anonymous.body, "action=\"/status/consent\""));
    EXPECT_EQ(consent(m_receipt, "given").status, 409);  // nothing to consent to

    file_complaint("confidential");
    const auto page = look_up(m_receipt);
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_TRUE(contains(page.body, text("consent.now_not_given")));
    EXPECT_TRUE(contains(page.body, "action=\"/status/consent\""));

    // A wrong receipt is answered as an unknown reference; nothing is recorded.
    const auto guessed = consent("AAAA-AAAA-AAAA-AAAA-AAAA", "given");
    EXPECT_EQ(guessed.status, 404);
    EXPECT_TRUE(contains(look_up(m_receipt).body, text("consent.now_not_given")));
    // A choice that is neither is refused.
    EXPECT_EQ(consent(m_receipt, "perhaps").status, 400);

    const auto given = consent(m_receipt, "given");
    ASSERT_EQ(given.status, 200) << given.body;
    EXPECT_TRUE(contains(given.body, text("consent.recorded_given")));
    EXPECT_TRUE(contains(given.body, text("consent.now_given")));
    const auto found = util::await<std::optional<domain::ComplaintRecord>>(
        [&](auto done) { m_backend->find_complaint(m_reference, std::move(done)); });
    ASSERT_TRUE(found && *found);
    EXPECT_TRUE((*found)->identity_consent);
    EXPECT_EQ((*found)->confidentiality, "confidential");

    const auto withdrawn = consent(m_receipt, "withdrawn");
    ASSERT_EQ(withdrawn.status, 200);
    EXPECT_TRUE(contains(withdrawn.body, text("consent.now_not_given")));
    const auto trail = util::await<std::vector<domain::AuditEntry>>(
        [&](auto done) { m_backend->audit_entries(0, 100, std::move(done)); });
    ASSERT_TRUE(trail);
    std::size_t consents = 0;
    for (const auto& entry : *trail) {
        consents += entry.event.action.starts_with("identity.consent_");
        EXPECT_FALSE(contains(entry.event.details, "Rosa"));
    }
    EXPECT_EQ(consents, 2u);
}

}  // namespace
}  // namespace redress
