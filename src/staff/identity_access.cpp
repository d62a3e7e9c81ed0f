#include "staff/identity_access.hpp"

#include <fmt/format.h>

#include "staff/triage.hpp"
#include "util/text.hpp"

namespace redress::staff {

namespace {

domain::AuditEvent identity_event(const domain::StaffMember& member, std::string action,
                                  const std::string& reference, domain::Timestamp now,
                                  std::string reason) {
    domain::AuditEvent event;
    event.at = now;
    event.actor = "staff:" + member.username;
    event.action = std::move(action);
    event.object = "complaint:" + reference;
    event.reason = std::move(reason);
    return event;
}

}  // namespace

storage::IdentityAsker IdentityAccess::asker(const domain::StaffMember& member) const {
    storage::IdentityAsker asker;
    asker.staff_id = member.id;
    asker.actor = "staff:" + member.username;
    asker.name_mark = member.name_mark;
    for (const auto& office : member.offices) {
        if (member.works_complaints_of(office)) asker.working_offices.push_back(office);
    }
    return asker;
}

void IdentityAccess::page(const domain::StaffMember& member, std::string reference,
                          domain::Timestamp now, storage::Done<IdentityPage> answer) {
    when_readable(
        m_casework, member, std::move(reference), std::move(answer),
        [this, member, now](storage::StaffComplaint complaint,
                            storage::Done<IdentityPage> done) mutable {
            const auto complaint_id = complaint.complaint_id;
            m_confidentiality.identity_standing(
                complaint_id, member.id,
                [this, member, now, complaint = std::move(complaint), done = std::move(done)](
                    util::Expected<storage::IdentityStanding>&& standing) mutable {
                    if (!standing) return done(std::unexpected(std::move(standing).error()));
                    domain::IdentityFacts facts;
                    facts.confidentiality = complaint.confidentiality;
                    facts.member_handles = member.works_complaints_of(complaint.office_id);
                    facts.moved = complaint.office_id != complaint.filed_with_office;
                    facts.consent = complaint.identity_consent;
                    facts.approval_required = m_settings.custodian_approval;
                    if (const auto& latest = standing->latest_request) {
                        const bool ran_out =
                            latest->state == domain::IdentityRequestState::approved &&
                            latest->decided_at &&
                            *latest->decided_at < now - m_settings.approval_lifetime;
                        if (!ran_out) facts.request = latest->state;
                    }
                    IdentityPage page{std::move(complaint), domain::identity_refusal(facts),
                                      std::move(*standing), m_settings.custodian_approval};
                    done(std::move(page));
                });
        });
}

void IdentityAccess::open(const domain::StaffMember& member, std::string reference,
                          std::string reason, domain::Timestamp now,
                          storage::Done<IdentityResult> answer) {
    reason = std::string(util::trim(reason));
    when_readable(
        m_casework, member, reference, std::move(answer),
        [this, member, reference, reason = std::move(reason), now](
            storage::StaffComplaint, storage::Done<IdentityResult> done) mutable {
            // The reason is looked at only once the complaint is known to be theirs to read:
            // to anyone else, every answer is that of a missing complaint.
            IdentityResult refused;
            domain::check_staff_text(refused.problems, "reason", reason,
                                     domain::k_longest_identity_reason, true);
            if (!refused.problems.empty()) return done(std::move(refused));
            storage::IdentityOpeningRecord record{reference,
                                                  asker(member),
                                                  now,
                                                  reason,
                                                  m_settings.custodian_approval,
                                                  now - m_settings.approval_lifetime};
            auto audit = identity_event(member, "identity.viewed", reference, now, reason);
            m_confidentiality.open_identity(
                std::move(record), std::move(audit),
                [this, member, reference, reason, now, done = std::move(done)](
                    util::Expected<storage::IdentityOpening>&& opened) mutable {
                    if (!opened) return done(std::unexpected(std::move(opened).error()));
                    const auto refusal = opened->refusal;
                    const bool may_ask = refusal == domain::IdentityRefusal::approval_needed ||
                                         refusal == domain::IdentityRefusal::approval_declined;
                    if (!may_ask) {
                        IdentityResult result;
                        result.refusal = refusal;
                        result.sealed_people = std::move(opened->sealed_people);
                        result.confidentiality = std::move(opened->confidentiality);
                        return done(std::move(result));
                    }
                    // Approval is needed: the stated reason becomes the request a custodian
                    // answers.
                    auto request_audit =
                        identity_event(member, "identity.requested", reference, now, reason);
                    m_confidentiality.request_identity(
                        {reference, asker(member), now, reason}, std::move(request_audit),
                        [done = std::move(done)](util::Expected<std::int64_t>&& id) mutable {
                            if (!id) return done(std::unexpected(std::move(id).error()));
                            IdentityResult result;
                            result.refusal = domain::IdentityRefusal::approval_pending;
                            result.requested = *id;
                            done(std::move(result));
                        });
                });
        });
}

void IdentityAccess::pending(const domain::StaffMember& member,
                             storage::Done<std::vector<storage::IdentityRequest>> done) {
    if (!member.has(domain::Role::custodian)) {
        return done(util::fail(util::ErrorCode::forbidden, "only custodians answer requests"));
    }
    m_confidentiality.pending_identity_requests(member.offices, std::move(done));
}

void IdentityAccess::answer(const domain::StaffMember& member, std::int64_t request_id,
                            bool approve, std::string answer, domain::Timestamp now,
                            storage::Done<std::vector<domain::FormProblem>> done) {
    if (!member.has(domain::Role::custodian)) {
        return done(util::fail(util::ErrorCode::not_found, "no such identity request"));
    }
    answer = std::string(util::trim(answer));
    std::vector<domain::FormProblem> problems;
    // A refusal says why; an approval may.
    domain::check_staff_text(problems, "answer", answer, domain::k_longest_identity_reason,
                             !approve);
    if (!problems.empty()) return done(std::move(problems));

    domain::AuditEvent audit;
    audit.at = now;
    audit.actor = "staff:" + member.username;
    audit.action = approve ? "identity.approved" : "identity.declined";
    audit.object = fmt::format("identity_request:{}", request_id);
    audit.reason = answer;
    m_confidentiality.answer_identity_request(
        {request_id, member.id, "staff:" + member.username, member.offices, now, approve,
         std::move(answer)},
        std::move(audit),
        [done = std::move(done)](util::Expected<storage::IdentityRequest>&& answered) mutable {
            if (!answered) return done(std::unexpected(std::move(answered).error()));
            done(std::vector<domain::FormProblem>{});
        });
}

}  // namespace redress::staff
