#include "staff/exclusions.hpp"

#include <algorithm>

#include "staff/triage.hpp"
#include "util/text.hpp"

namespace redress::staff {

namespace {

// The problems of an exclusion refused by storage, or its error.
util::Expected<std::vector<domain::FormProblem>> outcome(util::Expected<bool>&& excluded,
                                                         std::string_view field) {
    if (excluded) return std::vector<domain::FormProblem>{};
    if (excluded.error().code == util::ErrorCode::conflict) {
        return std::vector{domain::FormProblem{std::string(field), "already_closed_out"}};
    }
    return std::unexpected(std::move(excluded).error());
}

}  // namespace

void Exclusions::recuse(const domain::StaffMember& member, std::string reference,
                        std::string reason, domain::Timestamp now,
                        storage::Done<std::vector<domain::FormProblem>> answer) {
    reason = std::string(util::trim(reason));
    when_readable(m_casework, member, reference, std::move(answer),
                  [this, member, reference, reason = std::move(reason), now](
                      storage::StaffComplaint complaint,
                      storage::Done<std::vector<domain::FormProblem>> done) mutable {
                      std::vector<domain::FormProblem> problems;
                      domain::check_staff_text(problems, "reason", reason, k_longest_recusal_reason,
                                               true);
                      if (!problems.empty()) return done(std::move(problems));
                      domain::AuditEvent audit;
                      audit.at = now;
                      audit.actor = "staff:" + member.username;
                      audit.action = "complaint.recused";
                      audit.object = "complaint:" + reference;
                      audit.reason = reason;
                      m_confidentiality.exclude_staff(
                          {reference, complaint.office_id, member.id,
                           domain::ExclusionReason::recused, member.id, now},
                          std::move(audit),
                          [done = std::move(done)](util::Expected<bool>&& excluded) mutable {
                              done(outcome(std::move(excluded), "reason"));
                          });
                  });
}

void Exclusions::name(const domain::StaffMember& member, std::string reference,
                      std::string username, domain::Timestamp now,
                      storage::Done<std::vector<domain::FormProblem>> answer) {
    when_readable(
        m_casework, member, reference, std::move(answer),
        [this, member, reference, username = std::move(username), now](
            storage::StaffComplaint complaint,
            storage::Done<std::vector<domain::FormProblem>> done) mutable {
            const auto office = complaint.office_id;
            if (!may_triage(member, office)) {
                return done(util::fail(util::ErrorCode::forbidden,
                                       "only intake officers and supervisors name staff"));
            }
            nameable(
                office, [this, member, reference, username, office, now, done = std::move(done)](
                            util::Expected<std::vector<domain::StaffMember>>&& members) mutable {
                    if (!members) return done(std::unexpected(std::move(members).error()));
                    const auto named =
                        std::ranges::find(*members, username, &domain::StaffMember::username);
                    if (named == members->end()) {
                        return done(std::vector{domain::FormProblem{"member", "unknown_member"}});
                    }
                    domain::AuditEvent audit;
                    audit.at = now;
                    audit.actor = "staff:" + member.username;
                    audit.action = "complaint.named_staff";
                    audit.object = "complaint:" + reference;
                    audit.details = "staff=" + named->username;
                    m_confidentiality.exclude_staff(
                        {reference, office, named->id, domain::ExclusionReason::named, member.id,
                         now},
                        std::move(audit),
                        [done = std::move(done)](util::Expected<bool>&& excluded) mutable {
                            done(outcome(std::move(excluded), "member"));
                        });
                });
        });
}

void Exclusions::nameable(std::string office_id,
                          storage::Done<std::vector<domain::StaffMember>> done) {
    m_directory.list_staff([office_id = std::move(office_id), done = std::move(done)](
                               util::Expected<std::vector<domain::StaffMember>> all) mutable {
        if (!all) return done(std::unexpected(all.error()));
        std::vector<domain::StaffMember> found;
        for (auto& member : *all) {
            if (!member.disabled && member.works_complaints_of(office_id)) {
                found.push_back(std::move(member));
            }
        }
        done(std::move(found));
    });
}

}  // namespace redress::staff
