#pragma once
// What the integration tests share: one real server per test suite, a connection to it,
// and the shapes a client checks (references, receipts, JSON errors).

#include <gtest/gtest.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "support/http_client.hpp"
#include "support/server_process.hpp"

namespace redress::testing {

// The fixture of a suite whose tests share one server started with the default settings.
// ctest runs each test in its own process, so in practice each test gets a fresh one.
class ServerSuite : public ::testing::Test {
  protected:
    static void SetUpTestSuite() { s_server = std::make_unique<ServerProcess>(); }
    static void TearDownTestSuite() { s_server.reset(); }

    static ServerProcess& server() { return *s_server; }
    static HttpConnection connect() { return HttpConnection(s_server->port()); }

    void TearDown() override {
        if (HasFailure() && s_server) {
            std::cerr << "--- server log ---\n" << s_server->log() << "--- end of log ---\n";
        }
    }

    inline static std::unique_ptr<ServerProcess> s_server;
};

inline bool is_reference(const std::string& text) {
    static const std::regex k_shape("(OPR|OIG)-[0-9]{4}-[0-9]{6}");
    return std::regex_match(text, k_shape);
}

// Crockford base-32 in five groups of four.
inline bool is_receipt(const std::string& text) {
    static const std::regex k_shape("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}");
    return std::regex_match(text, k_shape);
}

inline nlohmann::json parse_json(const HttpResponse& response) {
    nlohmann::json body = nlohmann::json::parse(response.body, nullptr, false);
    EXPECT_FALSE(body.is_discarded()) << "not JSON: " << response.body;
    return body;
}

// Whether a JSON error body lists `code` on `field`, each error with a message.
inline ::testing::AssertionResult has_error(const nlohmann::json& body, const std::string& field,
                                            const std::string& code) {
    if (!body.is_object() || !body.contains("errors") || !body["errors"].is_array()) {
        return ::testing::AssertionFailure() << "no errors list in " << body.dump();
    }
    for (const auto& error : body["errors"]) {
        if (error.value("field", "?") == field && error.value("code", "?") == code) {
            if (error.value("message", "").empty()) {
                return ::testing::AssertionFailure() << "no message for " << error.dump();
            }
            return ::testing::AssertionSuccess();
        }
    }
    return ::testing::AssertionFailure()
           << "no error {" << field << ", " << code << "} in " << body.dump();
}

struct FiledComplaint {
    std::string reference;
    std::string receipt;
};

// Files {"incident": {"narrative": narrative}} through the API; empty on failure.
inline std::vector<FiledComplaint> file_by_api(HttpConnection& connection,
                                               const nlohmann::json& filing) {
    const HttpResponse response = connection.post_json("/api/v1/complaints", filing.dump());
    EXPECT_EQ(response.status, 201) << response.body;
    std::vector<FiledComplaint> filed;
    if (response.status != 201) return filed;
    const nlohmann::json body = nlohmann::json::parse(response.body, nullptr, false);
    if (body.is_discarded()) return filed;
    for (const auto& complaint : body.value("complaints", nlohmann::json::array())) {
        filed.push_back({complaint.value("reference", ""), body.value("receipt", "")});
    }
    return filed;
}

}  // namespace redress::testing
