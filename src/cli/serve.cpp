#include "cli/serve.hpp"

#include <spdlog/spdlog.h>

#include "api/complaints_api.hpp"
#include "cli/key_custody.hpp"
#include "crypto/keys.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "i18n/languages.hpp"
#include "intake/intake.hpp"
#include "intake/status_lookup.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "web/site.hpp"

namespace redress::cli {
namespace {

http::ServerLimits limits_of(const config::ServerSettings& server) {
    http::ServerLimits limits;
    limits.max_header_bytes = server.max_header_bytes;
    limits.max_body_bytes = server.max_body_bytes;
    limits.read_timeout = server.read_timeout;
    limits.idle_timeout = server.idle_timeout;
    limits.max_requests_per_connection = server.max_requests_per_connection;
    limits.max_connections_per_address = server.max_connections_per_address;
    limits.max_connections = server.max_connections;
    limits.threads = server.threads;
    return limits;
}

intake::ThrottleSettings throttle_of(const config::PublicSettings& public_side) {
    return {.free_failures = public_side.status_free_failures,
            .first_delay = public_side.status_first_delay,
            .max_delay = public_side.status_max_delay,
            .forget_after = public_side.status_forget_after,
            .per_address = public_side.status_per_address,
            .lookups_per_second = static_cast<double>(public_side.status_lookups_per_second)};
}

domain::Timestamp now() {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace

int serve(const config::Config& config) {
    auto languages = i18n::Languages::load(config.share_dir / "locale", config.default_language);
    if (!languages) {
        spdlog::critical("message catalogues: {}", languages.error().message);
        return 1;
    }
    auto store = storage::sqlite::open({.path = config.storage.sqlite_path,
                                        .max_batch = config.storage.max_batch,
                                        .read_connections = config.storage.read_connections});
    if (!store) {
        spdlog::critical("database {}: {}", config.storage.sqlite_path.string(),
                         store.error().message);
        return 1;
    }
    auto keys = unlock_keys(config, **store);
    if (!keys) {
        spdlog::critical("{}", keys.error().message);
        return 1;
    }

    intake::Intake intake(config.deployment, **store, *keys, now, config.filing_limits);
    intake::StatusLookup status(config.deployment, **store, *keys, throttle_of(config.public_side));
    const auto signing_keys = intake::published_keys(*keys);

    http::Router router;
    web::Site site(intake, status, *languages, keys->form_token,
                   {.templates_dir = config.share_dir / "templates",
                    .static_dir = config.share_dir / "static",
                    .form_token_lifetime = config.form_token_lifetime,
                    .max_form_fields = config.public_side.max_form_fields},
                   now, signing_keys);
    if (auto ready = site.check(); !ready) {
        spdlog::critical("web pages: {}", ready.error().message);
        return 1;
    }
    site.add_routes(router);
    api::Api api(intake, status, *languages, signing_keys);
    api.add_routes(router);
    router.add(http::Method::get, "/healthz", [&store](http::Request, http::Responder respond) {
        respond((*store)->healthy() ? http::Response::text(200, "ok\n")
                                    : http::Response::text(503, "database unavailable\n"));
    });

    http::Server server(router, limits_of(config.server));
    if (auto listening = server.listen(config.server.listen_address, config.server.port);
        !listening) {
        spdlog::critical("{}", listening.error().message);
        return 1;
    }
    const auto& address = config.server.listen_address;
    const auto shown = address.find(':') != std::string::npos ? "[" + address + "]" : address;
    server.run(http::Server::Signals::handle, [&] {
        spdlog::info("redress serving on http://{}:{}/ (data folder {})", shown, server.port(),
                     config.data_dir.string());
    });
    spdlog::info("redress stopped");
    return 0;
}

}  // namespace redress::cli
