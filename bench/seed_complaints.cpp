// Fills a data folder with many complaints, as fast as intake and the store take them, for
// benchmarks that need a realistically large table (status look-ups against 1,000,000
// complaints). Every complaint goes through the real Intake (validation, sealing, receipt)
// and the real SQLite store (group commit); nothing is written behind their backs. Writes
// "REFERENCE<TAB>RECEIPT" lines for a random sample of the complaints, and for as many
// references that were never given, for bench/status.lua.
//
//   redress_bench_seed --data DIR --share SHARE --count N --sample K
//       --known known.tsv --unknown unknown.tsv

#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <fstream>
#include <iostream>
#include <mutex>
#include <random>

#include "cli/key_custody.hpp"
#include "config/config.hpp"
#include "crypto/keys.hpp"
#include "domain/reference.hpp"
#include "intake/intake.hpp"
#include "storage/sqlite/sqlite_store.hpp"

using namespace redress;

namespace {

domain::Filing filing_number(std::size_t number) {
    domain::Filing filing;
    filing.incident.narrative =
        "Seeded complaint " + std::to_string(number) +
        ": at the checkpoint an officer took my documents and phone, shouted at me and my "
        "children, and kept us waiting for hours without water. He would not give his name.";
    filing.incident.place = "Checkpoint " + std::to_string(number % 97);
    filing.incident.date = "2026-10-" + std::to_string(10 + number % 18);
    domain::Subject subject;
    subject.badge = std::to_string(1000 + number % 9000);
    subject.description = "tall, grey uniform";
    filing.subjects.push_back(subject);
    return filing;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Fills a redress data folder with complaints for benchmarks"};
    std::string data_dir, share_dir, known_path, unknown_path;
    std::size_t count = 1000000, sample = 10000, in_flight = 4096;
    app.add_option("--data", data_dir, "Data folder (created with the sample configuration)")
        ->required();
    app.add_option("--share", share_dir, "The share folder of the source tree")->required();
    app.add_option("--count", count, "Complaints to file");
    app.add_option("--sample", sample, "Pairs to write to each of --known and --unknown");
    app.add_option("--known", known_path, "Output: pairs of filed complaints")->required();
    app.add_option("--unknown", unknown_path, "Output: pairs of references never given")
        ->required();
    CLI11_PARSE(app, argc, argv);
    crypto::init();

    std::filesystem::create_directories(data_dir);
    const auto config_file = std::filesystem::path(data_dir) / "redress.toml";
    if (!std::filesystem::exists(config_file)) {
        std::filesystem::copy_file(
            std::filesystem::path(share_dir) / "config" / "redress.sample.toml", config_file);
    }
    auto config = config::load({data_dir, share_dir, config_file, {}, {}});
    if (!config) {
        std::cerr << config.error().message << '\n';
        return 1;
    }
    auto store = storage::sqlite::open({.path = config->storage.sqlite_path,
                                        .max_batch = config->storage.max_batch,
                                        .read_connections = 1});
    if (!store) {
        std::cerr << store.error().message << '\n';
        return 1;
    }
    auto keys = cli::unlock_keys(*config, **store);
    if (!keys) {
        std::cerr << keys.error().message << '\n';
        return 1;
    }
    intake::Intake intake(config->deployment, **store, *keys, [] {
        return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    });

    // Which complaints go into the sample: chosen before filing, spread over the whole run.
    std::mt19937_64 random(20261130);
    std::vector<bool> sampled(count, false);
    for (std::size_t i = 0; i < std::min(sample, count); ++i) sampled[random() % count] = true;

    std::mutex mutex;
    std::condition_variable room;
    std::size_t outstanding = 0, failed = 0;
    std::vector<std::pair<std::string, std::string>> known;
    std::string any_prefix;
    const auto started = std::chrono::steady_clock::now();
    for (std::size_t number = 0; number < count; ++number) {
        {
            std::unique_lock lock(mutex);
            room.wait(lock, [&] { return outstanding < in_flight; });
            ++outstanding;
        }
        intake.file(
            filing_number(number), domain::Channel::api,
            [&, keep = sampled[number]](std::expected<intake::Stored, intake::Refusal> result) {
                std::lock_guard lock(mutex);
                --outstanding;
                if (!result) {
                    ++failed;
                } else if (keep) {
                    known.emplace_back(result->complaints.front().reference,
                                       result->receipt.text());
                }
                room.notify_one();
            });
        if (number % 100000 == 99999) {
            std::cerr << "filed " << number + 1 << '\n';
        }
    }
    {
        std::unique_lock lock(mutex);
        room.wait(lock, [&] { return outstanding == 0; });
    }
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    std::cerr << "filed " << count << " complaints in " << took.count() << " s ("
              << static_cast<double>(count) / took.count() << "/s), " << failed << " failed\n";

    std::shuffle(known.begin(), known.end(), random);
    std::ofstream known_out(known_path);
    for (const auto& [reference, receipt] : known)
        known_out << reference << '\t' << receipt << '\n';
    // References of the same offices and year, past every number given: well-formed, never
    // filed. Each with a receipt of the right shape.
    std::ofstream unknown_out(unknown_path);
    for (std::size_t i = 0; i < known.size(); ++i) {
        auto reference = domain::parse_reference(known[i].first);
        reference->sequence += static_cast<long>(count) + 1 + static_cast<long>(i);
        unknown_out << reference->text() << '\t' << known[i].second << '\n';
    }
    return failed == 0 ? 0 : 1;
}
