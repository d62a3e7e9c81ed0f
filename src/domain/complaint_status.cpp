#include "domain/complaint_status.hpp"

#include <array>
#include <utility>

namespace redress::domain {
namespace {

constexpr std::array<std::pair<Status, std::string_view>, 7> k_names{{
    {Status::received, "received"},
    {Status::acknowledged, "acknowledged"},
    {Status::triaged, "triaged"},
    {Status::referred, "referred"},
    {Status::investigating, "investigating"},
    {Status::findings, "findings"},
    {Status::closed, "closed"},
}};

}  // namespace

std::string_view status_name(Status status) {
    for (const auto& [value, name] : k_names) {
        if (value == status) return name;
    }
    return "received";
}

std::optional<Status> parse_status(std::string_view name) {
    for (const auto& [value, known] : k_names) {
        if (known == name) return value;
    }
    return std::nullopt;
}

std::optional<NextStep> next_step(Status current, Timestamp received_at,
                                  const ServiceLevels& levels) {
    // Every due date counts from receipt, not from the last step: a complainant is promised
    // an outcome within resolution_days of filing, however long each step took.
    const Date received = date_of(received_at);
    const auto due = [&](int days) { return add_days(received, days, levels.day_count); };
    switch (current) {
        case Status::received:
            return NextStep{Status::acknowledged, due(levels.acknowledge_days)};
        case Status::acknowledged:
            return NextStep{Status::triaged, due(levels.triage_days)};
        case Status::triaged:
        case Status::referred:
        case Status::investigating:
            return NextStep{Status::findings, due(levels.resolution_days)};
        case Status::findings:
            return NextStep{Status::closed, due(levels.resolution_days)};
        case Status::closed:
            return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace redress::domain
