// An office's work list: new complaints wait in triage, the most urgent first and then the
// oldest; pages follow cursors without skipping or repeating an item; filters only narrow.

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "sample_filing.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "support/temp_folder.hpp"
#include "util/await.hpp"

namespace redress::storage {
namespace {

using testing::oig;
using testing::opr;
using testing::record_and_wait;
using testing::sample_filing;
using testing::utc;

class SqliteQueueTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto opened = sqlite::open({.path = path(), .max_batch = 64, .read_connections = 2});
        ASSERT_TRUE(opened);
        m_backend = std::move(*opened);
    }

    std::filesystem::path path() const { return m_folder.path() / "redress.sqlite3"; }

    std::string file(domain::Timestamp at, domain::Channel channel = domain::Channel::web,
                     std::vector<std::string> categories = {"force"}) {
        auto filing = sample_filing({opr(), oig()}, at);
        filing.channel = channel;
        filing.categories = std::move(categories);
        auto filed = record_and_wait(*m_backend, std::move(filing));
        EXPECT_TRUE(filed);
        return filed ? filed->front().reference : "";
    }

    // Until triage decisions set it, priority is changed here directly.
    void set_priority(const std::string& reference, domain::Priority priority) {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(path().c_str(), &db), SQLITE_OK);
        const auto sql = fmt::format(
            "UPDATE complaint_states SET priority = {} WHERE complaint_id = "
            "(SELECT id FROM complaints WHERE reference = '{}')",
            static_cast<int>(priority), reference);
        EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);
    }

    domain::QueuePage page(domain::QueueQuery query) {
        if (query.office_id.empty()) query.office_id = opr().office_id;
        auto read = util::await<domain::QueuePage>(
            [&](auto done) { m_backend->queue(std::move(query), std::move(done)); });
        EXPECT_TRUE(read) << (read ? "" : read.error().message);
        return read ? *read : domain::QueuePage{};
    }

    static std::vector<std::string> references(const domain::QueuePage& page) {
        std::vector<std::string> found;
        for (const auto& item : page.items) found.push_back(item.reference);
        return found;
    }

    redress::testing::TempFolder m_folder;
    std::unique_ptr<Backend> m_backend;
};

TEST_F(SqliteQueueTest, NewComplaintsWaitInTriageMostUrgentThenOldestFirst) {
    const auto old = file(utc(2026, 3, 1));
    const auto middle = file(utc(2026, 3, 2));
    const auto recent = file(utc(2026, 3, 3));
    set_priority(recent, domain::Priority::urgent);
    set_priority(old, domain::Priority::low);
    const auto found = page({});
    EXPECT_EQ(references(found), (std::vector{recent, middle, old}));
    EXPECT_FALSE(found.next);
    ASSERT_EQ(found.items.size(), 3u);
    EXPECT_EQ(found.items[0].priority, domain::Priority::urgent);
    EXPECT_EQ(found.items[1].status, domain::Status::received);
    EXPECT_EQ(found.items[2].channel, domain::Channel::web);
}

TEST_F(SqliteQueueTest, EachOfficeSeesItsOwnComplaints) {
    const auto reference = file(utc(2026, 3, 1));
    domain::QueueQuery other;
    other.office_id = oig().office_id;
    const auto found = page(other);
    ASSERT_EQ(found.items.size(), 1u);
    EXPECT_NE(found.items[0].reference, reference);  // the OIG complaint of the same filing
    EXPECT_TRUE(found.items[0].reference.starts_with("OIG-"));
    domain::QueueQuery nobody;
    nobody.office_id = "police";
    EXPECT_TRUE(page(nobody).items.empty());
}

TEST_F(SqliteQueueTest, CursorsWalkTheWholeListOnceAcrossPriorities) {
    std::vector<std::string> all;
    for (int i = 0; i < 23; ++i) {
        all.push_back(file(utc(2026, 3, 1, 8, i)));
        if (i % 5 == 0) set_priority(all.back(), domain::Priority::high);
        if (i % 7 == 0) set_priority(all.back(), domain::Priority::low);
    }
    std::vector<std::string> walked;
    domain::QueueQuery query;
    query.limit = 4;
    for (int pages = 0; pages < 20; ++pages) {
        const auto found = page(query);
        EXPECT_LE(found.items.size(), 4u);
        for (const auto& reference : references(found)) walked.push_back(reference);
        if (!found.next) break;
        query.after = found.next;
    }
    EXPECT_EQ(walked.size(), all.size());
    std::sort(walked.begin(), walked.end());
    std::sort(all.begin(), all.end());
    EXPECT_EQ(walked, all);
    EXPECT_EQ(std::adjacent_find(walked.begin(), walked.end()), walked.end());
}

TEST_F(SqliteQueueTest, CursorsWalkComplaintsFiledInTheSameSecond) {
    // A flood of filings puts many complaints at one time: pages must split them.
    std::vector<std::string> all;
    for (int i = 0; i < 11; ++i) all.push_back(file(utc(2026, 3, 1, 8, 0, 0)));
    all.push_back(file(utc(2026, 3, 1, 8, 0, 1)));
    std::vector<std::string> walked;
    domain::QueueQuery query;
    query.limit = 4;
    for (int pages = 0; pages < 10; ++pages) {
        const auto found = page(query);
        for (const auto& reference : references(found)) walked.push_back(reference);
        if (!found.next) break;
        query.after = found.next;
    }
    EXPECT_EQ(walked, all);  // in filing order: same second, then by id
}

TEST_F(SqliteQueueTest, FiltersNarrowTheList) {
    const auto by_phone = file(utc(2026, 3, 1), domain::Channel::phone, {"theft"});
    const auto by_web = file(utc(2026, 3, 2), domain::Channel::web, {"force"});
    set_priority(by_web, domain::Priority::high);
    domain::QueueQuery phone;
    phone.channel = domain::Channel::phone;
    EXPECT_EQ(references(page(phone)), (std::vector{by_phone}));
    domain::QueueQuery force;
    force.category = "force";
    EXPECT_EQ(references(page(force)), (std::vector{by_web}));
    domain::QueueQuery high;
    high.priority = domain::Priority::high;
    EXPECT_EQ(references(page(high)), (std::vector{by_web}));
    domain::QueueQuery closed;
    closed.queue = domain::Queue::closed;
    EXPECT_TRUE(page(closed).items.empty());
}

TEST(QueueCursor, ReadsBackWhatItWritesAndRefusesAnythingElse) {
    const domain::QueueCursor cursor{domain::Priority::high, utc(2026, 3, 1), 12345};
    const auto parsed = domain::QueueCursor::parse(cursor.text());
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->priority, cursor.priority);
    EXPECT_EQ(parsed->received_at, cursor.received_at);
    EXPECT_EQ(parsed->complaint_id, 12345);
    for (const auto* bad : {"", "2", "2.3", "4.1.1", "-1.1.1", "1.x.1", "1.1.1.1", "1..1",
                            "1.99999999999999999999.1"}) {
        EXPECT_FALSE(domain::QueueCursor::parse(bad)) << bad;
    }
}

}  // namespace
}  // namespace redress::storage
