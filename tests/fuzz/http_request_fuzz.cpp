// Fuzz target: the HTTP request path. Bytes as they arrive on a connection are read by
// Beast's request parser with the server's default limits, as http::Server reads them
// (header first, then the body; up to four pipelined requests), turned into an
// http::Request through http::parse_target, and handed to the real router with the real
// web::Site and api::Api over intake and an in-memory store. The store is fresh for each
// input, holding one known complaint (OPR-2026-000001 with k_known_receipt) so that status
// look-ups can succeed. Every request must be answered synchronously, exactly once, with a
// status the server can send but no server error (the store is healthy), JSON when it says
// JSON, and headers the server accepts (no header injection); a handler that throws is a
// failure too (the server would answer 500).
//
// REDRESS_FUZZ_VERBOSE=1 prints each request's method, path and status, and the response
// body, on stderr: how the seeds' form token was obtained.

#include <spdlog/spdlog.h>

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "api/complaints_api.hpp"
#include "crypto/keyed_hash.hpp"
#include "crypto/keys.hpp"
#include "domain/receipt.hpp"
#include "fuzz/fuzz_check.hpp"
#include "http/response_head.hpp"
#include "http/router.hpp"
#include "http/security_headers.hpp"
#include "http/server.hpp"
#include "http/target.hpp"
#include "i18n/languages.hpp"
#include "intake/intake.hpp"
#include "intake/status_lookup.hpp"
#include "support/memory_store.hpp"
#include "support/sample_deployment.hpp"
#include "web/form_token.hpp"
#include "web/site.hpp"

namespace {

namespace bhttp = boost::beast::http;
using namespace redress;
using fuzz::require;

constexpr std::string_view k_known_receipt = "7KQ2-MZ8D-0TFA-X3RC-94HN";  // OPR-2026-000001
// The form token in the corpus's POSTs, issued with the fixed key at the fixed time.
constexpr std::string_view k_corpus_token =
    "AAAAAGsJcMCK3DLgcqklwZWAQl90FAiMV-OW1xcxAmyhvWATvnuEFA";
constexpr std::chrono::hours k_token_lifetime{12};
constexpr int k_max_pipelined = 4;

// A Store whose contents a fuzz input cannot leave to the next one.
class FreshStore final : public storage::Store, public storage::Correspondence {
  public:
    void reset(const crypto::Keys& keys) {
        m_store = std::make_unique<testing::MemoryStore>();
        domain::ReceivedFiling known;
        known.channel = domain::Channel::web;
        known.language = "en";
        known.received_at = testing::fixed_now();
        known.receipt_hash = crypto::keyed_hash(
            keys.receipt_hash, domain::Receipt::parse(k_known_receipt)->canonical());
        known.destinations = {{"opr", "OPR"}};
        m_store->record(std::move(known), [](auto) {});
    }

    void record(domain::ReceivedFiling filing, storage::RecordDone done) override {
        m_store->record(std::move(filing), std::move(done));
    }
    void find_complaint(std::string reference, storage::FindDone done) override {
        m_store->find_complaint(std::move(reference), std::move(done));
    }
    bool healthy() override { return m_store->healthy(); }
    util::Expected<std::optional<storage::KeyCheck>> key_check() override {
        return m_store->key_check();
    }
    util::Expected<void> adopt_key_check(const storage::KeyCheck& check) override {
        return m_store->adopt_key_check(check);
    }
    util::Expected<bool> holds_filings() override { return m_store->holds_filings(); }
    util::Expected<std::vector<storage::UnsealedAccount>> unsealed_accounts(
        std::size_t max) override {
        return m_store->unsealed_accounts(max);
    }
    util::Expected<void> seal_accounts(const std::vector<storage::SealedAccount>& sealed) override {
        return m_store->seal_accounts(sealed);
    }
    void post_staff_message(storage::StaffMessageRecord record, domain::AuditEvent audit,
                            storage::Done<std::int64_t> done) override {
        m_store->post_staff_message(std::move(record), std::move(audit), std::move(done));
    }
    void post_complainant_message(storage::ComplainantMessageRecord record,
                                  domain::AuditEvent audit,
                                  storage::Done<std::int64_t> done) override {
        m_store->post_complainant_message(std::move(record), std::move(audit), std::move(done));
    }
    void record_consent(storage::ConsentRecord record, domain::AuditEvent audit,
                        storage::Done<bool> done) override {
        m_store->record_consent(std::move(record), std::move(audit), std::move(done));
    }

  private:
    std::unique_ptr<testing::MemoryStore> m_store;
};

// The fixed keys, with the form-token key the corpus's tokens were made with.
crypto::Keys corpus_keys() {
    crypto::Keys keys = testing::fixed_keys();
    keys.form_token.fill(3);
    return keys;
}

// Everything a running server has, built once.
struct World {
    World() {
        crypto::init();
        spdlog::set_level(spdlog::level::off);
        auto loaded = i18n::Languages::load(REDRESS_SHARE_DIR "/locale", "en");
        require(loaded.has_value(), "the catalogues load");
        languages.emplace(std::move(*loaded));
        site.emplace(intake, status, replies, *languages, keys.form_token,
                     web::SiteSettings{REDRESS_SHARE_DIR "/templates", REDRESS_SHARE_DIR "/static",
                                       k_token_lifetime},
                     testing::fixed_now, intake::published_keys(keys));
        require(site->check().has_value(), "the templates and static files are usable");
        // Else the corpus's forms stop at the token check: issue a new one (README.md).
        require(web::FormTokens(keys.form_token, k_token_lifetime)
                    .verify(k_corpus_token, testing::fixed_now()),
                "the corpus's form token is valid with the fixed key and clock");
        site->add_routes(router);
        api.emplace(intake, status, *languages, intake::published_keys(keys));
        api->add_routes(router);
    }

    domain::Deployment deployment = testing::sample_deployment();
    crypto::Keys keys = corpus_keys();
    FreshStore store;
    intake::Intake intake{deployment, store, keys, testing::fixed_now};
    // No budget and no slowing down: each input must get the same answer whatever ran before.
    intake::StatusLookup status{deployment,
                                store,
                                keys,
                                {.free_failures = std::size_t(-1), .lookups_per_second = 0},
                                testing::fixed_now};
    intake::ComplainantReplies replies{status, store, keys, testing::fixed_now};
    std::optional<i18n::Languages> languages;
    std::optional<web::Site> site;
    std::optional<api::Api> api;
    http::Router router;
    http::ServerLimits limits;
    bool verbose = std::getenv("REDRESS_FUZZ_VERBOSE") != nullptr;
};

http::Method method_of(bhttp::verb verb) {
    switch (verb) {
        case bhttp::verb::get:
            return http::Method::get;
        case bhttp::verb::head:
            return http::Method::head;
        case bhttp::verb::post:
            return http::Method::post;
        default:
            return http::Method::other;
    }
}

// Feeds `input` to the parser until it stops; returns the bytes it used.
std::size_t feed(bhttp::request_parser<bhttp::string_body>& parser, std::string_view input,
                 bool whole_message, boost::system::error_code& ec) {
    std::size_t used = 0;
    while (!(whole_message ? parser.is_done() : parser.is_header_done())) {
        const std::size_t n =
            parser.put(boost::asio::const_buffer(input.data() + used, input.size() - used), ec);
        used += n;
        if (ec) break;
        if (n == 0) {  // cannot happen without an error; never spin
            ec = bhttp::error::need_more;
            break;
        }
    }
    return used;
}

void check_response(http::Response response, unsigned version, bool keep_alive) {
    require(response.status >= 100 && response.status <= 599, "a status the server can send");
    // The store never fails here, so a server error is a bug (a page that did not render,
    // an internal error in the API).
    require(response.status < 500, "no server error while the store is healthy");
    if (response.headers.get("Content-Type").starts_with("application/json")) {
        require(!nlohmann::json::parse(response.body, nullptr, false).is_discarded(),
                "JSON responses are JSON");
    }
    http::add_security_headers(response);
    std::string head;
    require(http::write_response_head(response, version, keep_alive, head),
            "headers the server accepts (no header injection)");
}

// One request from the front of `input`; false when the connection would end after it.
bool serve_one(World& world, std::string_view& input) {
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(world.limits.max_header_bytes));
    parser.body_limit(static_cast<std::uint64_t>(world.limits.max_body_bytes));
    boost::system::error_code ec;
    std::size_t used = feed(parser, input, false, ec);
    if (ec) return false;  // refused (431, 400) or incomplete: the connection ends
    const auto length = parser.content_length();
    if (length && *length > world.limits.max_body_bytes) return false;  // 413
    parser.eager(true);
    used += feed(parser, input.substr(used), true, ec);
    if (ec) return false;
    input.remove_prefix(used);

    bhttp::request<bhttp::string_body> message = parser.release();
    const auto target = http::parse_target(std::string_view(message.target()));
    if (!target) return false;  // 400
    http::Request request;
    request.method = method_of(message.method());
    request.target = std::string(message.target());
    request.path = target->path;
    request.query = target->query;
    for (const auto& field : message) {
        request.headers.add(std::string(field.name_string()), std::string(field.value()));
    }
    request.body = std::move(message.body());
    const http::Method method = request.method;
    const std::string path = request.path;

    int answers = 0;
    std::optional<http::Response> response;
    world.router.handle(std::move(request), [&](http::Response answer) {
        ++answers;
        response = std::move(answer);
    });
    require(answers == 1, "answered synchronously, exactly once");
    if (world.verbose) {
        std::fprintf(stderr, "%s %s -> %d\n%s\n", std::string(http::method_name(method)).c_str(),
                     path.c_str(), response->status, response->body.c_str());
    }
    check_response(std::move(*response), message.version(), message.keep_alive());
    return message.keep_alive();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static World world;
    world.store.reset(world.keys);
    std::string_view input(reinterpret_cast<const char*>(data), size);
    for (int i = 0; i < k_max_pipelined && !input.empty(); ++i) {
        if (!serve_one(world, input)) break;
    }
    return 0;
}
