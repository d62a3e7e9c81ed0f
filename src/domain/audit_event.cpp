#include "domain/audit_event.hpp"

#include <fmt/format.h>

namespace redress::domain {

std::string audit_entry_text(std::int64_t sequence, const AuditEvent& event) {
    std::string text =
        fmt::format("redress-audit-v1\n{}\n{}\n", sequence, event.at.time_since_epoch().count());
    for (const std::string* field :
         {&event.actor, &event.action, &event.object, &event.reason, &event.details}) {
        text += fmt::format("{}:", field->size());
        text += *field;
        text += '\n';
    }
    return text;
}

std::string checkpoint_text(std::int64_t sequence, Timestamp at, const ChainHash& hash) {
    std::string text = fmt::format("redress-audit-checkpoint-v1\n{}\n{}\n", sequence,
                                   at.time_since_epoch().count());
    for (const auto byte : hash) text += fmt::format("{:02x}", byte);
    text += '\n';
    return text;
}

}  // namespace redress::domain
