#include "storage/sql/sql_store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <set>

#include "storage/sql/audit_records.hpp"
#include "storage/sql/background_lease_records.hpp"
#include "storage/sql/case_records.hpp"
#include "storage/sql/clock_hold_records.hpp"
#include "storage/sql/complaint_lookup.hpp"
#include "storage/sql/deadline_records.hpp"
#include "storage/sql/duplicate_records.hpp"
#include "storage/sql/evidence_records.hpp"
#include "storage/sql/group_commit.hpp"
#include "storage/sql/identity_records.hpp"
#include "storage/sql/inbound_mail_records.hpp"
#include "storage/sql/message_records.hpp"
#include "storage/sql/outbox_records.hpp"
#include "storage/sql/queue_records.hpp"
#include "storage/sql/read_pool.hpp"
#include "storage/sql/referral_records.hpp"
#include "storage/sql/session_records.hpp"
#include "storage/sql/staff_entry_records.hpp"
#include "storage/sql/staff_records.hpp"
#include "storage/sql/triage_records.hpp"

namespace redress::storage::sql {

namespace {

// A filing that could never be stored is refused at once rather than failing the whole
// group it would be committed with.
util::Expected<void> check_storable(const domain::ReceivedFiling& filing) {
    if (filing.destinations.empty()) {
        return util::fail(util::ErrorCode::invalid_input, "a filing needs at least one office");
    }
    std::set<std::string_view> offices;
    for (const auto& destination : filing.destinations) {
        if (destination.office_id.empty() || destination.reference_prefix.empty()) {
            return util::fail(util::ErrorCode::invalid_input,
                              "a destination needs an office and a reference prefix");
        }
        if (!offices.insert(destination.office_id).second) {
            return util::fail(util::ErrorCode::invalid_input,
                              "a filing names the same office twice");
        }
    }
    return {};
}

constexpr std::string_view k_select_key_check = "SELECT check_value FROM sealing_key WHERE id = 1";
constexpr std::string_view k_insert_key_check =
    "INSERT INTO sealing_key (id, check_value, adopted_at) VALUES (1, ?1, ?2)";
constexpr std::string_view k_any_filing = "SELECT EXISTS (SELECT 1 FROM filings)";

// Filings written before migration 0002 have no sealed account (every sealed record is
// longer than nothing).
constexpr std::string_view k_select_unsealed = R"sql(
SELECT id, incident_date, incident_date_precision, incident_time, incident_when, place, city,
       region, narrative, injuries
FROM filings WHERE length(sealed_account) = 0 ORDER BY id LIMIT ?1
)sql";
constexpr std::string_view k_select_clear_subjects = R"sql(
SELECT name, badge, agency, component, unit, description, uniform, vehicle
FROM subjects WHERE filing_id = ?1 ORDER BY ordinal
)sql";
constexpr std::string_view k_seal_account = R"sql(
UPDATE filings SET sealed_account = ?2, subject_count = ?3, incident_time = '',
       incident_when = '', place = '', city = '', region = '', narrative = '', injuries = ''
WHERE id = ?1 AND length(sealed_account) = 0
)sql";
constexpr std::string_view k_delete_clear_subjects = "DELETE FROM subjects WHERE filing_id = ?1";

class SqlStore final : public Backend {
  public:
    SqlStore(std::unique_ptr<Database> database, std::unique_ptr<GroupCommit> writer,
             std::unique_ptr<ReadPool> readers)
        : m_database(std::move(database)),
          m_readers(std::move(readers)),
          m_writer(std::move(writer)) {}

    void record(domain::ReceivedFiling filing, RecordDone done) override {
        if (auto storable = check_storable(filing); !storable) {
            done(std::unexpected(storable.error()));
            return;
        }
        m_writer->submit(make_write_job<std::vector<domain::FiledComplaint>>(
            [filing = std::move(filing)](
                WriteContext& context) -> util::Expected<std::vector<domain::FiledComplaint>> {
                auto written = context.filings.write(filing);
                // The mail it asked for is queued with it, or neither is stored.
                if (written) {
                    if (auto queued =
                            queue_filing_mail(context, filing, context.filings.complaint_ids());
                        !queued) {
                        written = std::unexpected(queued.error());
                    }
                }
                // The spool file it came from is taken with it (email intake).
                if (written) {
                    if (auto taken = record_filed_mail(context, filing, *written); !taken) {
                        written = std::unexpected(taken.error());
                    }
                }
                if (written && filing.staff_entry) {
                    if (auto entered = write_staff_entry(context, filing, *written); !entered) {
                        written = std::unexpected(entered.error());
                    }
                }
                // A filing that was checked before it was queued and still cannot be
                // written is the database failing, whatever SQLite called it: the
                // complainant is told to try again.
                if (!written) {
                    return util::fail(
                        util::ErrorCode::unavailable,
                        fmt::format("could not store the filing: {}", written.error().message));
                }
                return written;
            },
            std::move(done), Isolation::whole_batch));
    }

    void find_complaint(std::string reference, FindDone done) override {
        m_readers->submit([reference = std::move(reference),
                           done = std::move(done)](ReadContext& context) mutable {
            sql::find_complaint(context, reference, done);
        });
    }

    bool healthy() override { return m_readers->healthy(); }

    util::Expected<std::optional<KeyCheck>> key_check() override {
        auto connection = m_database->connect(Access::read_only);
        if (!connection) return std::unexpected(connection.error());
        auto select = (*connection)->prepare(k_select_key_check);
        if (!select) return std::unexpected(select.error());
        auto row = (*select)->step();
        if (!row) return std::unexpected(row.error());
        if (!*row) return std::optional<KeyCheck>{};
        const auto stored = (*select)->column_blob(0);
        KeyCheck check{};
        if (stored.size() != check.size()) {
            return util::fail(util::ErrorCode::internal, "stored key check has the wrong size");
        }
        std::copy(stored.begin(), stored.end(), check.begin());
        return std::optional<KeyCheck>{check};
    }

    util::Expected<void> adopt_key_check(const KeyCheck& check) override {
        auto stored = key_check();
        if (!stored) return std::unexpected(stored.error());
        if (*stored) {
            if (**stored == check) return {};
            return util::fail(util::ErrorCode::conflict, "the database has another key");
        }
        // A connection of its own: this runs at start-up, before any filing is queued, and
        // the writer thread's connection belongs to that thread.
        auto connection = m_database->connect(Access::read_write);
        if (!connection) return std::unexpected(connection.error());
        auto insert = (*connection)->prepare(k_insert_key_check);
        if (!insert) return std::unexpected(insert.error());
        const auto now = std::chrono::duration_cast<std::chrono::seconds>(
            std::chrono::system_clock::now().time_since_epoch());
        return (*insert)
            ->bind(1, std::span<const std::uint8_t>(check))
            .bind(2, static_cast<std::int64_t>(now.count()))
            .run();
    }

    util::Expected<bool> holds_filings() override {
        auto connection = m_database->connect(Access::read_only);
        if (!connection) return std::unexpected(connection.error());
        auto any = (*connection)->query_text(k_any_filing);
        if (!any) return std::unexpected(any.error());
        return *any == "1";
    }

    util::Expected<std::vector<UnsealedAccount>> unsealed_accounts(std::size_t max) override {
        auto connection = m_database->connect(Access::read_only);
        if (!connection) return std::unexpected(connection.error());
        auto filings = (*connection)->prepare(k_select_unsealed);
        if (!filings) return std::unexpected(filings.error());
        auto subjects = (*connection)->prepare(k_select_clear_subjects);
        if (!subjects) return std::unexpected(subjects.error());
        std::vector<UnsealedAccount> found;
        (*filings)->bind(1, static_cast<std::int64_t>(max));
        util::Expected<bool> row;
        while ((row = (*filings)->step()) && *row) {
            UnsealedAccount account;
            account.filing_id = (*filings)->column_int(0);
            auto& i = account.incident;
            for (auto [column, field] : {std::pair{1, &i.date},
                                         {2, &i.date_precision},
                                         {3, &i.time},
                                         {4, &i.when_description},
                                         {5, &i.place},
                                         {6, &i.city},
                                         {7, &i.region},
                                         {8, &i.narrative},
                                         {9, &i.injuries}}) {
                *field = std::string((*filings)->column_text(column));
            }
            found.push_back(std::move(account));
        }
        if (!row) return std::unexpected(row.error());
        for (auto& account : found) {
            (*subjects)->bind(1, account.filing_id);
            util::Expected<bool> subject_row;
            while ((subject_row = (*subjects)->step()) && *subject_row) {
                domain::Subject subject;
                for (auto [column, field] : {std::pair{0, &subject.name},
                                             {1, &subject.badge},
                                             {2, &subject.agency},
                                             {3, &subject.component},
                                             {4, &subject.unit},
                                             {5, &subject.description},
                                             {6, &subject.uniform},
                                             {7, &subject.vehicle}}) {
                    *field = std::string((*subjects)->column_text(column));
                }
                account.subjects.push_back(std::move(subject));
            }
            (*subjects)->reset();
            if (!subject_row) return std::unexpected(subject_row.error());
        }
        return found;
    }

    util::Expected<void> seal_accounts(const std::vector<SealedAccount>& sealed) override {
        auto connection = m_database->connect(Access::read_write);
        if (!connection) return std::unexpected(connection.error());
        // So that the clear text does not linger in the database's files.
        if (auto erasing = m_database->begin_erasing(**connection); !erasing) return erasing;
        auto update = (*connection)->prepare(k_seal_account);
        if (!update) return std::unexpected(update.error());
        auto remove = (*connection)->prepare(k_delete_clear_subjects);
        if (!remove) return std::unexpected(remove.error());
        if (auto begun = (*connection)->begin_writing(); !begun) return begun;
        util::Expected<void> result;
        for (const auto& account : sealed) {
            result = (*update)
                         ->bind(1, account.filing_id)
                         .bind(2, std::span<const std::uint8_t>(account.sealed))
                         .bind(3, static_cast<std::int64_t>(account.subject_count))
                         .run();
            if (result) result = (*remove)->bind(1, account.filing_id).run();
            if (!result) break;
        }
        if (result) result = (*connection)->execute("COMMIT");
        if (!result) {
            if ((*connection)->in_transaction()) (void)(*connection)->execute("ROLLBACK");
            return result;
        }
        return m_database->finish_erasing(**connection);
    }

    void add_staff(StaffAccount account, domain::AuditEvent audit,
                   Done<domain::StaffId> done) override {
        write<domain::StaffId>(
            [account = std::move(account), audit = std::move(audit)](WriteContext& context) {
                return insert_staff(context, account, audit);
            },
            std::move(done));
    }

    void change_staff_access(domain::StaffId id, std::vector<domain::Role> roles,
                             std::vector<std::string> offices, domain::AuditEvent audit,
                             Done<Written> done) override {
        write<Written>(
            [id, roles = std::move(roles), offices = std::move(offices),
             audit = std::move(audit)](WriteContext& context) {
                return update_staff_access(context, id, roles, offices, audit);
            },
            std::move(done));
    }

    void set_staff_disabled(domain::StaffId id, bool disabled, domain::AuditEvent audit,
                            Done<Written> done) override {
        write<Written>(
            [id, disabled, audit = std::move(audit)](WriteContext& context) {
                return update_staff_disabled(context, id, disabled, audit);
            },
            std::move(done));
    }

    void reset_second_factor(domain::StaffId id, domain::AuditEvent audit,
                             Done<Written> done) override {
        write<Written>(
            [id, audit = std::move(audit)](WriteContext& context) {
                return forget_second_factor(context, id, audit);
            },
            std::move(done));
    }

    void issue_set_up_code(domain::StaffId id, std::string code_hash, domain::Timestamp until,
                           domain::AuditEvent audit, Done<Written> done) override {
        write<Written>(
            [id, hash = std::move(code_hash), until,
             audit = std::move(audit)](WriteContext& context) {
                return sql::issue_set_up_code(context, id, hash, until, audit);
            },
            std::move(done));
    }

    void choose_password(domain::StaffId id, std::string password_hash, domain::AuditEvent audit,
                         Done<Written> done) override {
        write<Written>(
            [id, hash = std::move(password_hash), audit = std::move(audit)](WriteContext& context) {
                return replace_set_up_code(context, id, hash, audit);
            },
            std::move(done));
    }

    void find_account(std::string username, Done<std::optional<StaffAccount>> done) override {
        read([username = std::move(username)](
                 ReadContext& context) { return read_account(context, username); },
             std::move(done));
    }

    void list_staff(Done<std::vector<domain::StaffMember>> done) override {
        read([](ReadContext& context) { return read_staff(context); }, std::move(done));
    }

    void find_account_by_id(domain::StaffId id, Done<std::optional<StaffAccount>> done) override {
        read([id](ReadContext& context) { return read_account_by_id(context, id); },
             std::move(done));
    }

    void sign_in_with_code(NewSession session, std::int64_t step,
                           std::vector<domain::AuditEvent> audit, Done<Written> done) override {
        write<Written>(
            [session, step, audit = std::move(audit)](WriteContext& context) {
                return write_sign_in_with_code(context, session, step, audit);
            },
            std::move(done));
    }

    void sign_in_with_recovery_code(NewSession session, TokenHash code_hash,
                                    std::vector<domain::AuditEvent> audit,
                                    Done<Written> done) override {
        write<Written>(
            [session, code_hash, audit = std::move(audit)](WriteContext& context) {
                return write_sign_in_with_recovery_code(context, session, code_hash, audit);
            },
            std::move(done));
    }

    void enrol_and_sign_in(NewSession session, std::vector<std::uint8_t> sealed_totp,
                           std::int64_t step, std::vector<TokenHash> recovery_codes,
                           std::vector<domain::AuditEvent> audit, Done<Written> done) override {
        write<Written>(
            [session, sealed_totp = std::move(sealed_totp), step,
             recovery_codes = std::move(recovery_codes),
             audit = std::move(audit)](WriteContext& context) {
                return write_enrolment(context, session, sealed_totp, step, recovery_codes, audit);
            },
            std::move(done));
    }

    void find_session(TokenHash token_hash, Done<std::optional<SessionRecord>> done) override {
        read([token_hash](ReadContext& context) { return read_session(context, token_hash); },
             std::move(done));
    }

    void touch_session(TokenHash token_hash, domain::Timestamp at, Done<Written> done) override {
        write<Written>([token_hash,
                        at](WriteContext& context) { return write_touch(context, token_hash, at); },
                       std::move(done));
    }

    void end_session(TokenHash token_hash, domain::Timestamp at, domain::AuditEvent audit,
                     Done<bool> done) override {
        write<bool>(
            [token_hash, at, audit = std::move(audit)](WriteContext& context) {
                return write_end_session(context, token_hash, at, audit);
            },
            std::move(done));
    }

    void record_audit(domain::AuditEvent event, Done<std::int64_t> done) override {
        write<std::int64_t>(
            [event = std::move(event)](WriteContext& context) -> util::Expected<std::int64_t> {
                auto entry = context.audit.append(event);
                if (!entry) return std::unexpected(entry.error());
                return entry->sequence;
            },
            std::move(done));
    }

    void audit_entries(std::int64_t after, std::size_t max,
                       Done<std::vector<domain::AuditEntry>> done) override {
        read([after, max](ReadContext& context) { return read_audit_entries(context, after, max); },
             std::move(done));
    }

    void audit_head(Done<domain::AuditEntry> done) override {
        read([](ReadContext& context) { return read_audit_head(context); }, std::move(done));
    }

    void add_checkpoint(AuditCheckpoint checkpoint, Done<std::int64_t> done) override {
        write<std::int64_t>(
            [checkpoint = std::move(checkpoint)](WriteContext& context) {
                return insert_checkpoint(context, checkpoint);
            },
            std::move(done));
    }

    void audit_checkpoints(Done<std::vector<AuditCheckpoint>> done) override {
        read([](ReadContext& context) { return read_checkpoints(context); }, std::move(done));
    }

    void queue(domain::QueueQuery query, Done<domain::QueuePage> done) override {
        read(
            [query = std::move(query)](ReadContext& context) { return read_queue(context, query); },
            std::move(done));
    }

    void staff_complaint(std::string reference, Done<std::optional<StaffComplaint>> done) override {
        read([reference = std::move(reference)](
                 ReadContext& context) { return read_staff_complaint(context, reference); },
             std::move(done));
    }

    void record_triage(TriageRecord record, domain::AuditEvent audit,
                       Done<domain::Status> done) override {
        write<domain::Status>(
            [record = std::move(record), audit = std::move(audit)](WriteContext& context) {
                return insert_triage(context, record, audit);
            },
            std::move(done));
    }

    void received_referrals(std::string office_id,
                            Done<std::vector<ReceivedReferral>> done) override {
        read([office_id = std::move(office_id)](
                 ReadContext& context) { return read_received_referrals(context, office_id); },
             std::move(done));
    }

    void answer_referral(ReferralAnswerRecord record, domain::AuditEvent audit,
                         Done<std::string> done) override {
        write<std::string>(
            [record = std::move(record), audit = std::move(audit)](WriteContext& context) {
                return insert_referral_answer(context, record, audit);
            },
            std::move(done));
    }

    void hold_clocks(ClockHoldRecord record, domain::AuditEvent audit, Done<bool> done) override {
        write<bool>(
            [record = std::move(record), audit = std::move(audit)](WriteContext& context) {
                return insert_clock_hold(context, record, audit);
            },
            std::move(done));
    }

    void possible_duplicates(std::int64_t complaint_id,
                             Done<std::vector<DuplicateCandidate>> done) override {
        read([complaint_id](
                 ReadContext& context) { return read_possible_duplicates(context, complaint_id); },
             std::move(done));
    }

    void record_join(JoinRecord record, domain::AuditEvent audit,
                     Done<std::int64_t> done) override {
        write<std::int64_t>(
            [record = std::move(record), audit = std::move(audit)](WriteContext& context) {
                return insert_join(context, record, audit);
            },
            std::move(done));
    }

    void sealed_people(std::int64_t complaint_id, Done<std::vector<std::uint8_t>> done) override {
        read([complaint_id](
                 ReadContext& context) { return read_sealed_people(context, complaint_id); },
             std::move(done));
    }

    void case_file(std::int64_t case_id, Done<std::optional<CaseFile>> done) override {
        read([case_id](ReadContext& context) { return read_case_file(context, case_id); },
             std::move(done));
    }

    void assigned_cases(domain::StaffId investigator,
                        Done<std::vector<CaseSummary>> done) override {
        read([investigator](
                 ReadContext& context) { return read_assigned_cases(context, investigator); },
             std::move(done));
    }

    void assign_case(CaseChange change, domain::StaffId investigator, domain::AuditEvent audit,
                     Done<domain::CaseState> done) override {
        write<domain::CaseState>(
            [change = std::move(change), investigator,
             audit = std::move(audit)](WriteContext& context) {
                return update_assignment(context, change, investigator, audit);
            },
            std::move(done));
    }

    void add_note(CaseChange change, Sealed sealed_text, domain::AuditEvent audit,
                  Done<std::int64_t> done) override {
        write<std::int64_t>(
            [change = std::move(change), sealed_text = std::move(sealed_text),
             audit = std::move(audit)](WriteContext& context) {
                return insert_note(context, change, sealed_text, audit);
            },
            std::move(done));
    }

    void add_task(CaseChange change, Sealed sealed_title, std::string due_on,
                  domain::AuditEvent audit, Done<std::int64_t> done) override {
        write<std::int64_t>(
            [change = std::move(change), sealed_title = std::move(sealed_title),
             due_on = std::move(due_on), audit = std::move(audit)](WriteContext& context) {
                return insert_task(context, change, sealed_title, due_on, audit);
            },
            std::move(done));
    }

    void complete_task(CaseChange change, std::int64_t task_id, domain::AuditEvent audit,
                       Done<std::int64_t> done) override {
        write<std::int64_t>(
            [change = std::move(change), task_id, audit = std::move(audit)](WriteContext& context) {
                return update_task_done(context, change, task_id, audit);
            },
            std::move(done));
    }

    void record_findings(CaseChange change, std::vector<domain::AllegationFinding> findings,
                         domain::AuditEvent audit, Done<domain::CaseState> done) override {
        write<domain::CaseState>(
            [change = std::move(change), findings = std::move(findings),
             audit = std::move(audit)](WriteContext& context) {
                return insert_findings(context, change, findings, audit);
            },
            std::move(done));
    }

    void close_case(CaseChange change, CaseClosure closure, domain::AuditEvent audit,
                    Done<domain::CaseState> done) override {
        write<domain::CaseState>(
            [change = std::move(change), closure = std::move(closure), audit = std::move(audit)](
                WriteContext& context) { return insert_closure(context, change, closure, audit); },
            std::move(done));
    }

    void post_staff_message(StaffMessageRecord record, domain::AuditEvent audit,
                            Done<std::int64_t> done) override {
        write<std::int64_t>(
            [record = std::move(record), audit = std::move(audit)](WriteContext& context) {
                return insert_staff_message(context, record, audit);
            },
            std::move(done));
    }

    void post_complainant_message(ComplainantMessageRecord record, domain::AuditEvent audit,
                                  Done<std::int64_t> done) override {
        write<std::int64_t>(
            [record = std::move(record), audit = std::move(audit)](WriteContext& context) {
                return insert_complainant_message(context, record, audit);
            },
            std::move(done));
    }

    void request_identity(IdentityRequestRecord record, domain::AuditEvent audit,
                          Done<std::int64_t> done) override {
        write<std::int64_t>(
            [record = std::move(record), audit = std::move(audit)](WriteContext& context) {
                return insert_identity_request(context, record, audit);
            },
            std::move(done));
    }

    void pending_identity_requests(std::vector<std::string> offices,
                                   Done<std::vector<IdentityRequest>> done) override {
        read([offices = std::move(offices)](
                 ReadContext& context) { return read_pending_identity_requests(context, offices); },
             std::move(done));
    }

    void answer_identity_request(IdentityAnswerRecord record, domain::AuditEvent audit,
                                 Done<IdentityRequest> done) override {
        write<IdentityRequest>(
            [record = std::move(record), audit = std::move(audit)](WriteContext& context) {
                return update_identity_answer(context, record, audit);
            },
            std::move(done));
    }

    void open_identity(IdentityOpeningRecord record, domain::AuditEvent audit,
                       Done<IdentityOpening> done) override {
        write<IdentityOpening>(
            [record = std::move(record), audit = std::move(audit)](WriteContext& context) {
                return insert_identity_view(context, record, audit);
            },
            std::move(done));
    }

    void identity_standing(std::int64_t complaint_id, domain::StaffId staff_id,
                           Done<IdentityStanding> done) override {
        read(
            [complaint_id, staff_id](ReadContext& context) {
                return read_identity_standing(context, complaint_id, staff_id);
            },
            std::move(done));
    }

    void exclude_staff(ExclusionRecord record, domain::AuditEvent audit, Done<bool> done) override {
        write<bool>([record = std::move(record), audit = std::move(audit)](
                        WriteContext& context) { return insert_exclusion(context, record, audit); },
                    std::move(done));
    }

    void record_consent(ConsentRecord record, domain::AuditEvent audit, Done<bool> done) override {
        write<bool>([record = std::move(record), audit = std::move(audit)](
                        WriteContext& context) { return insert_consent(context, record, audit); },
                    std::move(done));
    }

    void refresh_deadlines(DeadlineRule rule, std::size_t limit, Done<std::size_t> done) override {
        write<std::size_t>(
            [rule = std::move(rule), limit](WriteContext& context) {
                return sql::refresh_deadlines(context, rule, limit);
            },
            std::move(done));
    }

    void adopt_deadline_rules(std::string rules, Done<bool> done) override {
        write<bool>(
            [rules = std::move(rules)](WriteContext& context) {
                return sql::adopt_deadline_rules(context, rules);
            },
            std::move(done));
    }

    void overdue(domain::OverdueQuery query, Done<domain::OverduePage> done) override {
        read([query =
                  std::move(query)](ReadContext& context) { return read_overdue(context, query); },
             std::move(done));
    }

    void evidence_of(std::string reference, Done<std::vector<domain::Evidence>> done) override {
        read([reference = std::move(reference)](
                 ReadContext& context) { return read_evidence(context, reference); },
             std::move(done));
    }

    void add_evidence(std::int64_t complaint_id, std::vector<domain::Evidence> files,
                      domain::EvidenceLimits limits, domain::AuditEvent audit,
                      Done<bool> done) override {
        write<bool>(
            [complaint_id, files = std::move(files), limits,
             audit = std::move(audit)](WriteContext& context) {
                return sql::add_evidence(context, complaint_id, files, limits, audit);
            },
            std::move(done));
    }

    void mail_taken(std::string spool_name, Done<bool> done) override {
        read([spool_name = std::move(spool_name)](
                 ReadContext& context) { return read_mail_taken(context, spool_name); },
             std::move(done));
    }

    void reply_contact(std::string reference, Done<std::optional<ReplyContact>> done) override {
        read([reference = std::move(reference)](
                 ReadContext& context) { return read_reply_contact(context, reference); },
             std::move(done));
    }

    void take_reply(MailReply reply, Done<std::int64_t> done) override {
        write<std::int64_t>([reply = std::move(reply)](
                                WriteContext& context) { return write_mail_reply(context, reply); },
                            std::move(done));
    }

    void quarantine_mail(QuarantineRecord record, domain::AuditEvent audit,
                         Done<std::int64_t> done) override {
        write<std::int64_t>(
            [record = std::move(record), audit = std::move(audit)](WriteContext& context) {
                return write_quarantine(context, record, audit);
            },
            std::move(done));
    }

    void quarantined_mail(std::size_t limit, Done<std::vector<QuarantinedMail>> done) override {
        read([limit](ReadContext& context) { return read_quarantined_mail(context, limit); },
             std::move(done));
    }

    void find_quarantined(std::int64_t id, Done<std::optional<QuarantinedMail>> done) override {
        read([id](ReadContext& context) { return read_quarantined(context, id); }, std::move(done));
    }

    void due_mail(domain::Timestamp now, std::size_t limit,
                  Done<std::vector<MailJob>> done) override {
        read([now, limit](ReadContext& context) { return read_due_mail(context, now, limit); },
             std::move(done));
    }

    void waiting_mail(Done<std::size_t> done) override {
        read([](ReadContext& context) { return count_waiting_mail(context); }, std::move(done));
    }

    void queue_acknowledgment(std::int64_t complaint_id, std::vector<std::uint8_t> sealed_extra,
                              domain::Timestamp at, Done<std::int64_t> done) override {
        write<std::int64_t>(
            [complaint_id, sealed_extra = std::move(sealed_extra), at](WriteContext& context) {
                return sql::queue_acknowledgment(context, complaint_id, sealed_extra, at);
            },
            std::move(done));
    }

    void mail_sent(std::int64_t job_id, domain::Timestamp at, Done<bool> done) override {
        write<bool>(
            [job_id, at](WriteContext& context) { return mark_mail_sent(context, job_id, at); },
            std::move(done));
    }

    void mail_failed(std::int64_t job_id, std::string reason, domain::Timestamp next_due,
                     Done<bool> done) override {
        write<bool>(
            [job_id, reason = std::move(reason), next_due](WriteContext& context) {
                return mark_mail_failed(context, job_id, reason, next_due);
            },
            std::move(done));
    }

    void mail_given_up(std::int64_t job_id, std::string reason, domain::Timestamp at,
                       Done<bool> done) override {
        write<bool>(
            [job_id, reason = std::move(reason), at](WriteContext& context) {
                return mark_mail_given_up(context, job_id, reason, at);
            },
            std::move(done));
    }

    void hold_lease(std::string job, std::string node, domain::Timestamp now,
                    domain::Timestamp until, Done<bool> done) override {
        write<bool>(
            [job = std::move(job), node = std::move(node), now, until](WriteContext& context) {
                return sql::hold_lease(context, job, node, now, until);
            },
            std::move(done));
    }

    void release_lease(std::string job, std::string node, Done<Written> done) override {
        write<Written>(
            [job = std::move(job),
             node = std::move(node)](WriteContext& context) -> util::Expected<Written> {
                if (auto released = sql::release_lease(context, job, node); !released) {
                    return std::unexpected(released.error());
                }
                return Written{};
            },
            std::move(done));
    }

  private:
    // Queues `read` (util::Expected<T>(ReadContext&)) on a reading thread; `done` gets
    // its answer there.
    template <typename Read, typename T>
    void read(Read read, Done<T> done) {
        m_readers->submit([read = std::move(read), done = std::move(done)](
                              ReadContext& context) mutable { done(read(context)); });
    }

    template <typename T, typename Write>
    void write(Write write, Done<T> done) {
        m_writer->submit(make_write_job<T>(std::move(write), std::move(done)));
    }

    std::unique_ptr<Database> m_database;  // for connections of their own, at start-up
    std::unique_ptr<ReadPool> m_readers;
    // Destroyed first, so that callbacks run while draining may still look complaints up.
    std::unique_ptr<GroupCommit> m_writer;
};

}  // namespace

util::Expected<std::unique_ptr<Backend>> open_store(std::unique_ptr<Database> database,
                                                    std::unique_ptr<Connection> writer,
                                                    const StoreSettings& settings) {
    if (settings.max_batch == 0 || settings.read_connections == 0) {
        return util::fail(util::ErrorCode::invalid_input,
                          "max_batch and read_connections must be at least 1");
    }
    auto readers = ReadPool::open(*database, settings.read_connections);
    if (!readers) return std::unexpected(readers.error());
    auto committer = GroupCommit::start(std::move(writer), settings.max_batch);
    if (!committer) return std::unexpected(committer.error());
    return std::make_unique<SqlStore>(std::move(database), std::move(*committer),
                                      std::move(*readers));
}

}  // namespace redress::storage::sql
