#include "api/filing_json.hpp"

namespace redress::api {
namespace {

void read_complainant(ObjectReader& parent, domain::Complainant& out) {
    const nlohmann::json* value = parent.object("complainant");
    if (value == nullptr) return;
    ObjectReader in(*value, parent.path_of("complainant"), parent.errors(),
                    {"confidentiality", "name", "email", "phone", "postal_address",
                     "preferred_language", "replies_by_email", "whistleblower"});
    in.text("confidentiality", out.confidentiality);
    in.text("name", out.name);
    in.text("email", out.email);
    in.text("phone", out.phone);
    in.text("postal_address", out.postal_address);
    in.text("preferred_language", out.preferred_language);
    in.flag("replies_by_email", out.replies_by_email);
    in.flag("whistleblower", out.whistleblower);
}

void read_on_behalf(ObjectReader& parent, domain::OnBehalf& out) {
    const nlohmann::json* value = parent.object("on_behalf");
    if (value == nullptr) return;
    // The object's presence is the statement that someone files for another person.
    out.applies = true;
    ObjectReader in(
        *value, parent.path_of("on_behalf"), parent.errors(),
        {"relationship", "person_name", "detention_facility", "case_number", "consent"});
    in.text("relationship", out.relationship);
    in.text("person_name", out.person_name);
    in.text("detention_facility", out.detention_facility);
    in.text("case_number", out.case_number);
    in.text("consent", out.consent);
}

void read_incident(ObjectReader& parent, domain::Incident& out, std::size_t max_categories) {
    const nlohmann::json* value = parent.object("incident");
    if (value == nullptr) return;
    ObjectReader in(*value, parent.path_of("incident"), parent.errors(),
                    {"date", "date_precision", "time", "when_description", "place", "city",
                     "region", "narrative", "injuries", "categories"});
    in.text("date", out.date);
    in.text("date_precision", out.date_precision);
    in.text("time", out.time);
    in.text("when_description", out.when_description);
    in.text("place", out.place);
    in.text("city", out.city);
    in.text("region", out.region);
    in.text("narrative", out.narrative);
    in.text("injuries", out.injuries);
    in.texts("categories", out.categories, max_categories);
}

domain::Subject read_subject(ObjectReader& in) {
    domain::Subject subject;
    in.text("name", subject.name);
    in.text("badge", subject.badge);
    in.text("agency", subject.agency);
    in.text("component", subject.component);
    in.text("unit", subject.unit);
    in.text("description", subject.description);
    in.text("uniform", subject.uniform);
    in.text("vehicle", subject.vehicle);
    return subject;
}

domain::Witness read_witness(ObjectReader& in) {
    domain::Witness witness;
    in.text("name", witness.name);
    in.text("contact", witness.contact);
    in.text("account", witness.account);
    return witness;
}

// Reads a list of objects. An element of another type is reported and kept as a blank
// one, so that later elements keep the index the client gave them.
template <typename T, typename Read>
void read_list(ObjectReader& parent, std::string_view key, std::size_t max,
               std::initializer_list<std::string_view> known, Read read, std::vector<T>& out) {
    const nlohmann::json* list = parent.array(key, max);
    if (list == nullptr) return;
    const std::string path = parent.path_of(key);
    std::size_t index = 0;
    for (const auto& element : *list) {
        const std::string element_at = element_path(path, index++);
        if (!expect_object(element, element_at, parent.errors())) {
            out.emplace_back();
            continue;
        }
        ObjectReader in(element, element_at, parent.errors(), known);
        out.push_back(read(in));
    }
}

}  // namespace

FilingFromJson filing_from_json(const nlohmann::json& body, std::string language,
                                const domain::Limits& limits) {
    FilingFromJson result;
    domain::Filing& filing = result.filing;
    filing.language = std::move(language);
    ObjectReader in(
        body, "", result.errors,
        {"language", "complainant", "on_behalf", "incident", "subjects", "witnesses", "offices"});
    in.text("language", filing.language);
    read_complainant(in, filing.complainant);
    read_on_behalf(in, filing.on_behalf);
    read_incident(in, filing.incident, limits.categories);
    read_list(in, "subjects", limits.subjects,
              {"name", "badge", "agency", "component", "unit", "description", "uniform", "vehicle"},
              read_subject, filing.subjects);
    read_list(in, "witnesses", limits.witnesses, {"name", "contact", "account"}, read_witness,
              filing.witnesses);
    in.texts("offices", filing.offices, limits.offices);
    return result;
}

}  // namespace redress::api
