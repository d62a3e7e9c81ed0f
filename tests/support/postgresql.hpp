#pragma once
// A PostgreSQL database of its own for one test, in the server whose URL the environment
// variable REDRESS_TEST_POSTGRESQL holds (scripts/postgresql-cluster starts one and prints
// it). Made empty (from template0, UTF8, byte-order collation) when the object is made,
// dropped with whoever is still connected when it is destroyed, so that tests never share
// a database and leave none behind. A test that needs one skips without the variable:
//
//     if (!PostgresqlDatabase::available()) REDRESS_SKIP() << "REDRESS_TEST_POSTGRESQL unset";
//     PostgresqlDatabase database;
//     ... connect to database.url() ...

#include <string>

namespace redress::testing {

class PostgresqlDatabase {
  public:
    // The variable that names the server.
    static constexpr const char* k_variable = "REDRESS_TEST_POSTGRESQL";

    // Whether REDRESS_TEST_POSTGRESQL names a server.
    static bool available();

    // Throws std::runtime_error when the server cannot be reached or refuses.
    PostgresqlDatabase();
    ~PostgresqlDatabase();
    PostgresqlDatabase(const PostgresqlDatabase&) = delete;
    PostgresqlDatabase& operator=(const PostgresqlDatabase&) = delete;

    // postgresql://user@host:port/<this database>, with the server URL's parameters.
    const std::string& url() const { return m_url; }
    const std::string& name() const { return m_name; }

  private:
    std::string m_server_url;
    std::string m_name;
    std::string m_url;
};

// `url` with its database (the path after host and port) replaced by `database`.
std::string with_database(const std::string& url, const std::string& database);

}  // namespace redress::testing
