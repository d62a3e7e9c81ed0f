#pragma once
// The deployment's keys, matched to its database before anything is served. A missing or
// different key file is refused with what to restore; a key file is created only for a
// database that holds nothing yet, never beside existing data (a restore that forgot the
// key must not silently start a second key, under which earlier receipts and sealed data
// could never be read again).

#include "config/config.hpp"
#include "crypto/keys.hpp"
#include "storage/store.hpp"

namespace redress::cli {

// The keys for `store`: read from config.key_file and checked against the check value
// the database keeps (adopted on first use), or made anew for an empty database. Fails
// with a message for the operator that says what to restore.
util::Expected<crypto::Keys> unlock_keys(const config::Config& config, storage::Store& store);

// Seals what a redress older than the sealing of accounts stored in the clear (see
// migrations/sqlite/0002_sealed_account.sql), logging how much; fails (logged) when it
// cannot.
util::Expected<void> seal_earlier_accounts(storage::Store& store, const crypto::Keys& keys);

}  // namespace redress::cli
