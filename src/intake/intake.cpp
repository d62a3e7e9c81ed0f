#include "intake/intake.hpp"

#include "crypto/keyed_hash.hpp"
#include "crypto/name_mark.hpp"
#include "crypto/random.hpp"
#include "crypto/secret_box.hpp"
#include "domain/calendar.hpp"
#include "intake/account_sealing.hpp"
#include "intake/confirmation_signing.hpp"
#include "intake/mail_contact.hpp"
#include "intake/people_sealing.hpp"

namespace redress::intake {
namespace {

domain::Receipt draw_receipt() {
    std::array<std::uint8_t, domain::Receipt::k_random_bytes> random{};
    crypto::fill_random(random);
    return domain::Receipt::from_random(random);
}

// The mark of each named subject, one after the other.
std::vector<std::uint8_t> subject_marks(const domain::Filing& filing, const crypto::Key& key) {
    std::vector<std::uint8_t> marks;
    for (const auto& subject : filing.subjects) {
        const auto mark = crypto::name_mark(key, subject.name);
        if (mark != crypto::ShortDigest{}) marks.insert(marks.end(), mark.begin(), mark.end());
    }
    return marks;
}

}  // namespace

Intake::Intake(const domain::Deployment& deployment, storage::Store& store,
               const crypto::Keys& keys, Now now, domain::Limits limits)
    : m_deployment(deployment),
      m_store(store),
      m_keys(keys),
      m_now(std::move(now)),
      m_limits(limits) {}

Preview Intake::preview(domain::Filing filing) const {
    Preview preview;
    preview.filing = domain::normalized(std::move(filing));
    const auto today = domain::iso_date(domain::date_of(m_now()));
    preview.errors = domain::validate(preview.filing, m_deployment, today, m_limits);
    preview.proposals = domain::propose_routes(preview.filing, m_deployment);
    preview.completeness = domain::assess_completeness(preview.filing);
    return preview;
}

void Intake::file(domain::Filing filing, domain::Channel channel, FileDone done,
                  std::vector<domain::Evidence> evidence, std::optional<domain::StaffEntry> entry,
                  std::string inbound_mail) {
    const auto received_at = m_now();
    filing = domain::normalized(std::move(filing));
    auto errors = domain::validate(filing, m_deployment,
                                   domain::iso_date(domain::date_of(received_at)), m_limits);
    if (!errors.empty()) {
        done(std::unexpected(Refusal{std::move(errors), std::nullopt}));
        return;
    }

    auto receipt = draw_receipt();
    domain::ReceivedFiling received;
    received.channel = channel;
    received.language = filing.language;
    received.received_at = received_at;
    received.receipt_hash = crypto::keyed_hash(m_keys.receipt_hash, receipt.canonical());
    received.confidentiality = domain::confidentiality_of(filing.complainant);
    received.whistleblower = filing.complainant.whistleblower;
    received.on_behalf = filing.on_behalf.applies;
    const std::string people = people_record(filing);
    const std::string account = account_record(filing);
    if (!people.empty()) received.sealed_people = crypto::seal(m_keys.identity, people);
    received.sealed_account = crypto::seal(m_keys.content, account);
    received.incident_date = filing.incident.date;
    received.incident_date_precision = filing.incident.date_precision;
    received.categories = filing.incident.categories;
    received.subject_count = filing.subjects.size();
    received.subject_marks = subject_marks(filing, m_keys.name_mark);
    received.witness_count = filing.witnesses.size();
    for (const auto& office_id : domain::destinations(filing, m_deployment)) {
        // validate() has refused unknown offices, and routing only names known ones.
        const auto* office = m_deployment.find_office(office_id);
        domain::Destination destination{office->id, office->reference_prefix};
        // Facts it cannot be worked out from are left to the deadline keeper, which says why.
        auto deadline = domain::first_deadline(
            received_at, office->service_levels,
            domain::BusinessCalendar(m_deployment.time_zone, office->calendar));
        if (deadline) {
            destination.deadline_worked_out = true;
            destination.deadline = *deadline;
        }
        received.destinations.push_back(std::move(destination));
    }
    received.mail = mail_contact(filing, channel, receipt, m_keys.mail);
    received.staff_entry = std::move(entry);
    received.inbound_mail = std::move(inbound_mail);

    auto digest = filing_digest(account, people, evidence);
    received.evidence = std::move(evidence);
    m_store.record(std::move(received),
                   [receipt, received_at, digest = std::move(digest), done = std::move(done)](
                       util::Expected<std::vector<domain::FiledComplaint>> stored) mutable {
                       if (!stored) return done(std::unexpected(Refusal{{}, stored.error()}));
                       done(Stored{receipt, received_at, std::move(*stored), std::move(digest)});
                   });
}

Filed Intake::confirm(Stored stored) const {
    Filed filed{stored.receipt, stored.received_at, {}, {}};
    std::vector<std::string> references;
    for (auto& complaint : stored.complaints) {
        references.push_back(complaint.reference);
        const auto* office = m_deployment.find_office(complaint.office_id);
        auto next = office ? domain::next_step(domain::Status::received, stored.received_at,
                                               office->service_levels)
                           : std::nullopt;
        filed.complaints.push_back({std::move(complaint), office, next});
    }
    filed.confirmation = sign_confirmation(stored.received_at, std::move(references),
                                           std::move(stored.digest), m_keys.current_signing());
    return filed;
}

}  // namespace redress::intake
