#include "cli/serve.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <memory>
#include <thread>

#include "api/complaints_api.hpp"
#include "api/correspondence_api.hpp"
#include "cli/common_passwords.hpp"
#include "cli/database.hpp"
#include "cli/file_limit.hpp"
#include "cli/key_custody.hpp"
#include "console/console.hpp"
#include "crypto/keys.hpp"
#include "domain/calendar.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "http/spooled_body.hpp"
#include "i18n/languages.hpp"
#include "inbound/mail_intake.hpp"
#include "intake/complainant_evidence.hpp"
#include "intake/evidence_intake.hpp"
#include "intake/intake.hpp"
#include "intake/status_lookup.hpp"
#include "outbound/mail_composition.hpp"
#include "outbound/mail_sending.hpp"
#include "outbound/smtp_sender.hpp"
#include "staff/administration.hpp"
#include "staff/audit_anchoring.hpp"
#include "staff/deadline_keeping.hpp"
#include "staff/referrals.hpp"
#include "staff/sessions.hpp"
#include "staff/sign_in.hpp"
#include "staff/triage.hpp"
#include "storage/evidence_folder.hpp"
#include "util/await.hpp"
#include "util/work_pool.hpp"
#include "web/site.hpp"

namespace redress::cli {
namespace {

util::Expected<http::ServerLimits> limits_of(const config::ServerSettings& server) {
    http::ServerLimits limits;
    auto trusted = http::TrustedProxies::parse(server.trusted_proxies);
    if (!trusted) {
        return util::fail(util::ErrorCode::invalid_input,
                          "setting 'server.trusted_proxies': " + trusted.error().message);
    }
    limits.trusted_proxies = std::move(*trusted);
    limits.forwarded_header =
        server.forwarded_header == "forwarded" ? http::ForwardedHeader::forwarded
        : server.forwarded_header == "none"    ? http::ForwardedHeader::none
                                               : http::ForwardedHeader::x_forwarded_for;
    limits.proxy_protocol = server.proxy_protocol ? http::ServerLimits::ProxyProtocol::on
                                                  : http::ServerLimits::ProxyProtocol::off;
    limits.header_timeout = server.header_timeout;
    limits.min_body_bytes_per_second = server.min_body_bytes_per_second;
    limits.min_send_bytes_per_second = server.min_send_bytes_per_second;
    limits.min_rate_window = server.min_rate_window;
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

staff::SignInSettings sign_in_settings(const config::Config& config) {
    const auto& settings = config.staff;
    return {.password_cost = {.ops = settings.password_passes,
                              .memory_bytes = settings.password_memory_mib << 20U},
            .password_checks_at_once = settings.password_checks_at_once,
            .password_check_queue = settings.password_check_queue,
            .throttle = {.free_failures = settings.sign_in_free_failures,
                         .first_delay = settings.sign_in_first_delay,
                         .max_delay = settings.sign_in_max_delay,
                         .forget_after = settings.sign_in_forget_after,
                         .per_address = settings.sign_in_per_address},
            .issuer = "redress"};
}

std::size_t read_connections(const config::Config& config) {
    if (config.storage.read_connections > 0) return config.storage.read_connections;
    return std::max(1u, std::thread::hardware_concurrency());
}

// Descriptors for all but connections: the database and its journal per connection, the
// listening socket, the event loops', templates and static files being read, the log.
std::size_t reserved_files(const config::Config& config) {
    return 64 + 4 * read_connections(config);
}

// Raises the open-file limit for the connection cap, or lowers the cap to fit the limit.
std::size_t fit_connections(const config::Config& config) {
    const std::size_t wanted = config.server.max_connections;
    const std::size_t reserved = reserved_files(config);
    const FileLimit files = raise_file_limit(wanted + reserved);
    if (files.now > files.before) {
        spdlog::info("open-file limit raised from {} to {}", files.before, files.now);
    }
    const std::size_t fitting = connections_that_fit(wanted, files.now, reserved);
    if (fitting < wanted) {
        spdlog::warn(
            "open-file limit {} leaves room for {} connections, not the {} of "
            "server.max_connections; serving at most {} (raise the hard limit, e.g. "
            "LimitNOFILE= in systemd, to serve more)",
            files.now, fitting, wanted, fitting);
    }
    return fitting;
}

// This node's name: the setting, or the host's name and the process id.
std::string node_name(const config::Config& config) {
    if (!config.server.node_name.empty()) return config.server.node_name;
    char host[256] = {};
    if (::gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
    return fmt::format("{}:{}", host[0] != '\0' ? host : "redress", ::getpid());
}

// How long a background job's lease lasts unrenewed: a few of its pauses between turns, so
// that the node doing it keeps it, and a dead node's work is taken over soon after.
std::chrono::seconds lease_length(std::chrono::milliseconds pause) {
    return std::max(std::chrono::ceil<std::chrono::seconds>(3 * pause), std::chrono::seconds(30));
}

// Mail to complainants (outbound/), sent in the background while a mail server is set; when
// none is, the mails wait in the database and the log says how many once.
util::Expected<std::unique_ptr<outbound::MailSending>> start_mail(const config::Config& config,
                                                                  storage::Outbox& outbox,
                                                                  const i18n::Languages& languages,
                                                                  const crypto::Keys& keys,
                                                                  storage::BackgroundLease& lease) {
    const auto& mail = config.mail;
    if (mail.smtp_url.empty()) {
        auto waiting =
            util::await<std::size_t>([&](auto done) { outbox.waiting_mail(std::move(done)); });
        if (waiting && *waiting > 0) {
            spdlog::warn("mail: off (mail.smtp_url is not set); {} mail(s) wait", *waiting);
        }
        return nullptr;
    }
    if (!outbound::acceptable_address(mail.from)) {
        return util::fail(util::ErrorCode::invalid_input,
                          "setting 'mail.from': an address such as complaints@example.org is "
                          "required when mail.smtp_url is set");
    }
    if (!mail.smtp_url.starts_with("smtp://") && !mail.smtp_url.starts_with("smtps://")) {
        return util::fail(
            util::ErrorCode::invalid_input,
            "setting 'mail.smtp_url': expected smtp://host:port or smtps://host:port");
    }
    auto sender = std::make_shared<outbound::SmtpSender>(
        outbound::SmtpSettings{.url = mail.smtp_url,
                               .from = mail.from,
                               .user = mail.smtp_user,
                               .password = mail.smtp_password,
                               .starttls = outbound::parse_starttls(mail.starttls),
                               .timeout = mail.send_timeout});
    auto base = config.public_side.base_url;
    while (base.ends_with('/')) base.pop_back();
    spdlog::info("mail: on; mail to complainants is sent in the background");
    return std::make_unique<outbound::MailSending>(
        outbox, languages, keys.mail,
        outbound::MailSendingSettings{.from = mail.from,
                                      .status_link = base + "/status",
                                      .poll = mail.poll,
                                      .batch = mail.batch,
                                      .retry_first = mail.retry_first,
                                      .retry_max = mail.retry_max,
                                      .give_up = mail.give_up,
                                      .lease = &lease},
        [sender](std::string_view to, std::string_view message, const std::atomic<bool>& stopping) {
            return sender->send(to, message, stopping);
        },
        domain::current_time);
}

}  // namespace

int serve(const config::Config& config) {
    auto languages = i18n::Languages::load(config.share_dir / "locale", config.default_language);
    if (!languages) {
        spdlog::critical("message catalogues: {}", languages.error().message);
        return 1;
    }
    auto store = open_database(config, read_connections(config));
    if (!store) {
        spdlog::critical("database {}: {}", database_name(config), store.error().message);
        return 1;
    }
    auto keys = unlock_keys(config, **store);
    if (!keys) {
        spdlog::critical("{}", keys.error().message);
        return 1;
    }
    if (auto sealed = seal_earlier_accounts(**store, *keys); !sealed) return 1;
    // Work done once across the nodes serving the database, by the node holding its lease
    // (storage/background_leases.hpp). Destroyed after the work, giving the leases up.
    const auto node = node_name(config);
    spdlog::info("node {}", node);
    storage::BackgroundLease anchoring_lease(**store, "audit_anchoring", node,
                                             lease_length(config.staff.audit_checkpoint_interval),
                                             domain::current_time);
    storage::BackgroundLease deadline_lease(**store, "deadline_keeping", node,
                                            lease_length(config.staff.deadline_refresh),
                                            domain::current_time);
    storage::BackgroundLease mail_lease(**store, "mail_sending", node,
                                        lease_length(config.mail.poll), domain::current_time);
    // Destroyed before the store: it signs the trail's head one last time on the way out.
    staff::AuditAnchoring anchoring(**store, keys->current_signing(),
                                    config.data_dir / "audit-head",
                                    config.staff.audit_checkpoint_interval, &anchoring_lease);
    // Keeps each complaint's next deadline current for the overdue lists.
    staff::DeadlineKeeping deadline_keeping(**store, config.deployment,
                                            {.interval = config.staff.deadline_refresh,
                                             .batch = config.staff.deadline_batch,
                                             .lease = &deadline_lease},
                                            domain::current_time);

    auto evidence_folder = storage::EvidenceFolder::open(config.evidence.folder);
    if (!evidence_folder) {
        spdlog::critical("{}", evidence_folder.error().message);
        return 1;
    }
    const std::filesystem::path upload_folder = config.data_dir / "spool" / "uploads";
    if (auto cleared = http::clear_spool_folder(upload_folder); !cleared) {
        spdlog::critical("{}", cleared.error().message);
        return 1;
    }
    intake::EvidenceIntake evidence(*evidence_folder, *keys, config.evidence.limits());
    auto mail_sending = start_mail(config, **store, *languages, *keys, mail_lease);
    if (!mail_sending) {
        spdlog::critical("{}", mail_sending.error().message);
        return 1;
    }

    intake::Intake intake(config.deployment, **store, *keys, domain::current_time,
                          config.filing_limits);
    // Email that `redress ingest-email` spooled: filed, appended to a complaint, or
    // quarantined for staff, each exactly once. Destroyed before the intake it files with.
    mail::MailLimits mail_limits;
    mail_limits.max_message_bytes = config.mail.max_message_mib << 20;
    inbound::MailIntake mail_intake(intake, evidence, **store, *keys, domain::current_time,
                                    {.spool = config.data_dir / "spool" / "mail",
                                     .poll = config.mail.intake_poll,
                                     .limits = mail_limits,
                                     .threads = config.mail.intake_threads,
                                     .default_language = config.default_language,
                                     .has_language = [&languages](std::string_view language) {
                                         return languages->find(language) != nullptr;
                                     }});
    mail_intake.start();
    intake::StatusLookup status(config.deployment, **store, *keys, throttle_of(config.public_side),
                                domain::current_time);
    intake::ComplainantReplies replies(status, **store, *keys, domain::current_time);
    const auto signing_keys = intake::published_keys(*keys);

    http::Router router;
    web::Site site(intake, status, replies, *languages, keys->form_token,
                   {.templates_dir = config.share_dir / "templates",
                    .static_dir = config.share_dir / "static",
                    .form_token_lifetime = config.form_token_lifetime,
                    .max_form_fields = config.public_side.max_form_fields},
                   domain::current_time, signing_keys);
    // Drained once the server stops, before what its jobs use goes: uploads under way are
    // kept and filed (their answers going nowhere).
    util::WorkPool evidence_work("evidence", config.evidence.threads, config.evidence.queue);
    // An upload holds the files and the form's fields: the form is bounded as any post is.
    intake::ComplainantEvidence later_evidence(status, **store, evidence, evidence_work,
                                               domain::current_time);
    site.accept_evidence(evidence, evidence_work,
                         config.evidence.limits().max_total_bytes + config.server.max_body_bytes,
                         &later_evidence);
    if (auto ready = site.check(); !ready) {
        spdlog::critical("web pages: {}", ready.error().message);
        return 1;
    }
    site.add_routes(router);
    api::Api api(intake, status, *languages, signing_keys);
    api.add_routes(router);
    api::CorrespondenceApi correspondence(replies, *languages,
                                          config.filing_limits.errors_reported);
    correspondence.add_routes(router);

    staff::Sessions sessions(
        **store, keys->staff_session, keys->staff_form, keys->name_mark,
        {.idle_timeout = config.staff.session_idle, .lifetime = config.staff.session_lifetime},
        domain::current_time);
    // A password chosen at a first sign-in is checked as `redress user add` checks one.
    auto common_passwords = load_common_passwords(config.staff.common_passwords_file);
    if (!common_passwords) {
        spdlog::critical("{}", common_passwords.error().message);
        return 1;
    }
    auto settings = sign_in_settings(config);
    settings.common_passwords = &*common_passwords;
    staff::SignIn sign_in(**store, **store, **store, *keys, sessions, std::move(settings));
    staff::Administration administration(**store, config.deployment, domain::current_time);
    staff::Triage triage(config.deployment, **store);
    staff::Referrals referrals(**store);
    staff::Cases cases(config.deployment, **store, **store, keys->content);
    staff::Messages messages(**store, **store, keys->content);
    staff::IdentityAccess identity(**store, **store,
                                   {.custodian_approval = config.staff.identity_custodian_approval,
                                    .approval_lifetime = config.staff.identity_approval_lifetime});
    staff::Exclusions exclusions(**store, **store, **store);
    staff::ClockHolds clock_holds(**store);
    console::Console console(sessions, sign_in, *languages,
                             console::WorkParts{.deployment = config.deployment,
                                                .casework = **store,
                                                .deadlines = **store,
                                                .triage = triage,
                                                .referrals = referrals,
                                                .cases = cases,
                                                .messages = messages,
                                                .identity = identity,
                                                .exclusions = exclusions,
                                                .clock_holds = clock_holds,
                                                .audit_trail = **store,
                                                .evidence_store = **store,
                                                .evidence = evidence,
                                                .administration = administration,
                                                .content_key = keys->content,
                                                .identity_key = keys->identity,
                                                .now = domain::current_time,
                                                .intake = &intake,
                                                .mail_inbox = &**store},
                             {.templates_dir = config.share_dir / "templates",
                              .max_form_fields = config.public_side.max_form_fields,
                              .public_url = config.public_side.base_url});
    if (auto ready = console.check(); !ready) {
        spdlog::critical("staff pages: {}", ready.error().message);
        return 1;
    }
    console.add_routes(router);
    router.add(http::Method::get, "/healthz", [&store](http::Request, http::Responder respond) {
        respond((*store)->healthy() ? http::Response::text(200, "ok\n")
                                    : http::Response::text(503, "database unavailable\n"));
    });

    auto limits = limits_of(config.server);
    if (!limits) {
        spdlog::critical("{}", limits.error().message);
        return 1;
    }
    limits->max_connections = fit_connections(config);
    limits->upload_folder = upload_folder.string();
    http::Server server(router, std::move(*limits));
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
    evidence_work.drain();
    spdlog::info("redress stopped");
    return 0;
}

}  // namespace redress::cli
