#pragma once
// A deployment like the seed's: OPR takes employee misconduct, OIG takes corruption, fraud
// and whistleblower retaliation, and an external law-enforcement office is reached only by
// referral. Shared by the domain tests.

#include <string>
#include <vector>

#include "domain/deployment.hpp"
#include "domain/filing.hpp"

namespace redress::domain::testing {

inline util::LocalizedText text(std::string en, std::string es) {
    return util::LocalizedText({{"en", std::move(en)}, {"es", std::move(es)}});
}

inline Office office(std::string id, std::string prefix, OfficeKind kind = OfficeKind::local,
                     WebFiling web = WebFiling::accepted) {
    Office o;
    o.id = std::move(id);
    o.reference_prefix = std::move(prefix);
    o.kind = kind;
    o.web_filing = web;
    o.name = text(o.id, o.id);
    o.service_levels = ServiceLevels{2, 10, 30, 90, DayCount::business};
    return o;
}

inline RoutingRule rule(std::string id, std::vector<std::string> categories,
                        std::vector<std::string> offices, int priority) {
    RoutingRule r;
    r.id = std::move(id);
    r.categories_any = std::move(categories);
    r.offices = std::move(offices);
    r.priority = priority;
    r.explanation = text("because " + r.id, "porque " + r.id);
    return r;
}

// A subject or witness with one field set (GCC warns on partial designated initializers).
template <typename T>
T with_field(std::string T::*field, std::string value) {
    T made{};
    made.*field = std::move(value);
    return made;
}

inline Subject subject(std::string Subject::*field, std::string value) {
    return with_field(field, std::move(value));
}

inline Witness witness(std::string Witness::*field, std::string value) {
    return with_field(field, std::move(value));
}

inline Deployment sample_deployment() {
    Deployment d;
    d.offices = {
        office("opr", "OPR"),
        office("oig", "OIG"),
        office("fbi", "FBI", OfficeKind::external, WebFiling::not_accepted),
    };
    for (const char* id :
         {"excessive-force", "sexual-abuse", "civil-rights", "unlawful-detention", "conditions",
          "theft", "bribery", "fraud", "retaliation", "threats", "other"}) {
        d.categories.push_back(Category{id, text(id, id)});
    }
    d.rules = {
        rule("misconduct",
             {"excessive-force", "civil-rights", "unlawful-detention", "conditions", "threats",
              "theft"},
             {"opr"}, 10),
        rule("corruption", {"bribery", "fraud"}, {"oig"}, 20),
        rule("reprisal", {"retaliation"}, {"oig"}, 30),
        rule("crime", {"sexual-abuse"}, {"oig", "fbi"}, 40),
    };
    d.rules[2].whistleblower = WhistleblowerCondition::required;
    d.default_office = "opr";
    return d;
}

}  // namespace redress::domain::testing
