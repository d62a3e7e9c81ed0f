#include "console/overdue_pages.hpp"

#include <memory>
#include <string>

#include "console/queue_filters.hpp"
#include "http/form_data.hpp"
#include "staff/triage.hpp"
#include "web/messages.hpp"

namespace redress::console {

namespace {

constexpr std::size_t k_max_overdue_query_fields = 4;  // office, after
constexpr std::size_t k_overdue_page_size = 50;

std::string overdue_target(const std::string& office_id, const domain::OverdueCursor* after) {
    std::string target = "/staff/overdue?office=" + office_id;
    if (after != nullptr) target += "&after=" + after->text();
    return target;
}

}  // namespace

void OverduePages::add_routes(StaffRoutes& routes) {
    routes.add(http::Method::get, "/staff/overdue", Access::roles({domain::Role::supervisor}),
               [this](Visit visit, http::Responder respond) {
                   overdue(std::move(visit), std::move(respond));
               });
}

http::Response OverduePages::bad_filter(std::string_view field) const {
    return m_view.page(
        400, "staff/problem.tpl", "staff.queue.bad_filter.title", [&](web::Dictionary& page) {
            page.SetValue("MESSAGE",
                          web::fill(m_view.catalogue().text("staff.queue.bad_filter.message"),
                                    {{"field", field}}));
        });
}

void OverduePages::overdue(Visit visit, http::Responder respond) const {
    const auto& member = visit.signed_in.member;
    const auto& parts = m_work.parts();
    const auto fields = http::FormData::parse(visit.request.query, k_max_overdue_query_fields);
    if (!fields) {
        respond(bad_filter("query"));
        return;
    }
    domain::OverdueQuery query;
    query.office_id = office_to_list(fields->get("office"), member);
    query.now = parts.now();
    query.limit = k_overdue_page_size;
    if (const auto after = fields->get("after"); !after.empty()) {
        query.after = domain::OverdueCursor::parse(after);
        if (!query.after) {
            respond(bad_filter("after"));
            return;
        }
    }
    // An office the member does not work for is answered like one that does not exist.
    if (parts.deployment.find_office(query.office_id) == nullptr ||
        !staff::may_read(member, query.office_id)) {
        respond(m_view.problem(404, "staff.not_found.title", "staff.not_found.message"));
        return;
    }
    // Complaints closed to the member are left out, as on the work lists.
    query.reader = member.id;
    query.reader_mark = member.name_mark;
    auto shared = std::make_shared<Visit>(std::move(visit));
    parts.deadlines.overdue(query, [this, shared, query, respond = std::move(respond)](
                                       util::Expected<domain::OverduePage> list) mutable {
        respond.render([this, shared, query = std::move(query), list = std::move(list)] {
            if (!list) {
                return m_view.failure(
                    list.error(), {"overdue", "staff.forbidden.message",
                                   "staff.triage.conflict.title", "staff.triage.conflict.message"});
            }
            return overdue_page(*shared, query, *list);
        });
    });
}

http::Response OverduePages::overdue_page(const Visit& visit, const domain::OverdueQuery& query,
                                          const domain::OverduePage& list) const {
    const auto& catalogue = m_view.catalogue();
    const auto& member = visit.signed_in.member;
    const auto& zone = m_work.parts().deployment.time_zone;
    const auto today = zone.local_date(query.now);
    return m_view.page(200, "staff/overdue.tpl", "staff.overdue.title", [&](web::Dictionary& page) {
        page.SetValue("OFFICE_NAME", m_work.office_name(query.office_id));
        page.SetValue("OFFICE_ID", query.office_id);
        page.SetValue("TODAY", domain::iso_date(today));
        for (const auto& office : member.offices) {
            if (!member.works_complaints_of(office)) continue;
            auto* item = page.AddSectionDictionary("OFFICE_OPTION");
            item->SetValue("VALUE", office);
            item->SetValue("LABEL", m_work.office_name(office));
            if (office == query.office_id) item->ShowSection("SELECTED");
        }
        for (const auto& item : list.items) {
            auto* row = page.AddSectionDictionary("ITEM");
            const auto due = domain::due_day(item.deadline, zone);
            row->SetValue("REFERENCE", item.reference);
            row->SetValue(
                "CLOCK",
                web::tstr(catalogue.text("staff.clock.kind." +
                                         std::string(domain::clock_kind_name(item.clock)))));
            row->SetValue("DUE", domain::iso_date(due));
            // Calendar days past the due day, whatever the office counts its budgets in.
            row->SetIntValue(
                "DAYS_LATE",
                static_cast<long>(
                    (std::chrono::sys_days{today} - std::chrono::sys_days{due}).count()));
            row->SetValue(
                "PRIORITY",
                web::tstr(catalogue.text("staff.priority." +
                                         std::string(domain::priority_name(item.priority)))));
            row->SetValue("STATUS",
                          web::tstr(catalogue.text("status." +
                                                   std::string(domain::status_name(item.status)))));
            if (item.investigator.empty()) {
                row->ShowSection("UNASSIGNED");
            } else {
                row->SetValue("INVESTIGATOR", item.investigator);
            }
        }
        page.ShowSection(list.items.empty() ? "EMPTY" : "LIST");
        if (list.next) {
            page.AddSectionDictionary("NEXT")->SetValue(
                "NEXT_URL", overdue_target(query.office_id, &*list.next));
        }
        if (query.after) {
            page.AddSectionDictionary("FIRST")->SetValue("FIRST_URL",
                                                         overdue_target(query.office_id, nullptr));
        }
    });
}

}  // namespace redress::console
