#pragma once
// The pages of an office's work: the work lists (/staff/queue), a complaint as staff see it
// (/staff/complaints/{reference}) with the account of what happened opened with the
// content key, and the triage form and its post. A complaint a member may not read is
// answered exactly like a reference that does not exist (404), and an office they do not
// work for like an office that does not exist.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "console/staff_routes.hpp"
#include "console/staff_view.hpp"
#include "crypto/keys.hpp"
#include "domain/deployment.hpp"
#include "domain/triage.hpp"
#include "intake/account_sealing.hpp"
#include "intake/evidence_intake.hpp"
#include "intake/intake.hpp"
#include "staff/administration.hpp"
#include "staff/cases.hpp"
#include "staff/clock_holds.hpp"
#include "staff/exclusions.hpp"
#include "staff/identity_access.hpp"
#include "staff/messages.hpp"
#include "staff/referrals.hpp"
#include "staff/triage.hpp"
#include "storage/audit_trail.hpp"
#include "storage/casework.hpp"
#include "storage/deadlines.hpp"
#include "storage/evidence_store.hpp"
#include "storage/mail_inbox.hpp"

namespace redress::console {

struct ReferralAttempt;  // referral_pages.hpp
struct MessageAttempt;   // message_pages.hpp

// A join into another complaint's case shown again, with what was wrong with it.
struct JoinAttempt {
    std::string into;
    std::vector<domain::FormProblem> problems;
};

// What the work pages use; all borrowed, and must outlive the routes.
struct WorkParts {
    const domain::Deployment& deployment;
    storage::Casework& casework;
    storage::Deadlines& deadlines;  // for the overdue lists
    staff::Triage& triage;
    staff::Referrals& referrals;
    staff::Cases& cases;
    staff::Messages& messages;
    staff::IdentityAccess& identity;
    staff::Exclusions& exclusions;
    staff::ClockHolds& clock_holds;
    storage::AuditTrail& audit_trail;        // for auditors' pages
    storage::EvidenceStore& evidence_store;  // the records of evidence files
    const intake::EvidenceIntake& evidence;  // opens them (evidence_pages.hpp)
    staff::Administration& administration;   // for administrators' pages
    const crypto::Key& content_key;
    // Opens a complainant's identity on its page only (identity_pages.hpp), and the people
    // record for a referral packet, which takes only the witnesses' accounts from it
    // (referral_packet.hpp).
    const crypto::Key& identity_key;
    std::function<domain::Timestamp()> now;
    // Files complaints taken by phone or mail (intake_pages.hpp); none in a console built
    // only to list its routes.
    intake::Intake* intake = nullptr;
    // Email that was not taken in (mail_quarantine_pages.hpp); none: its pages answer 404.
    storage::MailInbox* mail_inbox = nullptr;
};

class WorkPages {
  public:
    WorkPages(WorkParts parts, const StaffView& view) : m_parts(std::move(parts)), m_view(view) {}

    void add_routes(StaffRoutes& routes);

    const WorkParts& parts() const { return m_parts; }
    std::string office_name(std::string_view office_id) const;
    // The complaint's page, with a refused answer to its referral when `referral` is set.
    http::Response complaint_page(int status, const Visit& visit,
                                  const storage::StaffComplaint& complaint,
                                  const ReferralAttempt* referral) const;
    // The complaint's page with a refused message in its form.
    http::Response complaint_page(int status, const Visit& visit,
                                  const storage::StaffComplaint& complaint,
                                  const MessageAttempt& message) const;

  private:
    // A decision shown again in the form, with what was wrong with it.
    struct Attempt {
        domain::TriageDecision decision;
        std::vector<domain::TriageProblem> problems;
    };
    // What a complaint's page shows besides the complaint: a refused form, the possible
    // duplicates (when they were read for this page).
    struct Shown {
        const Attempt* attempt = nullptr;
        const ReferralAttempt* referral = nullptr;
        const MessageAttempt* message = nullptr;
        const JoinAttempt* join = nullptr;
        const std::vector<storage::DuplicateCandidate>* duplicates = nullptr;
    };

    void queue(Visit visit, http::Responder respond) const;
    void complaint(Visit visit, http::Responder respond) const;
    void triage(Visit visit, http::Responder respond) const;
    void join(Visit visit, http::Responder respond) const;
    // Reads the complaint again and shows it with `attempt` refused (422), or what stops it.
    void refuse(Visit visit, Attempt attempt, http::Responder respond) const;
    void refuse_join(Visit visit, JoinAttempt attempt, http::Responder respond) const;
    // Reads the complaint's possible duplicates, then answers with `render`'s page (on the
    // connection's thread); a failure to read them is answered as such.
    using WithDuplicates = std::function<http::Response(
        const storage::StaffComplaint&, const std::vector<storage::DuplicateCandidate>&)>;
    void with_duplicates(const Visit& visit, storage::StaffComplaint complaint,
                         WithDuplicates render, http::Responder respond) const;

    http::Response queue_page(const Visit& visit, const domain::QueueQuery& query,
                              const domain::QueuePage& page) const;
    http::Response complaint_page(int status, const Visit& visit,
                                  const storage::StaffComplaint& complaint,
                                  const Shown& shown) const;
    void fill_proposals(web::Dictionary& page, const Visit& visit,
                        const storage::StaffComplaint& complaint, const intake::Account* account,
                        std::optional<domain::TriageDecision>& taken) const;
    void fill_duplicates(web::Dictionary& page, const Visit& visit,
                         const storage::StaffComplaint& complaint,
                         const std::vector<storage::DuplicateCandidate>& duplicates) const;
    http::Response bad_filter(std::string_view field) const;
    http::Response not_found() const;
    // The page for an error the casework or triage answered with.
    http::Response failure(const util::Error& error) const;

    std::string category_label(std::string_view category_id) const;

    WorkParts m_parts;
    const StaffView& m_view;
};

}  // namespace redress::console
