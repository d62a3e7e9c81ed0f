#include "storage/sql/case_records.hpp"

#include <algorithm>

#include "storage/sql/complaint_moves.hpp"
#include "storage/sql/seconds.hpp"

namespace redress::storage::sql {

namespace {

constexpr std::string_view k_insert_case = R"sql(
INSERT INTO cases (office_id, opened_at, opened_by, state, changed_at)
VALUES (?1, ?2, ?3, 'open', ?2)
RETURNING id
)sql";
constexpr std::string_view k_link_complaint =
    "UPDATE complaint_states SET case_id = ?2 WHERE complaint_id = ?1";

constexpr std::string_view k_select_case = R"sql(
SELECT k.id, k.office_id, k.opened_at, k.state, coalesce(k.investigator_id, 0),
       coalesce(st.username, '')
FROM cases AS k LEFT JOIN staff AS st ON st.id = k.investigator_id
WHERE k.id = ?1
)sql";
constexpr std::string_view k_select_case_complaints = R"sql(
SELECT c.id, c.reference, s.status, s.priority, c.filing_id,
       (SELECT f.subject_marks FROM filings AS f WHERE f.id = c.filing_id)
FROM complaint_states AS s JOIN complaints AS c ON c.id = s.complaint_id
WHERE s.case_id = ?1
ORDER BY c.reference
)sql";
constexpr std::string_view k_select_case_exclusions = R"sql(
SELECT x.staff_id
FROM complaint_states AS s JOIN complaint_exclusions AS x ON x.complaint_id = s.complaint_id
WHERE s.case_id = ?1
)sql";
constexpr std::string_view k_select_staff_categories =
    "SELECT category FROM complaint_categories WHERE complaint_id = ?1 ORDER BY category";
constexpr std::string_view k_select_filed_categories =
    "SELECT category FROM filing_categories WHERE filing_id = ?1 ORDER BY category";
constexpr std::string_view k_select_notes = R"sql(
SELECT n.id, n.at, st.username, n.sealed_text
FROM case_notes AS n JOIN staff AS st ON st.id = n.staff_id
WHERE n.case_id = ?1 ORDER BY n.id
)sql";
constexpr std::string_view k_select_tasks = R"sql(
SELECT t.id, t.at, st.username, t.sealed_title, t.due_on, coalesce(t.done_at, 0),
       coalesce(done.username, '')
FROM case_tasks AS t JOIN staff AS st ON st.id = t.staff_id
LEFT JOIN staff AS done ON done.id = t.done_by
WHERE t.case_id = ?1 ORDER BY t.done_at IS NOT NULL, t.due_on, t.id
)sql";
constexpr std::string_view k_count_tasks = "SELECT count(*) FROM case_tasks WHERE case_id = ?1";
constexpr std::string_view k_insert_task = R"sql(
INSERT INTO case_tasks (case_id, at, staff_id, sealed_title, due_on) VALUES (?1, ?2, ?3, ?4, ?5)
RETURNING id
)sql";
constexpr std::string_view k_select_task =
    "SELECT done_at IS NOT NULL FROM case_tasks WHERE id = ?1 AND case_id = ?2";
constexpr std::string_view k_update_task_done =
    "UPDATE case_tasks SET done_at = ?2, done_by = ?3 WHERE id = ?1";
constexpr std::string_view k_select_findings = R"sql(
SELECT round, category, finding FROM case_findings
WHERE case_id = ?1 AND round = (SELECT max(round) FROM case_findings WHERE case_id = ?1)
ORDER BY category
)sql";
constexpr std::string_view k_select_closure = R"sql(
SELECT k.at, st.username, k.sealed_text, k.sealed_remedy, k.reconsider_until
FROM case_closures AS k JOIN staff AS st ON st.id = k.staff_id
WHERE k.case_id = ?1 ORDER BY k.id DESC LIMIT 1
)sql";
constexpr std::string_view k_select_assigned = R"sql(
SELECT k.id, k.office_id, k.state, k.opened_at,
       (SELECT min(c.reference) FROM complaint_states AS s JOIN complaints AS c
        ON c.id = s.complaint_id WHERE s.case_id = k.id)
FROM cases AS k
WHERE k.investigator_id = ?1
ORDER BY k.state = 'closed', k.changed_at DESC, k.id DESC
LIMIT ?2
)sql";

constexpr std::string_view k_select_case_state = "SELECT office_id, state FROM cases WHERE id = ?1";
constexpr std::string_view k_update_assignment =
    "UPDATE cases SET investigator_id = ?2, changed_at = ?3 WHERE id = ?1";
constexpr std::string_view k_update_case_state =
    "UPDATE cases SET state = ?2, changed_at = ?3 WHERE id = ?1";
constexpr std::string_view k_insert_note = R"sql(
INSERT INTO case_notes (case_id, at, staff_id, sealed_text) VALUES (?1, ?2, ?3, ?4)
RETURNING id
)sql";
constexpr std::string_view k_next_round =
    "SELECT coalesce(max(round), 0) + 1 FROM case_findings WHERE case_id = ?1";
constexpr std::string_view k_insert_finding = R"sql(
INSERT INTO case_findings (case_id, round, at, staff_id, category, finding)
VALUES (?1, ?2, ?3, ?4, ?5, ?6)
)sql";
constexpr std::string_view k_insert_closure = R"sql(
INSERT INTO case_closures (case_id, at, staff_id, sealed_text, sealed_remedy, reconsider_until)
VALUES (?1, ?2, ?3, ?4, ?5, ?6)
)sql";
constexpr std::string_view k_select_case_complaint_ids =
    "SELECT complaint_id FROM complaint_states WHERE case_id = ?1 ORDER BY complaint_id";

domain::Timestamp timestamp(std::int64_t seconds) {
    return domain::Timestamp(std::chrono::seconds(seconds));
}
Sealed copy(std::span<const std::uint8_t> blob) {
    return Sealed(blob.begin(), blob.end());
}

util::Error unreadable() {
    return util::Error{util::ErrorCode::internal, "a case's rows are unreadable"};
}

// Runs `statement`, bound by `bind`, calling `each` on every row; `each` answers false to
// stop with unreadable().
template <typename Bind, typename Each>
util::Expected<void> each_row(StatementCache& statements, std::string_view sql, Bind bind,
                              Each each) {
    auto statement = statements.get(sql);
    if (!statement) return std::unexpected(statement.error());
    auto& rows = **statement;
    bind(rows);
    util::Expected<bool> row;
    bool readable = true;
    while (readable && (row = rows.step()) && *row) readable = each(rows);
    rows.reset();
    if (!row) return std::unexpected(row.error());
    if (!readable) return std::unexpected(unreadable());
    return {};
}

util::Expected<std::vector<std::string>> texts(StatementCache& statements, std::string_view sql,
                                               std::int64_t id) {
    std::vector<std::string> found;
    auto read = each_row(
        statements, sql, [&](Statement& s) { s.bind(1, id); },
        [&](const Statement& s) {
            found.emplace_back(s.column_text(0));
            return true;
        });
    if (!read) return std::unexpected(read.error());
    return found;
}

// The case's office and state, checked against the change: not_found unless the case is
// the office's.
util::Expected<domain::CaseState> current_state(WriteContext& context, const CaseChange& change) {
    std::optional<std::string> office;
    std::optional<domain::CaseState> state;
    auto read = each_row(
        context.statements, k_select_case_state, [&](Statement& s) { s.bind(1, change.case_id); },
        [&](const Statement& s) {
            office = std::string(s.column_text(0));
            state = domain::parse_case_state(s.column_text(1));
            return state.has_value();
        });
    if (!read) return std::unexpected(read.error());
    if (!office || *office != change.office_id) {
        return util::fail(util::ErrorCode::not_found, "no such case for this office");
    }
    return *state;
}

util::Expected<void> set_state(WriteContext& context, const CaseChange& change,
                               domain::CaseState state) {
    auto update = context.statements.get(k_update_case_state);
    if (!update) return std::unexpected(update.error());
    return (*update)
        ->bind(1, change.case_id)
        .bind(2, domain::case_state_name(state))
        .bind(3, seconds(change.at))
        .run();
}

// Moves every complaint of the case to `status`, with `note` in the events.
util::Expected<void> move_complaints(WriteContext& context, std::int64_t case_id,
                                     domain::Timestamp at, domain::Status status,
                                     std::string_view actor, std::string_view note) {
    std::vector<std::int64_t> ids;
    auto read = each_row(
        context.statements, k_select_case_complaint_ids, [&](Statement& s) { s.bind(1, case_id); },
        [&](const Statement& s) {
            ids.push_back(s.column_int(0));
            return true;
        });
    if (!read) return read;
    for (const auto id : ids) {
        auto moved = move_complaint(context, {.complaint_id = id,
                                              .at = at,
                                              .status = status,
                                              .actor = actor,
                                              .note = note,
                                              .office_id = std::nullopt,
                                              .priority = std::nullopt});
        if (!moved) return moved;
    }
    return {};
}

}  // namespace

util::Expected<std::int64_t> open_case(WriteContext& context, std::int64_t complaint_id,
                                       const std::string& office_id, domain::StaffId staff_id,
                                       domain::Timestamp at) {
    auto insert = context.statements.get(k_insert_case);
    if (!insert) return std::unexpected(insert.error());
    auto inserted =
        inserted_id((*insert)->bind(1, office_id).bind(2, seconds(at)).bind(3, staff_id));
    if (!inserted) return std::unexpected(inserted.error());
    const std::int64_t case_id = *inserted;
    auto link = context.statements.get(k_link_complaint);
    if (!link) return std::unexpected(link.error());
    auto linked = (*link)->bind(1, complaint_id).bind(2, case_id).run();
    if (!linked) return std::unexpected(linked.error());
    return case_id;
}

util::Expected<std::optional<CaseFile>> read_case_file(ReadContext& context, std::int64_t case_id) {
    auto& statements = context.statements;
    std::optional<CaseFile> file;
    auto read = each_row(
        statements, k_select_case, [&](Statement& s) { s.bind(1, case_id); },
        [&](const Statement& s) {
            const auto state = domain::parse_case_state(s.column_text(3));
            if (!state) return false;
            file.emplace();
            file->id = s.column_int(0);
            file->office_id = s.column_text(1);
            file->opened_at = timestamp(s.column_int(2));
            file->state = *state;
            if (const auto investigator = s.column_int(4); investigator != 0) {
                file->investigator_id = investigator;
                file->investigator = s.column_text(5);
            }
            return true;
        });
    if (!read) return std::unexpected(read.error());
    if (!file) return file;

    struct Linked {
        std::int64_t complaint_id, filing_id;
    };
    std::vector<Linked> linked;
    read = each_row(
        statements, k_select_case_complaints, [&](Statement& s) { s.bind(1, case_id); },
        [&](const Statement& s) {
            const auto status = domain::parse_status(s.column_text(2));
            const auto priority = s.column_int(3);
            if (!status || priority < 0 || priority > 3) return false;
            file->complaints.push_back({std::string(s.column_text(1)), *status, {}});
            file->priority = std::max(file->priority, static_cast<domain::Priority>(priority));
            linked.push_back({s.column_int(0), s.column_int(4)});
            const auto marks = s.column_blob(5);
            file->subject_marks.insert(file->subject_marks.end(), marks.begin(), marks.end());
            return true;
        });
    if (!read) return std::unexpected(read.error());
    read = each_row(
        statements, k_select_case_exclusions, [&](Statement& s) { s.bind(1, case_id); },
        [&](const Statement& s) {
            file->excluded_staff.push_back(s.column_int(0));
            return true;
        });
    if (!read) return std::unexpected(read.error());
    for (std::size_t i = 0; i < linked.size(); ++i) {
        auto allegations = texts(statements, k_select_staff_categories, linked[i].complaint_id);
        if (allegations && allegations->empty()) {
            allegations = texts(statements, k_select_filed_categories, linked[i].filing_id);
        }
        if (!allegations) return std::unexpected(allegations.error());
        file->complaints[i].allegations = std::move(*allegations);
    }

    read = each_row(
        statements, k_select_notes, [&](Statement& s) { s.bind(1, case_id); },
        [&](const Statement& s) {
            file->notes.push_back({s.column_int(0), timestamp(s.column_int(1)),
                                   "staff:" + std::string(s.column_text(2)),
                                   copy(s.column_blob(3))});
            return true;
        });
    if (!read) return std::unexpected(read.error());

    read = each_row(
        statements, k_select_tasks, [&](Statement& s) { s.bind(1, case_id); },
        [&](const Statement& s) {
            CaseTask task;
            task.id = s.column_int(0);
            task.at = timestamp(s.column_int(1));
            task.author = "staff:" + std::string(s.column_text(2));
            task.sealed_title = copy(s.column_blob(3));
            task.due_on = s.column_text(4);
            if (const auto done = s.column_int(5); done != 0) {
                task.done_at = timestamp(done);
                task.done_by = "staff:" + std::string(s.column_text(6));
            }
            file->tasks.push_back(std::move(task));
            return true;
        });
    if (!read) return std::unexpected(read.error());

    read = each_row(
        statements, k_select_findings, [&](Statement& s) { s.bind(1, case_id); },
        [&](const Statement& s) {
            const auto finding = domain::parse_finding(s.column_text(2));
            if (!finding) return false;
            file->findings_round = static_cast<int>(s.column_int(0));
            file->findings.push_back({std::string(s.column_text(1)), *finding});
            return true;
        });
    if (!read) return std::unexpected(read.error());

    read = each_row(
        statements, k_select_closure, [&](Statement& s) { s.bind(1, case_id); },
        [&](const Statement& s) {
            file->closure = CaseClosure{
                timestamp(s.column_int(0)), "staff:" + std::string(s.column_text(1)),
                copy(s.column_blob(2)), copy(s.column_blob(3)), std::string(s.column_text(4))};
            return true;
        });
    if (!read) return std::unexpected(read.error());
    return file;
}

util::Expected<std::vector<CaseSummary>> read_assigned_cases(ReadContext& context,
                                                             domain::StaffId investigator) {
    std::vector<CaseSummary> cases;
    auto read = each_row(
        context.statements, k_select_assigned,
        [&](Statement& s) {
            s.bind(1, investigator).bind(2, static_cast<std::int64_t>(k_case_list_max));
        },
        [&](const Statement& s) {
            const auto state = domain::parse_case_state(s.column_text(2));
            if (!state) return false;
            cases.push_back({s.column_int(0), std::string(s.column_text(1)), *state,
                             timestamp(s.column_int(3)), std::string(s.column_text(4))});
            return true;
        });
    if (!read) return std::unexpected(read.error());
    return cases;
}

util::Expected<domain::CaseState> update_assignment(WriteContext& context, const CaseChange& change,
                                                    domain::StaffId investigator,
                                                    const domain::AuditEvent& audit) {
    auto state = current_state(context, change);
    if (!state) return state;
    if (*state == domain::CaseState::closed) {
        return util::fail(util::ErrorCode::conflict, "the case is closed");
    }
    auto update = context.statements.get(k_update_assignment);
    if (!update) return std::unexpected(update.error());
    auto updated =
        (*update)->bind(1, change.case_id).bind(2, investigator).bind(3, seconds(change.at)).run();
    if (!updated) return std::unexpected(updated.error());
    if (auto entry = context.audit.append(audit); !entry) return std::unexpected(entry.error());
    return state;
}

util::Expected<std::int64_t> insert_note(WriteContext& context, const CaseChange& change,
                                         const Sealed& sealed_text,
                                         const domain::AuditEvent& audit) {
    auto state = current_state(context, change);
    if (!state) return std::unexpected(state.error());
    auto insert = context.statements.get(k_insert_note);
    if (!insert) return std::unexpected(insert.error());
    auto inserted = inserted_id((*insert)
                                    ->bind(1, change.case_id)
                                    .bind(2, seconds(change.at))
                                    .bind(3, change.staff_id)
                                    .bind(4, std::span<const std::uint8_t>(sealed_text)));
    if (!inserted) return std::unexpected(inserted.error());
    const std::int64_t id = *inserted;
    if (auto entry = context.audit.append(audit); !entry) return std::unexpected(entry.error());
    return id;
}

util::Expected<std::int64_t> insert_task(WriteContext& context, const CaseChange& change,
                                         const Sealed& sealed_title, const std::string& due_on,
                                         const domain::AuditEvent& audit) {
    auto state = current_state(context, change);
    if (!state) return std::unexpected(state.error());
    if (*state == domain::CaseState::closed) {
        return util::fail(util::ErrorCode::conflict, "the case is closed");
    }
    std::int64_t count = 0;
    auto read = each_row(
        context.statements, k_count_tasks, [&](Statement& s) { s.bind(1, change.case_id); },
        [&](const Statement& s) {
            count = s.column_int(0);
            return true;
        });
    if (!read) return std::unexpected(read.error());
    if (count >= static_cast<std::int64_t>(domain::k_tasks_per_case_max)) {
        return util::fail(util::ErrorCode::conflict, "the case holds all the tasks it may");
    }
    auto insert = context.statements.get(k_insert_task);
    if (!insert) return std::unexpected(insert.error());
    auto inserted = inserted_id((*insert)
                                    ->bind(1, change.case_id)
                                    .bind(2, seconds(change.at))
                                    .bind(3, change.staff_id)
                                    .bind(4, std::span<const std::uint8_t>(sealed_title))
                                    .bind(5, due_on));
    if (!inserted) return std::unexpected(inserted.error());
    const std::int64_t id = *inserted;
    if (auto entry = context.audit.append(audit); !entry) return std::unexpected(entry.error());
    return id;
}

util::Expected<std::int64_t> update_task_done(WriteContext& context, const CaseChange& change,
                                              std::int64_t task_id,
                                              const domain::AuditEvent& audit) {
    auto state = current_state(context, change);
    if (!state) return std::unexpected(state.error());
    std::optional<bool> done;
    auto read = each_row(
        context.statements, k_select_task,
        [&](Statement& s) { s.bind(1, task_id).bind(2, change.case_id); },
        [&](const Statement& s) {
            done = s.column_int(0) != 0;
            return true;
        });
    if (!read) return std::unexpected(read.error());
    if (!done) return util::fail(util::ErrorCode::not_found, "no such task on this case");
    if (*done) return util::fail(util::ErrorCode::conflict, "the task was done already");
    auto update = context.statements.get(k_update_task_done);
    if (!update) return std::unexpected(update.error());
    auto updated =
        (*update)->bind(1, task_id).bind(2, seconds(change.at)).bind(3, change.staff_id).run();
    if (!updated) return std::unexpected(updated.error());
    if (auto entry = context.audit.append(audit); !entry) return std::unexpected(entry.error());
    return task_id;
}

util::Expected<domain::CaseState> insert_findings(
    WriteContext& context, const CaseChange& change,
    const std::vector<domain::AllegationFinding>& findings, const domain::AuditEvent& audit) {
    auto state = current_state(context, change);
    if (!state) return state;
    if (*state != domain::CaseState::open) {
        return util::fail(util::ErrorCode::conflict, "findings were recorded already");
    }
    std::int64_t round = 0;
    auto read = each_row(
        context.statements, k_next_round, [&](Statement& s) { s.bind(1, change.case_id); },
        [&](const Statement& s) {
            round = s.column_int(0);
            return true;
        });
    if (!read) return std::unexpected(read.error());
    auto insert = context.statements.get(k_insert_finding);
    if (!insert) return std::unexpected(insert.error());
    for (const auto& each : findings) {
        auto inserted = (*insert)
                            ->bind(1, change.case_id)
                            .bind(2, round)
                            .bind(3, seconds(change.at))
                            .bind(4, change.staff_id)
                            .bind(5, each.category)
                            .bind(6, domain::finding_name(each.finding))
                            .run();
        if (!inserted) return std::unexpected(inserted.error());
    }
    if (auto set = set_state(context, change, domain::CaseState::findings); !set) {
        return std::unexpected(set.error());
    }
    auto moved = move_complaints(context, change.case_id, change.at, domain::Status::findings,
                                 change.actor, "");
    if (!moved) return std::unexpected(moved.error());
    if (auto entry = context.audit.append(audit); !entry) return std::unexpected(entry.error());
    return domain::CaseState::findings;
}

util::Expected<domain::CaseState> insert_closure(WriteContext& context, const CaseChange& change,
                                                 const CaseClosure& closure,
                                                 const domain::AuditEvent& audit) {
    auto state = current_state(context, change);
    if (!state) return state;
    if (*state != domain::CaseState::findings) {
        return util::fail(util::ErrorCode::conflict, "the case has no findings to close on");
    }
    auto insert = context.statements.get(k_insert_closure);
    if (!insert) return std::unexpected(insert.error());
    auto inserted = (*insert)
                        ->bind(1, change.case_id)
                        .bind(2, seconds(change.at))
                        .bind(3, change.staff_id)
                        .bind(4, std::span<const std::uint8_t>(closure.sealed_text))
                        .bind(5, std::span<const std::uint8_t>(closure.sealed_remedy))
                        .bind(6, closure.reconsider_until)
                        .run();
    if (!inserted) return std::unexpected(inserted.error());
    if (auto set = set_state(context, change, domain::CaseState::closed); !set) {
        return std::unexpected(set.error());
    }
    auto moved = move_complaints(context, change.case_id, change.at, domain::Status::closed,
                                 change.actor, "");
    if (!moved) return std::unexpected(moved.error());
    if (auto entry = context.audit.append(audit); !entry) return std::unexpected(entry.error());
    return domain::CaseState::closed;
}

util::Expected<void> reopen_case(WriteContext& context, std::int64_t case_id, domain::Timestamp at,
                                 std::string_view note) {
    auto update = context.statements.get(k_update_case_state);
    if (!update) return std::unexpected(update.error());
    auto updated = (*update)
                       ->bind(1, case_id)
                       .bind(2, domain::case_state_name(domain::CaseState::open))
                       .bind(3, seconds(at))
                       .run();
    if (!updated) return updated;
    return move_complaints(context, case_id, at, domain::Status::investigating, "complainant",
                           note);
}

}  // namespace redress::storage::sql
