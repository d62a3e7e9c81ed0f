#include "domain/filing.hpp"

#include <initializer_list>
#include <string_view>

#include "util/text.hpp"

namespace redress::domain {
namespace {

bool all_blank(std::initializer_list<std::string_view> fields) {
    for (auto field : fields) {
        if (!util::trim(field).empty()) return false;
    }
    return true;
}

}  // namespace

bool Subject::blank() const {
    return all_blank({name, badge, agency, component, unit, description, uniform, vehicle});
}

bool Witness::blank() const {
    return all_blank({name, contact, account});
}

}  // namespace redress::domain
