#include "console/form_errors.hpp"

#include <set>
#include <string>

namespace redress::console {

namespace {

std::string_view words(const i18n::Catalogue& catalogue, std::string_view prefix,
                       std::string_view code) {
    const auto message = std::string(prefix) + std::string(code);
    return catalogue.has(message) ? catalogue.text(message)
                                  : catalogue.text(std::string(prefix) + "invalid");
}

}  // namespace

void fill_field_errors(web::Dictionary& form, const i18n::Catalogue& catalogue,
                       const std::vector<domain::FormProblem>& problems,
                       std::span<const FieldSection> fields, std::string_view prefix) {
    form.ShowSection("REFUSED");
    for (const auto& [field, section] : fields) {
        std::string text;
        std::set<std::string_view> codes;
        for (const auto& problem : problems) {
            if (problem.field != field || !codes.insert(problem.code).second) continue;
            if (!text.empty()) text += ' ';
            text += words(catalogue, prefix, problem.code);
        }
        if (text.empty()) continue;
        const std::string name(section);
        form.ShowSection(name + "_ERROR");
        form.SetValue(name + "_ERROR_TEXT", text);
    }
}

void fill_error_list(web::Dictionary& form, const i18n::Catalogue& catalogue,
                     const std::vector<domain::FormProblem>& problems, std::string_view prefix) {
    form.ShowSection("REFUSED");
    for (const auto& problem : problems) {
        form.AddSectionDictionary("ERROR")->SetValue(
            "TEXT", web::tstr(words(catalogue, prefix, problem.code)));
    }
}

}  // namespace redress::console
