#include "cli/commands.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <map>

#include "cli/audit_command.hpp"
#include "cli/data_folder.hpp"
#include "cli/database.hpp"
#include "cli/ingest_command.hpp"
#include "cli/key_custody.hpp"
#include "cli/migrate_command.hpp"
#include "cli/serve.hpp"
#include "cli/synthesize_command.hpp"
#include "cli/user_command.hpp"
#include "cli/verify_command.hpp"
#include "config/settings.hpp"
#include "crypto/keys.hpp"
#include "http/client_address.hpp"

extern char** environ;

namespace redress::cli {
namespace {

std::vector<std::pair<std::string, std::string>> redress_environment() {
    std::vector<std::pair<std::string, std::string>> variables;
    for (char** entry = environ; *entry != nullptr; ++entry) {
        const std::string_view text(*entry);
        const auto equals = text.find('=');
        if (!text.starts_with("REDRESS_") || equals == std::string_view::npos) continue;
        variables.emplace_back(text.substr(0, equals), text.substr(equals + 1));
    }
    return variables;
}

struct Options {
    std::string data_dir = "data";
    std::string share_dir = REDRESS_SHARE_DIR;
    std::string config_file;
    std::string log_level = "info";
    std::map<std::string, std::string> settings;  // setting name → value as typed
};

// The options every command that reads the configuration takes, from the settings table.
void add_config_options(CLI::App& command, Options& options) {
    command
        .add_option("--data", options.data_dir,
                    "Data folder: configuration, key file and database (created if absent)")
        ->capture_default_str();
    command.add_option("--config", options.config_file,
                       "Configuration file (default: <data>/redress.toml)");
    command
        .add_option("--share", options.share_dir,
                    "Folder with templates, message catalogues and static files")
        ->capture_default_str();
    command.add_option("--log-level", options.log_level, "trace, debug, info, warn or error")
        ->capture_default_str();
    command.add_option_function<std::string>(
        "--listen",
        [&options](const std::string& value) { options.settings["server.listen"] = value; },
        "Shorthand for --server-listen");
    for (const auto& setting : config::settings()) {
        const std::string name(setting.name);
        command.add_option_function<std::string>(
            setting.flag(),
            [&options, name](const std::string& value) { options.settings[name] = value; },
            fmt::format("{} (env {})", setting.help, setting.environment_variable()));
    }
}

util::Expected<config::Config> load_config(const Options& options) {
    const std::filesystem::path data_dir = options.data_dir;
    const std::filesystem::path config_file = options.config_file.empty()
                                                  ? data_dir / "redress.toml"
                                                  : std::filesystem::path(options.config_file);
    if (auto prepared = prepare_data_folder(data_dir, config_file, options.share_dir); !prepared) {
        return std::unexpected(prepared.error());
    }
    config::Sources sources{data_dir, options.share_dir, config_file, redress_environment(), {}};
    for (const auto& [name, value] : options.settings) sources.flags.emplace_back(name, value);
    return config::load(sources);
}

int init_data(const config::Config& config) {
    auto store = open_database(config, 1);
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
    spdlog::info("data folder {} is ready", config.data_dir.string());
    return 0;
}

}  // namespace

int run(int argc, char** argv) {
    CLI::App app{"redress: file and follow complaints of misconduct against government agents"};
    app.require_subcommand(1);
    Options options;

    auto* serve_command = app.add_subcommand("serve", "Serve the public site and the API");
    add_config_options(*serve_command, options);
    auto* init_command =
        app.add_subcommand("init", "Create the data folder, configuration, key file and database");
    add_config_options(*init_command, options);
    auto* check_command = app.add_subcommand("check-config", "Check the configuration and exit");
    add_config_options(*check_command, options);
    VerifyOptions verify_options;
    auto* verify_command = app.add_subcommand(
        "verify-confirmation",
        "Check a proof of filing (from FILE or standard input) against a deployment's public keys");
    add_verify_options(*verify_command, verify_options);
    auto* audit_command = app.add_subcommand("audit", "The audit trail");
    audit_command->require_subcommand(1);
    AuditOptions audit_options;
    auto* audit_verify_command = audit_command->add_subcommand(
        "verify", "Check the audit trail's chain and signed checkpoints; name the first break");
    add_config_options(*audit_verify_command, options);
    add_audit_verify_options(*audit_verify_command, audit_options);
    auto* user_command = app.add_subcommand("user", "Staff accounts");
    user_command->require_subcommand(1);
    UserOptions user_options;
    auto* user_add_command = user_command->add_subcommand(
        "add", "Add a staff member; the password is read from standard input");
    add_config_options(*user_add_command, options);
    add_user_add_options(*user_add_command, user_options);
    auto* user_list_command = user_command->add_subcommand("list", "List the staff members");
    add_config_options(*user_list_command, options);
    SynthesizeOptions synthesize_options;
    auto* synthesize_command = app.add_subcommand(
        "synthesize",
        "Fill the data folder with synthetic complaints, staff and their work (benchmarks, demos)");
    add_config_options(*synthesize_command, options);
    add_synthesize_options(*synthesize_command, synthesize_options);

    MigrateOptions migrate_options;
    auto* migrate_command = app.add_subcommand(
        "migrate-db",
        "Move the data of a SQLite database into an empty PostgreSQL database, and check it");
    add_config_options(*migrate_command, options);
    add_migrate_options(*migrate_command, migrate_options);

    IngestOptions ingest_options;
    auto* ingest_command = app.add_subcommand(
        "ingest-email",
        "Keep one email (standard input) in the spool for the running server; exit 75 to retry");
    add_ingest_options(*ingest_command, ingest_options);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        return app.exit(error);
    }
    // Logs go to standard error, leaving standard output to commands' results.
    spdlog::set_default_logger(spdlog::stderr_color_mt("redress"));
    spdlog::set_level(spdlog::level::from_str(options.log_level));
    crypto::init();
    if (verify_command->parsed()) return verify_confirmation(verify_options);
    // Before the configuration: it must work as long as the spool folder is writable.
    if (ingest_command->parsed()) return ingest_email(ingest_options);

    auto config = load_config(options);
    if (!config) {
        spdlog::critical("configuration: {}", config.error().message);
        return 2;
    }
    // Read by http/, which config/ may not depend on: checked here, so that check-config
    // sees it too.
    if (auto trusted = http::TrustedProxies::parse(config->server.trusted_proxies); !trusted) {
        spdlog::critical("configuration: setting 'server.trusted_proxies': {}",
                         trusted.error().message);
        return 2;
    }
    if (check_command->parsed()) {
        spdlog::info("configuration {} is valid: {} offices, {} categories, {} rules",
                     config->config_file.string(), config->deployment.offices.size(),
                     config->deployment.categories.size(), config->deployment.rules.size());
        return 0;
    }
    if (init_command->parsed()) return init_data(*config);
    if (audit_verify_command->parsed()) return verify_audit(*config, audit_options);
    if (user_add_command->parsed()) return add_user(*config, user_options);
    if (user_list_command->parsed()) return list_users(*config);
    if (synthesize_command->parsed()) return synthesize(*config, synthesize_options);
    if (migrate_command->parsed()) return migrate_database(*config, migrate_options);
    return serve(*config);
}

}  // namespace redress::cli
