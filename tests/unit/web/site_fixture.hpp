#pragma once
// A Site over a real Intake and StatusLookup with an in-memory store, the project's real
// catalogues and templates, and a clock the test controls. Requests go through the Router
// with a synchronous responder: no network.

#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "crypto/keys.hpp"
#include "http/router.hpp"
#include "i18n/languages.hpp"
#include "intake/intake.hpp"
#include "intake/status_lookup.hpp"
#include "support/memory_store.hpp"
#include "support/sample_deployment.hpp"
#include "web/site.hpp"

namespace redress::web::testing {

inline util::LocalizedText both(std::string en, std::string es) {
    return util::LocalizedText({{"en", std::move(en)}, {"es", std::move(es)}});
}

inline domain::Deployment web_deployment() {
    domain::Deployment d;
    domain::Office opr;
    opr.id = "opr";
    opr.reference_prefix = "OPR";
    opr.name =
        both("Office of Professional Responsibility", "Oficina de Responsabilidad Profesional");
    opr.handles = both("Misconduct by employees", "Mala conducta de empleados");
    opr.contact = {"+1 877 246 8253", "opr@example.org", "500 12th St SW\nWashington, DC",
                   "https://opr.example.org/"};
    opr.service_levels = {2, 10, 30, 90, domain::DayCount::business};
    domain::Office oig;
    oig.id = "oig";
    oig.reference_prefix = "OIG";
    oig.name = both("Office of Inspector General", "Oficina del Inspector General");
    oig.handles = both("Corruption, fraud and reprisal", "Corrupción, fraude y represalias");
    oig.service_levels = {1, 7, 14, 120, domain::DayCount::calendar};
    domain::Office police;
    police.id = "police";
    police.reference_prefix = "POL";
    police.kind = domain::OfficeKind::external;
    police.web_filing = domain::WebFiling::not_accepted;
    police.name = both("State Police", "Policía estatal");
    police.handles = both("Crimes", "Delitos");
    d.offices = {opr, oig, police};
    d.categories = {
        {"excessive-force", both("Excessive force", "Uso excesivo de la fuerza")},
        {"bribery", both("Bribery or corruption", "Soborno o corrupción")},
    };
    domain::RoutingRule corruption;
    corruption.id = "corruption";
    corruption.categories_any = {"bribery"};
    corruption.offices = {"oig"};
    corruption.priority = 10;
    corruption.explanation = both("The Inspector General investigates corruption.",
                                  "El Inspector General investiga la corrupción.");
    d.rules = {corruption};
    d.default_office = "opr";
    return d;
}

// x-www-form-urlencoded, as a browser sends it.
inline std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields) {
    std::string out;
    for (const auto& [name, value] : fields) {
        if (!out.empty()) out += '&';
        for (const std::string* part : {&name, &value}) {
            for (const unsigned char c : *part) {
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.' || c == '~') {
                    out += static_cast<char>(c);
                } else if (c == ' ') {
                    out += '+';
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

using Fields = std::vector<std::pair<std::string, std::string>>;

class SiteTest : public ::testing::Test {
  protected:
    SiteTest() {
        crypto::init();
        m_keys.identity.fill(1);
        m_keys.receipt_hash.fill(2);
        m_keys.form_token.fill(3);
        auto languages = i18n::Languages::load(REDRESS_SHARE_DIR "/locale", "en");
        if (!languages) throw std::runtime_error(languages.error().message);
        m_languages.emplace(std::move(*languages));
        m_site.emplace(
            m_intake, m_status, m_replies, *m_languages, m_keys.form_token,
            SiteSettings{REDRESS_SHARE_DIR "/templates", REDRESS_SHARE_DIR "/static",
                         std::chrono::hours(12)},
            [this] { return m_now; }, intake::published_keys(m_keys));
        m_site->add_routes(m_router);
    }

    void SetUp() override { ASSERT_TRUE(m_site->check()) << m_site->check().error().message; }

    http::Response request(http::Method method, std::string target, std::string body = {},
                           std::vector<std::pair<std::string, std::string>> headers = {}) {
        http::Request request;
        request.method = method;
        request.target = target;
        const auto question = target.find('?');
        request.path = target.substr(0, question);
        request.query = question == std::string::npos ? "" : target.substr(question + 1);
        for (auto& [name, value] : headers) request.headers.add(name, value);
        request.body = std::move(body);
        std::optional<http::Response> response;
        m_router.handle(std::move(request), [&](http::Response r) { response = std::move(r); });
        if (!response) throw std::runtime_error("no response");
        return std::move(*response);
    }

    http::Response get(std::string target,
                       std::vector<std::pair<std::string, std::string>> headers = {}) {
        return request(http::Method::get, std::move(target), {}, std::move(headers));
    }

    http::Response post(std::string target, const Fields& fields) {
        return request(http::Method::post, std::move(target), form_encode(fields),
                       {{"Content-Type", "application/x-www-form-urlencoded"}});
    }

    // The form token of the page at `target`, as a browser would send it back.
    std::string token_from(const http::Response& response) {
        static const std::regex k_token(R"re(name="form_token" value="([^"]+)")re");
        std::smatch match;
        if (!std::regex_search(response.body, match, k_token)) return {};
        return match[1];
    }

    std::string fresh_token(const std::string& target = "/complaint") {
        return token_from(get(target));
    }

    // A valid filing's fields with a fresh token.
    Fields valid_filing(std::string action) {
        return {{"lang", "en"},
                {"form_token", fresh_token()},
                {"complainant.confidentiality", "anonymous"},
                {"incident.date", "2026-11-20"},
                {"incident.place", "Checkpoint on Route 9"},
                {"incident.narrative", "An agent pushed me to the ground.\nThen he laughed."},
                {"incident.categories", "excessive-force"},
                {"subjects[0].badge", "4471"},
                {"action", std::move(action)}};
    }

    const i18n::Catalogue& catalogue(std::string_view language) {
        return *m_languages->find(language);
    }
    std::string text(std::string_view language, std::string_view key) {
        return std::string(catalogue(language).text(key));
    }

    domain::Timestamp m_now =
        std::chrono::sys_days(std::chrono::year(2026) / 11 / 27) + std::chrono::hours(20);
    domain::Deployment m_deployment = web_deployment();
    redress::testing::MemoryStore m_store;
    crypto::Keys m_keys = redress::testing::fixed_keys();
    intake::Intake m_intake{m_deployment, m_store, m_keys, [this] { return m_now; }};
    intake::StatusLookup m_status{m_deployment, m_store, m_keys, {}, [this] { return m_now; }};
    intake::ComplainantReplies m_replies{m_status, m_store, m_keys, [this] { return m_now; }};
    std::optional<i18n::Languages> m_languages;
    std::optional<Site> m_site;
    http::Router m_router;
};

// Escapes text as the templates do in HTML text and quoted attributes.
inline std::string html_escaped(std::string_view text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '&':
                out += "&amp;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

// The receipt on a confirmation page, as a person would copy it ("" when none).
inline std::string receipt_in(const std::string& body) {
    static const std::regex k_receipt(R"re(<p class="receipt" dir="ltr">(.*?)</p>)re");
    std::smatch match;
    if (!std::regex_search(body, match, k_receipt)) return {};
    return std::regex_replace(std::string(match[1]), std::regex("<[^>]*>"), "");
}

inline bool contains(const std::string& haystack, std::string_view needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace redress::web::testing
