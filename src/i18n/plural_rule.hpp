#pragma once
// A language's plural rule, from the Plural-Forms header of its catalogue:
//   "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : ...;"
// The expression is gettext's subset of C (n, decimal numbers, ! * / % + - < > <= >= == !=
// && || ?: and parentheses). It comes from a file, so it is parsed into a small tree and
// evaluated here, never handed to anything that runs code; its size and nesting are bounded.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/error.hpp"

namespace redress::i18n {

class PluralRule {
  public:
    // At most this many forms (Arabic, the language with the most, has six).
    static constexpr std::size_t k_max_forms = 6;
    // Bounds on what a header may hold, far above any real language's rule.
    static constexpr std::size_t k_max_expression_chars = 1000;
    static constexpr std::size_t k_max_nodes = 200;
    static constexpr std::size_t k_max_depth = 40;

    // Parses a Plural-Forms value. Fails on a syntax error, on a rule beyond the bounds,
    // and on a rule that picks a form ≥ nplurals for some n from 0 to 1000.
    static util::Expected<PluralRule> parse(std::string_view header_value);

    // gettext's rule when a catalogue states none: two forms, the first for n == 1.
    static PluralRule one_other();

    // How many forms each plural message has (nplurals).
    std::size_t count() const { return m_count; }
    // Which form fits `n`, from 0 to count() - 1.
    std::size_t form(std::uint64_t n) const;
    // The expression as written, for messages and comparisons.
    const std::string& expression() const { return m_expression; }

    // The parsed expression, a tree in a vector (public for the parser in plural_rule.cpp).
    enum class Op : std::uint8_t {
        number,
        variable,
        logical_not,
        multiply,
        divide,
        modulo,
        add,
        subtract,
        less,
        greater,
        less_equal,
        greater_equal,
        equal,
        not_equal,
        logical_and,
        logical_or,
        conditional,
    };
    struct Node {
        Op op = Op::number;
        std::uint64_t value = 0;  // for Op::number
        // Operands, as indexes into m_nodes; -1 when unused.
        std::int32_t first = -1;
        std::int32_t second = -1;
        std::int32_t third = -1;
    };

  private:
    std::uint64_t evaluate(std::int32_t node, std::uint64_t n) const;

    std::size_t m_count = 2;
    std::string m_expression = "n != 1";
    std::vector<Node> m_nodes;
    std::int32_t m_root = -1;
};

}  // namespace redress::i18n
