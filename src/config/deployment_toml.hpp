#pragma once
// The deployment's offices, categories and routing rules as written in the TOML file:
// [[office]], [[category]], [[rule]] tables and [routing] default_office.

#include <toml++/toml.h>

#include "domain/deployment.hpp"
#include "util/error.hpp"

namespace redress::config {

util::Expected<domain::Deployment> read_deployment(const toml::table& root);

}  // namespace redress::config
