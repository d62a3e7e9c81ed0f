#include "mail/reference_in_subject.hpp"

#include "domain/reference.hpp"

namespace redress::mail {
namespace {

// A reference is at most 8 letters, '-', 4 digits, '-', 18 digits (domain/reference.cpp).
constexpr std::size_t k_longest_reference = 32;

bool word_character(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

}  // namespace

std::optional<std::string> reference_in_subject(std::string_view subject) {
    std::size_t i = 0;
    while (i < subject.size()) {
        if (!word_character(subject[i])) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < subject.size() && word_character(subject[end])) ++end;
        const auto word = subject.substr(i, end - i);
        if (word.size() <= k_longest_reference) {
            if (const auto reference = domain::parse_reference(word)) return reference->text();
        }
        i = end;
    }
    return std::nullopt;
}

}  // namespace redress::mail
