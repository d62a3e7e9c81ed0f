#include "intake/people_sealing.hpp"

#include <nlohmann/json.hpp>

#include "crypto/secret_box.hpp"
#include "domain/validation.hpp"
#include "util/json_text.hpp"

namespace redress::intake {
namespace {

using nlohmann::json;

bool has_identity(const domain::Complainant& complainant) {
    return !complainant.name.empty() || !complainant.email.empty() || !complainant.phone.empty() ||
           !complainant.postal_address.empty();
}

}  // namespace

std::string people_record(const domain::Filing& filing) {
    const auto& c = filing.complainant;
    const bool identity =
        domain::confidentiality_of(c) != domain::Confidentiality::anonymous && has_identity(c);
    const auto& o = filing.on_behalf;
    if (!identity && !o.applies && filing.witnesses.empty()) return {};
    util::JsonText people;
    if (identity) {
        people.open_object("complainant")
            .text("name", c.name)
            .text("email", c.email)
            .text("phone", c.phone)
            .text("postal_address", c.postal_address)
            .text("preferred_language", c.preferred_language)
            .flag("replies_by_email", c.replies_by_email)
            .close();
    }
    if (o.applies) {
        people.open_object("on_behalf")
            .text("relationship", o.relationship)
            .text("person_name", o.person_name)
            .text("detention_facility", o.detention_facility)
            .text("case_number", o.case_number)
            .text("consent", o.consent)
            .close();
    }
    if (!filing.witnesses.empty()) {
        people.open_list("witnesses");
        for (const auto& w : filing.witnesses) {
            people.open_object()
                .text("name", w.name)
                .text("contact", w.contact)
                .text("account", w.account)
                .close();
        }
        people.close();
    }
    return people.take();
}

std::vector<std::uint8_t> seal_people(const domain::Filing& filing, const crypto::Key& key) {
    const std::string record = people_record(filing);
    if (record.empty()) return {};
    return crypto::seal(key, record);
}

util::Expected<People> open_people(const std::vector<std::uint8_t>& sealed,
                                   const crypto::Key& key) {
    People people;
    if (sealed.empty()) return people;
    auto text = crypto::open(key, sealed);
    if (!text) return std::unexpected(text.error());
    const auto record = json::parse(*text, nullptr, false);
    if (record.is_discarded() || !record.is_object()) {
        return util::fail(util::ErrorCode::internal, "sealed people record is not JSON");
    }
    if (const auto it = record.find("complainant"); it != record.end()) {
        auto& c = people.complainant;
        c.name = it->value("name", "");
        c.email = it->value("email", "");
        c.phone = it->value("phone", "");
        c.postal_address = it->value("postal_address", "");
        c.preferred_language = it->value("preferred_language", "");
        c.replies_by_email = it->value("replies_by_email", false);
    }
    if (const auto it = record.find("on_behalf"); it != record.end()) {
        auto& o = people.on_behalf;
        o.applies = true;
        o.relationship = it->value("relationship", "");
        o.person_name = it->value("person_name", "");
        o.detention_facility = it->value("detention_facility", "");
        o.case_number = it->value("case_number", "");
        o.consent = it->value("consent", "");
    }
    if (const auto it = record.find("witnesses"); it != record.end()) {
        for (const auto& w : *it) {
            people.witnesses.push_back(
                {w.value("name", ""), w.value("contact", ""), w.value("account", "")});
        }
    }
    return people;
}

}  // namespace redress::intake
