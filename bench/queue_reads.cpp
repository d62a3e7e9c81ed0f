// Reads an office's work list from a large database as the staff queue page will: the
// first page, pages deep into the list by following cursors, and filtered pages. Prints
// the latency distribution of each, with the first (uncached) read apart. Figures, never
// pass/fail. Run after `redress synthesize` has filled the data folder (bench/README.md).
//
//   redress_bench_queue --data DIR [--database postgresql://...] [--office opr] [--pages 200]
//                       [--repeats 200]

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <iostream>
#include <vector>

#include "storage/postgresql/postgresql_store.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "util/await.hpp"

using namespace redress;

namespace {

using Clock = std::chrono::steady_clock;

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(p / 100.0 * static_cast<double>(values.size() - 1));
    return values[index];
}

util::Expected<domain::QueuePage> read(storage::Casework& casework, domain::QueueQuery query) {
    return util::await<domain::QueuePage>(
        [&](auto done) { casework.queue(std::move(query), std::move(done)); });
}

void report(std::string_view name, const std::vector<double>& ms, std::size_t items) {
    fmt::print("  {:<42} n={:<5} p50 {:6.2f} ms  p99 {:6.2f} ms  max {:6.2f} ms  ({} items/page)\n",
               name, ms.size(), percentile(ms, 50), percentile(ms, 99),
               ms.empty() ? 0.0 : *std::max_element(ms.begin(), ms.end()), items);
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Latency of an office's work list read from a large database"};
    std::string data_dir, database, office = "opr";
    std::size_t pages = 200, repeats = 200;
    app.add_option("--data", data_dir, "Data folder filled by redress synthesize")->required();
    app.add_option(
        "--database", database,
        "A PostgreSQL database (postgresql://...) to read instead of the folder's SQLite "
        "file");
    app.add_option("--office", office, "Office whose list is read");
    app.add_option("--pages", pages, "Pages followed from the top by their cursors");
    app.add_option("--repeats", repeats, "Reads of the first page and of each filter");
    CLI11_PARSE(app, argc, argv);

    const auto opened_at = Clock::now();
    auto backend =
        database.empty()
            ? storage::sqlite::open({.path = std::filesystem::path(data_dir) / "redress.sqlite3",
                                     .max_batch = 1024,
                                     .read_connections = 1,
                                     .read_map_bytes = std::size_t{2047} << 20})
            : storage::postgresql::open({.url = database, .read_connections = 1});
    if (!backend) {
        std::cerr << "cannot open: " << backend.error().message << "\n";
        return 1;
    }
    fmt::print("opened (and migrated) in {:.1f} s\n",
               std::chrono::duration<double>(Clock::now() - opened_at).count());
    auto& casework = static_cast<storage::Casework&>(**backend);

    const auto timed = [&](const domain::QueueQuery& query, std::vector<double>& into,
                           domain::QueuePage* page) {
        const auto started = Clock::now();
        auto result = read(casework, query);
        into.push_back(std::chrono::duration<double, std::milli>(Clock::now() - started).count());
        if (!result) {
            std::cerr << "read failed: " << result.error().message << "\n";
            std::exit(1);
        }
        if (page) *page = std::move(*result);
    };

    domain::QueueQuery top;
    top.office_id = office;
    std::vector<double> first_read, first_page, deep, by_channel, by_priority;
    domain::QueuePage page;
    timed(top, first_read, &page);
    for (std::size_t i = 0; i < repeats; ++i) timed(top, first_page, nullptr);

    domain::QueueQuery walking = top;
    std::size_t walked = 0;
    for (std::size_t i = 0; i < pages && page.next; ++i) {
        walking.after = page.next;
        timed(walking, deep, &page);
        walked += page.items.size();
    }
    domain::QueueQuery channel = top;
    channel.channel = domain::Channel::api;
    for (std::size_t i = 0; i < repeats; ++i) timed(channel, by_channel, nullptr);
    domain::QueueQuery priority = top;
    priority.priority = domain::Priority::normal;
    for (std::size_t i = 0; i < repeats; ++i) timed(priority, by_priority, nullptr);

    fmt::print("queue of office '{}', 50 items a page:\n", office);
    report("first page, first read (cold)", first_read, 50);
    report("first page, again", first_page, 50);
    report(fmt::format("following cursors, pages 2..{}", deep.size() + 1), deep, 50);
    report("filtered by channel (api)", by_channel, 50);
    report("filtered by priority (normal)", by_priority, 50);
    fmt::print("  items walked through cursors: {}\n", walked);
    return 0;
}
