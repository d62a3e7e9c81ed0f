#include "staff/cases.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "crypto/secret_box.hpp"
#include "domain/business_calendar.hpp"
#include "domain/identity_access.hpp"
#include "staff/triage.hpp"
#include "util/text.hpp"

namespace redress::staff {

namespace {

util::Error not_found() {
    return util::Error{util::ErrorCode::not_found, "no such case"};
}

bool assigned_to(const domain::StaffMember& member, const std::optional<domain::StaffId>& who) {
    return who && *who == member.id;
}

bool triages(const domain::StaffMember& member, std::string_view office) {
    return may_triage(member, office);
}

// Hands a stored change's outcome on as a CaseResult.
template <typename T>
storage::Done<T> recorded(storage::Done<CaseResult> done) {
    return [done = std::move(done)](util::Expected<T> written) mutable {
        if (!written) return done(std::unexpected(written.error()));
        done(CaseResult{true, {}});
    };
}

domain::AuditEvent audit_of(const storage::CaseChange& change, std::string action,
                            std::string details) {
    domain::AuditEvent audit;
    audit.at = change.at;
    audit.actor = change.actor;
    audit.action = std::move(action);
    audit.object = fmt::format("case:{}", change.case_id);
    audit.details = std::move(details);
    return audit;
}

}  // namespace

bool may_read_case(const domain::StaffMember& member, const storage::CaseFile& file) {
    if (!member.works_complaints_of(file.office_id)) return false;
    if (domain::is_closed_to(member, file.excluded_staff, file.subject_marks)) return false;
    return member.has(domain::Role::intake_officer) || member.has(domain::Role::supervisor) ||
           assigned_to(member, file.investigator_id);
}

bool may_assign_case(const domain::StaffMember& member, const storage::CaseFile& file) {
    return triages(member, file.office_id);
}

bool may_conclude_case(const domain::StaffMember& member, const storage::CaseFile& file) {
    if (!member.works_complaints_of(file.office_id)) return false;
    if (domain::is_closed_to(member, file.excluded_staff, file.subject_marks)) return false;
    return member.has(domain::Role::supervisor) || assigned_to(member, file.investigator_id);
}

std::vector<std::string> Cases::allegations(const storage::CaseFile& file) {
    std::set<std::string> all;
    for (const auto& complaint : file.complaints) {
        all.insert(complaint.allegations.begin(), complaint.allegations.end());
    }
    return {all.begin(), all.end()};
}

void Cases::case_file(const domain::StaffMember& member, std::int64_t case_id,
                      storage::Done<storage::CaseFile> done) {
    m_files.case_file(case_id,
                      [member, done = std::move(done)](
                          util::Expected<std::optional<storage::CaseFile>>&& found) mutable {
                          if (!found) return done(std::unexpected(std::move(found).error()));
                          if (!found->has_value() || !may_read_case(member, **found)) {
                              return done(std::unexpected(not_found()));
                          }
                          done(std::move(**found));
                      });
}

void Cases::investigators(std::string office_id,
                          storage::Done<std::vector<domain::StaffMember>> done) {
    m_directory.list_staff([office_id = std::move(office_id), done = std::move(done)](
                               util::Expected<std::vector<domain::StaffMember>> all) mutable {
        if (!all) return done(std::unexpected(all.error()));
        std::vector<domain::StaffMember> found;
        for (auto& member : *all) {
            if (!member.disabled && member.has(domain::Role::investigator) &&
                member.works_complaints_of(office_id)) {
                found.push_back(std::move(member));
            }
        }
        done(std::move(found));
    });
}

void Cases::with_case(const domain::StaffMember& member, std::int64_t case_id,
                      storage::Done<CaseResult> done, Decide decide) {
    m_files.case_file(case_id,
                      [member, done = std::move(done), decide = std::move(decide)](
                          util::Expected<std::optional<storage::CaseFile>>&& found) mutable {
                          if (!found) return done(std::unexpected(std::move(found).error()));
                          if (!found->has_value() || !may_read_case(member, **found)) {
                              return done(std::unexpected(not_found()));
                          }
                          decide(std::move(**found), std::move(done));
                      });
}

storage::CaseChange Cases::change(const domain::StaffMember& member, const storage::CaseFile& file,
                                  domain::Timestamp now) const {
    return storage::CaseChange{file.id, file.office_id, member.id, "staff:" + member.username, now};
}

void Cases::assign(const domain::StaffMember& member, std::int64_t case_id,
                   domain::StaffId investigator, domain::Timestamp now,
                   storage::Done<CaseResult> answer) {
    with_case(
        member, case_id, std::move(answer),
        [this, member, investigator, now](storage::CaseFile file,
                                          storage::Done<CaseResult> done) mutable {
            if (!may_assign_case(member, file)) {
                return done(util::fail(util::ErrorCode::forbidden,
                                       "only intake officers and supervisors assign"));
            }
            if (file.state == domain::CaseState::closed) {
                return done(util::fail(util::ErrorCode::conflict, "the case is closed"));
            }
            // The investigator must be one of the office's: read from the directory. The
            // office is copied before the case moves into the completion.
            std::string office = file.office_id;
            investigators(
                std::move(office),
                [this, member, investigator, now, file = std::move(file), done = std::move(done)](
                    util::Expected<std::vector<domain::StaffMember>> candidates) mutable {
                    if (!candidates) return done(std::unexpected(candidates.error()));
                    const domain::StaffMember* chosen = nullptr;
                    for (const auto& each : *candidates) {
                        if (each.id == investigator) chosen = &each;
                    }
                    if (chosen == nullptr) {
                        return done(CaseResult{false, {{"investigator", "not_investigator"}}});
                    }
                    // A member closed out of one of its complaints cannot work the case.
                    if (std::ranges::find(file.excluded_staff, investigator) !=
                        file.excluded_staff.end()) {
                        return done(CaseResult{false, {{"investigator", "closed_out"}}});
                    }
                    auto record = change(member, file, now);
                    auto audit = audit_of(record, "case.assigned",
                                          fmt::format("investigator={}", chosen->username));
                    m_files.assign_case(std::move(record), investigator, std::move(audit),
                                        recorded<domain::CaseState>(std::move(done)));
                });
        });
}

void Cases::add_note(const domain::StaffMember& member, std::int64_t case_id, std::string text,
                     domain::Timestamp now, storage::Done<CaseResult> answer) {
    auto problems = domain::check_note(text);
    if (!problems.empty()) return answer(CaseResult{false, std::move(problems)});
    with_case(member, case_id, std::move(answer),
              [this, member, text = std::move(text), now](storage::CaseFile file,
                                                          storage::Done<CaseResult> done) mutable {
                  auto record = change(member, file, now);
                  // The audit entry says that a note was added, never what it says.
                  auto audit = audit_of(record, "case.note_added", "");
                  m_files.add_note(std::move(record), crypto::seal(m_content_key, util::trim(text)),
                                   std::move(audit), recorded<std::int64_t>(std::move(done)));
              });
}

void Cases::add_task(const domain::StaffMember& member, std::int64_t case_id, std::string title,
                     std::string due, domain::Timestamp now, storage::Done<CaseResult> answer) {
    auto problems = domain::check_task(title, due, m_deployment.time_zone.local_date(now));
    if (!problems.empty()) return answer(CaseResult{false, std::move(problems)});
    with_case(member, case_id, std::move(answer),
              [this, member, title = std::move(title), due = std::move(due), now](
                  storage::CaseFile file, storage::Done<CaseResult> done) mutable {
                  auto record = change(member, file, now);
                  // The audit entry names the due day, never what the task says.
                  auto audit = audit_of(record, "case.task_added", "due=" + due);
                  m_files.add_task(std::move(record),
                                   crypto::seal(m_content_key, util::trim(title)), std::move(due),
                                   std::move(audit), recorded<std::int64_t>(std::move(done)));
              });
}

void Cases::complete_task(const domain::StaffMember& member, std::int64_t case_id,
                          std::int64_t task_id, domain::Timestamp now,
                          storage::Done<CaseResult> answer) {
    with_case(member, case_id, std::move(answer),
              [this, member, task_id, now](storage::CaseFile file,
                                           storage::Done<CaseResult> done) mutable {
                  auto record = change(member, file, now);
                  auto audit = audit_of(record, "case.task_done", fmt::format("task={}", task_id));
                  m_files.complete_task(std::move(record), task_id, std::move(audit),
                                        recorded<std::int64_t>(std::move(done)));
              });
}

void Cases::record_findings(const domain::StaffMember& member, std::int64_t case_id,
                            std::vector<domain::AllegationFinding> findings, domain::Timestamp now,
                            storage::Done<CaseResult> answer) {
    with_case(member, case_id, std::move(answer),
              [this, member, findings = std::move(findings), now](
                  storage::CaseFile file, storage::Done<CaseResult> done) mutable {
                  if (!may_conclude_case(member, file)) {
                      return done(util::fail(util::ErrorCode::forbidden,
                                             "only supervisors and the investigator assigned "
                                             "record findings"));
                  }
                  auto problems = domain::check_findings(findings, allegations(file), file.state);
                  if (!problems.empty()) return done(CaseResult{false, std::move(problems)});
                  std::string details;
                  for (const auto& each : findings) {
                      if (!details.empty()) details += ' ';
                      details +=
                          fmt::format("{}={}", each.category, domain::finding_name(each.finding));
                  }
                  auto record = change(member, file, now);
                  auto audit = audit_of(record, "case.findings", std::move(details));
                  m_files.record_findings(std::move(record), std::move(findings), std::move(audit),
                                          recorded<domain::CaseState>(std::move(done)));
              });
}

void Cases::close(const domain::StaffMember& member, std::int64_t case_id, domain::Closure closure,
                  domain::Timestamp now, storage::Done<CaseResult> answer) {
    with_case(member, case_id, std::move(answer),
              [this, member, closure = std::move(closure), now](
                  storage::CaseFile file, storage::Done<CaseResult> done) mutable {
                  if (!may_conclude_case(member, file)) {
                      return done(util::fail(util::ErrorCode::forbidden,
                                             "only supervisors and the investigator assigned "
                                             "close a case"));
                  }
                  auto problems = domain::check_closure(closure, file.state);
                  if (!problems.empty()) return done(CaseResult{false, std::move(problems)});
                  storage::CaseClosure stored;
                  stored.at = now;
                  stored.sealed_text = crypto::seal(m_content_key, util::trim(closure.text));
                  stored.sealed_remedy = crypto::seal(m_content_key, util::trim(closure.remedy));
                  // The window to ask for reconsideration, on the office's calendar.
                  const auto* office = m_deployment.find_office(file.office_id);
                  if (office != nullptr && office->service_levels.reconsideration_days > 0) {
                      const domain::BusinessCalendar calendar(m_deployment.time_zone,
                                                              office->calendar);
                      auto until = calendar.add_days(calendar.local_date(now),
                                                     office->service_levels.reconsideration_days,
                                                     office->service_levels.day_count);
                      if (until) stored.reconsider_until = domain::iso_date(*until);
                  }
                  auto record = change(member, file, now);
                  auto audit = audit_of(
                      record, "case.closed",
                      fmt::format("reconsider_until={} remedy={}",
                                  stored.reconsider_until.empty() ? "-" : stored.reconsider_until,
                                  util::trim(closure.remedy).empty() ? "no" : "yes"));
                  m_files.close_case(std::move(record), std::move(stored), std::move(audit),
                                     recorded<domain::CaseState>(std::move(done)));
              });
}

}  // namespace redress::staff
