#pragma once
// The records of evidence files (domain/evidence.hpp): written with their filing
// (ReceivedFiling::evidence), read by staff. The files themselves are kept by an
// EvidenceFolder (evidence_folder.hpp), sealed before they reach it.

#include <string>
#include <vector>

#include "domain/audit_event.hpp"
#include "domain/evidence.hpp"
#include "storage/staff_directory.hpp"

namespace redress::storage {

class EvidenceStore {
  public:
    virtual ~EvidenceStore() = default;

    // The files of the complaint `reference` (those of its filing), oldest first; none for
    // an unknown reference.
    virtual void evidence_of(std::string reference, Done<std::vector<domain::Evidence>> done) = 0;

    // Adds files sent later for the complaint `complaint_id` to its filing's, with `audit`,
    // in one write. Fails (conflict) when they would take it past `limits` (files or bytes,
    // counted inside the write), (not_found) when there is no such complaint.
    virtual void add_evidence(std::int64_t complaint_id, std::vector<domain::Evidence> files,
                              domain::EvidenceLimits limits, domain::AuditEvent audit,
                              Done<bool> done) = 0;
};

}  // namespace redress::storage
