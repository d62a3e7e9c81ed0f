#include "staff/audit_anchor.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <charconv>
#include <fstream>

#include "crypto/signature.hpp"
#include "util/await.hpp"

namespace redress::staff {

namespace {

constexpr std::string_view k_head_title = "redress audit head";

std::string hex(const domain::ChainHash& hash) {
    std::string text;
    for (const auto byte : hash) text += fmt::format("{:02x}", byte);
    return text;
}

std::optional<domain::ChainHash> from_hex(std::string_view text) {
    domain::ChainHash hash{};
    if (text.size() != 2 * hash.size()) return std::nullopt;
    for (std::size_t i = 0; i < hash.size(); ++i) {
        const auto pair = text.substr(2 * i, 2);
        const auto parsed = std::from_chars(pair.data(), pair.data() + 2, hash[i], 16);
        if (parsed.ec != std::errc() || parsed.ptr != pair.data() + 2) return std::nullopt;
    }
    return hash;
}

// Replaces the file whole: written beside it, flushed, then renamed over it, so that a
// crash leaves the old head or the new one, never half of one.
util::Expected<void> replace_file(const std::filesystem::path& path, const std::string& text) {
    const auto temporary = path.string() + ".new";
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return util::fail(util::ErrorCode::unavailable, "cannot write " + temporary);
    const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    const bool synced = written && ::fsync(fd) == 0;
    ::close(fd);
    if (!synced || ::rename(temporary.c_str(), path.c_str()) != 0) {
        ::unlink(temporary.c_str());
        return util::fail(util::ErrorCode::unavailable, "cannot write " + path.string());
    }
    return {};
}

}  // namespace

std::string head_file_text(const storage::AuditCheckpoint& checkpoint) {
    return fmt::format("{}\nsequence: {}\nat: {}\nhash: {}\nkey: {}\nsignature: {}\n", k_head_title,
                       checkpoint.sequence, checkpoint.at.time_since_epoch().count(),
                       hex(checkpoint.hash), checkpoint.key_id, checkpoint.signature);
}

util::Expected<storage::AuditCheckpoint> parse_head_file(std::string_view text) {
    const auto refuse = [](std::string_view what) {
        return util::fail(util::ErrorCode::invalid_input,
                          fmt::format("not an audit head file: {}", what));
    };
    std::vector<std::string_view> lines;
    while (!text.empty() && lines.size() < 7) {
        const auto end = text.find('\n');
        lines.push_back(text.substr(0, end));
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    }
    if (lines.size() != 6 || lines[0] != k_head_title || !text.empty()) {
        return refuse("it does not have the six lines of one");
    }
    const auto value = [&](std::size_t line,
                           std::string_view name) -> std::optional<std::string_view> {
        const auto prefix = fmt::format("{}: ", name);
        if (!lines[line].starts_with(prefix)) return std::nullopt;
        return lines[line].substr(prefix.size());
    };
    storage::AuditCheckpoint checkpoint;
    const auto number = [](std::optional<std::string_view> field) -> std::optional<std::int64_t> {
        std::int64_t parsed = 0;
        if (!field) return std::nullopt;
        const auto result = std::from_chars(field->data(), field->data() + field->size(), parsed);
        if (result.ec != std::errc() || result.ptr != field->data() + field->size()) {
            return std::nullopt;
        }
        return parsed;
    };
    const auto sequence = number(value(1, "sequence"));
    const auto at = number(value(2, "at"));
    const auto hash = value(3, "hash");
    const auto key = value(4, "key");
    const auto signature = value(5, "signature");
    if (!sequence || *sequence <= 0) return refuse("no sequence");
    if (!at) return refuse("no time");
    if (!hash || !from_hex(*hash)) return refuse("no hash");
    if (!key || !signature) return refuse("no signature");
    checkpoint.sequence = *sequence;
    checkpoint.at = domain::Timestamp(std::chrono::seconds(*at));
    checkpoint.hash = *from_hex(*hash);
    checkpoint.key_id = std::string(*key);
    checkpoint.signature = std::string(*signature);
    return checkpoint;
}

util::Expected<std::int64_t> anchor_audit_trail(storage::AuditTrail& trail,
                                                const crypto::SigningKey& key,
                                                const std::filesystem::path& head_file,
                                                domain::Timestamp now) {
    auto head =
        util::await<domain::AuditEntry>([&](auto done) { trail.audit_head(std::move(done)); });
    if (!head) return std::unexpected(head.error());
    if (head->sequence == 0) return 0;
    auto checkpoints = util::await<std::vector<storage::AuditCheckpoint>>(
        [&](auto done) { trail.audit_checkpoints(std::move(done)); });
    if (!checkpoints) return std::unexpected(checkpoints.error());
    if (!checkpoints->empty() && checkpoints->back().sequence >= head->sequence) {
        return head->sequence;  // nothing new to sign
    }
    storage::AuditCheckpoint checkpoint;
    checkpoint.sequence = head->sequence;
    checkpoint.at = now;
    checkpoint.hash = head->hash;
    checkpoint.key_id = crypto::signing_key_id(key.public_key);
    checkpoint.signature = crypto::sign(
        key, domain::checkpoint_text(checkpoint.sequence, checkpoint.at, checkpoint.hash));
    auto added = util::await<std::int64_t>(
        [&](auto done) { trail.add_checkpoint(checkpoint, std::move(done)); });
    // Two anchors racing for the same head: the other one signed it already.
    if (!added && added.error().code != util::ErrorCode::conflict) {
        return std::unexpected(added.error());
    }
    if (auto kept = replace_file(head_file, head_file_text(checkpoint)); !kept) {
        return std::unexpected(kept.error());
    }
    return head->sequence;
}

}  // namespace redress::staff
