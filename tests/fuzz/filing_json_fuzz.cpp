// Fuzz target: the JSON filing reader, as POST /api/v1/complaints uses it. The body is
// parsed without exceptions, read into a domain::Filing (api::filing_from_json), then
// normalised and validated against a small deployment, like intake does.

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>

#include "api/filing_json.hpp"
#include "api/json_reader.hpp"
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

    const auto body = nlohmann::json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
    if (body.is_discarded() || !body.is_object()) return 0;

    auto read = redress::api::filing_from_json(body, "en");
    for (const auto& error : read.errors) {
        require(error.code == redress::api::k_unknown_field ||
                    error.code == redress::api::k_invalid_type,
                "the reader reports only shape errors");
    }
    check_errors(read.errors);

    const auto filing = redress::domain::normalized(std::move(read.filing));
    const auto errors = redress::domain::validate(filing, deployment, today);
    check_errors(errors);
    require(
        redress::domain::validate(redress::domain::normalized(filing), deployment, today) == errors,
        "normalising twice changes nothing validation sees");
    return 0;
}
