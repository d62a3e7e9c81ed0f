#pragma once
// The complaint a reply is about, from its subject: "Re: Your complaint OPR-2026-000017
// [redress]" names OPR-2026-000017.

#include <optional>
#include <string>
#include <string_view>

namespace redress::mail {

// The first word of the (decoded) subject that domain::parse_reference reads as a
// reference, in canonical form; nullopt when there is none. Words are split at anything
// that is neither an ASCII letter, a digit nor '-', so brackets, colons and punctuation
// around a reference do not hide it, and "XOPR-2026-000017" or "OPR-2026-0000171" do not
// name OPR-2026-000017. Lower case is read as parse_reference reads it.
std::optional<std::string> reference_in_subject(std::string_view subject);

}  // namespace redress::mail
