#include <algorithm>

#include "domain/routing.hpp"
#include "web/field_text.hpp"
#include "web/filing_form.hpp"
#include "web/messages.hpp"
#include "web/pages.hpp"

namespace redress::web {

namespace {

// What the complainant reads for a value: the label of a chosen option, "Yes" for a
// checkbox, a category's or office's name; else the text as typed.
std::string readable_value(const PageContext& context, std::string_view name,
                           const std::string& value) {
    const auto& catalogue = context.catalogue;
    const std::string& language = catalogue.language();
    if (name == "incident.categories") {
        const domain::Category* category = context.deployment.find_category(value);
        return category ? category->label.in(language) : value;
    }
    if (const FieldSpec* spec = find_field(name)) {
        if (spec->input == Input::checkbox) return std::string(catalogue.text("review.yes"));
        if (spec->input == Input::radio) {
            return std::string(catalogue.text(std::string(spec->message) + "." + value));
        }
    }
    return value;
}

void add_summary(Dictionary& page, const PageContext& context, const domain::Filing& filing) {
    // Repeated names (categories) read as one answer: "Excessive force, Bribery".
    std::vector<std::pair<std::string, std::string>> answers;
    for (const auto& [name, value] : form_fields(filing)) {
        if (name == "offices") continue;  // chosen below, as checkboxes
        std::string readable = readable_value(context, name, value);
        if (!answers.empty() && answers.back().first == name) {
            answers.back().second += ", " + readable;
        } else {
            answers.emplace_back(name, std::move(readable));
        }
    }
    for (const auto& [name, value] : answers) {
        Dictionary* item = page.AddSectionDictionary("SUMMARY_ITEM");
        item->SetValue("FIELD_LABEL", field_label(context.catalogue, name));
        item->SetValue("FIELD_VALUE", value);
    }
}

void add_proposals(Dictionary& page, const PageContext& context,
                   const std::vector<domain::RouteProposal>& proposals) {
    const auto& catalogue = context.catalogue;
    const std::string& language = catalogue.language();
    for (const domain::RouteProposal& proposal : proposals) {
        const domain::Office* office = context.deployment.find_office(proposal.office);
        Dictionary* item = page.AddSectionDictionary("PROPOSAL");
        item->SetValue("OFFICE_NAME", office ? office->name.in(language) : proposal.office);
        if (proposal.because.empty()) {
            item->AddSectionDictionary("REASON")->SetValue(
                "REASON_TEXT", tstr(catalogue.text("review.default_office")));
        }
        for (const domain::RoutingRule* rule : proposal.because) {
            item->AddSectionDictionary("REASON")->SetValue("REASON_TEXT",
                                                           rule->explanation.in(language));
        }
    }
}

void add_office_choices(Dictionary& page, const PageContext& context,
                        const domain::Filing& filing) {
    const std::string& language = context.catalogue.language();
    const std::vector<std::string> chosen = domain::destinations(filing, context.deployment);
    for (const domain::Office& office : context.deployment.offices) {
        if (office.web_filing != domain::WebFiling::accepted) continue;
        Dictionary* item = page.AddSectionDictionary("OFFICE_CHOICE");
        item->SetValue("CHOICE_ID", field_id("offices-" + office.id));
        item->SetValue("CHOICE_VALUE", office.id);
        item->SetValue("CHOICE_LABEL", office.name.in(language));
        item->SetValueAndShowSection("CHOICE_HINT", office.handles.in(language), "HAS_CHOICE_HINT");
        if (std::ranges::find(chosen, office.id) != chosen.end()) {
            item->ShowSection("CHOICE_CHECKED");
        }
    }
}

void add_completeness(Dictionary& page, const PageContext& context,
                      const std::vector<domain::CompletenessItem>& items) {
    const auto& catalogue = context.catalogue;
    for (const domain::CompletenessItem& item : items) {
        const std::string aspect = "aspect." + domain::aspect_name(item.aspect);
        Dictionary* entry = page.AddSectionDictionary("ASPECT");
        entry->SetValue("ASPECT_LABEL", tstr(catalogue.text(aspect)));
        if (item.present) {
            entry->ShowSection("PRESENT");
        } else {
            Dictionary* missing = entry->AddSectionDictionary("MISSING");
            missing->SetValue("ASPECT_HINT", tstr(catalogue.text(aspect + ".hint")));
        }
    }
}

void add_evidence(Dictionary& page, const PageContext& context, const ReviewEvidence& evidence) {
    const auto& catalogue = context.catalogue;
    page.ShowSection("MULTIPART");
    Dictionary* section = page.AddSectionDictionary("EVIDENCE");
    constexpr std::uint64_t k_mib = 1024 * 1024;
    section->SetValue("EVIDENCE_LIMITS",
                      fill(catalogue.text("review.evidence.limits"),
                           {{"files", std::to_string(evidence.limits.max_files)},
                            {"size", std::to_string(evidence.limits.max_file_bytes / k_mib)},
                            {"total", std::to_string(evidence.limits.max_total_bytes / k_mib)}}));
    for (const domain::FieldError& error : evidence.errors) {
        // "evidence[1]" names the second file; "evidence", all of them.
        std::string text = error_text(catalogue, error);
        const std::size_t open = error.field.find('[');
        if (open != std::string::npos) {
            const std::string number = std::to_string(
                std::stoul(error.field.substr(open + 1, error.field.size() - open - 2)) + 1);
            text = fill(catalogue.text("review.evidence.file"), {{"number", number}}) + " " + text;
        }
        section->AddSectionDictionary("EVIDENCE_ERROR")->SetValue("EVIDENCE_ERROR_TEXT", text);
    }
}

}  // namespace

util::Expected<std::string> render_review(const PageContext& context,
                                          const intake::Preview& preview,
                                          std::string_view form_token,
                                          const ReviewEvidence* evidence) {
    auto page = context.view.page(context.catalogue, context.path, "review.title");
    page->SetValue("FORM_TOKEN", tstr(form_token));
    for (const auto& [name, value] : form_fields(preview.filing)) {
        if (name == "offices") continue;
        Dictionary* hidden = page->AddSectionDictionary("HIDDEN");
        hidden->SetValue("HIDDEN_NAME", name);
        hidden->SetValue("HIDDEN_VALUE", value);
    }
    add_summary(*page, context, preview.filing);
    add_proposals(*page, context, preview.proposals);
    add_office_choices(*page, context, preview.filing);
    add_completeness(*page, context, preview.completeness);
    if (evidence != nullptr) add_evidence(*page, context, *evidence);
    return context.view.render("review.tpl", *page);
}

}  // namespace redress::web
