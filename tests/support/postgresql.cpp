#include "support/postgresql.hpp"

#include <fmt/format.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <random>
#include <stdexcept>

namespace redress::testing {

namespace {

struct ConnectionCloser {
    void operator()(PGconn* connection) const { PQfinish(connection); }
};
using Connection = std::unique_ptr<PGconn, ConnectionCloser>;

// Runs one statement on the server's own database; the error text when it fails.
std::string run(const std::string& url, const std::string& sql) {
    const Connection connection{PQconnectdb(url.c_str())};
    if (PQstatus(connection.get()) != CONNECTION_OK) {
        return fmt::format("cannot connect to {}: {}", PostgresqlDatabase::k_variable,
                           PQerrorMessage(connection.get()));
    }
    PGresult* result = PQexec(connection.get(), sql.c_str());
    std::string error;
    if (PQresultStatus(result) != PGRES_COMMAND_OK) error = PQresultErrorMessage(result);
    PQclear(result);
    return error;
}

// Unique among the tests that run at once, in this process and others: the process id, a
// count, and randomness for processes of other machines or containers sharing the server.
std::string unique_name() {
    static std::atomic<unsigned> made{0};
    std::random_device random;
    return fmt::format("redress_test_{}_{}_{:08x}", ::getpid(), made++, random());
}

}  // namespace

bool PostgresqlDatabase::available() {
    const char* url = std::getenv(k_variable);
    return url != nullptr && *url != '\0';
}

std::string with_database(const std::string& url, const std::string& database) {
    const auto scheme = url.find("://");
    const auto authority = scheme == std::string::npos ? 0 : scheme + 3;
    const auto query = std::min(url.find('?', authority), url.size());
    const auto path = std::min(url.find('/', authority), query);
    return url.substr(0, path) + "/" + database + url.substr(query);
}

PostgresqlDatabase::PostgresqlDatabase() {
    if (!available()) throw std::runtime_error(fmt::format("{} is not set", k_variable));
    m_server_url = std::getenv(k_variable);
    m_name = unique_name();
    m_url = with_database(m_server_url, m_name);
    // The name is made of [a-z0-9_] only: safe as an identifier without quoting.
    const auto error = run(m_server_url, fmt::format("CREATE DATABASE {} TEMPLATE template0 "
                                                     "ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'",
                                                     m_name));
    if (!error.empty()) {
        throw std::runtime_error(fmt::format("cannot create database {}: {}", m_name, error));
    }
}

PostgresqlDatabase::~PostgresqlDatabase() {
    // FORCE: a connection the test left open (or a server it started) does not keep the
    // database alive.
    const auto error =
        run(m_server_url, fmt::format("DROP DATABASE IF EXISTS {} WITH (FORCE)", m_name));
    if (!error.empty())
        std::fprintf(stderr, "cannot drop database %s: %s\n", m_name.c_str(), error.c_str());
}

}  // namespace redress::testing
