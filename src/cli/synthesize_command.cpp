#include "cli/synthesize_command.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <condition_variable>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>

#include "cli/common_passwords.hpp"
#include "cli/database.hpp"
#include "cli/key_custody.hpp"
#include "cli/synthetic_filings.hpp"
#include "crypto/random.hpp"
#include "crypto/secret_box.hpp"
#include "domain/business_calendar.hpp"
#include "domain/case_file.hpp"
#include "domain/message.hpp"
#include "domain/reference.hpp"
#include "domain/triage.hpp"
#include "intake/intake.hpp"
#include "staff/accounts.hpp"
#include "staff/audit_anchor.hpp"
#include "staff/deadline_keeping.hpp"
#include "staff/triage.hpp"
#include "util/await.hpp"
#include "util/text.hpp"

namespace redress::cli {

namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

// Streams of a complaint's generator: its filing and its plan are drawn apart, so that a
// change to one leaves the other as it was.
constexpr std::uint64_t k_filing_stream = 0;
constexpr std::uint64_t k_plan_stream = 1;

struct Member {
    domain::StaffId id = 0;
    std::string username;
    std::string actor;  // "staff:<username>"
};

struct OfficeStaff {
    Member intake;
    Member supervisor;
    std::vector<Member> investigators;
};

// What happens to a complaint after it is filed, in the order of its times.
enum class Kind {
    triage,
    learn_case,  // reads the case the acceptance opened: its id is the store's
    assign,
    note,
    task,
    task_done,
    message,
    reply,
    findings,
    close,
};
constexpr std::size_t k_kinds = 10;
constexpr std::array<std::string_view, k_kinds> k_kind_names = {
    "triage",    "case read", "assignment", "note",     "task",
    "task done", "message",   "reply",      "findings", "closure"};

struct Step {
    Kind kind = Kind::triage;
    domain::Timestamp at{};
    std::size_t index = 0;  // task_done: which of the case's tasks
};

struct Complaint {
    std::size_t number = 0;
    bool sampled = false;
    std::vector<Step> plan;
    std::vector<std::string> filed_categories;
    bool planned = false;  // once filed
    std::size_t next = 0;
    bool ok = true;
    std::string failure;
    // Known once filed and triaged.
    std::string reference;
    std::string office_id;       // the first complaint's; the plan is for it alone
    std::size_t complaints = 0;  // one per office it was filed with
    std::string receipt;
    domain::TriageDecision decision;
    std::int64_t complaint_id = 0;
    std::int64_t case_id = 0;
    const Member* investigator = nullptr;
    std::vector<std::string> allegations;
    std::vector<std::int64_t> task_ids;
};

domain::Timestamp start_of(domain::Date day) {
    return domain::Timestamp(std::chrono::sys_days(day).time_since_epoch());
}

std::string make_password() {
    constexpr std::array<std::string_view, 16> words = {
        "Amber", "Falcon",  "Quiet",  "River",   "Copper", "Meadow", "Silver",  "Harbor",
        "Cedar", "Lantern", "Orchid", "Granite", "Willow", "Comet",  "Thistle", "Basalt"};
    std::array<std::uint8_t, 8> bytes{};
    crypto::fill_random(bytes);
    return fmt::format("{}-{}-{}-{}-{:02}{:02}", words[bytes[0] % 16], words[bytes[1] % 16],
                       words[bytes[2] % 16], words[bytes[3] % 16], bytes[4] % 100, bytes[5] % 100);
}

class Synthesizer {
  public:
    Synthesizer(const config::Config& config, const SynthesizeOptions& options,
                storage::Backend& backend, const crypto::Keys& keys,
                std::map<std::string, OfficeStaff> staff)
        : m_options(options),
          m_deployment(config.deployment),
          m_backend(backend),
          m_keys(keys),
          m_staff(std::move(staff)),
          m_intake(config.deployment, backend, keys, [this] { return m_clock; }) {
        // Built once per office rather than once per closure, as the server keeps them.
        for (const auto& office : m_deployment.offices) {
            m_calendars.emplace(office.id,
                                domain::BusinessCalendar(m_deployment.time_zone, office.calendar));
        }
    }

    // Files every complaint and carries out its plan; answers the number of records refused
    // or failed.
    std::size_t run(domain::Date until) {
        m_end = start_of(until);
        m_start = m_end - days(m_options.days);
        std::vector<bool> sampled(m_options.complaints, false);
        SyntheticRandom choose(m_options.seed, 0, 2);
        for (std::size_t i = 0; i < std::min(m_options.sample, m_options.complaints); ++i) {
            sampled[choose.below(m_options.complaints)] = true;
        }
        const auto began = std::chrono::steady_clock::now();
        std::size_t launched = 0, active = 0;
        std::vector<Complaint*> ready;
        while (launched < m_options.complaints || active > 0) {
            while (active < m_options.in_flight && launched < m_options.complaints) {
                auto complaint = std::make_unique<Complaint>();
                complaint->number = launched;
                complaint->sampled = sampled[launched];
                ++launched;
                ++active;
                file(complaint.release());
                if (launched % 100000 == 0) {
                    const std::chrono::duration<double> took =
                        std::chrono::steady_clock::now() - began;
                    spdlog::info("filed {} of {} ({:.0f} s)", launched, m_options.complaints,
                                 took.count());
                }
            }
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock, [&] { return !m_ready.empty(); });
                ready.swap(m_ready);
            }
            for (auto* complaint : ready) {
                if (!advance(*complaint)) {
                    finish(std::unique_ptr<Complaint>(complaint));
                    --active;
                }
            }
            ready.clear();
        }
        return m_failed;
    }

    void write_samples() const;
    void print_summary(double took) const;

  private:
    // Hands a complaint back to the loop, from whatever thread its step completed on.
    void hand_back(Complaint* complaint, bool ok, std::string failure = {}) {
        std::lock_guard lock(m_mutex);
        complaint->ok = ok;
        if (!ok) complaint->failure = std::move(failure);
        m_ready.push_back(complaint);
        m_wake.notify_one();
    }

    template <typename T>
    storage::Done<T> back(Complaint* complaint) {
        return [this, complaint](util::Expected<T> result) {
            if (!result) return hand_back(complaint, false, result.error().message);
            hand_back(complaint, true);
        };
    }

    domain::Timestamp received_at(std::size_t number) const {
        const auto span = std::chrono::duration_cast<seconds>(m_end - m_start).count();
        return m_start + seconds(span * static_cast<std::int64_t>(number) /
                                 static_cast<std::int64_t>(m_options.complaints));
    }

    void file(Complaint* complaint) {
        SyntheticRandom random(m_options.seed, complaint->number, k_filing_stream);
        m_clock = received_at(complaint->number);
        auto filing = synthetic_filing(random, m_deployment, domain::date_of(m_clock));
        complaint->filed_categories = filing.incident.categories;
        m_intake.file(std::move(filing), domain::Channel::api,
                      [this, complaint](std::expected<intake::Stored, intake::Refusal>&& stored) {
                          if (!stored) {
                              return hand_back(complaint, false,
                                               stored.error().failure
                                                   ? stored.error().failure->message
                                                   : "the filing was refused");
                          }
                          const auto& first = stored->complaints.front();
                          complaint->reference = first.reference;
                          complaint->office_id = first.office_id;
                          complaint->complaints = stored->complaints.size();
                          if (complaint->sampled) complaint->receipt = stored->receipt.text();
                          hand_back(complaint, true);
                      });
    }

    const OfficeStaff* staff_of(const Complaint& complaint) const {
        const auto found = m_staff.find(complaint.office_id);
        return found == m_staff.end() ? nullptr : &found->second;
    }

    // The complaint's plan, drawn once it is filed (its office decides who works it).
    void plan(Complaint& complaint) {
        SyntheticRandom random(m_options.seed, complaint.number, k_plan_stream);
        const auto* staff = staff_of(complaint);
        if (m_options.filings_only || staff == nullptr) return;
        auto& steps = complaint.plan;
        auto at = received_at(complaint.number) + days(random.between(1, 10)) +
                  hours(random.between(0, 23));
        // Triage: most accepted, some referred, some closed with a reason; a few left.
        auto& decision = complaint.decision;
        const auto roll = random.below(100);
        if (roll >= 97) return;
        decision.priority = random.chance(0.05)   ? domain::Priority::urgent
                            : random.chance(0.2)  ? domain::Priority::high
                            : random.chance(0.12) ? domain::Priority::low
                                                  : domain::Priority::normal;
        decision.categories = complaint.filed_categories;
        if (roll < 72) {
            decision.action = domain::TriageAction::accept;
        } else if (roll < 84) {
            decision.action = domain::TriageAction::refer;
            std::vector<const domain::Office*> others;
            for (const auto& office : m_deployment.offices) {
                if (office.id != complaint.office_id) others.push_back(&office);
            }
            if (others.empty()) return;
            const auto* to = others[random.below(others.size())];
            decision.to_office = to->id;
            if (to->kind == domain::OfficeKind::external) {
                decision.external_reference = fmt::format("EXT-{:06}", random.below(1000000));
            }
            decision.reason = synthetic_referral_reason(random, to->id);
        } else {
            decision.action = domain::TriageAction::close;
            // Not "duplicate": that names the complaint it repeats, which a plan made before
            // filing cannot know.
            constexpr std::array k_reasons{domain::CloseReason::no_jurisdiction,
                                           domain::CloseReason::insufficient_information,
                                           domain::CloseReason::withdrawn};
            decision.close_reason = k_reasons[random.below(k_reasons.size())];
            decision.reason = synthetic_close_reason(random);
        }
        steps.push_back({Kind::triage, at});
        if (decision.action != domain::TriageAction::accept) {
            if (random.chance(0.3)) steps.push_back({Kind::message, at + hours(1)});
            return;
        }
        complaint.allegations = decision.categories;
        steps.push_back({Kind::learn_case, at});
        if (!random.chance(0.92) || staff->investigators.empty()) return;
        complaint.investigator = &staff->investigators[random.below(staff->investigators.size())];
        at += days(random.between(0, 4)) + hours(random.between(1, 8));
        steps.push_back({Kind::assign, at});
        const auto findings_at = at + days(random.between(30, 200));
        // Work on the case between its assignment and its findings, in time order.
        std::vector<Step> work;
        const auto span = std::chrono::duration_cast<minutes>(findings_at - at).count();
        auto within = [&] { return at + minutes(random.between(1, span - 1)); };
        for (auto n = random.between(0, 3); n > 0; --n) work.push_back({Kind::note, within()});
        for (auto n = random.between(0, 2); n > 0; --n) {
            const auto added = within();
            work.push_back({Kind::task, added});
            if (random.chance(0.5)) {
                // `index` is filled in below, once the tasks are in order.
                work.push_back({Kind::task_done, added + days(random.between(1, 20))});
            }
        }
        for (auto n = random.between(0, 2); n > 0; --n) {
            const auto sent = within();
            work.push_back({Kind::message, sent});
            if (random.chance(0.3)) {
                work.push_back({Kind::reply, sent + hours(random.between(2, 96))});
            }
        }
        std::ranges::stable_sort(work, {}, &Step::at);
        // A task is done after it was added, and before findings; a reply after its message.
        std::size_t tasks = 0, done = 0;
        std::vector<Step> kept;
        for (auto step : work) {
            if (step.at >= findings_at) continue;
            if (step.kind == Kind::task) ++tasks;
            if (step.kind == Kind::task_done) {
                if (done >= tasks) continue;
                step.index = done++;
            }
            kept.push_back(step);
        }
        steps.insert(steps.end(), kept.begin(), kept.end());
        if (complaint.allegations.empty() || !random.chance(0.7)) return;
        steps.push_back({Kind::findings, findings_at});
        if (random.chance(0.85)) {
            steps.push_back({Kind::close, findings_at + days(random.between(3, 30))});
        }
    }

    // Takes the complaint's next step; false when there is none left (or one failed).
    bool advance(Complaint& complaint) {
        if (!complaint.ok) {
            const auto kind =
                complaint.planned
                    ? static_cast<std::size_t>(complaint.plan[complaint.next - 1].kind)
                    : k_kinds;
            ++m_failures[kind];
            if (m_failed++ == 0) spdlog::error("a record was refused: {}", complaint.failure);
            return false;
        }
        if (!complaint.planned) {
            // Back from the store after filing: its plan, up to the end of the period.
            complaint.planned = true;
            ++m_filed;
            m_complaints += complaint.complaints;
            plan(complaint);
            std::erase_if(complaint.plan, [&](const Step& step) { return step.at >= m_end; });
        } else {
            ++m_done[static_cast<std::size_t>(complaint.plan[complaint.next - 1].kind)];
        }
        if (complaint.next >= complaint.plan.size()) return false;
        take(complaint, complaint.plan[complaint.next++]);
        return true;
    }

    storage::CaseChange change(const Complaint& complaint, const Member& member,
                               domain::Timestamp at) const {
        return storage::CaseChange{complaint.case_id, complaint.office_id, member.id, member.actor,
                                   at};
    }

    domain::AuditEvent case_audit(const storage::CaseChange& change, std::string action,
                                  std::string details) const {
        domain::AuditEvent audit;
        audit.at = change.at;
        audit.actor = change.actor;
        audit.action = std::move(action);
        audit.object = fmt::format("case:{}", change.case_id);
        audit.details = std::move(details);
        return audit;
    }

    void refuse(Complaint* complaint, const std::vector<domain::FormProblem>& problems) {
        std::string text;
        for (const auto& problem : problems) {
            text += fmt::format(" {}:{}", problem.field, problem.code);
        }
        hand_back(complaint, false, "refused as staff input:" + text);
    }

    void take(Complaint& complaint, const Step& step);

    const SynthesizeOptions& m_options;
    const domain::Deployment& m_deployment;
    storage::Backend& m_backend;
    const crypto::Keys& m_keys;
    std::map<std::string, OfficeStaff> m_staff;
    std::map<std::string, domain::BusinessCalendar> m_calendars;
    domain::Timestamp m_clock{};  // the intake's now, set before each filing
    intake::Intake m_intake;
    domain::Timestamp m_start{}, m_end{};

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::vector<Complaint*> m_ready;

    // Counted on the loop's thread only.
    std::size_t m_filed = 0, m_complaints = 0, m_failed = 0;
    std::array<std::size_t, k_kinds> m_done{};
    std::array<std::size_t, k_kinds + 1> m_failures{};  // the last: filings
    std::array<std::size_t, 3> m_triaged{};             // by action
    std::vector<std::pair<std::string, std::string>> m_known;
    std::vector<std::pair<std::int64_t, std::string>> m_cases;

    void finish(std::unique_ptr<Complaint> complaint) {
        if (!complaint->ok) return;
        if (complaint->sampled && !complaint->receipt.empty()) {
            m_known.emplace_back(complaint->reference, complaint->receipt);
        }
        if (complaint->case_id != 0) m_cases.emplace_back(complaint->case_id, complaint->office_id);
    }
};

void Synthesizer::take(Complaint& complaint, const Step& step) {
    const auto& staff = *staff_of(complaint);
    const Member& worker =
        complaint.investigator != nullptr ? *complaint.investigator : staff.intake;
    SyntheticRandom random(m_options.seed, complaint.number,
                           10 + static_cast<std::uint64_t>(complaint.next));
    auto* handle = &complaint;
    switch (step.kind) {
        case Kind::triage: {
            // As staff::Triage::decide checks and records it.
            auto problems = domain::check_triage(complaint.decision, domain::Status::received,
                                                 complaint.office_id, m_deployment);
            if (!problems.empty()) return refuse(handle, problems);
            ++m_triaged[static_cast<std::size_t>(complaint.decision.action)];
            storage::TriageRecord record;
            record.reference = complaint.reference;
            record.office_id = complaint.office_id;
            record.staff_id = staff.intake.id;
            record.actor = staff.intake.actor;
            record.at = step.at;
            record.decision = complaint.decision;
            const auto& decision = record.decision;
            std::string details = staff::triage_details(decision);
            domain::AuditEvent audit{.at = step.at,
                                     .actor = record.actor,
                                     .action = "complaint.triaged",
                                     .object = "complaint:" + complaint.reference,
                                     .reason = decision.reason,
                                     .details = std::move(details)};
            return m_backend.record_triage(std::move(record), std::move(audit),
                                           back<domain::Status>(handle));
        }
        case Kind::learn_case:
            return m_backend.staff_complaint(
                complaint.reference,
                [this, handle](util::Expected<std::optional<storage::StaffComplaint>> found) {
                    if (!found || !found->has_value() || !(*found)->case_id) {
                        return hand_back(handle, false, "the accepted complaint has no case");
                    }
                    handle->complaint_id = (*found)->complaint_id;
                    handle->case_id = *(*found)->case_id;
                    hand_back(handle, true);
                });
        case Kind::assign: {
            // By the office's supervisor, as staff::Cases::assign records it.
            auto record = change(complaint, staff.supervisor, step.at);
            auto audit = case_audit(record, "case.assigned",
                                    fmt::format("investigator={}", worker.username));
            return m_backend.assign_case(std::move(record), worker.id, std::move(audit),
                                         back<domain::CaseState>(handle));
        }
        case Kind::note: {
            auto text = synthetic_note(random);
            if (auto problems = domain::check_note(text); !problems.empty()) {
                return refuse(handle, problems);
            }
            auto record = change(complaint, worker, step.at);
            auto audit = case_audit(record, "case.note_added", "");
            return m_backend.add_note(std::move(record),
                                      crypto::seal(m_keys.content, util::trim(text)),
                                      std::move(audit), back<std::int64_t>(handle));
        }
        case Kind::task: {
            auto title = synthetic_task(random);
            const auto due = domain::iso_date(
                domain::Date(std::chrono::floor<days>(step.at) + days(random.between(5, 30))));
            const auto today = m_deployment.time_zone.local_date(step.at);
            if (auto problems = domain::check_task(title, due, today); !problems.empty()) {
                return refuse(handle, problems);
            }
            auto record = change(complaint, worker, step.at);
            auto audit = case_audit(record, "case.task_added", "due=" + due);
            return m_backend.add_task(
                std::move(record), crypto::seal(m_keys.content, util::trim(title)), due,
                std::move(audit), [this, handle](util::Expected<std::int64_t> id) {
                    if (!id) return hand_back(handle, false, id.error().message);
                    handle->task_ids.push_back(*id);
                    hand_back(handle, true);
                });
        }
        case Kind::task_done: {
            const auto task = complaint.task_ids.at(step.index);
            auto record = change(complaint, worker, step.at);
            auto audit = case_audit(record, "case.task_done", fmt::format("task={}", task));
            return m_backend.complete_task(std::move(record), task, std::move(audit),
                                           back<std::int64_t>(handle));
        }
        case Kind::message: {
            // As staff::Messages::send records it.
            auto text = synthetic_message(random);
            if (auto problems = domain::check_message(text); !problems.empty()) {
                return refuse(handle, problems);
            }
            storage::StaffMessageRecord record;
            record.reference = complaint.reference;
            record.office_id = complaint.office_id;
            record.staff_id = worker.id;
            record.actor = worker.actor;
            record.at = step.at;
            record.sealed_text = crypto::seal(m_keys.content, util::trim(text));
            domain::AuditEvent audit{.at = step.at,
                                     .actor = worker.actor,
                                     .action = "message.sent",
                                     .object = "complaint:" + complaint.reference,
                                     .reason = {},
                                     .details = {}};
            return m_backend.post_staff_message(std::move(record), std::move(audit),
                                                back<std::int64_t>(handle));
        }
        case Kind::reply: {
            // As intake::ComplainantReplies records it, once the receipt was checked.
            auto text = synthetic_reply(random);
            if (auto problems = domain::check_message(text); !problems.empty()) {
                return refuse(handle, problems);
            }
            storage::ComplainantMessageRecord record{
                .complaint_id = complaint.complaint_id,
                .kind = domain::MessageKind::from_complainant,
                .at = step.at,
                .today = domain::iso_date(m_deployment.time_zone.local_date(step.at)),
                .sealed_text = crypto::seal(m_keys.content, util::trim(text))};
            domain::AuditEvent audit{
                .at = step.at,
                .actor = "complainant",
                .action = "message.received",
                .object = "complaint:" + complaint.reference,
                .reason = {},
                .details = "kind=" + std::string(domain::message_kind_name(record.kind))};
            return m_backend.post_complainant_message(std::move(record), std::move(audit),
                                                      back<std::int64_t>(handle));
        }
        case Kind::findings: {
            // One finding per allegation, as staff::Cases::record_findings checks them.
            std::vector<domain::AllegationFinding> findings;
            std::string details;
            for (const auto& category : complaint.allegations) {
                const auto roll = random.below(100);
                const auto finding = roll < 25   ? domain::Finding::sustained
                                     : roll < 60 ? domain::Finding::not_sustained
                                     : roll < 75 ? domain::Finding::exonerated
                                     : roll < 90 ? domain::Finding::unfounded
                                     : roll < 95 ? domain::Finding::policy_failure
                                                 : domain::Finding::no_finding;
                findings.push_back({category, finding});
                if (!details.empty()) details += ' ';
                details += fmt::format("{}={}", category, domain::finding_name(finding));
            }
            if (auto problems = domain::check_findings(findings, complaint.allegations,
                                                       domain::CaseState::open);
                !problems.empty()) {
                return refuse(handle, problems);
            }
            auto record = change(complaint, worker, step.at);
            auto audit = case_audit(record, "case.findings", std::move(details));
            return m_backend.record_findings(std::move(record), std::move(findings),
                                             std::move(audit), back<domain::CaseState>(handle));
        }
        case Kind::close: {
            // As staff::Cases::close checks and records it, with the window to ask for
            // reconsideration on the office's calendar.
            domain::Closure closure{synthetic_closure(random), synthetic_remedy(random)};
            if (auto problems = domain::check_closure(closure, domain::CaseState::findings);
                !problems.empty()) {
                return refuse(handle, problems);
            }
            storage::CaseClosure stored;
            stored.at = step.at;
            stored.sealed_text = crypto::seal(m_keys.content, util::trim(closure.text));
            stored.sealed_remedy = crypto::seal(m_keys.content, util::trim(closure.remedy));
            const auto* office = m_deployment.find_office(complaint.office_id);
            if (office != nullptr && office->service_levels.reconsideration_days > 0) {
                const auto& calendar = m_calendars.at(office->id);
                auto until = calendar.add_days(calendar.local_date(step.at),
                                               office->service_levels.reconsideration_days,
                                               office->service_levels.day_count);
                if (until) stored.reconsider_until = domain::iso_date(*until);
            }
            auto record = change(complaint, worker, step.at);
            auto audit = case_audit(
                record, "case.closed",
                fmt::format("reconsider_until={} remedy={}",
                            stored.reconsider_until.empty() ? "-" : stored.reconsider_until,
                            util::trim(closure.remedy).empty() ? "no" : "yes"));
            return m_backend.close_case(std::move(record), std::move(stored), std::move(audit),
                                        back<domain::CaseState>(handle));
        }
    }
}

void Synthesizer::write_samples() const {
    if (!m_options.known_path.empty() || !m_options.unknown_path.empty()) {
        auto known = m_known;
        std::ranges::sort(known);
        SyntheticRandom random(m_options.seed, 0, 3);
        for (std::size_t i = known.size(); i > 1; --i) {
            std::swap(known[i - 1], known[random.below(i)]);
        }
        if (!m_options.known_path.empty()) {
            std::ofstream out(m_options.known_path);
            for (const auto& [reference, receipt] : known)
                out << reference << '\t' << receipt << '\n';
        }
        // References of the same offices and year, past every number given: well-formed,
        // never filed. Each with a receipt of the right shape.
        if (!m_options.unknown_path.empty()) {
            std::ofstream out(m_options.unknown_path);
            for (std::size_t i = 0; i < known.size(); ++i) {
                auto reference = domain::parse_reference(known[i].first);
                if (!reference) continue;
                reference->sequence +=
                    static_cast<long>(m_options.complaints) + 1 + static_cast<long>(i);
                out << reference->text() << '\t' << known[i].second << '\n';
            }
        }
    }
    if (!m_options.cases_path.empty()) {
        auto cases = m_cases;
        std::ranges::sort(cases);
        SyntheticRandom random(m_options.seed, 0, 4);
        for (std::size_t i = cases.size(); i > 1; --i) {
            std::swap(cases[i - 1], cases[random.below(i)]);
        }
        cases.resize(std::min(cases.size(), m_options.sample));
        std::ofstream out(m_options.cases_path);
        for (const auto& [id, office] : cases) out << id << '\t' << office << '\n';
    }
}

void Synthesizer::print_summary(double took) const {
    const auto count = [&](Kind kind) { return m_done[static_cast<std::size_t>(kind)]; };
    fmt::print(
        "synthesized {} filings ({} complaints) in {:.1f} s ({:.0f} filings/s), received {} to "
        "{}\n"
        "  triaged {}: accepted {}, referred {}, closed at triage {}\n"
        "  cases {}, assigned {}, notes {}, tasks {} ({} done), messages {}, replies {}, "
        "findings {}, closed {}\n",
        m_filed, m_complaints, took, static_cast<double>(m_filed) / std::max(took, 0.001),
        domain::iso_date(domain::date_of(m_start)), domain::iso_date(domain::date_of(m_end)),
        count(Kind::triage), m_triaged[0], m_triaged[1], m_triaged[2], count(Kind::learn_case),
        count(Kind::assign), count(Kind::note), count(Kind::task), count(Kind::task_done),
        count(Kind::message), count(Kind::reply), count(Kind::findings), count(Kind::close));
    if (m_failed > 0) {
        std::string by_kind;
        for (std::size_t i = 0; i <= k_kinds; ++i) {
            if (m_failures[i] == 0) continue;
            by_kind +=
                fmt::format(" {} {}", i == k_kinds ? "filing" : k_kind_names[i], m_failures[i]);
        }
        fmt::print("  refused or failed: {} ({})\n", m_failed, util::trim(by_kind));
    }
}

// The office's staff, added as `redress user add` adds them; a member already there (a
// second run on the same folder) is taken as is.
util::Expected<std::map<std::string, OfficeStaff>> add_staff(const config::Config& config,
                                                             storage::Backend& backend,
                                                             const SynthesizeOptions& options,
                                                             const std::string& password,
                                                             domain::Timestamp at) {
    auto common = load_common_passwords(config.staff.common_passwords_file);
    if (!common) return std::unexpected(common.error());
    const staff::AccountRules rules{config.deployment,
                                    *common,
                                    {.ops = config.staff.password_passes,
                                     .memory_bytes = config.staff.password_memory_mib << 20}};
    auto add = [&](const std::string& username, std::string display_name, domain::Role role,
                   const std::string& office) -> util::Expected<Member> {
        staff::NewMember member{username, std::move(display_name), {role}, {office}, password};
        auto added = staff::add_member(backend, member, rules, "cli:synthesize", at);
        if (added) return Member{*added, username, "staff:" + username};
        if (added.error().code != util::ErrorCode::conflict) {
            return std::unexpected(added.error());
        }
        auto found = util::await<std::optional<storage::StaffAccount>>(
            [&](auto done) { backend.find_account(username, std::move(done)); });
        if (!found) return std::unexpected(found.error());
        if (!found->has_value()) return util::fail(util::ErrorCode::conflict, "user name taken");
        return Member{(*found)->member.id, username, "staff:" + username};
    };
    std::map<std::string, OfficeStaff> all;
    for (const auto& office : config.deployment.offices) {
        if (office.kind != domain::OfficeKind::local) continue;
        OfficeStaff staff;
        auto intake =
            add(office.id + ".intake", "Intake Officer", domain::Role::intake_officer, office.id);
        if (!intake) return std::unexpected(intake.error());
        staff.intake = *intake;
        auto supervisor =
            add(office.id + ".supervisor", "Supervisor", domain::Role::supervisor, office.id);
        if (!supervisor) return std::unexpected(supervisor.error());
        staff.supervisor = *supervisor;
        for (std::size_t i = 1; i <= options.investigators; ++i) {
            auto investigator =
                add(fmt::format("{}.investigator{}", office.id, i),
                    fmt::format("Investigator {}", i), domain::Role::investigator, office.id);
            if (!investigator) return std::unexpected(investigator.error());
            staff.investigators.push_back(*investigator);
        }
        all.emplace(office.id, std::move(staff));
    }
    return all;
}

}  // namespace

void add_synthesize_options(CLI::App& command, SynthesizeOptions& options) {
    command
        .add_option("--complaints", options.complaints,
                    "Filings to make (a complaint for each office one goes to)")
        ->capture_default_str();
    command.add_option("--seed", options.seed, "The same seed gives the same data")
        ->capture_default_str();
    command.add_option("--days", options.days, "Complaints arrive over this many days ...")
        ->capture_default_str()
        ->check(CLI::Range(1, 3650));
    command.add_option("--until", options.until,
                       "... before this day, YYYY-MM-DD (default: today, UTC); no step after it");
    command.add_option("--investigators", options.investigators, "Investigators per office")
        ->capture_default_str()
        ->check(CLI::Range(1, 100));
    command.add_option("--staff-password", options.staff_password,
                       "The staff accounts' password (default: one is made and printed); "
                       "seen by other users of the machine, so for synthetic data only");
    command.add_flag("--filings-only", options.filings_only,
                     "Only file the complaints: no staff, no triage, no cases");
    command.add_option("--in-flight", options.in_flight, "Complaints being worked at once")
        ->capture_default_str()
        ->check(CLI::Range(1, 100000));
    command
        .add_option("--sample", options.sample,
                    "Lines to write to each of --known, --unknown and --cases")
        ->capture_default_str();
    command.add_option("--known", options.known_path,
                       "Output: REFERENCE<TAB>RECEIPT of sampled complaints");
    command.add_option("--unknown", options.unknown_path,
                       "Output: references never given, each with a receipt");
    command.add_option("--cases", options.cases_path, "Output: CASE<TAB>OFFICE of sampled cases");
}

int synthesize(const config::Config& config, const SynthesizeOptions& options) {
    domain::Date until =
        domain::date_of(std::chrono::time_point_cast<seconds>(std::chrono::system_clock::now()));
    if (!options.until.empty()) {
        auto parsed = domain::parse_iso_date(options.until);
        if (!parsed) {
            fmt::print(stderr, "refused: --until '{}' is not a date (YYYY-MM-DD)\n", options.until);
            return 1;
        }
        until = *parsed;
    }
    if (options.complaints == 0) {
        fmt::print(stderr, "refused: --complaints must be at least 1\n");
        return 1;
    }
    auto backend = open_database(config, 1);
    if (!backend) {
        spdlog::critical("database {}: {}", database_name(config), backend.error().message);
        return 2;
    }
    auto keys = unlock_keys(config, **backend);
    if (!keys) {
        spdlog::critical("{}", keys.error().message);
        return 2;
    }
    const auto now = std::chrono::time_point_cast<seconds>(std::chrono::system_clock::now());
    std::map<std::string, OfficeStaff> staff;
    std::string password = options.staff_password;
    if (!options.filings_only) {
        if (password.empty()) password = make_password();
        // Added the day before the first complaint arrives, since they work on all of them.
        const auto hired = start_of(until) - days(options.days + 1);
        auto added = add_staff(config, **backend, options, password, hired);
        if (!added) {
            fmt::print(stderr, "refused: staff accounts: {}\n", added.error().message);
            return added.error().code == util::ErrorCode::invalid_input ? 1 : 2;
        }
        staff = std::move(*added);
    }

    Synthesizer synthesizer(config, options, **backend, *keys, std::move(staff));
    const auto began = std::chrono::steady_clock::now();
    const auto failed = synthesizer.run(until);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - began;
    synthesizer.write_samples();
    synthesizer.print_summary(took.count());
    if (!options.filings_only) {
        std::vector<std::string> names;
        for (const auto& office : config.deployment.offices) {
            if (office.kind != domain::OfficeKind::local) continue;
            names.push_back(fmt::format("{0}.intake, {0}.supervisor, {0}.investigator1..{1}",
                                        office.id, options.investigators));
        }
        fmt::print("  staff: {}; password {}{}\n", fmt::join(names, "; "), password,
                   options.staff_password.empty() ? " (made for this run)" : "");
    }
    // Worked out here rather than by the first server to open the data, which would spend
    // its first minutes on them: the overdue lists are read at once by the benchmarks.
    const auto deadlines_began = std::chrono::steady_clock::now();
    auto deadlines = staff::bring_deadlines_up_to_date(**backend, config.deployment, now,
                                                       config.staff.deadline_batch);
    const std::chrono::duration<double> deadlines_took =
        std::chrono::steady_clock::now() - deadlines_began;
    if (!deadlines) {
        spdlog::error("deadlines: {}", deadlines.error().message);
        return 1;
    }
    fmt::print("  deadlines worked out: {} complaints in {:.1f} s\n", *deadlines,
               deadlines_took.count());
    // Signed at once, as `redress user add` does, rather than at a server's next checkpoint.
    if (auto anchored = staff::anchor_audit_trail(**backend, keys->current_signing(),
                                                  config.data_dir / "audit-head", now);
        !anchored) {
        spdlog::error("audit trail: could not sign its head: {}", anchored.error().message);
    }
    return failed == 0 ? 0 : 1;
}

}  // namespace redress::cli
