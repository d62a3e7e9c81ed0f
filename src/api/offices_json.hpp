#pragma once
// The deployment's public description (GET /api/v1/offices): offices with what they
// handle, how to reach them and the service levels they promise, and the categories a
// filing may name. Texts are in the response's language.

#include <nlohmann/json.hpp>
#include <string>

#include "domain/deployment.hpp"

namespace redress::api {

nlohmann::json offices_json(const domain::Deployment& deployment, const std::string& language);

}  // namespace redress::api
