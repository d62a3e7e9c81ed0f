// Micro-benchmarks of the domain work every filing does before it reaches the database:
// drawing and parsing a receipt, normalising and validating a filing, and routing it.
// Run: build/release/bench/redress_bench_domain

#include <benchmark/benchmark.h>

#include <array>
#include <cstdint>

#include "domain/receipt.hpp"
#include "domain/routing.hpp"
#include "domain/validation.hpp"
#include "unit/domain/sample_deployment.hpp"

namespace {

using namespace redress::domain;

std::array<std::uint8_t, Receipt::k_random_bytes> some_bytes(std::uint64_t seed) {
    std::array<std::uint8_t, Receipt::k_random_bytes> bytes{};
    for (auto& byte : bytes) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        byte = static_cast<std::uint8_t>(seed >> 56);
    }
    return bytes;
}

Filing typical_filing() {
    Filing filing;
    filing.complainant.confidentiality = "confidential";
    filing.complainant.name = "Ana Example";
    filing.complainant.email = "ana@example.org";
    filing.incident.date = "2024-03-02";
    filing.incident.time = "06:30";
    filing.incident.place = "Border checkpoint, lane 4";
    filing.incident.city = "El Paso";
    filing.incident.region = "TX";
    filing.incident.narrative =
        "  An officer pushed me against the car, took my phone and would not give it back. "
        "He said I would be detained if I asked again.  ";
    filing.incident.categories = {"excessive-force", "theft"};
    Subject subject;
    subject.badge = "4471";
    subject.agency = "CBP";
    subject.description = "tall, grey moustache";
    filing.subjects = {subject, Subject{}};
    return filing;
}

void receipt_from_random(benchmark::State& state) {
    std::uint64_t seed = 1;
    for (auto _ : state) {
        const auto bytes = some_bytes(seed++);
        auto text = Receipt::from_random(bytes).text();
        benchmark::DoNotOptimize(text);
    }
}
BENCHMARK(receipt_from_random);

void receipt_parse(benchmark::State& state) {
    const std::string typed = " 7kq2 mz8d-0tfa-x3rc-94hn ";
    for (auto _ : state) {
        auto receipt = Receipt::parse(typed);
        benchmark::DoNotOptimize(receipt);
    }
}
BENCHMARK(receipt_parse);

void filing_normalise_and_validate(benchmark::State& state) {
    const auto deployment = testing::sample_deployment();
    const auto filing = typical_filing();
    for (auto _ : state) {
        auto errors = validate(normalized(filing), deployment, "2026-01-15");
        benchmark::DoNotOptimize(errors);
    }
}
BENCHMARK(filing_normalise_and_validate);

void filing_route(benchmark::State& state) {
    const auto deployment = testing::sample_deployment();
    const auto filing = normalized(typical_filing());
    for (auto _ : state) {
        auto offices = destinations(filing, deployment);
        benchmark::DoNotOptimize(offices);
    }
}
BENCHMARK(filing_route);

}  // namespace

BENCHMARK_MAIN();
