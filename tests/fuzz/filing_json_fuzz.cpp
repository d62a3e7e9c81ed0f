// Fuzz target: the JSON filing reader, as POST /api/v1/complaints uses it. The body is
// parsed without exceptions, read into a domain::Filing (api::filing_from_json), then
// normalised and validated against a small deployment, like intake does.

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>

#include "api/filing_json.hpp"
#include "api/json_reader.hpp"
#include "api/request_json.hpp"
#include "domain/validation.hpp"
#include "fuzz/fuzz_check.hpp"
#include "support/sample_deployment.hpp"

namespace {

using redress::fuzz::require;

void check_errors(const std::vector<redress::domain::FieldError>& errors) {
    for (const auto& error : errors) {
        require(!error.code.empty(), "every error has a code");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const redress::domain::Deployment deployment = redress::testing::sample_deployment();
    static const std::string today = "2026-11-27";

    static const redress::domain::Limits limits;
    // Parsed as the API parses: bounded depth, elements and members.
    const auto body =
        redress::api::parse_bounded(std::string_view(reinterpret_cast<const char*>(data), size),
                                    {.max_array_elements = limits.longest_list() + 1});
    if (body.is_discarded() || !body.is_object()) return 0;

    auto read = redress::api::filing_from_json(body, "en", limits);
    for (const auto& error : read.errors) {
        require(error.code == redress::api::k_unknown_field ||
                    error.code == redress::api::k_invalid_type ||
                    error.code == redress::api::k_too_many,
                "the reader reports only shape errors");
    }
    check_errors(read.errors);
    // Whatever the body, the work and the answer stay bounded: at most 64 members in each
    // of at most 3 + 2 * 20 objects, plus the elements of bounded lists.
    require(read.errors.size() <= 64 * 44 + 4 * (limits.longest_list() + 1),
            "the errors of one filing are bounded");
    require(read.filing.subjects.size() <= limits.subjects &&
                read.filing.witnesses.size() <= limits.witnesses &&
                read.filing.incident.categories.size() <= limits.categories &&
                read.filing.offices.size() <= limits.offices,
            "no list longer than its limit is read");

    const auto filing = redress::domain::normalized(std::move(read.filing));
    const auto errors = redress::domain::validate(filing, deployment, today, limits);
    check_errors(errors);
    require(redress::domain::validate(redress::domain::normalized(filing), deployment, today,
                                      limits) == errors,
            "normalising twice changes nothing validation sees");
    return 0;
}
