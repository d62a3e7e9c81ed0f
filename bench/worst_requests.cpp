// The worst request an attacker can build within the server's limits, for each public
// endpoint: the CPU time and the peak memory one such request costs the server. Figures,
// never pass/fail (bench/README.md, "Worst requests"); the targets are 20 ms of CPU and
// 8 MB of memory per request.
//
// Each request goes through the real router, web::Site and api::Api, over the real Intake
// and SQLite store in a temporary data folder, exactly as `redress serve` builds them. CPU
// is the whole process's (the store's threads included) from handing the request to the
// router until its answer is made; memory is the peak of bytes allocated through operator
// new above what was allocated before, so the request's body (up to 1 MiB, read by the
// server before any handler runs) is not counted again. Parsing the HTTP head and reading
// the body are the server's and are not part of these figures.
//
//   redress_bench_worst --share SHARE [--repeat N]

#include <fmt/format.h>
#include <malloc.h>
#include <spdlog/spdlog.h>
#include <time.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <future>
#include <new>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "api/complaints_api.hpp"
#include "api/correspondence_api.hpp"
#include "cli/key_custody.hpp"
#include "config/config.hpp"
#include "http/router.hpp"
#include "http/spooled_body.hpp"
#include "intake/complainant_evidence.hpp"
#include "intake/confirmation_signing.hpp"
#include "intake/evidence_intake.hpp"
#include "storage/evidence_folder.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "util/work_pool.hpp"
#include "web/filing_form.hpp"
#include "web/site.hpp"

// ---- allocation accounting -------------------------------------------------------------

namespace {
std::atomic<std::int64_t> g_allocated{0};
std::atomic<std::int64_t> g_peak{0};

void note_allocation(void* block) {
    if (block == nullptr) return;
    const auto now = g_allocated.fetch_add(static_cast<std::int64_t>(malloc_usable_size(block))) +
                     static_cast<std::int64_t>(malloc_usable_size(block));
    auto peak = g_peak.load(std::memory_order_relaxed);
    while (now > peak && !g_peak.compare_exchange_weak(peak, now)) {
    }
}
}  // namespace

void* operator new(std::size_t size) {
    void* block = std::malloc(size == 0 ? 1 : size);
    if (block == nullptr) throw std::bad_alloc();
    note_allocation(block);
    return block;
}
void* operator new[](std::size_t size) {
    return operator new(size);
}
void operator delete(void* block) noexcept {
    if (block == nullptr) return;
    g_allocated.fetch_sub(static_cast<std::int64_t>(malloc_usable_size(block)));
    std::free(block);
}
void operator delete[](void* block) noexcept {
    operator delete(block);
}
void operator delete(void* block, std::size_t) noexcept {
    operator delete(block);
}
void operator delete[](void* block, std::size_t) noexcept {
    operator delete(block);
}

// ---- the requests ----------------------------------------------------------------------

using namespace redress;

namespace {

constexpr std::size_t k_body_limit = 1024 * 1024;  // the default server.max_body_bytes

double process_cpu_ms() {
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

std::string repeat_until(std::string_view head, std::string_view item, std::string_view tail,
                         std::size_t limit, std::string_view separator = ",") {
    std::string body(head);
    bool first = true;
    while (body.size() + separator.size() + item.size() + tail.size() <= limit) {
        if (!first) body += separator;
        body += item;
        first = false;
    }
    body += tail;
    return body;
}

std::string json_string_of(std::size_t characters, std::string_view unit = "a") {
    std::string text;
    for (std::size_t i = 0; i < characters; ++i) text += unit;
    return text;
}

// The largest filing that is valid: every field at its limit, every list full.
std::string largest_valid_filing(const domain::Limits& limits) {
    const std::string shortest = json_string_of(limits.short_text, "\\u00e9");
    const std::string longer = json_string_of(limits.long_text, "\\u00e9");
    std::string body = R"({"complainant":{"confidentiality":"confidential","name":")" + shortest +
                       R"(","email":"maria@example.org","phone":"+1 555 0100","postal_address":")" +
                       longer + R"("},"incident":{"narrative":")" +
                       json_string_of(limits.narrative, "\\u00e9") + R"(","place":")" + shortest +
                       R"(","injuries":")" + longer + R"(","categories":["excessive-force"]},)";
    body += R"("subjects":[)";
    for (std::size_t i = 0; i < limits.subjects; ++i) {
        if (i > 0) body += ',';
        body += R"({"name":")" + shortest + R"(","badge":")" + shortest + R"(","agency":")" +
                shortest + R"(","description":")" + longer + R"(","uniform":")" + longer +
                R"(","vehicle":")" + shortest + R"("})";
    }
    body += R"(],"witnesses":[)";
    for (std::size_t i = 0; i < limits.witnesses; ++i) {
        if (i > 0) body += ',';
        body += R"({"name":")" + shortest + R"(","contact":")" + longer + R"(","account":")" +
                longer + R"("})";
    }
    body += "]}";
    return body;
}

// Every field of every subject and witness one character over its limit, and more
// subjects and witnesses than allowed.
std::string every_field_too_long(const domain::Limits& limits) {
    const std::string over_short = json_string_of(limits.short_text + 1);
    const std::string over_long = json_string_of(limits.long_text + 1);
    std::string body = R"({"incident":{"narrative":")" + json_string_of(limits.narrative + 1) +
                       R"(","place":")" + over_short + R"("},"subjects":[)";
    for (std::size_t i = 0; i < limits.subjects; ++i) {
        if (i > 0) body += ',';
        body += R"({"name":")" + over_short + R"(","badge":")" + over_short + R"(","agency":")" +
                over_short + R"(","component":")" + over_short + R"(","unit":")" + over_short +
                R"(","description":")" + over_long + R"(","uniform":")" + over_long +
                R"(","vehicle":")" + over_short + R"("})";
    }
    body += R"(],"witnesses":[)";
    for (std::size_t i = 0; i < limits.witnesses; ++i) {
        if (i > 0) body += ',';
        body += R"({"name":")" + over_short + R"(","contact":")" + over_long + R"(","account":")" +
                over_long + R"("})";
    }
    body += "]}";
    return body;
}

// "é" percent-encoded, as many times as fit in `bytes`.
std::string percent_encoded(std::size_t bytes) {
    std::string text;
    while (text.size() + 6 <= bytes) text += "%C3%A9";
    return text;
}

struct Case {
    std::string endpoint;
    std::string what;
    http::Request request;
};

http::Request request(http::Method method, std::string path, std::string body,
                      std::string content_type) {
    http::Request r;
    r.method = method;
    r.target = path;
    const auto question = path.find('?');
    r.path = path.substr(0, question);
    r.query = question == std::string::npos ? "" : path.substr(question + 1);
    if (!content_type.empty()) r.headers.add("Content-Type", content_type);
    r.headers.add("Host", "127.0.0.1:8080");
    r.body = std::move(body);
    r.client_address = "127.0.0.1";
    return r;
}

struct Measured {
    int status = 0;
    std::size_t answer_bytes = 0;
    double cpu_ms = 0;
    double peak_mb = 0;
};

http::Response answer_of(http::Router& router, http::Request request) {
    std::promise<http::Response> answered;
    auto answer = answered.get_future();
    router.handle(std::move(request), [&answered](http::Response response) {
        answered.set_value(std::move(response));
    });
    return answer.get();
}

Measured measure(http::Router& router, const http::Request& prepared) {
    http::Request copy = prepared;  // allocated before the baseline, like a read body
    std::promise<http::Response> answered;
    auto answer = answered.get_future();
    const auto baseline = g_allocated.load();
    g_peak.store(baseline);
    const double started = process_cpu_ms();
    router.handle(std::move(copy), [&answered](http::Response response) {
        answered.set_value(std::move(response));
    });
    const http::Response response = answer.get();
    Measured measured;
    measured.cpu_ms = process_cpu_ms() - started;
    measured.peak_mb = static_cast<double>(g_peak.load() - baseline) / (1024.0 * 1024.0);
    measured.status = response.status;
    measured.answer_bytes = response.body.size();
    return measured;
}

std::string form_token_of(const std::string& html) {
    static const std::regex k_token(R"re(name="form_token" value="([^"]+)")re");
    std::smatch match;
    return std::regex_search(html, match, k_token) ? match[1].str() : std::string();
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"CPU and memory of the worst request within the limits, per endpoint"};
    std::string share_dir;
    int repeat = 5;
    app.add_option("--share", share_dir, "The share folder of the source tree")->required();
    app.add_option("--repeat", repeat, "Times each request is made; the worst is shown");
    CLI11_PARSE(app, argc, argv);
    crypto::init();
    spdlog::set_level(spdlog::level::off);

    const auto folder =
        std::filesystem::temp_directory_path() / fmt::format("redress-worst-{}", ::getpid());
    std::filesystem::create_directories(folder);
    const auto config_file = folder / "redress.toml";
    std::filesystem::copy_file(std::filesystem::path(share_dir) / "config" / "redress.sample.toml",
                               config_file);
    auto config = config::load({folder, share_dir, config_file, {}, {}});
    if (!config) {
        std::fprintf(stderr, "%s\n", config.error().message.c_str());
        return 1;
    }
    auto store = storage::sqlite::open({.path = config->storage.sqlite_path});
    if (!store) return 1;
    auto keys = cli::unlock_keys(*config, **store);
    if (!keys) return 1;
    const auto now = [] {
        return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    };
    const domain::Limits& limits = config->filing_limits;
    intake::Intake intake(config->deployment, **store, *keys, now, limits);
    // The budget of look-ups is off: this measures a look-up's own cost, the worst one.
    intake::StatusLookup status(config->deployment, **store, *keys, {.lookups_per_second = 0}, now);
    intake::ComplainantReplies replies(status, **store, *keys, now);
    const auto i18n_languages =
        i18n::Languages::load(std::filesystem::path(share_dir) / "locale", "en");
    const auto signing_keys = intake::published_keys(*keys);
    web::Site site(intake, status, replies, *i18n_languages, keys->form_token,
                   {.templates_dir = std::filesystem::path(share_dir) / "templates",
                    .static_dir = std::filesystem::path(share_dir) / "static"},
                   now, signing_keys);
    auto evidence_folder = storage::EvidenceFolder::open(folder / "evidence");
    if (!evidence_folder) return 1;
    intake::EvidenceIntake evidence(*evidence_folder, *keys, config->evidence.limits());
    util::WorkPool evidence_work("evidence", config->evidence.threads, config->evidence.queue);
    intake::ComplainantEvidence later_evidence(status, **store, evidence, evidence_work, now);
    const std::uint64_t upload_limit =
        config->evidence.limits().max_total_bytes + config->server.max_body_bytes;
    site.accept_evidence(evidence, evidence_work, upload_limit, &later_evidence);
    api::Api api(intake, status, *i18n_languages, signing_keys);
    api::CorrespondenceApi correspondence(replies, *i18n_languages, limits.errors_reported);
    http::Router router;
    site.add_routes(router);
    api.add_routes(router);
    correspondence.add_routes(router);

    const std::string json = "application/json";
    const std::string form = "application/x-www-form-urlencoded";
    const std::string token =
        form_token_of(answer_of(router, request(http::Method::get, "/complaint", "", "")).body);

    // A filed complaint, for look-ups that find one and a confirmation to check.
    std::string reference, receipt, confirmation;
    {
        const http::Response filed = answer_of(
            router, request(http::Method::post, "/api/v1/complaints",
                            R"({"incident":{"narrative":"An officer pushed me."}})", json));
        const auto parsed = nlohmann::json::parse(filed.body);
        reference = parsed["complaints"][0]["reference"];
        receipt = parsed["receipt"];
        confirmation = parsed["confirmation"]["text"];
    }

    std::vector<Case> cases;
    auto add = [&cases](std::string endpoint, std::string what, http::Request r) {
        cases.push_back({std::move(endpoint), std::move(what), std::move(r)});
    };
    const std::string file_api = "POST /api/v1/complaints";
    {
        std::string offices = R"({"incident":{"narrative":"x"},"offices":[)";
        for (std::size_t n = 0; offices.size() + 16 < k_body_limit; ++n) {
            if (n > 0) offices += ',';
            offices += fmt::format(R"("o{}")", n);
        }
        offices += "]}";
        add(file_api, "100,000 distinct offices",
            request(http::Method::post, "/api/v1/complaints", offices, json));
    }
    add(file_api, "500,000 categories of the wrong type",
        request(http::Method::post, "/api/v1/complaints",
                repeat_until(R"({"incident":{"narrative":"x","categories":[)", "0", "]}}",
                             k_body_limit),
                json));
    {
        std::string keys_body = "{";
        for (std::size_t n = 0; keys_body.size() + 20 < k_body_limit; ++n) {
            if (n > 0) keys_body += ',';
            keys_body += fmt::format(R"("k{}":0)", n);
        }
        keys_body += "}";
        add(file_api, "100,000 unknown fields",
            request(http::Method::post, "/api/v1/complaints", keys_body, json));
    }
    add(file_api, "arrays nested 500,000 deep",
        request(http::Method::post, "/api/v1/complaints",
                std::string(k_body_limit / 2, '[') + std::string(k_body_limit / 2, ']'), json));
    add(file_api, "objects of subjects, 1 MiB, of the wrong shape",
        request(
            http::Method::post, "/api/v1/complaints",
            repeat_until(R"({"subjects":[)", R"({"name":1,"badge":[],"x":{}})", "]}", k_body_limit),
            json));
    add(file_api, "the largest valid filing (stored)",
        request(http::Method::post, "/api/v1/complaints", largest_valid_filing(limits), json));
    add(file_api, "every field over its limit",
        request(http::Method::post, "/api/v1/complaints", every_field_too_long(limits), json));
    add(file_api, "a 1 MiB narrative of \\u escapes",
        request(
            http::Method::post, "/api/v1/complaints",
            repeat_until(R"({"incident":{"narrative":")", "\\u00e9", R"("}})", k_body_limit, ""),
            json));

    const std::string status_api = "POST /api/v1/status";
    add(status_api, "a found complaint",
        request(http::Method::post, "/api/v1/status",
                fmt::format(R"({{"reference":"{}","receipt":"{}"}})", reference, receipt), json));
    add(status_api, "half-MiB reference and receipt",
        request(http::Method::post, "/api/v1/status",
                R"({"reference":")" + std::string(k_body_limit / 2 - 40, 'A') + R"(","receipt":")" +
                    std::string(k_body_limit / 2 - 40, 'B') + R"("})",
                json));

    // A complainant's posts: the receipt is checked first, then the text (refused past
    // 5,000 characters, never stored).
    const std::string messages_api = "POST /api/v1/status/messages";
    add(messages_api, "a 5,000-character reply (stored)",
        request(
            http::Method::post, "/api/v1/status/messages",
            nlohmann::json(
                {{"reference", reference}, {"receipt", receipt}, {"text", std::string(5000, 'a')}})
                .dump(),
            json));
    add(messages_api, "a 1 MiB text with the right receipt",
        request(http::Method::post, "/api/v1/status/messages",
                fmt::format(R"({{"reference":"{}","receipt":"{}","text":")", reference, receipt) +
                    std::string(k_body_limit - 120, 'a') + R"("})",
                json));
    add("POST /api/v1/status/consent", "half-MiB reference and receipt",
        request(http::Method::post, "/api/v1/status/consent",
                R"({"consent":true,"reference":")" + std::string(k_body_limit / 2 - 40, 'A') +
                    R"(","receipt":")" + std::string(k_body_limit / 2 - 40, 'B') + R"("})",
                json));

    add("POST /api/v1/confirmations/verify", "a genuine confirmation",
        request(http::Method::post, "/api/v1/confirmations/verify",
                nlohmann::json({{"confirmation", confirmation}}).dump(), json));
    add("POST /api/v1/confirmations/verify", "1 MiB of text",
        request(http::Method::post, "/api/v1/confirmations/verify",
                R"({"confirmation":")" + std::string(k_body_limit - 40, 'x') + R"("})", json));

    const std::string complaint_form = "POST /complaint";
    {
        std::string fields = "form_token=" + token + "&action=review";
        for (std::size_t n = 0; n + 3 < http::k_default_max_form_fields; ++n) {
            fields += fmt::format("&subjects%5B{}%5D.description=", n % web::k_max_blocks);
            fields += std::string(
                std::min<std::size_t>(
                    limits.long_text + 1,
                    (k_body_limit - fields.size()) / (http::k_default_max_form_fields - n) - 40),
                'a');
        }
        add(complaint_form, "1,000 fields, 100 subjects over their limits",
            request(http::Method::post, "/complaint", fields, form));
    }
    {
        std::string fields = "form_token=" + token + "&action=review&incident.narrative=" +
                             percent_encoded(k_body_limit - 200);
        add(complaint_form, "a 1 MiB percent-encoded narrative",
            request(http::Method::post, "/complaint", fields, form));
    }
    {
        std::string fields = "form_token=" + token + "&action=review";
        for (std::size_t n = 0; 2 * n + 4 < http::k_default_max_form_fields; ++n) {
            fields += "&incident.categories=excessive-force&offices=opr";
        }
        add(complaint_form, "1,000 repeated categories and offices",
            request(http::Method::post, "/complaint", fields, form));
    }
    add("POST /status", "half-MiB reference and receipt",
        request(http::Method::post, "/status",
                "form_token=" + token + "&reference=" + std::string(k_body_limit / 2 - 60, 'A') +
                    "&receipt=" + std::string(k_body_limit / 2 - 60, 'B'),
                form));
    add("POST /status/messages", "a 1 MiB text with the right receipt",
        request(http::Method::post, "/status/messages",
                "form_token=" + token + "&reference=" + reference + "&receipt=" + receipt +
                    "&text=" + std::string(k_body_limit - 200, 'a'),
                form));
    add("POST /status/consent", "half-MiB reference and receipt",
        request(http::Method::post, "/status/consent",
                "form_token=" + token +
                    "&consent=given&reference=" + std::string(k_body_limit / 2 - 80, 'A') +
                    "&receipt=" + std::string(k_body_limit / 2 - 80, 'B'),
                form));
    add("POST /verify", "1 MiB pasted",
        request(http::Method::post, "/verify",
                "confirmation=" + std::string(k_body_limit - 20, 'x'), form));
    add("GET /", "the landing page", request(http::Method::get, "/", "", ""));
    add("GET /complaint", "a 16 KiB query",
        request(http::Method::get, "/complaint?lang=" + std::string(16 * 1024 - 40, 'e'), "", ""));

    // Uploads: the body lies in a spooled file (mapped, never on the heap), and the work
    // grows with the bytes sent: shown apart, per MiB.
    std::vector<Case> uploads;
    const auto spool = folder / "spool";
    std::filesystem::create_directories(spool);
    const std::string boundary = "worst-boundary-7MA4YWxkTrZu0gW";
    const auto upload = [&](std::string endpoint, std::string what, std::string path,
                            const std::string& body) {
        const auto file = http::new_spool_path(spool);
        std::FILE* out = std::fopen(file.c_str(), "wb");
        std::fwrite(body.data(), 1, body.size(), out);
        std::fclose(out);
        http::Request r = request(http::Method::post, std::move(path), "",
                                  "multipart/form-data; boundary=" + boundary);
        r.upload = std::make_shared<http::SpooledBody>(file, body.size());
        uploads.push_back({std::move(endpoint), std::move(what), std::move(r)});
    };
    const auto part = [&](const std::string& name, const std::string& value,
                          const std::string& file_name = "") {
        std::string text =
            "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"";
        if (!file_name.empty()) text += "; filename=\"" + file_name + "\"";
        return text + "\r\n\r\n" + value + "\r\n";
    };
    std::string filing_fields = part("form_token", token) + part("action", "file") +
                                part("incident.narrative", std::string(2000, 'n')) +
                                part("complainant.confidentiality", "anonymous");
    {
        // Near-delimiters everywhere, as many as the upload limit holds: the scan is linear.
        std::string content;
        const std::string near = "\r\n--" + boundary.substr(0, boundary.size() - 1) + "X";
        while (content.size() + near.size() + 4096 < upload_limit) content += near;
        upload("POST /complaint (upload)", "101 MiB of near-delimiters in one file", "/complaint",
               filing_fields + part("evidence", content, "a.jpg") + "--" + boundary + "--\r\n");
    }
    {
        // One file more than allowed, each as large as the total allows: every one sniffed.
        const auto& limits_of_files = evidence.limits();
        std::string body = filing_fields;
        const std::size_t each = static_cast<std::size_t>(limits_of_files.max_total_bytes /
                                                          (limits_of_files.max_files + 1));
        std::string jpeg = "\xff\xd8\xff\xe0" + std::string(each - 4, 'j');
        for (std::size_t n = 0; n <= limits_of_files.max_files; ++n) {
            body += part("evidence", jpeg, fmt::format("{}.jpg", n));
        }
        upload("POST /complaint (upload)", "21 files of 4.8 MiB (refused: too many)", "/complaint",
               body + "--" + boundary + "--\r\n");
        // The largest set of files taken: sealed, flushed and stored.
        std::string taken = filing_fields;
        const std::size_t size =
            static_cast<std::size_t>(limits_of_files.max_total_bytes / limits_of_files.max_files) -
            4096;
        const std::string photo = "\xff\xd8\xff\xe0" + std::string(size - 4, 'p');
        for (std::size_t n = 0; n < limits_of_files.max_files; ++n) {
            taken += part("evidence", photo, fmt::format("{}.jpg", n));
        }
        upload("POST /complaint (upload)", "20 files, 100 MiB in all (stored)", "/complaint",
               taken + "--" + boundary + "--\r\n");
        upload("POST /status/evidence", "5 MiB with a wrong receipt", "/status/evidence",
               part("form_token", token) + part("reference", reference) +
                   part("receipt", "0000-0000-0000-0000-0000") + part("evidence", photo, "x.jpg") +
                   "--" + boundary + "--\r\n");
    }

    std::printf("%-36s %-48s %6s %10s %9s %9s\n", "endpoint", "worst request", "status", "answer",
                "CPU ms", "peak MB");
    double worst_cpu = 0, worst_memory = 0;
    for (const auto& each : cases) {
        Measured worst;
        for (int i = 0; i < repeat; ++i) {
            const Measured measured = measure(router, each.request);
            worst.status = measured.status;
            worst.answer_bytes = measured.answer_bytes;
            worst.cpu_ms = std::max(worst.cpu_ms, measured.cpu_ms);
            worst.peak_mb = std::max(worst.peak_mb, measured.peak_mb);
        }
        worst_cpu = std::max(worst_cpu, worst.cpu_ms);
        worst_memory = std::max(worst_memory, worst.peak_mb);
        std::printf("%-36s %-48s %6d %9zuB %9.2f %9.2f\n", each.endpoint.c_str(), each.what.c_str(),
                    worst.status, worst.answer_bytes, worst.cpu_ms, worst.peak_mb);
    }
    std::printf(
        "\nworst CPU %.2f ms (target 20 ms), worst memory %.2f MB (target 8 MB); "
        "%d runs each, the worst shown\n",
        worst_cpu, worst_memory, repeat);
    std::printf("\n%-36s %-48s %6s %9s %9s %11s %9s\n", "upload", "worst request", "status", "MiB",
                "CPU ms", "CPU ms/MiB", "heap MB");
    for (const auto& each : uploads) {
        Measured worst;
        for (int i = 0; i < std::min(repeat, 2); ++i) {
            const Measured measured = measure(router, each.request);
            worst.status = measured.status;
            worst.cpu_ms = std::max(worst.cpu_ms, measured.cpu_ms);
            worst.peak_mb = std::max(worst.peak_mb, measured.peak_mb);
        }
        const double mib = static_cast<double>(each.request.upload->size()) / (1024.0 * 1024.0);
        std::printf("%-36s %-48s %6d %9.1f %9.2f %11.2f %9.2f\n", each.endpoint.c_str(),
                    each.what.c_str(), worst.status, mib, worst.cpu_ms, worst.cpu_ms / mib,
                    worst.peak_mb);
    }
    std::printf("(the body of an upload lies in its spooled file, mapped: not on the heap)\n");
    evidence_work.drain();
    std::filesystem::remove_all(folder);
    return 0;
}
