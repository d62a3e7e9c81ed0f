#include "domain/completeness.hpp"

#include <algorithm>

#include "util/text.hpp"

namespace redress::domain {
namespace {

// A narrative shorter than this rarely says what happened well enough to act on; it is a
// hint only, never a reason to refuse a filing.
constexpr std::size_t k_useful_narrative = 40;

bool given(const std::string& text) {
    return !util::trim(text).empty();
}

bool identifies_someone(const Subject& subject) {
    return given(subject.name) || given(subject.badge) || given(subject.description) ||
           given(subject.uniform) || given(subject.vehicle);
}

}  // namespace

std::vector<CompletenessItem> assess_completeness(const Filing& filing) {
    const Incident& incident = filing.incident;
    const auto narrative = util::trim(incident.narrative);
    const bool who =
        std::any_of(filing.subjects.begin(), filing.subjects.end(), identifies_someone);
    const bool what =
        util::valid_utf8(narrative) && util::code_points(narrative) >= k_useful_narrative;
    const bool where = given(incident.place) || given(incident.city);
    const bool when = given(incident.date) || given(incident.when_description);
    const bool how = !incident.categories.empty() || given(incident.injuries);
    const bool witnesses = std::any_of(filing.witnesses.begin(), filing.witnesses.end(),
                                       [](const Witness& w) { return !w.blank(); });
    return {
        {Aspect::who, who},   {Aspect::what, what}, {Aspect::where, where},
        {Aspect::when, when}, {Aspect::how, how},   {Aspect::witnesses, witnesses},
    };
}

std::string aspect_name(Aspect aspect) {
    switch (aspect) {
        case Aspect::who:
            return "who";
        case Aspect::what:
            return "what";
        case Aspect::where:
            return "where";
        case Aspect::when:
            return "when";
        case Aspect::how:
            return "how";
        case Aspect::witnesses:
            return "witnesses";
    }
    return "what";
}

}  // namespace redress::domain
