#pragma once
// Messages between an office and a complainant, kept on the complaint (each complainant
// has their own receipt, even when a case joins several complaints). Staff write to the
// complainant; the complainant replies or adds information through the status page, with
// their reference and receipt, and after closure may ask for reconsideration. Nothing is
// ever edited: each message is appended. Staff-only notes are not messages (case_file.hpp).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/calendar.hpp"
#include "domain/form_problem.hpp"

namespace redress::domain {

enum class MessageKind {
    to_complainant,    // from staff
    from_complainant,  // a reply, or information added
    reconsideration,   // the complainant's request to reconsider the outcome
};
std::string_view message_kind_name(MessageKind kind);  // as stored: "to_complainant", ...
std::optional<MessageKind> parse_message_kind(std::string_view name);

inline constexpr std::size_t k_longest_message = 5000;  // code points

struct Message {
    std::int64_t id = 0;
    Timestamp at{};
    MessageKind kind = MessageKind::to_complainant;
    std::string author;  // "staff:<username>" or "complainant"
    std::string text;

    bool operator==(const Message&) const = default;
};

// Every problem with a message's text ("text": "required", "unusable_text").
std::vector<FormProblem> check_message(std::string_view text);

}  // namespace redress::domain
