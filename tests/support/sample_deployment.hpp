#pragma once
// A small deployment for intake tests: OPR for misconduct, OIG for corruption.

#include "crypto/keys.hpp"
#include "domain/calendar.hpp"
#include "domain/deployment.hpp"

namespace redress::testing {

inline util::LocalizedText english(std::string text) {
    std::map<std::string, std::string, std::less<>> by_language;
    by_language.emplace("en", std::move(text));
    return util::LocalizedText(std::move(by_language));
}

inline domain::Deployment sample_deployment() {
    domain::Deployment deployment;
    domain::Office opr;
    opr.id = "opr";
    opr.reference_prefix = "OPR";
    opr.name = english("Office of Professional Responsibility");
    opr.service_levels = {2, 10, 30, 180, domain::DayCount::calendar};
    domain::Office oig;
    oig.id = "oig";
    oig.reference_prefix = "OIG";
    oig.name = english("Office of Inspector General");
    oig.service_levels = {3, 15, 45, 240, domain::DayCount::calendar};
    deployment.offices = {opr, oig};
    deployment.categories = {domain::Category{"excessive-force", english("Excessive force")},
                             domain::Category{"bribery-corruption", english("Bribery")}};
    domain::RoutingRule misconduct;
    misconduct.id = "misconduct";
    misconduct.categories_any = {"excessive-force"};
    misconduct.offices = {"opr"};
    misconduct.priority = 10;
    misconduct.explanation = english("Misconduct goes to OPR.");
    domain::RoutingRule corruption;
    corruption.id = "corruption";
    corruption.categories_any = {"bribery-corruption"};
    corruption.offices = {"oig"};
    corruption.priority = 20;
    corruption.explanation = english("Corruption goes to OIG.");
    deployment.rules = {misconduct, corruption};
    deployment.default_office = "opr";
    return deployment;
}

// The keys of a fixed master key, with one signing key.
inline crypto::Keys fixed_keys() {
    crypto::MasterKey master{};
    master.fill(7);
    return crypto::derive_keys(master);
}

// 2026-11-27T12:00:00Z
inline domain::Timestamp fixed_now() {
    return domain::Timestamp(std::chrono::seconds(1795780800));
}

}  // namespace redress::testing
