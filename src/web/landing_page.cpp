#include <cstdint>

#include "web/messages.hpp"
#include "web/pages.hpp"

namespace redress::web {

namespace {

// "5 business days", "1 day": the unit agrees with the number by the language's own plural
// rule (Arabic has six forms, French puts 0 with 1).
std::string day_span(const i18n::Catalogue& catalogue, int days, domain::DayCount count) {
    const std::string_view key =
        count == domain::DayCount::business ? "days.business" : "days.calendar";
    const std::string number = std::to_string(days);
    return fill(catalogue.plural(key, static_cast<std::uint64_t>(days)), {{"n", number}});
}

void add_levels(Dictionary& office, const i18n::Catalogue& catalogue,
                const domain::ServiceLevels& levels) {
    const std::pair<std::string_view, int> promises[] = {
        {"landing.levels.acknowledge", levels.acknowledge_days},
        {"landing.levels.triage", levels.triage_days},
        {"landing.levels.update", levels.update_days},
        {"landing.levels.resolution", levels.resolution_days},
    };
    for (const auto& [key, days] : promises) {
        if (days <= 0) continue;
        const std::string span = day_span(catalogue, days, levels.day_count);
        office.AddSectionDictionary("LEVEL")->SetValue("LEVEL_TEXT",
                                                       fill(catalogue.text(key), {{"days", span}}));
    }
}

// "+1 (877) 246-8253" → "+18772468253", for a tel: link.
std::string dialable(std::string_view phone) {
    std::string digits;
    for (const char c : phone) {
        if ((c >= '0' && c <= '9') || (c == '+' && digits.empty())) digits += c;
    }
    return digits;
}

}  // namespace

util::Expected<std::string> render_landing(const PageContext& context) {
    const auto& catalogue = context.catalogue;
    const std::string& language = catalogue.language();
    auto page = context.view.page(catalogue, context.path, "landing.title");
    for (const domain::Office& office : context.deployment.offices) {
        Dictionary* item = page->AddSectionDictionary("OFFICE");
        item->SetValue("OFFICE_ID", office.id);
        item->SetValue("OFFICE_NAME", office.name.in(language));
        item->SetValue("HANDLES", office.handles.in(language));
        if (office.kind == domain::OfficeKind::external) item->ShowSection("EXTERNAL");
        if (office.web_filing == domain::WebFiling::accepted) item->ShowSection("WEB_FILING");
        const domain::ContactChannels& contact = office.contact;
        if (!contact.phone.empty()) {
            Dictionary* phone = item->AddSectionDictionary("HAS_PHONE");
            phone->SetValue("PHONE", contact.phone);
            phone->SetValue("PHONE_DIGITS", dialable(contact.phone));
        }
        item->SetValueAndShowSection("EMAIL", contact.email, "HAS_EMAIL");
        item->SetValueAndShowSection("POSTAL", contact.postal_address, "HAS_POSTAL");
        item->SetValueAndShowSection("WEB", contact.web, "HAS_WEB");
        add_levels(*item, catalogue, office.service_levels);
    }
    add_signing_keys(*page, context.signing_keys);
    return context.view.render("landing.tpl", *page);
}

util::Expected<std::string> render_problem(const PageContext& context, std::string_view title_key,
                                           std::string_view message_key) {
    auto page = context.view.page(context.catalogue, context.path, title_key);
    page->SetValue("PROBLEM_TITLE", tstr(context.catalogue.text(title_key)));
    page->SetValue("PROBLEM_MESSAGE", tstr(context.catalogue.text(message_key)));
    return context.view.render("problem.tpl", *page);
}

}  // namespace redress::web
