#include "web/filing_form.hpp"

#include <fmt/format.h>

#include <charconv>
#include <optional>

namespace redress::web {

namespace {

// One list of the filing's fields, walked in both directions: reading a form into a
// filing and writing a filing out as form fields (FilingType is const for writing).
template <typename FilingType, typename Visit>
void visit_fields(FilingType& filing, Visit&& visit) {
    auto& c = filing.complainant;
    visit("complainant.confidentiality", c.confidentiality);
    visit("complainant.name", c.name);
    visit("complainant.email", c.email);
    visit("complainant.phone", c.phone);
    visit("complainant.postal_address", c.postal_address);
    visit("complainant.replies_by_email", c.replies_by_email);
    visit("complainant.whistleblower", c.whistleblower);
    auto& b = filing.on_behalf;
    visit("on_behalf.applies", b.applies);
    visit("on_behalf.relationship", b.relationship);
    visit("on_behalf.person_name", b.person_name);
    visit("on_behalf.detention_facility", b.detention_facility);
    visit("on_behalf.case_number", b.case_number);
    visit("on_behalf.consent", b.consent);
    auto& i = filing.incident;
    visit("incident.date", i.date);
    visit("incident.date_precision", i.date_precision);
    visit("incident.time", i.time);
    visit("incident.when_description", i.when_description);
    visit("incident.place", i.place);
    visit("incident.city", i.city);
    visit("incident.region", i.region);
    visit("incident.narrative", i.narrative);
    visit("incident.injuries", i.injuries);
    visit("incident.categories", i.categories);
    for (std::size_t n = 0; n < filing.subjects.size(); ++n) {
        auto& s = filing.subjects[n];
        visit(block_field_name("subjects", n, "name"), s.name);
        visit(block_field_name("subjects", n, "badge"), s.badge);
        visit(block_field_name("subjects", n, "agency"), s.agency);
        visit(block_field_name("subjects", n, "component"), s.component);
        visit(block_field_name("subjects", n, "unit"), s.unit);
        visit(block_field_name("subjects", n, "description"), s.description);
        visit(block_field_name("subjects", n, "uniform"), s.uniform);
        visit(block_field_name("subjects", n, "vehicle"), s.vehicle);
    }
    for (std::size_t n = 0; n < filing.witnesses.size(); ++n) {
        auto& w = filing.witnesses[n];
        visit(block_field_name("witnesses", n, "name"), w.name);
        visit(block_field_name("witnesses", n, "contact"), w.contact);
        visit(block_field_name("witnesses", n, "account"), w.account);
    }
    visit("offices", filing.offices);
}

// How many blocks of `list` the form holds: one past the highest index named.
std::size_t blocks_in(const http::FormData& form, std::string_view list) {
    std::size_t count = 0;
    for (const auto& [name, value] : form.fields()) {
        std::string_view rest = name;
        if (!rest.starts_with(list) || rest.size() <= list.size() || rest[list.size()] != '[') {
            continue;
        }
        rest.remove_prefix(list.size() + 1);
        std::size_t index = 0;
        const auto [end, error] = std::from_chars(rest.data(), rest.data() + rest.size(), index);
        if (error != std::errc{} || end == rest.data() || *end != ']') continue;
        if (index < k_max_blocks) count = std::max(count, index + 1);
    }
    return count;
}

const std::vector<FieldGroup> k_groups = {
    {"confidentiality",
     "",
     {{"complainant.confidentiality",
       Input::radio,
       "form.complainant.confidentiality",
       {"anonymous", "confidential", "open"},
       "off",
       "anonymous"}}},
    {"contact",
     "",
     {{"complainant.name", Input::text, "form.complainant.name", {}, "name"},
      {"complainant.email", Input::email, "form.complainant.email", {}, "email"},
      {"complainant.phone", Input::tel, "form.complainant.phone", {}, "tel"},
      {"complainant.postal_address",
       Input::textarea,
       "form.complainant.postal_address",
       {},
       "street-address"},
      {"complainant.replies_by_email", Input::checkbox, "form.complainant.replies_by_email"},
      {"complainant.whistleblower", Input::checkbox, "form.complainant.whistleblower"}}},
    {"on_behalf",
     "",
     {{"on_behalf.applies", Input::checkbox, "form.on_behalf.applies"},
      {"on_behalf.relationship", Input::text, "form.on_behalf.relationship"},
      {"on_behalf.person_name", Input::text, "form.on_behalf.person_name"},
      {"on_behalf.detention_facility", Input::text, "form.on_behalf.detention_facility"},
      {"on_behalf.case_number", Input::text, "form.on_behalf.case_number"},
      {"on_behalf.consent", Input::radio, "form.on_behalf.consent", {"given", "unable"}}}},
    {"incident",
     "",
     {{"incident.date", Input::text, "form.incident.date"},
      {"incident.date_precision",
       Input::radio,
       "form.incident.date_precision",
       {"exact", "approximate"},
       "off",
       "exact"},
      {"incident.time", Input::time, "form.incident.time"},
      {"incident.when_description", Input::text, "form.incident.when_description"},
      {"incident.place", Input::text, "form.incident.place"},
      {"incident.city", Input::text, "form.incident.city"},
      {"incident.region", Input::text, "form.incident.region"},
      {"incident.narrative", Input::textarea, "form.incident.narrative"},
      {"incident.injuries", Input::textarea, "form.incident.injuries"}}},
    {"subjects",
     "subjects",
     {{"name", Input::text, "form.subject.name"},
      {"badge", Input::text, "form.subject.badge"},
      {"agency", Input::text, "form.subject.agency"},
      {"component", Input::text, "form.subject.component"},
      {"unit", Input::text, "form.subject.unit"},
      {"description", Input::textarea, "form.subject.description"},
      {"uniform", Input::text, "form.subject.uniform"},
      {"vehicle", Input::text, "form.subject.vehicle"}}},
    {"witnesses",
     "witnesses",
     {{"name", Input::text, "form.witness.name"},
      {"contact", Input::text, "form.witness.contact"},
      {"account", Input::textarea, "form.witness.account"}}},
};

}  // namespace

std::span<const FieldGroup> filing_groups() {
    return k_groups;
}

std::string block_field_name(std::string_view list, std::size_t index, std::string_view field) {
    return fmt::format("{}[{}].{}", list, index, field);
}

std::string field_id(std::string_view name) {
    std::string id = "f-";
    for (const char c : name) {
        const bool plain =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        if (plain) {
            id += c;
        } else if (id.back() != '-') {
            id += '-';
        }
    }
    if (id.size() > 2 && id.back() == '-') id.pop_back();
    return id;
}

domain::Filing filing_from_form(const http::FormData& form, std::string language) {
    domain::Filing filing;
    filing.subjects.resize(blocks_in(form, "subjects"));
    filing.witnesses.resize(blocks_in(form, "witnesses"));
    struct Reader {
        const http::FormData& form;
        void operator()(std::string_view name, std::string& value) const {
            value = std::string(form.get(name));
        }
        void operator()(std::string_view name, bool& value) const {
            value = !form.get(name).empty();
        }
        void operator()(std::string_view name, std::vector<std::string>& values) const {
            for (const std::string_view value : form.get_all(name)) {
                if (!value.empty()) values.emplace_back(value);
            }
        }
    };
    visit_fields(filing, Reader{form});
    filing.complainant.preferred_language = language;
    filing.language = std::move(language);
    return filing;
}

std::vector<std::pair<std::string, std::string>> form_fields(const domain::Filing& filing) {
    std::vector<std::pair<std::string, std::string>> fields;
    struct Writer {
        std::vector<std::pair<std::string, std::string>>& fields;
        void operator()(std::string_view name, const std::string& value) const {
            if (!value.empty()) fields.emplace_back(name, value);
        }
        void operator()(std::string_view name, bool value) const {
            if (value) fields.emplace_back(name, "yes");
        }
        void operator()(std::string_view name, const std::vector<std::string>& values) const {
            for (const std::string& value : values) fields.emplace_back(name, value);
        }
    };
    visit_fields(filing, Writer{fields});
    return fields;
}

}  // namespace redress::web
