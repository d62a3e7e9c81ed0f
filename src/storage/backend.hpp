#pragma once
// Everything a storage backend keeps, behind one object: filings and complaints (Store),
// staff accounts (StaffDirectory), their sign-in and sessions (StaffSessions), the audit
// trail (AuditTrail), the offices' work lists and triage (Casework), their cases
// (CaseFiles), the messages with complainants (Correspondence) and who may see what of
// a complainant (Confidentiality), when each complaint's clocks next fall due (Deadlines), the
// records of evidence files (EvidenceStore), and the mail waiting to be sent to complainants
// (Outbox), email taken in from the spool (MailInbox), and which node does each kind of
// background work (BackgroundLeases). The composition root opens one backend and hands each
// part to the code that needs it.

#include "storage/audit_trail.hpp"
#include "storage/background_leases.hpp"
#include "storage/case_files.hpp"
#include "storage/casework.hpp"
#include "storage/confidentiality.hpp"
#include "storage/correspondence.hpp"
#include "storage/deadlines.hpp"
#include "storage/evidence_store.hpp"
#include "storage/mail_inbox.hpp"
#include "storage/outbox.hpp"
#include "storage/staff_directory.hpp"
#include "storage/staff_sessions.hpp"
#include "storage/store.hpp"

namespace redress::storage {

class Backend : public Store,
                public StaffDirectory,
                public StaffSessions,
                public AuditTrail,
                public Casework,
                public CaseFiles,
                public Correspondence,
                public Confidentiality,
                public Deadlines,
                public EvidenceStore,
                public Outbox,
                public MailInbox,
                public BackgroundLeases {};

}  // namespace redress::storage
