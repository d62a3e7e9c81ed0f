#include "domain/message.hpp"

#include <array>
#include <utility>

#include "domain/name_table.hpp"

namespace redress::domain {

namespace {

constexpr std::array k_kinds{
    std::pair{MessageKind::to_complainant, std::string_view("to_complainant")},
    std::pair{MessageKind::from_complainant, std::string_view("from_complainant")},
    std::pair{MessageKind::reconsideration, std::string_view("reconsideration")},
};

}  // namespace

std::string_view message_kind_name(MessageKind kind) {
    return name_in(k_kinds, kind);
}
std::optional<MessageKind> parse_message_kind(std::string_view name) {
    return parse_in(k_kinds, name);
}

std::vector<FormProblem> check_message(std::string_view text) {
    std::vector<FormProblem> problems;
    check_staff_text(problems, "text", text, k_longest_message, true);
    return problems;
}

}  // namespace redress::domain
