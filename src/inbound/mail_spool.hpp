#pragma once
// The spool of inbound email: a folder (<data>/spool/mail/) where `redress ingest-email`
// leaves each message a mail server pipes to it, as a file, and from which the running
// server takes them in (inbound/mail_intake.hpp). The command never opens the database:
// only the server writes it. A message is written under a temporary name, flushed, linked
// to its final name and the folder flushed, so that a final name always means a whole,
// durable message; only then does the command tell the mail server it has it.
//
// Final names are "<unix-ms>-<32 hex>.eml": sorted by name, oldest first. A message larger
// than the limit is kept cut (its first bytes, then a line saying so) under a name ending
// "-cut.eml", so that it is quarantined as too large: never lost, never unbounded.

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "util/error.hpp"

namespace redress::inbound {

inline constexpr std::string_view k_spool_suffix = ".eml";
inline constexpr std::string_view k_cut_suffix = "-cut.eml";
// EX_TEMPFAIL of sysexits.h: the mail server keeps the message and tries again later.
inline constexpr int k_exit_try_later = 75;

// Makes the spool folder (0700) if need be.
util::Expected<void> make_spool_folder(const std::filesystem::path& folder);

// Reads descriptor `input` to its end and keeps what it read in `folder` (at most
// `max_bytes` of it); answers the final name. Fails when it could not be kept whole and
// durable: then nothing is left under a final name.
util::Expected<std::string> spool_message(const std::filesystem::path& folder, int input,
                                          std::size_t max_bytes);

// The final names in `folder`, oldest first. Temporary files are not listed.
util::Expected<std::vector<std::string>> spooled_messages(const std::filesystem::path& folder);

// Removes temporary files older than an hour (a command that died while writing).
void clear_stale_partials(const std::filesystem::path& folder);

// Removes a message taken in. Not flushed: a removal a power cut undoes leaves a name the
// database has recorded as taken, which is then only removed again.
util::Expected<void> remove_spooled(const std::filesystem::path& folder, const std::string& name);

// Whether a final name was kept cut.
inline bool spooled_cut(std::string_view name) {
    return name.ends_with(k_cut_suffix);
}

}  // namespace redress::inbound
