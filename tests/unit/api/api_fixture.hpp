#pragma once
// An Api over intake with an in-memory store and a small two-office deployment, called
// through the router with a responder that hands the response back: no network.

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "api/complaints_api.hpp"
#include "crypto/keys.hpp"
#include "domain/deployment.hpp"
#include "http/router.hpp"
#include "i18n/languages.hpp"
#include "intake/intake.hpp"
#include "intake/status_lookup.hpp"
#include "support/memory_store.hpp"
#include "support/sample_deployment.hpp"

namespace redress::api::test_support {

using nlohmann::json;

inline util::LocalizedText both(std::string en, std::string es) {
    return util::LocalizedText({{"en", std::move(en)}, {"es", std::move(es)}});
}

inline domain::Deployment small_deployment() {
    domain::Deployment deployment;
    domain::Office opr;
    opr.id = "opr";
    opr.reference_prefix = "OPR";
    opr.name =
        both("Office of Professional Responsibility", "Oficina de Responsabilidad Profesional");
    opr.handles = both("Employee misconduct", "Mala conducta de empleados");
    opr.contact.phone = "+1 555 0100";
    opr.contact.email = "opr@example.org";
    opr.service_levels = {5, 10, 30, 180, domain::DayCount::business};
    domain::Office oig;
    oig.id = "oig";
    oig.reference_prefix = "OIG";
    oig.kind = domain::OfficeKind::external;
    oig.name = both("Office of Inspector General", "Oficina del Inspector General");
    oig.handles = both("Corruption and fraud", "Corrupción y fraude");
    oig.contact.web = "https://oig.example.org";
    oig.service_levels = {3, 15, 30, 365, domain::DayCount::calendar};
    deployment.offices = {opr, oig};
    deployment.categories = {
        {"excessive-force", both("Excessive force", "Uso excesivo de la fuerza")},
        {"corruption", both("Corruption", "Corrupción")},
    };
    domain::RoutingRule rule;
    rule.id = "corruption-to-oig";
    rule.categories_any = {"corruption"};
    rule.offices = {"oig"};
    rule.explanation = both("The inspector general handles corruption.",
                            "El inspector general se ocupa de la corrupción.");
    deployment.rules = {rule};
    deployment.default_office = "opr";
    return deployment;
}

// 2026-03-02T10:00:00Z, a Monday.
inline domain::Timestamp fixed_now() {
    using namespace std::chrono;
    return sys_days{year{2026} / March / 2} + hours{10};
}

class ApiTest : public ::testing::Test {
  protected:
    void SetUp() override {
        crypto::init();
        auto loaded = i18n::Languages::load(REDRESS_SHARE_DIR "/locale", "en");
        ASSERT_TRUE(loaded.has_value()) << loaded.error().message;
        m_languages = std::make_unique<i18n::Languages>(std::move(*loaded));
        m_intake = std::make_unique<intake::Intake>(m_deployment, m_store, m_keys, fixed_now);
        m_status = std::make_unique<intake::StatusLookup>(m_deployment, m_store, m_keys);
        m_api = std::make_unique<Api>(*m_intake, *m_status, *m_languages,
                                      intake::published_keys(m_keys));
        m_api->add_routes(m_router);
    }

    http::Response call(http::Method method, std::string path, std::string body,
                        std::vector<std::pair<std::string, std::string>> headers = {}) {
        http::Request request;
        request.method = method;
        request.target = path;
        if (auto query = path.find('?'); query != std::string::npos) {
            request.query = path.substr(query + 1);
            path.resize(query);
        }
        request.path = std::move(path);
        request.body = std::move(body);
        for (auto& [name, value] : headers) request.headers.add(std::move(name), std::move(value));
        std::promise<http::Response> answered;
        std::future<http::Response> answer = answered.get_future();
        m_router.handle(std::move(request),
                        [answered = std::move(answered)](http::Response response) mutable {
                            answered.set_value(std::move(response));
                        });
        if (answer.wait_for(std::chrono::seconds(10)) != std::future_status::ready) {
            ADD_FAILURE() << "no response within 10 s";
            return http::Response::text(599, "");
        }
        return answer.get();
    }

    // A JSON POST with `extra` headers besides the content type.
    http::Response post(std::string path, const std::string& body,
                        std::vector<std::pair<std::string, std::string>> extra = {}) {
        extra.emplace_back("Content-Type", "application/json");
        return call(http::Method::post, std::move(path), body, std::move(extra));
    }

    http::Response file(const json& filing,
                        std::vector<std::pair<std::string, std::string>> extra = {}) {
        return post("/api/v1/complaints", filing.dump(), std::move(extra));
    }

    static json body_of(const http::Response& response) {
        return json::parse(response.body, nullptr, false);
    }

    const i18n::Catalogue& catalogue(std::string_view language) const {
        const i18n::Catalogue* found = m_languages->find(language);
        EXPECT_NE(found, nullptr) << language;
        return found != nullptr ? *found : m_languages->fallback();
    }

    domain::Deployment m_deployment = small_deployment();
    redress::testing::MemoryStore m_store;
    crypto::Keys m_keys = redress::testing::fixed_keys();
    std::unique_ptr<i18n::Languages> m_languages;
    std::unique_ptr<intake::Intake> m_intake;
    std::unique_ptr<intake::StatusLookup> m_status;
    std::unique_ptr<Api> m_api;
    http::Router m_router;
};

}  // namespace redress::api::test_support
