// The database a command opens, as messages name it: never with its password.

#include "cli/database.hpp"

#include <gtest/gtest.h>

namespace redress::cli {
namespace {

config::Config with_database(std::string database) {
    config::Config config;
    config.storage.sqlite_path = "/srv/redress/data/redress.sqlite3";
    config.storage.database = std::move(database);
    return config;
}

TEST(DatabaseName, SqliteIsItsFile) {
    EXPECT_EQ(database_name(with_database("sqlite")), "/srv/redress/data/redress.sqlite3");
}

TEST(DatabaseName, APostgresqlPasswordIsNeverShown) {
    EXPECT_EQ(
        database_name(with_database("postgresql://redress:s3cret-Pw@db.internal:5432/redress")),
        "postgresql://redress@db.internal:5432/redress");
    EXPECT_EQ(database_name(with_database("postgresql://redress@db.internal/redress")),
              "postgresql://redress@db.internal/redress");
}

TEST(DatabaseName, APasswordParameterIsNeverShown) {
    const auto named = database_name(
        with_database("postgresql://redress@db.internal/redress?sslmode=require&password=s3cret"));
    EXPECT_EQ(named.find("s3cret"), std::string::npos) << named;
}

}  // namespace
}  // namespace redress::cli
