#include "intake/complainant_evidence.hpp"

#include <fmt/format.h>

#include <future>

namespace redress::intake {

namespace {

using Outcome = ReplyResult::Outcome;

ReplyResult failed(std::chrono::milliseconds delay, util::Error error) {
    auto result = reply_result(Outcome::failed, delay);
    result.failure = std::move(error);
    return result;
}

}  // namespace

ComplainantEvidence::ComplainantEvidence(StatusLookup& lookup, storage::EvidenceStore& store,
                                         const EvidenceIntake& evidence, util::WorkPool& work,
                                         Now now)
    : m_lookup(lookup), m_store(store), m_evidence(evidence), m_work(work), m_now(std::move(now)) {}

void ComplainantEvidence::add(std::string_view reference, std::string_view receipt,
                              std::string_view client, std::vector<ArrivingFile> files,
                              std::shared_ptr<const void> holder, ReplyDone done) {
    m_lookup.look_up(reference, receipt, client,
                     [this, files = std::move(files), holder = std::move(holder),
                      done = std::move(done)](LookupResult found) mutable {
                         if (auto unfound = unless_found(found)) return done(std::move(*unfound));
                         keep(std::move(*found.view), found.delay, std::move(files),
                              std::move(holder), std::move(done));
                     });
}

void ComplainantEvidence::keep(StatusView found, std::chrono::milliseconds delay,
                               std::vector<ArrivingFile> files, std::shared_ptr<const void> holder,
                               ReplyDone done) {
    auto view = std::make_shared<StatusView>(std::move(found));
    auto answered = std::make_shared<ReplyDone>(std::move(done));
    // What the complaint holds already counts against its limits; the write counts again.
    const bool queued = m_work.try_submit(
        [this, view, delay, files = std::move(files), holder, answered]() mutable {
            std::promise<util::Expected<std::vector<domain::Evidence>>> read;
            auto reading = read.get_future();
            m_store.evidence_of(view->complaint.reference,
                                [&read](util::Expected<std::vector<domain::Evidence>> held) {
                                    read.set_value(std::move(held));
                                });
            auto earlier = reading.get();
            if (!earlier) return (*answered)(failed(delay, earlier.error()));
            std::uint64_t held_bytes = 0;
            for (const auto& file : *earlier) held_bytes += file.size;
            const auto checked = m_evidence.check(files, earlier->size(), held_bytes);
            if (!checked.errors.empty()) {
                auto invalid = reply_result(Outcome::invalid, delay, std::move(*view));
                invalid.file_errors = checked.errors;
                return (*answered)(std::move(invalid));
            }
            const auto now = m_now();
            auto kept = m_evidence.keep(files, checked, domain::EvidenceSource::complainant, now);
            if (!kept) return (*answered)(failed(delay, kept.error()));
            const std::size_t count = kept->size();
            domain::AuditEvent audit{.at = now,
                                     .actor = "complainant",
                                     .action = "evidence.added",
                                     .object = "complaint:" + view->complaint.reference,
                                     .reason = {},
                                     .details = fmt::format("files={}", count)};
            auto records = std::make_shared<std::vector<domain::Evidence>>(*kept);
            m_store.add_evidence(
                view->complaint.id, std::move(*kept), m_evidence.limits(), std::move(audit),
                [view, delay, count, records, answered, folder = m_evidence.folder(),
                 max_files = m_evidence.limits().max_files](util::Expected<bool> stored) mutable {
                    if (!stored) {
                        EvidenceIntake::discard(folder, *records);
                        if (stored.error().code == util::ErrorCode::conflict) {
                            auto invalid = reply_result(Outcome::invalid, delay, std::move(*view));
                            invalid.file_errors.push_back(
                                {"evidence", "too_many_files", static_cast<long>(max_files)});
                            return (*answered)(std::move(invalid));
                        }
                        return (*answered)(failed(delay, stored.error()));
                    }
                    auto added = reply_result(Outcome::added, delay, std::move(*view));
                    added.files_added = count;
                    (*answered)(std::move(added));
                });
        });
    if (!queued) (*answered)(reply_result(Outcome::busy, delay));
}

}  // namespace redress::intake
