#include "config/deployment_toml.hpp"

#include "domain/calendar.hpp"
#include "fmt/format.h"

namespace redress::config {
namespace {

util::Error problem(std::string message) {
    return {util::ErrorCode::invalid_input, std::move(message)};
}

util::Expected<std::string> required_string(const toml::table& table, std::string_view key,
                                            std::string_view where) {
    const auto* value = table.get_as<std::string>(key);
    if (value == nullptr || value->get().empty()) {
        return std::unexpected(problem(fmt::format("{}: '{}' is required text", where, key)));
    }
    return value->get();
}

std::string optional_string(const toml::table& table, std::string_view key) {
    const auto* value = table.get_as<std::string>(key);
    return value ? value->get() : std::string();
}

// `name = "Office"` or `name = { en = "Office", es = "Oficina" }`.
util::Expected<util::LocalizedText> localized(const toml::table& table, std::string_view key,
                                              std::string_view where) {
    const auto* node = table.get(key);
    if (node == nullptr) return util::LocalizedText{};
    if (const auto* text = node->as_string()) {
        return util::LocalizedText({{"en", text->get()}});
    }
    const auto* languages = node->as_table();
    if (languages == nullptr) {
        return std::unexpected(problem(fmt::format(
            "{}: '{}' must be text or a table of languages like {{ en = \"...\" }}", where, key)));
    }
    std::map<std::string, std::string, std::less<>> by_language;
    for (const auto& [language, text] : *languages) {
        const auto* value = text.as_string();
        if (value == nullptr) {
            return std::unexpected(
                problem(fmt::format("{}: '{}.{}' must be text", where, key, language.str())));
        }
        by_language.emplace(std::string(language.str()), value->get());
    }
    return util::LocalizedText(std::move(by_language));
}

util::Expected<std::vector<std::string>> string_list(const toml::table& table, std::string_view key,
                                                     std::string_view where) {
    std::vector<std::string> list;
    const auto* node = table.get(key);
    if (node == nullptr) return list;
    const auto* array = node->as_array();
    if (array == nullptr) {
        return std::unexpected(problem(fmt::format("{}: '{}' must be a list of text", where, key)));
    }
    for (const auto& item : *array) {
        const auto* value = item.as_string();
        if (value == nullptr) {
            return std::unexpected(
                problem(fmt::format("{}: '{}' must be a list of text", where, key)));
        }
        list.push_back(value->get());
    }
    return list;
}

util::Expected<int> days(const toml::table& table, std::string_view key, std::string_view where) {
    const auto* value = table.get_as<int64_t>(key);
    if (value == nullptr) return 0;
    if (value->get() < 0 || value->get() > 3650) {
        return std::unexpected(
            problem(fmt::format("{}: '{}' must be a number of days from 0 to 3650", where, key)));
    }
    return static_cast<int>(value->get());
}

// `working_days = ["mon", "tue", ...]` (default Monday to Friday) and
// `holidays = ["2026-12-25", ...]`: the days business-day service levels count.
util::Expected<domain::OfficeCalendar> read_office_calendar(const toml::table& table,
                                                            std::string_view where) {
    auto working = string_list(table, "working_days", where);
    if (!working) return std::unexpected(working.error());
    domain::WorkingDays working_days;
    if (table.contains("working_days")) {
        working_days = domain::WorkingDays::none();
        for (const auto& name : *working) {
            const auto day = domain::parse_weekday(name);
            if (!day) {
                return std::unexpected(problem(fmt::format(
                    "{}: working_days: '{}' is not a day; write mon, tue, wed, thu, fri, sat "
                    "or sun",
                    where, name)));
            }
            if (!working_days.add(*day)) {
                return std::unexpected(
                    problem(fmt::format("{}: working_days: '{}' is listed twice", where, name)));
            }
        }
    }
    const auto* holidays_node = table.get("holidays");
    const auto* holiday_array = holidays_node ? holidays_node->as_array() : nullptr;
    if (holidays_node != nullptr && holiday_array == nullptr) {
        return std::unexpected(problem(
            fmt::format("{}: 'holidays' must be a list of dates like [\"2026-12-25\"]", where)));
    }
    std::vector<domain::Date> holidays;
    if (holiday_array != nullptr) {
        if (holiday_array->size() > domain::OfficeCalendar::k_max_holidays) {
            return std::unexpected(problem(fmt::format("{}: holidays: {} listed, at most {}", where,
                                                       holiday_array->size(),
                                                       domain::OfficeCalendar::k_max_holidays)));
        }
        for (const auto& item : *holiday_array) {
            // A quoted "2026-12-25" or a bare TOML date 2026-12-25.
            std::optional<domain::Date> day;
            std::string shown;
            if (const auto* text = item.as_string()) {
                shown = text->get();
                day = domain::parse_iso_date(shown);
            } else if (const auto* date = item.as_date()) {
                const auto value = date->get();
                day = domain::Date{std::chrono::year{value.year}, std::chrono::month{value.month},
                                   std::chrono::day{value.day}};
                shown = domain::iso_date(*day);
                if (!day->ok()) day.reset();
            }
            if (!day) {
                return std::unexpected(problem(fmt::format(
                    "{}: holidays: '{}' is not a date; write YYYY-MM-DD, like \"2026-12-25\"",
                    where, shown)));
            }
            holidays.push_back(*day);
        }
    }
    auto calendar = domain::make_office_calendar(working_days, std::move(holidays));
    if (!calendar) {
        return std::unexpected(problem(fmt::format("{}: {}", where, calendar.error().message)));
    }
    return calendar;
}

util::Expected<domain::Office> read_office(const toml::table& table) {
    domain::Office office;
    auto id = required_string(table, "id", "office");
    if (!id) return std::unexpected(id.error());
    office.id = *id;
    const auto where = fmt::format("office '{}'", office.id);
    auto prefix = required_string(table, "reference_prefix", where);
    if (!prefix) return std::unexpected(prefix.error());
    office.reference_prefix = *prefix;

    const auto kind = optional_string(table, "kind");
    if (kind == "external") {
        office.kind = domain::OfficeKind::external;
    } else if (!kind.empty() && kind != "local") {
        return std::unexpected(problem(fmt::format("{}: kind must be local or external", where)));
    }
    // An external office is reached by referral only: no public form unless the file says
    // otherwise (which the deployment's check then refuses, with the reason).
    const auto* web = table.get_as<bool>("web_filing");
    if (web != nullptr ? !web->get() : office.kind == domain::OfficeKind::external) {
        office.web_filing = domain::WebFiling::not_accepted;
    }
    auto name = localized(table, "name", where);
    auto handles = localized(table, "handles", where);
    if (!name) return std::unexpected(name.error());
    if (!handles) return std::unexpected(handles.error());
    if (name->empty())
        return std::unexpected(problem(fmt::format("{}: 'name' is required", where)));
    office.name = *name;
    office.handles = *handles;

    if (const auto* contact = table.get_as<toml::table>("contact")) {
        office.contact = {optional_string(*contact, "phone"), optional_string(*contact, "email"),
                          optional_string(*contact, "postal_address"),
                          optional_string(*contact, "web")};
    }
    if (const auto* levels = table.get_as<toml::table>("service_levels")) {
        const auto levels_where = where + " service_levels";
        auto acknowledge = days(*levels, "acknowledge_days", levels_where);
        auto triage = days(*levels, "triage_days", levels_where);
        auto update = days(*levels, "update_days", levels_where);
        auto resolution = days(*levels, "resolution_days", levels_where);
        for (const auto* value : {&acknowledge, &triage, &update, &resolution}) {
            if (!*value) return std::unexpected(value->error());
        }
        office.service_levels = {*acknowledge, *triage, *update, *resolution,
                                 domain::DayCount::calendar};
        if (levels->contains("reconsideration_days")) {
            auto reconsideration = days(*levels, "reconsideration_days", levels_where);
            if (!reconsideration) return std::unexpected(reconsideration.error());
            office.service_levels.reconsideration_days = *reconsideration;
        }
        const auto count = optional_string(*levels, "day_count");
        if (count == "business") {
            office.service_levels.day_count = domain::DayCount::business;
        } else if (!count.empty() && count != "calendar") {
            return std::unexpected(
                problem(fmt::format("{}: day_count must be calendar or business", levels_where)));
        }
    }
    auto calendar = read_office_calendar(table, where);
    if (!calendar) return std::unexpected(calendar.error());
    office.calendar = std::move(*calendar);
    return office;
}

util::Expected<domain::RoutingRule> read_rule(const toml::table& table) {
    domain::RoutingRule rule;
    auto id = required_string(table, "id", "rule");
    if (!id) return std::unexpected(id.error());
    rule.id = *id;
    const auto where = fmt::format("rule '{}'", rule.id);
    auto categories = string_list(table, "categories_any", where);
    auto agencies = string_list(table, "subject_agency_any", where);
    auto offices = string_list(table, "offices", where);
    auto explanation = localized(table, "explanation", where);
    if (!categories) return std::unexpected(categories.error());
    if (!agencies) return std::unexpected(agencies.error());
    if (!offices) return std::unexpected(offices.error());
    if (!explanation) return std::unexpected(explanation.error());
    if (offices->empty()) {
        return std::unexpected(problem(fmt::format("{}: 'offices' names no office", where)));
    }
    if (explanation->empty()) {
        return std::unexpected(
            problem(fmt::format("{}: 'explanation' is required: complainants read it", where)));
    }
    rule.categories_any = std::move(*categories);
    rule.subject_agency_any = std::move(*agencies);
    rule.offices = std::move(*offices);
    rule.explanation = std::move(*explanation);
    if (const auto* whistleblower = table.get_as<bool>("whistleblower");
        whistleblower && whistleblower->get()) {
        rule.whistleblower = domain::WhistleblowerCondition::required;
    }
    if (const auto* priority = table.get_as<int64_t>("priority")) {
        rule.priority = static_cast<int>(priority->get());
    }
    return rule;
}

template <typename Item, typename Read>
util::Expected<std::vector<Item>> read_array(const toml::table& root, std::string_view key,
                                             Read read) {
    std::vector<Item> items;
    const auto* node = root.get(key);
    if (node == nullptr) return items;
    const auto* array = node->as_array();
    if (array == nullptr) {
        return std::unexpected(problem(fmt::format("'{}' must be written [[{}]]", key, key)));
    }
    for (const auto& element : *array) {
        const auto* table = element.as_table();
        if (table == nullptr) {
            return std::unexpected(problem(fmt::format("'{}' must be written [[{}]]", key, key)));
        }
        auto item = read(*table);
        if (!item) return std::unexpected(item.error());
        items.push_back(std::move(*item));
    }
    return items;
}

}  // namespace

util::Expected<domain::Deployment> read_deployment(const toml::table& root) {
    domain::Deployment deployment;
    auto offices = read_array<domain::Office>(root, "office", read_office);
    if (!offices) return std::unexpected(offices.error());
    auto categories = read_array<domain::Category>(
        root, "category", [](const toml::table& table) -> util::Expected<domain::Category> {
            auto id = required_string(table, "id", "category");
            if (!id) return std::unexpected(id.error());
            auto label = localized(table, "label", fmt::format("category '{}'", *id));
            if (!label) return std::unexpected(label.error());
            if (label->empty()) {
                return std::unexpected(
                    problem(fmt::format("category '{}': 'label' is required", *id)));
            }
            return domain::Category{*id, std::move(*label)};
        });
    if (!categories) return std::unexpected(categories.error());
    auto rules = read_array<domain::RoutingRule>(root, "rule", read_rule);
    if (!rules) return std::unexpected(rules.error());

    deployment.offices = std::move(*offices);
    deployment.categories = std::move(*categories);
    deployment.rules = std::move(*rules);
    if (const auto* routing = root.get_as<toml::table>("routing")) {
        deployment.default_office = optional_string(*routing, "default_office");
    }
    if (deployment.default_office.empty() && !deployment.offices.empty()) {
        deployment.default_office = deployment.offices.front().id;
    }
    if (auto checked = deployment.check(); !checked) return std::unexpected(checked.error());
    return deployment;
}

}  // namespace redress::config
