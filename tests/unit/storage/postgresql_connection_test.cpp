// The PostgreSQL connection (storage/postgresql/connection.hpp) against a real server, named
// by REDRESS_TEST_POSTGRESQL (postgresql://user@host:port/database); skipped without it.
// Tables are temporary (one session's own) unless a second connection must see them.

#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "storage/postgresql/connection.hpp"
#include "storage/postgresql/numbered_parameters.hpp"
#include "support/skip.hpp"

namespace redress::storage::postgresql {
namespace {

using sql::Access;

// --- without a server ---

TEST(PostgresqlNumberedParameters, RewritesOnlyParametersOutsideLiteralsAndComments) {
    const auto numbered = numbered_parameters(
        "SELECT ?1, '?1', 'it''s ?2', \"?3\", \"a\"\"?4\", ?10 -- ?5\n"
        ", /* ?6 /* ?7 */ ?8 */ ?2 FROM t WHERE x = ?1");
    EXPECT_EQ(numbered.sql,
              "SELECT $1, '?1', 'it''s ?2', \"?3\", \"a\"\"?4\", $10 -- ?5\n"
              ", /* ?6 /* ?7 */ ?8 */ $2 FROM t WHERE x = $1");
    EXPECT_EQ(numbered.count, 10);
}

TEST(PostgresqlNumberedParameters, LeavesABareQuestionMarkAndCountsNothingWithoutParameters) {
    const auto numbered = numbered_parameters("SELECT '?' ? 1");
    EXPECT_EQ(numbered.sql, "SELECT '?' ? 1");
    EXPECT_EQ(numbered.count, 0);
    EXPECT_EQ(numbered_parameters("SELECT 'unclosed ?1").sql, "SELECT 'unclosed ?1");
    EXPECT_EQ(numbered_parameters("SELECT ?1 -- ?2").sql, "SELECT $1 -- ?2");
}

TEST(PostgresqlNumberedParameters, DropsSqliteIndexHints) {
    const auto rewritten = numbered_parameters(
        "SELECT id FROM outbound_mail AS o INDEXED BY outbound_mail_due WHERE o.due_at <= ?1 "
        "AND note = 'INDEXED BY x'");
    EXPECT_EQ(rewritten.sql,
              "SELECT id FROM outbound_mail AS o  WHERE o.due_at <= $1 AND note = 'INDEXED BY x'");
}

TEST(PostgresqlUrl, RedactedUrlHasNoPassword) {
    EXPECT_EQ(redacted_url("postgresql://redress:s3cret@db.example:5432/redress?sslmode=require"),
              "postgresql://redress@db.example:5432/redress?sslmode=require");
    EXPECT_EQ(redacted_url("postgresql://db.example/redress?user=r&password=s3cret&sslmode=off"),
              "postgresql://db.example/redress?user=r&sslmode=off");
    EXPECT_EQ(redacted_url("postgresql://r@db.example/redress"),
              "postgresql://r@db.example/redress");
}

TEST(PostgresqlConnect, AFailureNamesNoPassword) {
    // A URL libpq cannot read is quoted whole in its message.
    auto broken = connect("postgresql://redress:hunter2secret@[::1/redress", Access::read_write);
    ASSERT_FALSE(broken);
    EXPECT_EQ(broken.error().code, util::ErrorCode::unavailable);
    EXPECT_TRUE(broken.error().message.starts_with("postgresql: ")) << broken.error().message;
    EXPECT_EQ(broken.error().message.find("hunter2secret"), std::string::npos)
        << broken.error().message;
    // Nothing listens on port 1 of loopback.
    auto refused =
        connect("postgresql://redress:hunter2secret@127.0.0.1:1/redress?password=x2y3z4w",
                Access::read_write);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, util::ErrorCode::unavailable);
    EXPECT_EQ(refused.error().message.find("hunter2secret"), std::string::npos);
    EXPECT_EQ(refused.error().message.find("x2y3z4w"), std::string::npos);
    EXPECT_NE(refused.error().message.find("127.0.0.1"), std::string::npos)
        << refused.error().message;

    auto not_a_url = connect("host=127.0.0.1 password=hunter2secret", Access::read_write);
    ASSERT_FALSE(not_a_url);
    EXPECT_EQ(not_a_url.error().code, util::ErrorCode::invalid_input);
}

// --- with a server ---

class PostgresqlConnection : public ::testing::Test {
  protected:
    void SetUp() override {
        const char* url = std::getenv("REDRESS_TEST_POSTGRESQL");
        if (url == nullptr || *url == '\0') {
            REDRESS_SKIP() << "REDRESS_TEST_POSTGRESQL names no PostgreSQL server";
        }
        m_url = url;
        m_db = open(Access::read_write);
    }

    std::unique_ptr<sql::Connection> open(Access access) {
        auto connection = connect(m_url, access);
        EXPECT_TRUE(connection) << connection.error().message;
        return connection ? std::move(*connection) : nullptr;
    }

    std::unique_ptr<sql::Statement> prepare(sql::Connection& db, std::string_view text) {
        auto statement = db.prepare(text);
        EXPECT_TRUE(statement) << statement.error().message;
        return std::move(*statement);
    }

    // A table name no other test process uses at the same time.
    static std::string shared_table(std::string_view name) {
        return std::string(name) + "_" + std::to_string(::getpid());
    }

    std::int64_t prepared_on_server(sql::Connection& db) {
        return std::stoll(*db.query_text("SELECT count(*) FROM pg_prepared_statements"));
    }

    std::string m_url;
    std::unique_ptr<sql::Connection> m_db;
};

TEST_F(PostgresqlConnection, NumberedParametersReachTheServerInOrder) {
    auto select = prepare(*m_db, "SELECT ?10, ?1, '?1', ?2 || '?3' -- ?4\n");
    for (int i = 1; i <= 10; ++i) select->bind(i, std::int64_t{i * 100});
    select->bind(2, std::string_view("two"));
    auto row = select->step();
    ASSERT_TRUE(row) << row.error().message;
    ASSERT_TRUE(*row);
    EXPECT_EQ(select->column_int(0), 1000);
    EXPECT_EQ(select->column_int(1), 100);
    EXPECT_EQ(select->column_text(2), "?1");
    EXPECT_EQ(select->column_text(3), "two?3");
}

TEST_F(PostgresqlConnection, IntegersTextAndBlobsComeBackAsBound) {
    ASSERT_TRUE(m_db->execute("CREATE TEMP TABLE v (i bigint, t text COLLATE \"C\", b bytea)"));
    auto insert = prepare(*m_db, "INSERT INTO v (i, t, b) VALUES (?1, ?2, ?3)");
    auto select = prepare(*m_db, "SELECT i, t, b FROM v WHERE i = ?1");

    const std::array<std::uint8_t, 6> bytes{0x00, 0xff, 0x00, '\\', 'x', 0x7f};
    const std::vector<std::uint8_t> empty;
    struct Case {
        std::int64_t i;
        std::string t;
        std::span<const std::uint8_t> b;
    };
    const std::vector<Case> cases{
        {std::numeric_limits<std::int64_t>::min(), "", bytes},
        {std::numeric_limits<std::int64_t>::max(), "Ñandú — 日本語 'quoted' \"double\" \\x", empty},
        {-1, "?1", bytes},
    };
    for (const auto& c : cases) {
        insert->bind(1, c.i).bind(2, std::string_view(c.t)).bind(3, c.b);
        auto ran = insert->run();
        ASSERT_TRUE(ran) << ran.error().message;
    }
    for (const auto& c : cases) {
        select->bind(1, c.i);
        auto row = select->step();
        ASSERT_TRUE(row && *row) << c.i;
        EXPECT_EQ(select->column_int(0), c.i);
        EXPECT_FALSE(select->column_is_null(1));
        EXPECT_EQ(select->column_text(1), c.t);   // "" stays "", not NULL
        EXPECT_FALSE(select->column_is_null(2));  // an empty blob is not NULL
        const auto blob = select->column_blob(2);
        EXPECT_EQ(std::vector<std::uint8_t>(blob.begin(), blob.end()),
                  std::vector<std::uint8_t>(c.b.begin(), c.b.end()));
        EXPECT_FALSE(*select->step());
        select->reset();
    }
}

TEST_F(PostgresqlConnection, TwoBlobColumnsOfARowStayReadableTogether) {
    auto select = prepare(*m_db, "SELECT ?1, ?2");
    const std::array<std::uint8_t, 2> first{1, 2};
    const std::array<std::uint8_t, 3> second{3, 4, 5};
    select->bind(1, std::span<const std::uint8_t>(first))
        .bind(2, std::span<const std::uint8_t>(second));
    ASSERT_TRUE(*select->step());
    const auto a = select->column_blob(0);
    const auto b = select->column_blob(1);
    EXPECT_EQ(std::vector<std::uint8_t>(a.begin(), a.end()), (std::vector<std::uint8_t>{1, 2}));
    EXPECT_EQ(std::vector<std::uint8_t>(b.begin(), b.end()), (std::vector<std::uint8_t>{3, 4, 5}));
}

TEST_F(PostgresqlConnection, NullsReadAsNull) {
    ASSERT_TRUE(m_db->execute("CREATE TEMP TABLE n (i bigint, t text, b bytea)"));
    auto insert = prepare(*m_db, "INSERT INTO n (i, t, b) VALUES (?1, ?2, ?3)");
    ASSERT_TRUE(insert->run());  // nothing bound: three NULLs
    auto select = prepare(*m_db, "SELECT i, t, b, NULL FROM n");
    ASSERT_TRUE(*select->step());
    for (int column = 0; column < 4; ++column) {
        EXPECT_TRUE(select->column_is_null(column)) << column;
    }
    EXPECT_EQ(select->column_int(0), 0);
    EXPECT_TRUE(select->column_text(1).empty());
    EXPECT_TRUE(select->column_blob(2).empty());
    EXPECT_TRUE(select->column_is_null(7));  // no such column reads as NULL, as in SQLite
    EXPECT_FALSE(*select->step());
}

TEST_F(PostgresqlConnection, BooleansAndWholeNumericsReadAsSqliteWould) {
    auto select = prepare(*m_db,
                          "SELECT EXISTS (SELECT 1), 1 = 0, "
                          "(SELECT sum(x) FROM (VALUES (2::bigint), (40::bigint)) AS s (x)), "
                          "(SELECT sum(x) FROM (VALUES (-3::bigint)) AS s (x))");
    ASSERT_TRUE(*select->step());
    EXPECT_EQ(select->column_int(0), 1);
    EXPECT_EQ(select->column_text(0), "1");
    EXPECT_EQ(select->column_int(1), 0);
    EXPECT_EQ(select->column_text(1), "0");
    EXPECT_EQ(select->column_int(2), 42);
    EXPECT_EQ(select->column_int(3), -3);
    EXPECT_EQ(*m_db->query_text("SELECT EXISTS (SELECT 1 WHERE false)"), "0");
}

TEST_F(PostgresqlConnection, RowsAreWalkedOneStepAtATime) {
    auto select = prepare(*m_db, "SELECT g, 'row ' || g FROM generate_series(1, ?1) AS g");
    select->bind(1, std::int64_t{5});
    for (std::int64_t expected = 1; expected <= 5; ++expected) {
        auto row = select->step();
        ASSERT_TRUE(row && *row) << expected;
        EXPECT_EQ(select->column_int(0), expected);
        EXPECT_EQ(select->column_text(1), "row " + std::to_string(expected));
    }
    EXPECT_FALSE(*select->step());
    EXPECT_FALSE(*select->step());  // stays finished until reset
    select->reset();
    select->bind(1, std::int64_t{0});
    EXPECT_FALSE(*select->step());
}

TEST_F(PostgresqlConnection, AUniqueViolationIsAConflictAndOtherErrorsUnavailable) {
    ASSERT_TRUE(m_db->execute("CREATE TEMP TABLE u (name text PRIMARY KEY)"));
    auto insert = prepare(*m_db, "INSERT INTO u (name) VALUES (?1)");
    insert->bind(1, std::string_view("taken-secret-value"));
    ASSERT_TRUE(insert->run());
    insert->bind(1, std::string_view("taken-secret-value"));
    auto again = insert->run();
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, util::ErrorCode::conflict);
    EXPECT_TRUE(again.error().message.starts_with("postgresql: ")) << again.error().message;
    EXPECT_NE(again.error().message.find("23505"), std::string::npos) << again.error().message;
    // PostgreSQL's detail quotes the key; it must not reach a log.
    EXPECT_EQ(again.error().message.find("taken-secret-value"), std::string::npos)
        << again.error().message;

    auto syntax = m_db->execute("SELEC 1");
    ASSERT_FALSE(syntax);
    EXPECT_EQ(syntax.error().code, util::ErrorCode::unavailable);
    EXPECT_TRUE(syntax.error().message.starts_with("postgresql: ")) << syntax.error().message;

    auto bad = prepare(*m_db, "SELECT * FROM no_such_table WHERE x = ?1");
    bad->bind(1, std::int64_t{1});
    auto stepped = bad->step();
    ASSERT_FALSE(stepped);
    EXPECT_EQ(stepped.error().code, util::ErrorCode::unavailable);
}

TEST_F(PostgresqlConnection, AFailedBindIsReportedByStep) {
    auto select = prepare(*m_db, "SELECT ?1");
    select->bind(2, std::int64_t{1});
    auto stepped = select->step();
    ASSERT_FALSE(stepped);
    EXPECT_EQ(stepped.error().code, util::ErrorCode::unavailable);
    select->reset();

    select->bind(1, std::string_view("nul\0inside", 10));
    stepped = select->step();
    ASSERT_FALSE(stepped);
    EXPECT_EQ(stepped.error().code, util::ErrorCode::invalid_input);
    select->reset();

    select->bind(1, std::string_view("fine"));
    stepped = select->step();
    ASSERT_TRUE(stepped && *stepped);
    EXPECT_EQ(select->column_text(0), "fine");
}

TEST_F(PostgresqlConnection, BeginWritingHoldsTheWriteLockAndCountsChanges) {
    ASSERT_TRUE(m_db->execute(
        "CREATE TEMP TABLE w (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text)"));
    auto other = open(Access::read_write);
    ASSERT_NE(other, nullptr);
    const std::string try_lock =
        "SELECT pg_try_advisory_lock(" + std::to_string(k_write_lock_key) + ")";

    EXPECT_FALSE(m_db->in_transaction());
    ASSERT_TRUE(m_db->begin_writing());
    EXPECT_TRUE(m_db->in_transaction());
    EXPECT_EQ(*other->query_text(try_lock), "0");  // another writer waits its turn
    const auto pid = *m_db->query_text("SELECT pg_backend_pid()");

    auto insert = prepare(*m_db, "INSERT INTO w (name) VALUES (?1) RETURNING id");
    insert->bind(1, std::string_view("a"));
    EXPECT_EQ(sql::inserted_id(*insert).value(), 1);
    EXPECT_EQ(m_db->changes(), 1);
    insert->bind(1, std::string_view("b"));
    EXPECT_EQ(sql::inserted_id(*insert).value(), 2);

    auto update = prepare(*m_db, "UPDATE w SET name = name || ?1");
    update->bind(1, std::string_view("!"));
    ASSERT_TRUE(update->run());
    EXPECT_EQ(m_db->changes(), 2);
    auto select = prepare(*m_db, "SELECT count(*) FROM w");
    ASSERT_TRUE(*select->step());
    EXPECT_EQ(select->column_int(0), 2);
    EXPECT_EQ(m_db->changes(), 2);  // a SELECT changes nothing
    ASSERT_TRUE(m_db->execute("DELETE FROM w WHERE id = 1"));
    EXPECT_EQ(m_db->changes(), 1);

    auto nested = m_db->begin_writing();
    EXPECT_FALSE(nested);
    ASSERT_TRUE(m_db->execute("COMMIT"));
    EXPECT_FALSE(m_db->in_transaction());
    // Released with the commit (asked by process, as other tests may be writing meanwhile).
    EXPECT_EQ(*other->query_text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                                 "AND pid = " +
                                 pid),
              "0");
}

TEST_F(PostgresqlConnection, ACommitOfAFailedTransactionFails) {
    ASSERT_TRUE(m_db->execute("CREATE TEMP TABLE f (x bigint PRIMARY KEY)"));
    ASSERT_TRUE(m_db->begin_writing());
    ASSERT_TRUE(m_db->execute("INSERT INTO f VALUES (1)"));
    EXPECT_FALSE(m_db->execute("INSERT INTO f VALUES (1)"));
    auto committed = m_db->execute("COMMIT");
    ASSERT_FALSE(committed);
    EXPECT_EQ(committed.error().code, util::ErrorCode::unavailable);
    EXPECT_FALSE(m_db->in_transaction());
    EXPECT_EQ(*m_db->query_text("SELECT count(*) FROM f"), "0");
}

TEST_F(PostgresqlConnection, StatementsSentAheadAreSeenByTheNextStepAndCommitted) {
    ASSERT_TRUE(m_db->execute("CREATE TEMP TABLE p (k bigint PRIMARY KEY, v text)"));
    auto insert = prepare(*m_db, "INSERT INTO p (k, v) VALUES (?1, ?2)");
    auto count = prepare(*m_db, "SELECT count(*), coalesce(max(v), '') FROM p");
    ASSERT_TRUE(m_db->begin_writing());
    // Past the 128 sent ahead at once, and a text bound from a value gone by the next send.
    for (int k = 1; k <= 1000; ++k) {
        const std::string value = "value " + std::to_string(k);
        auto sent = insert->bind(1, std::int64_t{k}).bind(2, value).send();
        ASSERT_TRUE(sent) << sent.error().message;
    }
    auto row = count->step();
    ASSERT_TRUE(row && *row) << (row ? "no row" : row.error().message);
    EXPECT_EQ(count->column_int(0), 1000);
    EXPECT_EQ(count->column_text(1), "value 999");
    count->reset();
    ASSERT_TRUE(insert->bind(1, std::int64_t{1001}).bind(2, std::string_view("last")).send());
    ASSERT_TRUE(m_db->execute("COMMIT"));
    EXPECT_EQ(*m_db->query_text("SELECT count(*) FROM p"), "1001");
}

TEST_F(PostgresqlConnection, ASentFailureIsReportedByTheNextWaitAndOnlyThere) {
    ASSERT_TRUE(m_db->execute("CREATE TEMP TABLE q (k bigint PRIMARY KEY)"));
    auto insert = prepare(*m_db, "INSERT INTO q (k) VALUES (?1)");
    ASSERT_TRUE(m_db->begin_writing());
    ASSERT_TRUE(insert->bind(1, std::int64_t{1}).send());
    ASSERT_TRUE(m_db->execute("SAVEPOINT job"));
    ASSERT_TRUE(insert->bind(1, std::int64_t{2}).send());
    // Sent without waiting: the duplicate is found by the server, later.
    ASSERT_TRUE(insert->bind(1, std::int64_t{1}).send());
    ASSERT_TRUE(insert->bind(1, std::int64_t{3}).send());
    auto settled = m_db->settle();
    ASSERT_FALSE(settled);
    EXPECT_EQ(settled.error().code, util::ErrorCode::conflict);
    EXPECT_NE(settled.error().message.find("23505"), std::string::npos) << settled.error().message;
    EXPECT_TRUE(m_db->settle());  // reported once
    // What was sent since the savepoint is undone with it, what came before stays.
    ASSERT_TRUE(m_db->execute("ROLLBACK TO job"));
    ASSERT_TRUE(insert->bind(1, std::int64_t{4}).send());
    ASSERT_TRUE(m_db->execute("COMMIT"));
    EXPECT_EQ(*m_db->query_text("SELECT string_agg(k::text, ',' ORDER BY k) FROM q"), "1,4");

    // A failure sent ahead fails the step that waits for it, and COMMIT then fails.
    auto select = prepare(*m_db, "SELECT count(*) FROM q");
    ASSERT_TRUE(m_db->begin_writing());
    ASSERT_TRUE(insert->bind(1, std::int64_t{4}).send());
    auto stepped = select->step();
    ASSERT_FALSE(stepped);
    EXPECT_EQ(stepped.error().code, util::ErrorCode::conflict);
    select->reset();
    EXPECT_FALSE(m_db->execute("COMMIT"));
    EXPECT_FALSE(m_db->in_transaction());
    EXPECT_EQ(*m_db->query_text("SELECT count(*) FROM q"), "2");
}

TEST_F(PostgresqlConnection, OutsideATransactionSendRunsAtOnce) {
    const auto table = shared_table("send_now");
    ASSERT_TRUE(m_db->execute("CREATE TABLE " + table + " (k bigint PRIMARY KEY)"));
    auto insert = prepare(*m_db, "INSERT INTO " + table + " (k) VALUES (?1)");
    ASSERT_TRUE(insert->bind(1, std::int64_t{1}).send());
    auto other = open(Access::read_only);
    ASSERT_NE(other, nullptr);
    EXPECT_EQ(*other->query_text("SELECT count(*) FROM " + table), "1");  // committed already
    auto again = insert->bind(1, std::int64_t{1}).send();
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, util::ErrorCode::conflict);
    ASSERT_TRUE(m_db->execute("DROP TABLE " + table));
}

TEST_F(PostgresqlConnection, StatementsAreReusedManyTimes) {
    ASSERT_TRUE(m_db->execute("CREATE TEMP TABLE r (k bigint PRIMARY KEY, v text)"));
    auto insert = prepare(*m_db, "INSERT INTO r (k, v) VALUES (?1, ?2)");
    auto select = prepare(*m_db, "SELECT v FROM r WHERE k = ?1");
    for (std::int64_t k = 0; k < 200; ++k) {
        const auto text = "value " + std::to_string(k);
        insert->bind(1, k).bind(2, std::string_view(text));
        auto ran = insert->run();
        ASSERT_TRUE(ran) << ran.error().message;
        select->bind(1, k);
        auto row = select->step();
        ASSERT_TRUE(row && *row) << k;
        EXPECT_EQ(select->column_text(0), text);
        select->reset();
    }
    EXPECT_EQ(*m_db->query_text("SELECT count(*) FROM r"), "200");
}

TEST_F(PostgresqlConnection, OtherParameterTypesPrepareASecondVariant) {
    const auto before = prepared_on_server(*m_db);
    auto type = prepare(*m_db, "SELECT pg_typeof(?1)::text, ?1 IS NULL");
    const auto type_of = [&](auto bind) {
        bind(*type);
        auto row = type->step();
        EXPECT_TRUE(row && *row) << (row ? "" : row.error().message);
        std::string text(type->column_text(0));
        type->reset();
        return text;
    };
    EXPECT_EQ(type_of([](sql::Statement& s) { s.bind(1, std::int64_t{7}); }), "bigint");
    EXPECT_EQ(type_of([](sql::Statement& s) { s.bind(1, std::string_view("7")); }), "text");
    const std::array<std::uint8_t, 1> byte{7};
    EXPECT_EQ(type_of([&](sql::Statement& s) { s.bind(1, std::span<const std::uint8_t>(byte)); }),
              "bytea");
    EXPECT_EQ(type_of([](sql::Statement& s) { s.bind(1, std::int64_t{8}); }), "bigint");
    // The count query was prepared once already (by `before`); the three variants are new.
    EXPECT_EQ(prepared_on_server(*m_db), before + 3);

    // Another statement object of the same text shares what was prepared.
    type.reset();
    auto same = prepare(*m_db, "SELECT pg_typeof(?1)::text, ?1 IS NULL");
    same->bind(1, std::int64_t{1});
    ASSERT_TRUE(*same->step());
    EXPECT_EQ(prepared_on_server(*m_db), before + 3);
}

TEST_F(PostgresqlConnection, AReadOnlyConnectionRefusesToWrite) {
    const auto table = shared_table("pgconn_read_only");
    ASSERT_TRUE(
        m_db->execute("DROP TABLE IF EXISTS " + table + "; CREATE TABLE " + table + " (x bigint)"));
    auto reader = open(Access::read_only);
    ASSERT_NE(reader, nullptr);
    auto insert = prepare(*reader, "INSERT INTO " + table + " (x) VALUES (?1)");
    insert->bind(1, std::int64_t{1});
    auto refused = insert->run();
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, util::ErrorCode::unavailable);
    EXPECT_NE(refused.error().message.find("25006"), std::string::npos) << refused.error().message;
    EXPECT_EQ(*reader->query_text("SELECT count(*) FROM " + table), "0");
    EXPECT_TRUE(m_db->execute("DROP TABLE " + table));
}

TEST_F(PostgresqlConnection, ALostConnectionIsResetByTheNextCall) {
    auto select = prepare(*m_db, "SELECT ?1 + 1");
    select->bind(1, std::int64_t{1});
    ASSERT_TRUE(*select->step());
    EXPECT_EQ(select->column_int(0), 2);
    select->reset();
    const auto pid = *m_db->query_text("SELECT pg_backend_pid()");

    auto other = open(Access::read_write);
    ASSERT_NE(other, nullptr);
    ASSERT_EQ(*other->query_text("SELECT pg_terminate_backend(" + pid + ")"), "1");

    // The call that finds the connection lost fails; the next one reconnects, and the
    // statement is prepared again in the new session.
    select->bind(1, std::int64_t{2});
    auto lost = select->step();
    ASSERT_FALSE(lost);
    EXPECT_EQ(lost.error().code, util::ErrorCode::unavailable);
    select->reset();
    select->bind(1, std::int64_t{3});
    auto again = select->step();
    ASSERT_TRUE(again) << again.error().message;
    ASSERT_TRUE(*again);
    EXPECT_EQ(select->column_int(0), 4);
    EXPECT_NE(*m_db->query_text("SELECT pg_backend_pid()"), pid);
}

TEST_F(PostgresqlConnection, AReadOnlyConnectionStaysReadOnlyAfterAReset) {
    auto reader = open(Access::read_only);
    ASSERT_NE(reader, nullptr);
    const auto pid = *reader->query_text("SELECT pg_backend_pid()");
    ASSERT_EQ(*m_db->query_text("SELECT pg_terminate_backend(" + pid + ")"), "1");
    EXPECT_FALSE(reader->query_text("SELECT 1"));  // finds it lost
    EXPECT_EQ(*reader->query_text("SHOW default_transaction_read_only"), "on");
}

TEST_F(PostgresqlConnection, ExecuteRunsSeveralStatements) {
    ASSERT_TRUE(m_db->execute(
        "CREATE TEMP TABLE s (x bigint); INSERT INTO s VALUES (1), (2); INSERT INTO s VALUES (3)"));
    EXPECT_EQ(*m_db->query_text("SELECT sum(x) FROM s"), "6");
    EXPECT_EQ(*m_db->query_text("SELECT x FROM s WHERE x > 10"), "");
}

}  // namespace
}  // namespace redress::storage::postgresql
