#include "api/offices_json.hpp"

namespace redress::api {
namespace {

nlohmann::json contact_json(const domain::ContactChannels& contact) {
    return {
        {"phone", contact.phone},
        {"email", contact.email},
        {"postal_address", contact.postal_address},
        {"web", contact.web},
    };
}

nlohmann::json service_levels_json(const domain::ServiceLevels& levels) {
    return {
        {"acknowledge_days", levels.acknowledge_days},
        {"triage_days", levels.triage_days},
        {"update_days", levels.update_days},
        {"resolution_days", levels.resolution_days},
        {"day_count", levels.day_count == domain::DayCount::business ? "business" : "calendar"},
    };
}

nlohmann::json office_json(const domain::Office& office, const std::string& language,
                           bool is_default) {
    return {
        {"id", office.id},
        {"name", office.name.in(language)},
        {"handles", office.handles.in(language)},
        {"kind", office.kind == domain::OfficeKind::external ? "external" : "local"},
        {"reference_prefix", office.reference_prefix},
        {"accepts_filings", office.web_filing == domain::WebFiling::accepted},
        {"default", is_default},
        {"contact", contact_json(office.contact)},
        {"service_levels", service_levels_json(office.service_levels)},
    };
}

}  // namespace

nlohmann::json offices_json(const domain::Deployment& deployment, const std::string& language) {
    nlohmann::json offices = nlohmann::json::array();
    for (const domain::Office& office : deployment.offices) {
        offices.push_back(office_json(office, language, office.id == deployment.default_office));
    }
    nlohmann::json categories = nlohmann::json::array();
    for (const domain::Category& category : deployment.categories) {
        categories.push_back({{"id", category.id}, {"label", category.label.in(language)}});
    }
    return {
        {"language", language},
        {"offices", std::move(offices)},
        {"categories", std::move(categories)},
    };
}

}  // namespace redress::api
