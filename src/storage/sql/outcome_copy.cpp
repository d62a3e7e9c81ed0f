#include "storage/sql/outcome_copy.hpp"

#include "storage/sql/copied_text.hpp"

namespace redress::storage::sql {

util::Expected<std::vector<domain::AllegationFinding>> read_outcome_findings(
    std::string_view text) {
    std::vector<domain::AllegationFinding> findings;
    while (!text.empty()) {
        const auto name = take_word(text);
        const auto finding = name ? domain::parse_finding(*name) : std::nullopt;
        const auto category = finding ? take_counted(text) : std::nullopt;
        if (!category) {
            return util::fail(util::ErrorCode::internal, "a case's stored findings are unreadable");
        }
        findings.push_back({std::string(*category), *finding});
    }
    return findings;
}

}  // namespace redress::storage::sql
