#pragma once
// What the staff side's tests on a real store share: a member of staff added to the store
// as `redress user add` would, and a web filing received on a given day for given offices.

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "domain/received_filing.hpp"
#include "domain/staff_member.hpp"
#include "storage/backend.hpp"
#include "storage/postgresql/postgresql_store.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "support/data_folder_database.hpp"
#include "util/await.hpp"

namespace redress::testing {

// A new store for `folder`, as the staff side's tests use one: SQLite in the folder, or the
// folder's own schema in PostgreSQL when the tests run there (data_folder_database.hpp).
inline std::unique_ptr<storage::Backend> open_store(const std::filesystem::path& folder) {
    auto opened =
        tests_run_on_postgresql()
            ? storage::postgresql::open(
                  {.url = database_for(folder), .max_batch = 16, .read_connections = 2})
            : storage::sqlite::open(
                  {.path = folder / "redress.sqlite3", .max_batch = 16, .read_connections = 2});
    EXPECT_TRUE(opened) << opened.error().message;
    return opened ? std::move(*opened) : nullptr;
}

// Adds the member (password hash "x": nobody signs in with it) and answers them with their id.
inline domain::StaffMember add_member(storage::Backend& backend, std::string username,
                                      std::vector<domain::Role> roles,
                                      std::vector<std::string> offices, domain::Timestamp at) {
    storage::StaffAccount account;
    account.member.username = username;
    account.member.display_name = username;
    account.member.roles = std::move(roles);
    account.member.offices = std::move(offices);
    account.password_hash = "x";
    auto id = util::await<domain::StaffId>([&](auto done) {
        backend.add_staff(account, {at, "test", "staff.added", "staff:" + username, "", ""},
                          std::move(done));
    });
    EXPECT_TRUE(id);
    account.member.id = id ? *id : 0;
    return account.member;
}

// A confidential web filing in English, sealed data stood in for by a few bytes.
inline domain::ReceivedFiling web_filing(domain::Timestamp received_at,
                                         std::vector<std::string> categories,
                                         std::vector<domain::Destination> destinations) {
    domain::ReceivedFiling filing;
    filing.channel = domain::Channel::web;
    filing.language = "en";
    filing.received_at = received_at;
    filing.confidentiality = domain::Confidentiality::confidential;
    filing.sealed_people = {1, 2, 3};
    filing.sealed_account = {4, 5, 6};
    filing.incident_date = "2026-03-01";
    filing.incident_date_precision = "exact";
    filing.categories = std::move(categories);
    filing.destinations = std::move(destinations);
    return filing;
}

}  // namespace redress::testing
