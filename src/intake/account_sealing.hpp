#pragma once
// The account of what happened (when, where, the narrative, injuries) and the subjects of
// a filing, sealed into one encrypted record with the content key, so that a copy of the
// database reveals no complaint and no person. The date and the categories stay readable
// beside it, for statistics and routing.

#include <cstdint>
#include <string>
#include <vector>

#include "crypto/keys.hpp"
#include "domain/filing.hpp"
#include "storage/store.hpp"

namespace redress::intake {

struct Account {
    domain::Incident incident;  // categories, date and precision are stored in the clear too
    std::vector<domain::Subject> subjects;
};

// The record as text (JSON, keys in a fixed order): what is sealed, and what a
// confirmation's digest covers.
std::string account_record(const domain::Filing& filing);

std::vector<std::uint8_t> seal_account(const domain::Filing& filing, const crypto::Key& key);

// Seals the accounts that an older redress stored in the clear, in batches, each replacing
// the clear text in one transaction. Returns how many it sealed. For start-up, once the
// key is known and before serving.
util::Expected<std::size_t> seal_clear_accounts(storage::Store& store, const crypto::Key& key);

// Fails when the record was altered or sealed with another key.
util::Expected<Account> open_account(const std::vector<std::uint8_t>& sealed,
                                     const crypto::Key& key);

}  // namespace redress::intake
