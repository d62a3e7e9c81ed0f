#pragma once
// Evidence a complainant sends later, from the status page, with their reference and
// receipt: checked by the status look-up with its throttle and its promise (a wrong receipt
// is answered as an unknown reference, and the files are not even looked at), then taken as
// at filing (evidence_intake.hpp) on the evidence threads, and added to the complaint's
// filing with an audit entry that counts the files and names none.

#include <memory>
#include <string_view>
#include <vector>

#include "intake/complainant_replies.hpp"
#include "intake/evidence_intake.hpp"
#include "intake/status_lookup.hpp"
#include "storage/evidence_store.hpp"
#include "util/work_pool.hpp"

namespace redress::intake {

class ComplainantEvidence {
  public:
    // All references are borrowed and must outlive the ComplainantEvidence.
    ComplainantEvidence(StatusLookup& lookup, storage::EvidenceStore& store,
                        const EvidenceIntake& evidence, util::WorkPool& work, Now now);

    // `files` are views into what `holder` keeps alive. `done` runs exactly once, on a
    // thread of the store's or the evidence threads' (or at once), where it must only hand
    // the result on. Outcome added (files_added), invalid (file_errors), busy (the look-up's
    // budget, or the evidence threads' queue, is spent), not_found or failed.
    void add(std::string_view reference, std::string_view receipt, std::string_view client,
             std::vector<ArrivingFile> files, std::shared_ptr<const void> holder, ReplyDone done);

  private:
    void keep(StatusView found, std::chrono::milliseconds delay, std::vector<ArrivingFile> files,
              std::shared_ptr<const void> holder, ReplyDone done);

    StatusLookup& m_lookup;
    storage::EvidenceStore& m_store;
    const EvidenceIntake& m_evidence;
    util::WorkPool& m_work;
    Now m_now;
};

}  // namespace redress::intake
