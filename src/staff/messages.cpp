#include "staff/messages.hpp"

#include "crypto/secret_box.hpp"
#include "domain/message.hpp"
#include "staff/triage.hpp"
#include "util/text.hpp"

namespace redress::staff {

bool may_message(const domain::StaffMember& member, const storage::StaffComplaint& complaint) {
    if (!may_read(member, complaint)) return false;
    if (may_triage(member, complaint.office_id)) return true;
    return member.works_complaints_of(complaint.office_id) && complaint.case_investigator &&
           *complaint.case_investigator == member.id;
}

void Messages::send(const domain::StaffMember& member, std::string reference, std::string text,
                    domain::Timestamp now, storage::Done<MessageResult> done) {
    auto problems = domain::check_message(text);
    if (!problems.empty()) return done(MessageResult{false, std::move(problems)});
    m_casework.staff_complaint(
        reference, [this, member, reference, text = std::move(text), now, done = std::move(done)](
                       util::Expected<std::optional<storage::StaffComplaint>>&& found) mutable {
            if (!found) return done(std::unexpected(std::move(found).error()));
            if (!found->has_value() || !may_read(member, **found)) {
                return done(util::fail(util::ErrorCode::not_found, "no such complaint"));
            }
            const auto& complaint = **found;
            if (!may_message(member, complaint)) {
                return done(util::fail(util::ErrorCode::forbidden,
                                       "only the staff working the complaint write to the "
                                       "complainant"));
            }
            storage::StaffMessageRecord record;
            record.reference = reference;
            record.office_id = complaint.office_id;
            record.staff_id = member.id;
            record.actor = "staff:" + member.username;
            record.at = now;
            record.sealed_text = crypto::seal(m_content_key, util::trim(text));
            domain::AuditEvent audit;
            audit.at = now;
            audit.actor = record.actor;
            audit.action = "message.sent";
            audit.object = "complaint:" + reference;
            m_correspondence.post_staff_message(
                std::move(record), std::move(audit),
                [done = std::move(done)](util::Expected<std::int64_t> id) mutable {
                    if (!id) return done(std::unexpected(id.error()));
                    done(MessageResult{true, {}});
                });
        });
}

}  // namespace redress::staff
