#pragma once
// The one Config of a running redress, built in a fixed order (defaults, the TOML file,
// REDRESS_* environment variables, command-line flags), validated once at start-up and
// passed down by const reference. Every setting is declared once, in settings.cpp's
// table, from which parsing, --help and the sample file's comments all come.

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "domain/deployment.hpp"
#include "domain/evidence.hpp"
#include "domain/validation.hpp"
#include "util/error.hpp"

namespace redress::config {

struct ServerSettings {
    // This process's name among the nodes serving one database, as background leases and
    // the log name it; empty: the host's name and the process id.
    std::string node_name;
    std::string listen_address = "127.0.0.1";
    unsigned short port = 8080;
    int threads = 0;  // 0: one per core
    std::size_t max_header_bytes = 16 * 1024;
    std::size_t max_body_bytes = 1024 * 1024;
    std::chrono::seconds read_timeout{30};            // to read one whole request
    std::chrono::seconds idle_timeout{60};            // between requests on a kept-alive connection
    std::size_t max_requests_per_connection = 10000;  // kept-alive or pipelined
    std::size_t max_connections_per_address = 256;
    std::size_t max_connections = 4096;
    std::chrono::seconds header_timeout{10};       // to send a request head
    std::size_t min_body_bytes_per_second = 1024;  // 0: none
    std::size_t min_send_bytes_per_second = 1024;  // 0: none
    std::chrono::seconds min_rate_window{20};      // how far behind those rates a transfer may be
    std::string trusted_proxies;                   // addresses and CIDR ranges; checked by http/
    std::string forwarded_header = "x-forwarded-for";  // or "forwarded", "none"
    bool proxy_protocol = false;
};

struct StorageSettings {
    // "sqlite", or the URL of a PostgreSQL database (postgresql://...), which may carry a
    // password: never logged (config::database_name).
    std::string database = "sqlite";
    std::filesystem::path sqlite_path;  // default: <data>/redress.sqlite3
    std::size_t max_batch = 1024;       // filings per group commit
    // 0: one per core. Each is a thread that reads; a thread beyond the cores helps only
    // while reads wait for the disk, and costs wake-ups when they do not.
    std::size_t read_connections = 0;
    // How much of the database file the reading connections map into memory (one mapping
    // that they share): mapped pages are read in place from the operating system's cache,
    // where unmapped ones are copied by a system call on every look-up. Address space, not
    // memory: nothing is read until used.
    std::size_t read_map_mib = 65536;
    std::size_t write_cache_mib = 64;  // the writer's page cache
};

// What the public may send and how status look-ups are slowed (intake/lookup_throttle.hpp).
struct PublicSettings {
    std::size_t max_form_fields = 1000;
    std::size_t status_free_failures = 5;
    std::chrono::milliseconds status_first_delay{250};
    std::chrono::milliseconds status_max_delay{8000};
    std::chrono::seconds status_forget_after{15 * 60};
    bool status_per_address = true;
    std::size_t status_lookups_per_second = 2000;  // 0: no budget
    // Where the public reaches this deployment (its onion address, or the proxy's), without
    // a trailing slash: mails to complainants link to its status page, and acknowledgment
    // letters (phone, mail) print it.
    std::string base_url = "http://127.0.0.1:8080";
};

// Mail to complainants (outbound/): nothing is sent while smtp_url is empty; the mails wait.
struct MailSettings {
    std::string smtp_url;   // smtp://host:port (or smtps://); empty: mail is off
    std::string from;       // the From address; required when mail is on
    std::string smtp_user;  // empty: no login
    std::string smtp_password;
    std::string starttls = "try";           // "try", "require" or "off"
    std::chrono::seconds send_timeout{30};  // to connect and send one mail
    // The first retry of a mail that failed for a reason that may pass, doubling after up
    // to the longest; after give_up of failing, the mail is given up.
    std::chrono::seconds retry_first{60};
    std::chrono::seconds retry_max{3600};
    std::chrono::hours give_up{72};
    std::size_t batch = 20;                // mails taken at once
    std::chrono::milliseconds poll{5000};  // how often due mail is looked for
    // Email intake (src/inbound/): the largest message taken whole (a larger one is kept
    // cut and quarantined), and how often the spool is looked at.
    std::size_t max_message_mib = 25;
    std::chrono::milliseconds intake_poll{500};
    std::size_t intake_threads = 8;  // messages taken in at once (each waits on the disk)
};

// The staff side: accounts, sign-in and the audit trail.
struct StaffSettings {
    // How often the audit trail's head is signed (when it moved): at most this much of
    // the trail is ever without a signed checkpoint.
    std::chrono::seconds audit_checkpoint_interval{60};
    // How soon after a change its complaint's next deadline is worked out again (for the
    // overdue lists), and how many complaints one turn works out at most (each turn holds
    // the writer for about 30 µs a complaint).
    std::chrono::milliseconds deadline_refresh{2000};
    std::size_t deadline_batch = 500;
    // Passwords that staff may not choose, one per line (Debian's ncrack package ships a
    // list of the 50,000 most common).
    std::filesystem::path common_passwords_file = "/usr/share/ncrack/top50000.pwd";
    // Argon2id's cost per password hash: memory (MiB) and passes. Each sign-in holds this
    // much memory while its hash runs.
    std::size_t password_memory_mib = 64;
    std::size_t password_passes = 2;
    // Sessions end after this long without a request, and this long after sign-in.
    std::chrono::minutes session_idle{30};
    std::chrono::hours session_lifetime{12};
    // Password checks that run at once (each holds password_memory_mib), and how many may
    // wait beyond those before sign-ins are answered busy.
    std::size_t password_checks_at_once = 2;
    std::size_t password_check_queue = 32;
    // Failed sign-in steps per account and per address before each step is slowed, the
    // first delay (doubling after), the longest, and when failures are forgotten.
    std::size_t sign_in_free_failures = 5;
    std::chrono::milliseconds sign_in_first_delay{500};
    std::chrono::milliseconds sign_in_max_delay{16000};
    std::chrono::seconds sign_in_forget_after{15 * 60};
    bool sign_in_per_address = true;
    // Whether a custodian approves each member's access to a complainant's identity first,
    // and how long an approval stays in force.
    bool identity_custodian_approval = false;
    std::chrono::hours identity_approval_lifetime{24};
};

// Evidence files (domain/evidence.hpp): how much a complaint may hold, and the threads that
// seal and flush them to disk.
struct EvidenceSettings {
    // Where the sealed files lie; relative to the data folder. Several nodes serving one
    // PostgreSQL database share one folder (docs/deployment.md).
    std::filesystem::path folder = "evidence";
    std::size_t max_file_mib = 25;
    std::size_t max_files = 20;
    std::size_t max_total_mib = 100;
    std::size_t threads = 2;
    std::size_t queue = 32;  // uploads waiting for those threads; beyond it, 503

    domain::EvidenceLimits limits() const {
        return {.max_file_bytes = std::uint64_t{max_file_mib} << 20U,
                .max_files = max_files,
                .max_total_bytes = std::uint64_t{max_total_mib} << 20U};
    }
};

struct Config {
    std::filesystem::path data_dir;
    std::filesystem::path share_dir;    // templates, locale, static, sample configuration
    std::filesystem::path config_file;  // default: <data>/redress.toml
    // Default <data>/redress.key; better kept elsewhere, apart from the data's backups.
    std::filesystem::path key_file;
    unsigned signing_generation = 1;  // raise by one to rotate the signing key
    std::string default_language = "en";
    std::chrono::hours form_token_lifetime{12};
    // The IANA name of the zone in which due dates fall; load() reads it into
    // deployment.time_zone.
    std::string time_zone = "UTC";
    ServerSettings server;
    StorageSettings storage;
    PublicSettings public_side;
    StaffSettings staff;
    MailSettings mail;
    domain::Limits filing_limits;
    EvidenceSettings evidence;
    domain::Deployment deployment;
};

}  // namespace redress::config

namespace redress::config {

// Where the settings come from, in the order they apply (later wins).
struct Sources {
    std::filesystem::path data_dir;
    std::filesystem::path share_dir;
    std::filesystem::path config_file;  // empty: <data>/redress.toml
    // REDRESS_* variables as the process saw them (only cli/ reads the environment).
    std::vector<std::pair<std::string, std::string>> environment;
    // Setting name ("server.port") and value given on the command line.
    std::vector<std::pair<std::string, std::string>> flags;
};

// Builds and validates the Config. Fails with a message naming the file, setting or
// office at fault.
util::Expected<Config> load(const Sources& sources);

}  // namespace redress::config
