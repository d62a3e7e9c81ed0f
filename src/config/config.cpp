#include "config/config.hpp"

#include <toml++/toml.h>

#include <algorithm>

#include "config/deployment_toml.hpp"
#include "config/settings.hpp"
#include "config/time_zone_database.hpp"
#include "fmt/format.h"

namespace redress::config {
namespace {

// The sections of the file that hold settings rather than the deployment's domain.
constexpr std::string_view k_setting_sections[] = {"server", "storage", "public",    "staff",
                                                   "keys",   "filing",  "deployment"};
constexpr std::string_view k_deployment_keys[] = {"office", "category", "rule", "routing"};

util::Expected<std::string> node_text(const toml::node& node, std::string_view name) {
    if (const auto* text = node.as_string()) return text->get();
    if (const auto* integer = node.as_integer()) return fmt::format("{}", integer->get());
    if (const auto* boolean = node.as_boolean()) return boolean->get() ? "true" : "false";
    if (const auto* list = node.as_array()) {  // ["10.0.0.1", "::1"]: as "10.0.0.1, ::1"
        std::string joined;
        for (const auto& item : *list) {
            const auto* text = item.as_string();
            if (text == nullptr) break;
            joined += (joined.empty() ? "" : ", ") + text->get();
        }
        if (std::all_of(list->begin(), list->end(), [](const auto& i) { return i.is_string(); })) {
            return joined;
        }
    }
    return util::fail(
        util::ErrorCode::invalid_input,
        fmt::format("setting '{}' must be text, a number, true/false or a list of text", name));
}

util::Expected<void> apply(Config& config, std::string_view name, std::string_view text,
                           std::string_view origin) {
    const auto* setting = find_setting(name);
    if (setting == nullptr) {
        return util::fail(util::ErrorCode::invalid_input,
                          fmt::format("{}: unknown setting '{}'", origin, name));
    }
    if (auto applied = setting->apply(config, text); !applied) {
        return util::fail(
            util::ErrorCode::invalid_input,
            fmt::format("{}: setting '{}': {}", origin, name, applied.error().message));
    }
    return {};
}

util::Expected<void> apply_file(Config& config, const toml::table& root, std::string_view origin) {
    for (const auto& [key, node] : root) {
        const auto section = key.str();
        const bool is_setting_section =
            std::find(std::begin(k_setting_sections), std::end(k_setting_sections), section) !=
            std::end(k_setting_sections);
        const bool is_deployment =
            std::find(std::begin(k_deployment_keys), std::end(k_deployment_keys), section) !=
            std::end(k_deployment_keys);
        if (is_deployment) continue;
        if (!is_setting_section || !node.is_table()) {
            return util::fail(util::ErrorCode::invalid_input,
                              fmt::format("{}: unknown section '{}'", origin, section));
        }
        for (const auto& [setting_key, value] : *node.as_table()) {
            const auto name = fmt::format("{}.{}", section, setting_key.str());
            auto text = node_text(value, name);
            if (!text) {
                return util::fail(util::ErrorCode::invalid_input,
                                  fmt::format("{}: {}", origin, text.error().message));
            }
            if (auto applied = apply(config, name, *text, origin); !applied) return applied;
        }
    }
    return {};
}

}  // namespace

util::Expected<Config> load(const Sources& sources) {
    Config config;
    config.data_dir = sources.data_dir;
    config.share_dir = sources.share_dir;
    config.config_file =
        sources.config_file.empty() ? sources.data_dir / "redress.toml" : sources.config_file;
    config.key_file = "redress.key";  // relative to the data folder, like every path
    config.storage.sqlite_path = "redress.sqlite3";

    toml::table root;
    try {
        root = toml::parse_file(config.config_file.string());
    } catch (const toml::parse_error& error) {
        const auto& where = error.source().begin;
        return util::fail(util::ErrorCode::invalid_input,
                          fmt::format("{}:{}:{}: {}", config.config_file.string(), where.line,
                                      where.column, error.description()));
    }
    const auto file_origin = config.config_file.string();
    if (auto applied = apply_file(config, root, file_origin); !applied) {
        return std::unexpected(applied.error());
    }
    for (const auto& [variable, value] : sources.environment) {
        for (const auto& setting : settings()) {
            if (setting.environment_variable() != variable) continue;
            if (auto applied = apply(config, setting.name, value, variable); !applied) {
                return std::unexpected(applied.error());
            }
        }
    }
    for (const auto& [name, value] : sources.flags) {
        if (auto applied = apply(config, name, value, "command line"); !applied) {
            return std::unexpected(applied.error());
        }
    }
    if (config.storage.sqlite_path.is_relative()) {
        config.storage.sqlite_path = config.data_dir / config.storage.sqlite_path;
    }
    if (config.key_file.is_relative()) config.key_file = config.data_dir / config.key_file;
    if (config.evidence.folder.is_relative()) {
        config.evidence.folder = config.data_dir / config.evidence.folder;
    }

    auto deployment = read_deployment(root);
    if (!deployment) {
        return util::fail(util::ErrorCode::invalid_input,
                          fmt::format("{}: {}", file_origin, deployment.error().message));
    }
    config.deployment = std::move(*deployment);
    auto zone = load_time_zone(config.time_zone);
    if (!zone) {
        return util::fail(util::ErrorCode::invalid_input,
                          fmt::format("setting 'deployment.time_zone': {}", zone.error().message));
    }
    config.deployment.time_zone = std::move(*zone);
    return config;
}

}  // namespace redress::config
