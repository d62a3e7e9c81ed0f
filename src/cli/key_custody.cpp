#include "cli/key_custody.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "cli/database.hpp"
#include "intake/account_sealing.hpp"

namespace redress::cli {

util::Expected<crypto::Keys> unlock_keys(const config::Config& config, storage::Store& store) {
    const auto& key_file = config.key_file;
    const auto database = database_name(config);
    auto stored = store.key_check();
    if (!stored) return std::unexpected(stored.error());
    auto exists = crypto::key_file_exists(key_file);
    if (!exists) return std::unexpected(exists.error());

    if (!*exists) {
        auto holds = store.holds_filings();
        if (!holds) return std::unexpected(holds.error());
        if (stored->has_value() || *holds) {
            const std::string which =
                stored->has_value() ? fmt::format(" (key id {})", crypto::key_id(**stored)) : "";
            return util::fail(
                util::ErrorCode::conflict,
                fmt::format("the key file {} is missing, but the database {} holds data sealed "
                            "with a key{}. Restore the key file from your key backup (a file "
                            "whose line starts with 'redress-key-v1'; see docs/keys.md) and "
                            "start again. redress never makes a new key for a database that "
                            "holds data: everything sealed before would be lost.",
                            key_file.string(), database, which));
        }
        auto created = crypto::create_keys(key_file, config.signing_generation);
        if (!created) return std::unexpected(created.error());
        spdlog::warn(
            "created a new key file {} (key id {}); back it up now, apart from the "
            "data (docs/keys.md): without it nothing sealed can be read",
            key_file.string(), crypto::key_id(created->check));
        if (auto adopted = store.adopt_key_check(created->check); !adopted) {
            return std::unexpected(adopted.error());
        }
        return created;
    }

    auto keys = crypto::read_keys(key_file, config.signing_generation);
    if (!keys) return std::unexpected(keys.error());
    if (stored->has_value() && **stored != keys->check) {
        return util::fail(util::ErrorCode::conflict,
                          fmt::format("the key file {} (key id {}) is not the key of the "
                                      "database {} (key id {}). Restore the key file that "
                                      "belongs to this database from your key backup, or point "
                                      "keys.file at it.",
                                      key_file.string(), crypto::key_id(keys->check), database,
                                      crypto::key_id(**stored)));
    }
    if (!stored->has_value()) {
        // A database from before key checks were kept: it was sealed with this file's key.
        if (auto adopted = store.adopt_key_check(keys->check); !adopted) {
            return std::unexpected(adopted.error());
        }
    }
    spdlog::info("key id {}", crypto::key_id(keys->check));
    return keys;
}

}  // namespace redress::cli

namespace redress::cli {

util::Expected<void> seal_earlier_accounts(storage::Store& store, const crypto::Keys& keys) {
    auto sealed = intake::seal_clear_accounts(store, keys.content);
    if (!sealed) {
        spdlog::critical("could not seal the accounts of earlier filings: {}",
                         sealed.error().message);
        return std::unexpected(sealed.error());
    }
    if (*sealed > 0) {
        spdlog::info(
            "sealed the accounts of {} filings stored in the clear by an earlier "
            "redress",
            *sealed);
    }
    return {};
}

}  // namespace redress::cli
