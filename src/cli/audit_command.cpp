#include "cli/audit_command.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <fstream>
#include <sstream>

#include "cli/database.hpp"
#include "cli/key_custody.hpp"
#include "crypto/signature.hpp"
#include "staff/audit_anchor.hpp"
#include "staff/audit_verification.hpp"
#include "util/await.hpp"

namespace redress::cli {

namespace {

// Entries read at a time: a trail may be far larger than memory.
constexpr std::size_t k_batch = 10'000;
// A head file is a few hundred bytes; anything far larger is not one.
constexpr std::streamsize k_longest_head_file = 4096;

util::Expected<std::optional<storage::AuditCheckpoint>> read_head_file(
    const std::filesystem::path& path, bool required) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        if (!required) return std::optional<storage::AuditCheckpoint>{};
        return util::fail(util::ErrorCode::not_found,
                          fmt::format("cannot read the head file {}", path.string()));
    }
    std::string text(static_cast<std::size_t>(k_longest_head_file), '\0');
    file.read(text.data(), k_longest_head_file);
    text.resize(static_cast<std::size_t>(file.gcount()));
    auto parsed = staff::parse_head_file(text);
    if (!parsed) {
        return util::fail(parsed.error().code,
                          fmt::format("{}: {}", path.string(), parsed.error().message));
    }
    return std::optional<storage::AuditCheckpoint>{std::move(*parsed)};
}

}  // namespace

util::Expected<AuditTrailCheck> check_audit_trail(
    storage::AuditTrail& trail, std::vector<crypto::PublicKey> keys,
    const std::optional<storage::AuditCheckpoint>& head) {
    auto checkpoints = util::await<std::vector<storage::AuditCheckpoint>>(
        [&](auto done) { trail.audit_checkpoints(std::move(done)); });
    if (!checkpoints) {
        return util::fail(checkpoints.error().code,
                          fmt::format("audit checkpoints: {}", checkpoints.error().message));
    }
    AuditTrailCheck check;
    check.checkpoints = checkpoints->size();
    if (head) checkpoints->push_back(*head);
    staff::AuditVerifier verifier(std::move(*checkpoints), std::move(keys));
    std::int64_t after = 0;
    for (;;) {
        auto entries = util::await<std::vector<domain::AuditEntry>>(
            [&](auto done) { trail.audit_entries(after, k_batch, std::move(done)); });
        if (!entries) {
            return util::fail(entries.error().code,
                              fmt::format("audit trail: {}", entries.error().message));
        }
        if (entries->empty() || !verifier.add(*entries)) break;
        after = entries->back().sequence;
    }
    check.broken = verifier.finish();
    check.entries = verifier.entries_checked();
    return check;
}

void add_audit_verify_options(CLI::App& command, AuditOptions& options) {
    command.add_option("--head", options.head_file,
                       "The audit head file kept outside the database (default: "
                       "<data>/audit-head when present)");
    command.add_option("--public-key", options.public_keys,
                       "A public signing key (base64) to check checkpoints with, instead of "
                       "the key file's; repeat for several generations");
}

int verify_audit(const config::Config& config, const AuditOptions& options) {
    auto backend = open_database(config, 1);
    if (!backend) {
        spdlog::critical("database {}: {}", database_name(config), backend.error().message);
        return 2;
    }
    std::vector<crypto::PublicKey> keys;
    for (const auto& text : options.public_keys) {
        const auto key = crypto::public_key_from_base64(text);
        if (!key) {
            spdlog::critical("--public-key {}: not a public key (base64 of 32 bytes)", text);
            return 2;
        }
        keys.push_back(*key);
    }
    if (keys.empty()) {
        auto unlocked = unlock_keys(config, **backend);
        if (!unlocked) {
            spdlog::critical("{}", unlocked.error().message);
            return 2;
        }
        for (const auto& key : unlocked->signing) keys.push_back(key.public_key);
    }

    const bool head_named = !options.head_file.empty();
    const auto head_path =
        head_named ? std::filesystem::path(options.head_file) : config.data_dir / "audit-head";
    auto head = read_head_file(head_path, head_named);
    if (!head) {
        spdlog::critical("{}", head.error().message);
        return 2;
    }
    auto checked = check_audit_trail(**backend, std::move(keys), *head);
    if (!checked) {
        spdlog::critical("{}", checked.error().message);
        return 2;
    }
    if (checked->broken) {
        fmt::print("audit trail BROKEN at entry {}: {}\n", checked->broken->sequence,
                   staff::audit_break_text(checked->broken->kind));
        return 1;
    }
    fmt::print("audit trail intact: {} entries, {} signed checkpoints{}\n", checked->entries,
               checked->checkpoints,
               *head ? fmt::format(", head file at entry {}", (*head)->sequence)
                     : std::string(", no head file"));
    return 0;
}

}  // namespace redress::cli
