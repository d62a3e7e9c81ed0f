#include <algorithm>
#include <map>
#include <unordered_map>

#include "web/field_text.hpp"
#include "web/filing_form.hpp"
#include "web/messages.hpp"
#include "web/pages.hpp"

namespace redress::web {

namespace {

using Values = std::multimap<std::string, std::string, std::less<>>;

std::string_view input_type(Input input) {
    switch (input) {
        case Input::email:
            return "email";
        case Input::tel:
            return "tel";
        case Input::date:
            return "date";
        case Input::time:
            return "time";
        case Input::checkbox:
            return "checkbox";
        case Input::radio:
            return "radio";
        case Input::text:
        case Input::textarea:
            break;
    }
    return "text";
}

bool has_value(const Values& values, std::string_view name, std::string_view value) {
    const auto [first, last] = values.equal_range(name);
    for (auto it = first; it != last; ++it) {
        if (it->second == value) return true;
    }
    return false;
}

std::string value_of(const Values& values, std::string_view name) {
    const auto found = values.find(name);
    return found == values.end() ? std::string() : found->second;
}

class FormBuilder {
  public:
    FormBuilder(const PageContext& context, const FormState& state, Values values)
        : m_context(context), m_state(state), m_values(std::move(values)) {
        for (const domain::FieldError& error : m_state.errors) {
            m_first_error.try_emplace(error.field, &error);
        }
    }

    // Starts a field: id, name, label, hint and error, shared by every kind of input.
    Dictionary* field(Dictionary& parent, const std::string& name, const std::string& label,
                      const std::string& hint_key) {
        const auto& catalogue = m_context.catalogue;
        Dictionary* field = parent.AddSectionDictionary("FIELD");
        const std::string id = field_id(name);
        field->SetValue("ID", id);
        field->SetValue("NAME", name);
        field->SetValue("LABEL", label);
        std::string described_by;
        if (catalogue.has(hint_key)) {
            field->SetValueAndShowSection("HINT", tstr(catalogue.text(hint_key)), "HAS_HINT");
            described_by = id + "-hint";
        }
        if (const auto error = m_first_error.find(name); error != m_first_error.end()) {
            field->SetValueAndShowSection("ERROR", error_text(catalogue, *error->second),
                                          "HAS_ERROR");
            if (!described_by.empty()) described_by += ' ';
            described_by += id + "-error";
        }
        if (!described_by.empty()) {
            field->SetValueAndShowSection("DESCRIBEDBY", described_by, "DESCRIBED");
        }
        return field;
    }

    void spec_field(Dictionary& parent, const FieldSpec& spec, const std::string& name) {
        const auto& catalogue = m_context.catalogue;
        const std::string prefix(spec.message);
        Dictionary* f =
            field(parent, name, std::string(catalogue.text(prefix + ".label")), prefix + ".hint");
        const std::string value = value_of(m_values, name);
        switch (spec.input) {
            case Input::textarea: {
                Dictionary* area = f->AddSectionDictionary("TEXTAREA");
                area->SetValue("VALUE", value);
                area->SetValue("ROWS", name == "incident.narrative" ? "12" : "4");
                break;
            }
            case Input::checkbox: {
                Dictionary* box = f->AddSectionDictionary("CHECKBOX");
                if (!value.empty()) box->ShowSection("CHECKBOX_CHECKED");
                break;
            }
            case Input::radio: {
                Dictionary* choices = f->AddSectionDictionary("CHOICES");
                choices->SetValue("TYPE", "radio");
                const std::string chosen = value.empty() ? std::string(spec.preset) : value;
                for (const std::string_view option : spec.options) {
                    const std::string key = prefix + "." + std::string(option);
                    choice(*choices, name, option, catalogue.text(key),
                           catalogue.has(key + ".hint") ? catalogue.text(key + ".hint") : "",
                           chosen == option);
                }
                break;
            }
            default: {
                Dictionary* input = f->AddSectionDictionary("INPUT");
                input->SetValue("TYPE", tstr(input_type(spec.input)));
                input->SetValue("AUTOCOMPLETE", tstr(spec.autocomplete));
                input->SetValue("VALUE", value);
                break;
            }
        }
    }

    void choice(Dictionary& choices, const std::string& name, std::string_view value,
                std::string_view label, std::string_view hint, bool checked) {
        Dictionary* c = choices.AddSectionDictionary("CHOICE");
        c->SetValue("CHOICE_ID", field_id(name + "-" + std::string(value)));
        c->SetValue("CHOICE_VALUE", tstr(value));
        c->SetValue("CHOICE_LABEL", tstr(label));
        if (!hint.empty()) c->SetValueAndShowSection("CHOICE_HINT", tstr(hint), "HAS_CHOICE_HINT");
        if (checked) c->ShowSection("CHOICE_CHECKED");
    }

    void categories(Dictionary& block) {
        const std::string name = "incident.categories";
        Dictionary* f = field(block, name, field_label(m_context.catalogue, name),
                              "form.incident.categories.hint");
        Dictionary* choices = f->AddSectionDictionary("CHOICES");
        choices->SetValue("TYPE", "checkbox");
        const std::string& language = m_context.catalogue.language();
        for (const domain::Category& category : m_context.deployment.categories) {
            choice(*choices, name, category.id, category.label.in(language), "",
                   has_value(m_values, name, category.id));
        }
    }

    void offices(Dictionary& page) {
        const auto& catalogue = m_context.catalogue;
        Dictionary* group = page.AddSectionDictionary("GROUP");
        group->SetValue("GROUP_ID", "g-offices");
        group->SetValue("LEGEND", tstr(catalogue.text("form.offices.legend")));
        group->SetValueAndShowSection("INTRO", tstr(catalogue.text("form.offices.intro")),
                                      "HAS_INTRO");
        Dictionary* block = group->AddSectionDictionary("BLOCK");
        const std::string name = "offices";
        Dictionary* f = field(*block, name, field_label(catalogue, name), "form.offices.hint");
        Dictionary* choices = f->AddSectionDictionary("CHOICES");
        choices->SetValue("TYPE", "checkbox");
        const std::string& language = catalogue.language();
        for (const domain::Office& office : m_context.deployment.offices) {
            if (office.web_filing != domain::WebFiling::accepted) continue;
            choice(*choices, name, office.id, office.name.in(language), office.handles.in(language),
                   has_value(m_values, name, office.id));
        }
    }

    void groups(Dictionary& page) {
        const auto& catalogue = m_context.catalogue;
        for (const FieldGroup& spec : filing_groups()) {
            const std::string id(spec.id);
            Dictionary* group = page.AddSectionDictionary("GROUP");
            group->SetValue("GROUP_ID", spec.list.empty() ? "g-" + id : field_id(spec.list));
            group->SetValue("LEGEND", tstr(catalogue.text("form." + id + ".legend")));
            if (catalogue.has("form." + id + ".intro")) {
                group->SetValueAndShowSection(
                    "INTRO", tstr(catalogue.text("form." + id + ".intro")), "HAS_INTRO");
            }
            if (spec.list.empty()) {
                Dictionary* block = group->AddSectionDictionary("BLOCK");
                for (const FieldSpec& field_spec : spec.fields) {
                    spec_field(*block, field_spec, std::string(field_spec.name));
                }
                if (spec.id == "incident") categories(*block);
                continue;
            }
            for (const domain::FieldError& error : m_state.errors) {
                if (error.field == spec.list) {
                    group->SetValueAndShowSection("GROUP_ERROR", error_text(catalogue, error),
                                                  "HAS_GROUP_ERROR");
                }
            }
            const std::size_t blocks =
                spec.list == "subjects" ? m_state.subject_blocks : m_state.witness_blocks;
            for (std::size_t index = 0; index < blocks; ++index) {
                Dictionary* block = group->AddSectionDictionary("BLOCK");
                block->SetValueAndShowSection(
                    "BLOCK_TITLE", block_title(catalogue, spec.list, index), "HAS_BLOCK_TITLE");
                for (const FieldSpec& field_spec : spec.fields) {
                    spec_field(*block, field_spec,
                               block_field_name(spec.list, index, field_spec.name));
                }
            }
            Dictionary* add = group->AddSectionDictionary("ADD_BUTTON");
            add->SetValue("ACTION", spec.list == "subjects" ? "add_subject" : "add_witness");
            add->SetValue("ADD_LABEL", tstr(catalogue.text("form." + id + ".add")));
        }
        offices(page);
    }

    void summary(Dictionary& page) {
        if (m_state.errors.empty()) return;
        Dictionary* summary = page.AddSectionDictionary("ERROR_SUMMARY");
        const std::size_t listed = std::min(m_state.errors.size(), m_state.errors_listed);
        for (const domain::FieldError& error : m_state.errors.first(listed)) {
            Dictionary* item = summary->AddSectionDictionary("SUMMARY_ITEM");
            item->SetValue("TARGET", field_id(error.field));
            item->SetValue("FIELD_LABEL", field_label(m_context.catalogue, error.field));
            item->SetValue("MESSAGE", error_text(m_context.catalogue, error));
        }
        if (listed < m_state.errors.size()) {
            summary->SetValueAndShowSection(
                "MORE",
                fill(m_context.catalogue.text("form.errors.more"),
                     {{"n", std::to_string(m_state.errors.size() - listed)}}),
                "MORE_ERRORS");
        }
    }

  private:
    const PageContext& m_context;
    const FormState& m_state;
    Values m_values;
    std::unordered_map<std::string_view, const domain::FieldError*> m_first_error;
};

}  // namespace

void fill_filing_fields(Dictionary& page, const PageContext& context, const FormState& state) {
    Values values;
    for (auto& [name, value] : form_fields(state.filing)) values.emplace(name, value);
    FormBuilder builder(context, state, std::move(values));
    builder.summary(page);
    builder.groups(page);
}

util::Expected<std::string> render_form(const PageContext& context, const FormState& state) {
    auto page = context.view.page(context.catalogue, context.path, "form.title");
    page->SetValue("FORM_TOKEN", tstr(state.form_token));
    if (!state.notice_key.empty()) {
        page->SetValueAndShowSection("NOTICE", tstr(context.catalogue.text(state.notice_key)),
                                     "HAS_NOTICE");
    }
    fill_filing_fields(*page, context, state);
    return context.view.render("form.tpl", *page);
}

}  // namespace redress::web
