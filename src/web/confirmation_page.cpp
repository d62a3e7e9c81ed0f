#include "domain/calendar.hpp"
#include "domain/complaint_status.hpp"
#include "web/messages.hpp"
#include "web/pages.hpp"

namespace redress::web {

std::vector<std::string> receipt_groups(const std::string& text) {
    std::vector<std::string> groups;
    std::size_t position = 0;
    while (position <= text.size()) {
        const std::size_t dash = text.find('-', position);
        groups.push_back(text.substr(position, dash - position));
        if (dash == std::string::npos) break;
        position = dash + 1;
    }
    return groups;
}

void add_next_step(Dictionary& item, const i18n::Catalogue& catalogue,
                   const std::optional<domain::NextStep>& next) {
    if (!next) return;
    Dictionary* step = item.AddSectionDictionary("NEXT_STEP");
    const std::string key = "status." + std::string(domain::status_name(next->step)) + ".next";
    step->SetValue("NEXT_TEXT", tstr(catalogue.text(key)));
    const std::string due = domain::iso_date(next->due);
    step->SetValue("NEXT_DUE",
                   fill(catalogue.text("next.due"), {{"date", left_to_right(catalogue, due)}}));
    step->SetValue("NEXT_DATE", due);
}

util::Expected<std::string> render_confirmation(const PageContext& context,
                                                const intake::Filed& filed,
                                                std::span<const std::string> files) {
    const auto& catalogue = context.catalogue;
    auto page = context.view.page(catalogue, context.path, "confirmation.title");
    page->SetValue("RECEIVED_AT", domain::iso_timestamp(filed.received_at));
    for (const intake::FiledWithOffice& filed_with : filed.complaints) {
        Dictionary* item = page->AddSectionDictionary("COMPLAINT");
        item->SetValue("OFFICE_NAME", filed_with.office
                                          ? filed_with.office->name.in(catalogue.language())
                                          : filed_with.complaint.office_id);
        item->SetValue("REFERENCE", filed_with.complaint.reference);
        add_next_step(*item, catalogue, filed_with.next_step);
    }
    const std::string receipt = filed.receipt.text();
    for (const std::string& group : receipt_groups(receipt)) {
        page->AddSectionDictionary("RECEIPT_GROUP")->SetValue("GROUP", group);
    }
    if (!files.empty()) {
        Dictionary* received = page->AddSectionDictionary("FILES");
        received->SetValue("FILES_RECEIVED", fill(catalogue.text("confirmation.files"),
                                                  {{"count", std::to_string(files.size())}}));
        for (const std::string& name : files) {
            received->AddSectionDictionary("FILE")->SetValue(
                "FILE_NAME",
                name.empty() ? std::string(catalogue.text("confirmation.file_unnamed")) : name);
        }
    }
    page->SetValue("PROOF", filed.confirmation.text());
    return context.view.render("confirmation.tpl", *page);
}

}  // namespace redress::web
