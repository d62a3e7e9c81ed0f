#pragma once
// `redress synthesize`: fills a data folder with synthetic complaints and the staff work on
// them, for benchmarks and demonstrations at a realistic size (a million complaints). Every
// record goes through the code that writes it in production: filings through the real
// intake (validation, routing, receipts, sealing) and the store's group commit; staff
// accounts as `redress user add` adds them; triage decisions, cases, assignments, notes,
// tasks, messages, findings and closures through the store's staff-side interfaces, each
// checked as the staff services check it, with its text sealed and its audit entry written
// in the same transaction. Nothing is written behind the store's back.
//
// The spread is realistic: complaints arrive evenly over --days days before --until, and
// each has a plan (triage a few days later, then a case, its assignment, notes, tasks and
// messages over weeks, findings and closure months later) of which only the steps before
// --until are taken: old complaints are mostly closed, recent ones still wait for triage.
// The same --seed, --complaints, --days and --until give the same filings, plans and times
// (receipts, database ids and the order of the audit trail differ from run to run). Only the
// first complaint of a filing sent to two offices is worked; the other waits for triage.

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>

#include "config/config.hpp"

namespace redress::cli {

struct SynthesizeOptions {
    std::size_t complaints = 1000;
    std::uint64_t seed = 1;
    int days = 365;
    std::string until;  // YYYY-MM-DD; empty: today (UTC)
    std::size_t investigators = 4;
    std::string staff_password;  // empty: one is made and printed
    bool filings_only = false;
    std::size_t in_flight = 4096;
    std::size_t sample = 10000;
    std::string known_path;    // REFERENCE<TAB>RECEIPT of sampled complaints
    std::string unknown_path;  // references never given, each with a receipt
    std::string cases_path;    // CASE<TAB>OFFICE of sampled cases
};

void add_synthesize_options(CLI::App& command, SynthesizeOptions& options);

// 0: every record stored; 1: some refused or failed (counted and printed); 2: could not run.
int synthesize(const config::Config& config, const SynthesizeOptions& options);

}  // namespace redress::cli
