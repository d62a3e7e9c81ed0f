#include "config/settings.hpp"

#include <charconv>
#include <limits>

#include "fmt/format.h"

namespace redress::config {
namespace {

template <typename Number>
util::Expected<Number> parse_number(std::string_view text, Number low, Number high) {
    Number value{};
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || value < low || value > high) {
        return util::fail(
            util::ErrorCode::invalid_input,
            fmt::format("expected a whole number from {} to {}, got '{}'", low, high, text));
    }
    return value;
}

// A setting held in a member of Config, reached through `field`.
template <typename Number, typename Field>
Setting number(std::string_view name, std::string_view help, Field field, Number low, Number high) {
    return {name, help,
            [field, low, high](Config& config, std::string_view text) -> util::Expected<void> {
                auto value = parse_number<Number>(text, low, high);
                if (!value) return std::unexpected(value.error());
                field(config) = *value;
                return {};
            },
            [field](const Config& config) { return fmt::format("{}", field(config)); }};
}

template <typename Field>
Setting seconds(std::string_view name, std::string_view help, Field field) {
    return {name, help,
            [field](Config& config, std::string_view text) -> util::Expected<void> {
                auto value = parse_number<long>(text, 1, 86400);
                if (!value) return std::unexpected(value.error());
                field(config) = std::chrono::seconds(*value);
                return {};
            },
            [field](const Config& config) { return fmt::format("{}", field(config).count()); }};
}

template <typename Field>
Setting text(std::string_view name, std::string_view help, Field field) {
    return {name, help,
            [field](Config& config, std::string_view value) -> util::Expected<void> {
                field(config) = std::string(value);
                return {};
            },
            [field](const Config& config) { return std::string(field(config)); }};
}

template <typename Field>
Setting milliseconds(std::string_view name, std::string_view help, Field field) {
    return {name, help,
            [field](Config& config, std::string_view text) -> util::Expected<void> {
                auto value = parse_number<long>(text, 0, 3600 * 1000);
                if (!value) return std::unexpected(value.error());
                field(config) = std::chrono::milliseconds(*value);
                return {};
            },
            [field](const Config& config) { return fmt::format("{}", field(config).count()); }};
}

template <typename Field>
Setting boolean(std::string_view name, std::string_view help, Field field) {
    return {name, help,
            [field](Config& config, std::string_view text) -> util::Expected<void> {
                if (text != "true" && text != "false") {
                    return util::fail(util::ErrorCode::invalid_input,
                                      fmt::format("expected true or false, got '{}'", text));
                }
                field(config) = text == "true";
                return {};
            },
            [field](const Config& config) { return field(config) ? "true" : "false"; }};
}

util::Expected<void> apply_listen(Config& config, std::string_view text) {
    // "127.0.0.1:8080" or "[::1]:8080"
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos || colon == 0) {
        return util::fail(
            util::ErrorCode::invalid_input,
            fmt::format("expected ADDRESS:PORT such as 127.0.0.1:8080, got '{}'", text));
    }
    auto address = text.substr(0, colon);
    if (address.starts_with('[') && address.ends_with(']')) {
        address = address.substr(1, address.size() - 2);
    }
    auto port = parse_number<unsigned short>(text.substr(colon + 1), 0, 65535);
    if (!port) return std::unexpected(port.error());
    config.server.listen_address = std::string(address);
    config.server.port = *port;
    return {};
}

std::vector<Setting> make_settings() {
    constexpr auto k_size_max = std::numeric_limits<std::size_t>::max();
    return {
        text(
            "server.node_name",
            "This node's name among several serving one database (default: host name and "
            "process id)",
            [](auto& c) -> auto& { return c.server.node_name; }),
        {"server.listen", "Address and port to serve on, e.g. 127.0.0.1:8080 or [::1]:8080",
         apply_listen,
         [](const Config& c) {
             return c.server.listen_address.find(':') != std::string::npos
                        ? fmt::format("[{}]:{}", c.server.listen_address, c.server.port)
                        : fmt::format("{}:{}", c.server.listen_address, c.server.port);
         }},
        number<int>(
            "server.threads", "Threads serving HTTP (0: one per core)",
            [](auto& c) -> auto& { return c.server.threads; }, 0, 256),
        number<std::size_t>(
            "server.max_header_bytes", "Largest request head accepted (431 beyond)",
            [](auto& c) -> auto& { return c.server.max_header_bytes; }, 1024, 1024 * 1024),
        number<std::size_t>(
            "server.max_body_bytes",
            "Largest request body accepted (413 beyond, refused before reading)",
            [](auto& c) -> auto& { return c.server.max_body_bytes; }, 1024, std::size_t{1} << 32),
        seconds(
            "server.read_timeout_seconds", "Time a client has to send one whole request",
            [](auto& c) -> auto& { return c.server.read_timeout; }),
        seconds(
            "server.idle_timeout_seconds", "Time a kept-alive connection may stay idle",
            [](auto& c) -> auto& { return c.server.idle_timeout; }),
        number<std::size_t>(
            "server.max_requests_per_connection", "Requests served on one connection, then close",
            [](auto& c) -> auto& { return c.server.max_requests_per_connection; }, 1, k_size_max),
        number<std::size_t>(
            "server.max_connections_per_address", "Concurrent connections from one address",
            [](auto& c) -> auto& { return c.server.max_connections_per_address; }, 1, k_size_max),
        number<std::size_t>(
            "server.max_connections", "Concurrent connections in all",
            [](auto& c) -> auto& { return c.server.max_connections; }, 1, k_size_max),
        seconds(
            "server.header_timeout_seconds",
            "Time a client has to send a request head (at most the read timeout)",
            [](auto& c) -> auto& { return c.server.header_timeout; }),
        number<std::size_t>(
            "server.min_body_bytes_per_second",
            "Slowest a request body may arrive (0: no minimum); slower ones are cut",
            [](auto& c) -> auto& { return c.server.min_body_bytes_per_second; }, 0, k_size_max),
        number<std::size_t>(
            "server.min_send_bytes_per_second",
            "Slowest a client may take a response (0: no minimum); slower ones are cut",
            [](auto& c) -> auto& { return c.server.min_send_bytes_per_second; }, 0, k_size_max),
        seconds(
            "server.min_rate_window_seconds",
            "How many seconds a body or response may fall behind its minimum rate (a stall)",
            [](auto& c) -> auto& { return c.server.min_rate_window; }),
        text(
            "server.trusted_proxies",
            "Proxies whose word on the client's address is taken: addresses or CIDR ranges, "
            "comma-separated (default none)",
            [](auto& c) -> auto& { return c.server.trusted_proxies; }),
        {"server.forwarded_header",
         "Header a trusted proxy names the client in: x-forwarded-for, forwarded or none",
         [](Config& c, std::string_view v) -> util::Expected<void> {
             if (v != "x-forwarded-for" && v != "forwarded" && v != "none") {
                 return util::fail(
                     util::ErrorCode::invalid_input,
                     fmt::format("expected x-forwarded-for, forwarded or none, got '{}'", v));
             }
             c.server.forwarded_header = std::string(v);
             return {};
         },
         [](const Config& c) { return c.server.forwarded_header; }},
        {"server.proxy_protocol",
         "Whether trusted proxies send a PROXY protocol header (v1 or v2) first: true or false",
         [](Config& c, std::string_view v) -> util::Expected<void> {
             if (v != "true" && v != "false") {
                 return util::fail(util::ErrorCode::invalid_input,
                                   fmt::format("expected true or false, got '{}'", v));
             }
             c.server.proxy_protocol = v == "true";
             return {};
         },
         [](const Config& c) { return std::string(c.server.proxy_protocol ? "true" : "false"); }},
        {"storage.database",
         "Where the data is kept: sqlite (the file storage.sqlite_path), or a PostgreSQL "
         "server as postgresql://user@host:port/name (docs/deployment.md)",
         [](Config& c, std::string_view v) -> util::Expected<void> {
             if (v != "sqlite" && !v.starts_with("postgresql://") &&
                 !v.starts_with("postgres://")) {
                 return util::fail(util::ErrorCode::invalid_input,
                                   "expected sqlite or a postgresql:// URL");
             }
             c.storage.database = std::string(v);
             return {};
         },
         [](const Config& c) { return c.storage.database; }},
        // Data folders made before storage.database have this line in their redress.toml;
        // "sqlite" was its only value, so it is read and ignored.
        {"storage.backend", "No longer used: see storage.database",
         [](Config&, std::string_view v) -> util::Expected<void> {
             if (v != "sqlite") {
                 return util::fail(util::ErrorCode::invalid_input,
                                   "storage.backend is no longer used; set storage.database");
             }
             return {};
         },
         [](const Config&) { return std::string("sqlite"); }},
        {"storage.sqlite_path", "SQLite database file (default: <data>/redress.sqlite3)",
         [](Config& c, std::string_view v) -> util::Expected<void> {
             c.storage.sqlite_path = std::filesystem::path(v);
             return {};
         },
         [](const Config& c) { return c.storage.sqlite_path.string(); }},
        number<std::size_t>(
            "storage.max_batch", "Most filings committed together",
            [](auto& c) -> auto& { return c.storage.max_batch; }, 1, 100000),
        number<std::size_t>(
            "storage.read_connections",
            "Database connections (and threads) for reading (0: one per core)",
            [](auto& c) -> auto& { return c.storage.read_connections; }, 0, 256),
        number<std::size_t>(
            "storage.read_map_mib",
            "MiB of the database file that readers map into memory (0: none)",
            [](auto& c) -> auto& { return c.storage.read_map_mib; }, 0, 1 << 24),
        number<std::size_t>(
            "storage.write_cache_mib",
            "MiB of database pages the writer keeps in memory between commits",
            [](auto& c) -> auto& { return c.storage.write_cache_mib; }, 1, 65536),
        // Data folders made before look-ups stopped keeping recent complaints in memory have
        // this line in their redress.toml; it is read and ignored, so that they still start.
        {"storage.recent_complaints", "No longer used: every look-up reads the database",
         [](Config&, std::string_view) -> util::Expected<void> { return {}; },
         [](const Config&) { return std::string("0"); }},
        text(
            "public.default_language", "Language of pages when the browser states none",
            [](auto& c) -> auto& { return c.default_language; }),
        number<std::size_t>(
            "public.max_form_fields", "Fields a posted form may hold (413 beyond)",
            [](auto& c) -> auto& { return c.public_side.max_form_fields; }, 100, 100000),
        number<std::size_t>(
            "public.status_free_failures",
            "Wrong receipts per reference or address before look-ups are slowed",
            [](auto& c) -> auto& { return c.public_side.status_free_failures; }, 0, 1000),
        milliseconds(
            "public.status_first_delay_ms", "First delay of a slowed look-up; doubles after",
            [](auto& c) -> auto& { return c.public_side.status_first_delay; }),
        milliseconds(
            "public.status_max_delay_ms", "Longest delay of a slowed look-up (never a lock-out)",
            [](auto& c) -> auto& { return c.public_side.status_max_delay; }),
        seconds(
            "public.status_forget_after_seconds", "Time after which wrong receipts stop counting",
            [](auto& c) -> auto& { return c.public_side.status_forget_after; }),
        seconds(
            "staff.audit_checkpoint_seconds",
            "How often the audit trail's head is signed, when entries were added",
            [](auto& c) -> auto& { return c.staff.audit_checkpoint_interval; }),
        milliseconds(
            "staff.deadline_refresh_ms",
            "How soon after a change a complaint's next deadline is worked out again",
            [](auto& c) -> auto& { return c.staff.deadline_refresh; }),
        number<std::size_t>(
            "staff.deadline_batch", "Complaints whose deadline one turn works out, at most",
            [](auto& c) -> auto& { return c.staff.deadline_batch; }, 1, 100000),
        {"staff.common_passwords_file", "Passwords staff may not choose, one per line",
         [](Config& c, std::string_view v) -> util::Expected<void> {
             c.staff.common_passwords_file = std::filesystem::path(v);
             return {};
         },
         [](const Config& c) { return c.staff.common_passwords_file.string(); }},
        number<std::size_t>(
            "staff.password_memory_mib", "Memory (MiB) each password hash uses (Argon2id)",
            [](auto& c) -> auto& { return c.staff.password_memory_mib; }, 8, 4096),
        number<std::size_t>(
            "staff.password_passes", "Passes over that memory per password hash (Argon2id)",
            [](auto& c) -> auto& { return c.staff.password_passes; }, 1, 20),
        {"staff.session_idle_minutes", "Minutes without a request after which a session ends",
         [](Config& c, std::string_view v) -> util::Expected<void> {
             auto minutes = parse_number<long>(v, 1, 24 * 60);
             if (!minutes) return std::unexpected(minutes.error());
             c.staff.session_idle = std::chrono::minutes(*minutes);
             return {};
         },
         [](const Config& c) { return fmt::format("{}", c.staff.session_idle.count()); }},
        {"staff.session_lifetime_hours", "Hours after sign-in at which a session ends, used or not",
         [](Config& c, std::string_view v) -> util::Expected<void> {
             auto hours = parse_number<long>(v, 1, 24 * 7);
             if (!hours) return std::unexpected(hours.error());
             c.staff.session_lifetime = std::chrono::hours(*hours);
             return {};
         },
         [](const Config& c) { return fmt::format("{}", c.staff.session_lifetime.count()); }},
        number<std::size_t>(
            "staff.password_checks_at_once",
            "Password checks that run at once (each holds staff.password_memory_mib)",
            [](auto& c) -> auto& { return c.staff.password_checks_at_once; }, 1, 64),
        number<std::size_t>(
            "staff.password_check_queue",
            "Password checks that may wait beyond those; more sign-ins are answered busy (503)",
            [](auto& c) -> auto& { return c.staff.password_check_queue; }, 0, 10000),
        number<std::size_t>(
            "staff.sign_in_free_failures",
            "Failed sign-in steps per account or address before each step is slowed",
            [](auto& c) -> auto& { return c.staff.sign_in_free_failures; }, 0, 1000),
        milliseconds(
            "staff.sign_in_first_delay_ms", "First delay of a slowed sign-in step; doubles after",
            [](auto& c) -> auto& { return c.staff.sign_in_first_delay; }),
        milliseconds(
            "staff.sign_in_max_delay_ms",
            "Longest delay of a slowed sign-in step (never a lock-out)",
            [](auto& c) -> auto& { return c.staff.sign_in_max_delay; }),
        seconds(
            "staff.sign_in_forget_after_seconds", "Time after which failed sign-ins stop counting",
            [](auto& c) -> auto& { return c.staff.sign_in_forget_after; }),
        boolean(
            "staff.sign_in_per_address",
            "Also slow sign-ins per client address (off when all clients share one address)",
            [](auto& c) -> auto& { return c.staff.sign_in_per_address; }),
        boolean(
            "staff.identity_custodian_approval",
            "A custodian approves each member's access to a complainant's identity first",
            [](auto& c) -> auto& { return c.staff.identity_custodian_approval; }),
        {"staff.identity_approval_hours", "Hours a custodian's approval stays in force",
         [](Config& c, std::string_view v) -> util::Expected<void> {
             auto hours = parse_number<long>(v, 1, 24 * 30);
             if (!hours) return std::unexpected(hours.error());
             c.staff.identity_approval_lifetime = std::chrono::hours(*hours);
             return {};
         },
         [](const Config& c) {
             return fmt::format("{}", c.staff.identity_approval_lifetime.count());
         }},
        boolean(
            "public.status_per_address",
            "Also slow look-ups per client address (off when all clients share one address)",
            [](auto& c) -> auto& { return c.public_side.status_per_address; }),
        number<std::size_t>(
            "public.status_lookups_per_second",
            "Failed status look-ups per second for the whole deployment; while failures come "
            "faster, look-ups are answered busy (0: no limit)",
            [](auto& c) -> auto& { return c.public_side.status_lookups_per_second; }, 0, 10000000),
        text(
            "public.base_url",
            "Address the public reaches this deployment at (onion or proxy), for links in mail "
            "and on acknowledgment letters",
            [](auto& c) -> auto& { return c.public_side.base_url; }),
        text(
            "mail.smtp_url",
            "Mail server for mail to complainants, e.g. smtp://127.0.0.1:25 (empty: mail off; "
            "it waits)",
            [](auto& c) -> auto& { return c.mail.smtp_url; }),
        text(
            "mail.from", "From address of mail to complainants (required when mail is on)",
            [](auto& c) -> auto& { return c.mail.from; }),
        text(
            "mail.smtp_user", "User name at the mail server (empty: no login)",
            [](auto& c) -> auto& { return c.mail.smtp_user; }),
        {"mail.smtp_password", "Password at the mail server",
         [](Config& c, std::string_view v) -> util::Expected<void> {
             c.mail.smtp_password = std::string(v);
             return {};
         },
         [](const Config& c) { return std::string(c.mail.smtp_password.empty() ? "" : "(set)"); }},
        {"mail.starttls", "STARTTLS with the mail server: try, require or off",
         [](Config& c, std::string_view v) -> util::Expected<void> {
             if (v != "try" && v != "require" && v != "off") {
                 return util::fail(util::ErrorCode::invalid_input,
                                   fmt::format("expected try, require or off, got '{}'", v));
             }
             c.mail.starttls = std::string(v);
             return {};
         },
         [](const Config& c) { return c.mail.starttls; }},
        seconds(
            "mail.send_timeout_seconds", "Time to connect to the mail server and send one mail",
            [](auto& c) -> auto& { return c.mail.send_timeout; }),
        seconds(
            "mail.retry_first_seconds", "First retry of a mail that failed; doubles after",
            [](auto& c) -> auto& { return c.mail.retry_first; }),
        seconds(
            "mail.retry_max_seconds", "Longest wait between retries of a mail",
            [](auto& c) -> auto& { return c.mail.retry_max; }),
        {"mail.give_up_hours", "Hours after which a mail that still fails is given up",
         [](Config& c, std::string_view v) -> util::Expected<void> {
             auto hours = parse_number<long>(v, 1, 24 * 30);
             if (!hours) return std::unexpected(hours.error());
             c.mail.give_up = std::chrono::hours(*hours);
             return {};
         },
         [](const Config& c) { return fmt::format("{}", c.mail.give_up.count()); }},
        number<std::size_t>(
            "mail.batch", "Mails taken from the queue at once",
            [](auto& c) -> auto& { return c.mail.batch; }, 1, 1000),
        milliseconds(
            "mail.poll_ms", "How often due mail is looked for",
            [](auto& c) -> auto& { return c.mail.poll; }),
        number<std::size_t>(
            "mail.max_message_mib",
            "Largest inbound email taken whole, in MiB; a larger one is kept cut and quarantined",
            [](auto& c) -> auto& { return c.mail.max_message_mib; }, 1, 100),
        milliseconds(
            "mail.intake_poll_ms", "How often the server looks for inbound email in the spool",
            [](auto& c) -> auto& { return c.mail.intake_poll; }),
        number<std::size_t>(
            "mail.intake_threads", "Inbound emails taken in at once (each waits on the disk)",
            [](auto& c) -> auto& { return c.mail.intake_threads; }, 1, 64),
        {"keys.file",
         "The key file (default <data>/redress.key); keep it apart from the data's backups",
         [](Config& c, std::string_view v) -> util::Expected<void> {
             c.key_file = std::filesystem::path(v);
             return {};
         },
         [](const Config& c) { return c.key_file.string(); }},
        number<unsigned>(
            "keys.signing_generation",
            "Generation of the key that signs confirmations; raise by one to rotate it",
            [](auto& c) -> auto& { return c.signing_generation; }, 1u, 1000u),
        {"evidence.folder",
         "Folder of the sealed evidence files (default: <data>/evidence); shared by every node "
         "serving one PostgreSQL database",
         [](Config& c, std::string_view v) -> util::Expected<void> {
             if (v.empty()) {
                 return util::fail(util::ErrorCode::invalid_input, "expected a folder");
             }
             c.evidence.folder = std::filesystem::path(v);
             return {};
         },
         [](const Config& c) { return c.evidence.folder.string(); }},
        number<std::size_t>(
            "evidence.max_file_mib", "MiB one evidence file may hold",
            [](auto& c) -> auto& { return c.evidence.max_file_mib; }, 1, 4096),
        number<std::size_t>(
            "evidence.max_files", "Evidence files one complaint may hold",
            [](auto& c) -> auto& { return c.evidence.max_files; }, 1, 1000),
        number<std::size_t>(
            "evidence.max_total_mib", "MiB of evidence files one complaint may hold",
            [](auto& c) -> auto& { return c.evidence.max_total_mib; }, 1, 65536),
        number<std::size_t>(
            "evidence.threads", "Threads that seal and store evidence files",
            [](auto& c) -> auto& { return c.evidence.threads; }, 1, 64),
        number<std::size_t>(
            "evidence.queue", "Uploads that may wait for those threads (503 beyond)",
            [](auto& c) -> auto& { return c.evidence.queue; }, 1, 10000),
        number<std::size_t>(
            "filing.max_subjects", "Subjects one filing may name",
            [](auto& c) -> auto& { return c.filing_limits.subjects; }, 1, 1000),
        number<std::size_t>(
            "filing.max_witnesses", "Witnesses one filing may name",
            [](auto& c) -> auto& { return c.filing_limits.witnesses; }, 1, 1000),
        number<std::size_t>(
            "filing.max_categories", "Categories one filing may name",
            [](auto& c) -> auto& { return c.filing_limits.categories; }, 1, 1000),
        number<std::size_t>(
            "filing.max_offices", "Offices one filing may be filed with",
            [](auto& c) -> auto& { return c.filing_limits.offices; }, 1, 1000),
        number<std::size_t>(
            "filing.max_narrative_chars", "Characters in the account of what happened",
            [](auto& c) -> auto& { return c.filing_limits.narrative; }, 100, 1000000),
        number<std::size_t>(
            "filing.max_errors_listed", "Problems listed in one refusal (the rest are counted)",
            [](auto& c) -> auto& { return c.filing_limits.errors_reported; }, 1, 10000),
        text(
            "deployment.time_zone",
            "Time zone in which service levels fall due, an IANA name such as America/New_York",
            [](auto& c) -> auto& { return c.time_zone; }),
        {"public.form_token_hours", "Hours a complaint form stays valid before it must be reloaded",
         [](Config& c, std::string_view v) -> util::Expected<void> {
             auto hours = parse_number<long>(v, 1, 24 * 14);
             if (!hours) return std::unexpected(hours.error());
             c.form_token_lifetime = std::chrono::hours(*hours);
             return {};
         },
         [](const Config& c) { return fmt::format("{}", c.form_token_lifetime.count()); }},
    };
}

}  // namespace

std::string Setting::environment_variable() const {
    std::string variable = "REDRESS_";
    for (const char ch : name) {
        variable += ch == '.' ? '_' : static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 32 : ch);
    }
    return variable;
}

std::string Setting::flag() const {
    std::string flag = "--";
    for (const char ch : name) flag += (ch == '.' || ch == '_') ? '-' : ch;
    return flag;
}

const std::vector<Setting>& settings() {
    static const std::vector<Setting> k_settings = make_settings();
    return k_settings;
}

const Setting* find_setting(std::string_view name) {
    for (const auto& setting : settings()) {
        if (setting.name == name) return &setting;
    }
    return nullptr;
}

}  // namespace redress::config
