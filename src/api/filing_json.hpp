#pragma once
// The JSON form of a filing (POST /api/v1/complaints), read into domain::Filing. The
// shape mirrors domain::Filing; docs/openapi.yaml describes it.

#include <nlohmann/json.hpp>

#include "api/json_reader.hpp"
#include "domain/filing.hpp"
#include "domain/validation.hpp"

namespace redress::api {

struct FilingFromJson {
    domain::Filing filing;  // everything that could be read, even when errors is not empty
    FieldErrors errors;     // unknown_field and invalid_type, with paths
};

// `body` must be a JSON object. `language` is the filing's language when the body has no
// "language". Lists longer than `limits` allow are reported (too_many) and not read.
FilingFromJson filing_from_json(const nlohmann::json& body, std::string language,
                                const domain::Limits& limits);

}  // namespace redress::api
