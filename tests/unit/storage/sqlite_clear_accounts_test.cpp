// Filings stored in the clear by a redress older than the sealing of accounts (schema 1)
// are found, and sealing them leaves none of their text anywhere in the database file.

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "sample_filing.hpp"
#include "storage/sqlite/connection.hpp"
#include "store_backends.hpp"

namespace redress::testing {
namespace {

constexpr std::string_view k_canary = "CANARY-CLEAR-9F2";

std::string file_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Writes a filing as schema 1 did: the account in plain columns, subjects in their table.
void store_in_the_clear(const std::filesystem::path& database) {
    auto connection =
        storage::sqlite::Connection::open(database, storage::sqlite::Access::read_write);
    ASSERT_TRUE(connection);
    const std::string canary(k_canary);
    const auto made =
        (*connection)
            ->execute(
                "INSERT INTO filings (id, channel, language, received_at, receipt_hash, "
                "confidentiality, whistleblower, on_behalf, sealed_people, witness_count, "
                "incident_date, "
                "incident_date_precision, incident_time, incident_when, place, city, region, "
                "narrative, "
                "injuries) VALUES (77, 'web', 'en', 1700000000, zeroblob(32), 'anonymous', 0, 0, "
                "x'', 0, "
                "'2023-11-01', 'exact', '10:00', 'morning', 'Gate " +
                canary + "', 'El Paso', 'TX', 'Pushed " + canary +
                "', 'bruise'); "
                "INSERT INTO subjects (filing_id, ordinal, name, badge, agency, component, unit, "
                "description, uniform, vehicle) VALUES (77, 0, 'Officer " +
                canary + "', '4471', 'ICE', '', '', '', '', '');");
    ASSERT_TRUE(made) << made.error().message;
}

TEST(SqliteClearAccounts, AreFoundAndSealedWithoutATraceOfTheirText) {
    TempFolder folder;
    SqliteBackend backend(folder.path());
    auto store = backend.open();
    ASSERT_TRUE(store);
    ASSERT_EQ(record_one(**store, sample_filing({opr()})), "OPR-2026-000001");  // sealed
    store_in_the_clear(backend.path());

    auto clear = (*store)->unsealed_accounts(10);
    ASSERT_TRUE(clear) << clear.error().message;
    ASSERT_EQ(clear->size(), 1u);  // the sealed filing is not among them
    const auto& account = clear->front();
    EXPECT_EQ(account.filing_id, 77);
    EXPECT_EQ(account.incident.narrative, "Pushed " + std::string(k_canary));
    EXPECT_EQ(account.incident.date, "2023-11-01");
    ASSERT_EQ(account.subjects.size(), 1u);
    EXPECT_EQ(account.subjects[0].badge, "4471");

    ASSERT_TRUE((*store)->seal_accounts({{77, {1, 2, 3, 4}, 1}}));
    EXPECT_TRUE((*store)->unsealed_accounts(10)->empty());
    EXPECT_EQ(backend.count(Table::subjects), 0);
    store->reset();  // closes every connection
    for (const char* suffix : {"", "-wal", "-shm"}) {
        const auto path = backend.path().string() + suffix;
        if (!std::filesystem::exists(path)) continue;
        EXPECT_EQ(file_bytes(path).find(k_canary), std::string::npos) << path;
    }
}

// Another process reading the database (a backup, the sqlite3 shell) keeps the journal
// from being emptied, and with it the clear text that sealing overwrites: sealing is then
// refused before anything changes, saying what to do, and works once the reader is gone.
TEST(SqliteClearAccounts, AreLeftUntouchedWhileAnotherReaderKeepsTheJournal) {
    TempFolder folder;
    SqliteBackend backend(folder.path());
    auto store = backend.open();
    ASSERT_TRUE(store);
    store_in_the_clear(backend.path());

    auto reader =
        storage::sqlite::Connection::open(backend.path(), storage::sqlite::Access::read_only);
    ASSERT_TRUE(reader);
    ASSERT_TRUE((*reader)->execute("BEGIN"));
    auto snapshot = (*reader)->prepare("SELECT count(*) FROM filings");
    ASSERT_TRUE(snapshot);
    ASSERT_TRUE((*snapshot)->step());  // the read transaction now holds its snapshot

    const auto refused = (*store)->seal_accounts({{77, {1, 2, 3, 4}, 1}});
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("another process is reading"), std::string::npos)
        << refused.error().message;
    EXPECT_EQ(backend.count(Table::subjects), 1);  // nothing overwritten

    (*snapshot)->reset();
    ASSERT_TRUE((*reader)->execute("COMMIT"));
    ASSERT_TRUE((*store)->seal_accounts({{77, {1, 2, 3, 4}, 1}}));
    EXPECT_TRUE((*store)->unsealed_accounts(10)->empty());
}

}  // namespace
}  // namespace redress::testing
