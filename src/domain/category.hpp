#pragma once
// An allegation category (excessive force, corruption, ...). The list is configurable.

#include <string>

#include "util/localized_text.hpp"

namespace redress::domain {

struct Category {
    std::string id;  // e.g. "excessive-force"
    util::LocalizedText label;
};

}  // namespace redress::domain
