#include "domain/calendar.hpp"
#include "domain/complaint_status.hpp"
#include "web/pages.hpp"

namespace redress::web {

namespace {

std::string status_label(const i18n::Catalogue& catalogue, domain::Status status) {
    return std::string(catalogue.text("status." + std::string(domain::status_name(status))));
}

void add_result(Dictionary& page, const PageContext& context, const intake::StatusView& view) {
    const auto& catalogue = context.catalogue;
    Dictionary* result = page.AddSectionDictionary("RESULT");
    result->SetValue("REFERENCE", view.complaint.reference);
    result->SetValue("OFFICE_NAME", view.office ? view.office->name.in(catalogue.language())
                                                : view.complaint.office_id);
    result->SetValue("RECEIVED_ON", domain::iso_date(domain::date_of(view.complaint.received_at)));
    result->SetValue("STATUS_LABEL", status_label(catalogue, view.complaint.status));
    for (const domain::TimelineEvent& event : view.complaint.timeline) {
        Dictionary* entry = result->AddSectionDictionary("EVENT");
        entry->SetValue("EVENT_DATE", domain::iso_date(domain::date_of(event.at)));
        entry->SetValue("EVENT_STATUS", status_label(catalogue, event.status));
    }
    add_next_step(*result, catalogue, view.next_step);
}

}  // namespace

util::Expected<std::string> render_status(const PageContext& context, const StatusState& state) {
    const auto& catalogue = context.catalogue;
    auto page = context.view.page(catalogue, context.path, "lookup.title");
    page->SetValue("FORM_TOKEN", tstr(state.form_token));
    page->SetValue("REFERENCE_VALUE", tstr(state.reference));
    if (!state.notice_key.empty()) {
        page->SetValueAndShowSection("NOTICE", tstr(catalogue.text(state.notice_key)),
                                     "HAS_NOTICE");
    }
    if (state.not_found) page->ShowSection("NOT_FOUND");
    if (state.found) add_result(*page, context, *state.found);
    return context.view.render("status.tpl", *page);
}

}  // namespace redress::web
