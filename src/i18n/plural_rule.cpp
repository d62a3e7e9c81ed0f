#include "i18n/plural_rule.hpp"

#include <fmt/format.h>

#include <charconv>
#include <optional>

#include "util/text.hpp"

namespace redress::i18n {

namespace {

using Node = PluralRule::Node;
using Op = PluralRule::Op;

std::unexpected<util::Error> invalid(std::string_view what) {
    return util::fail(util::ErrorCode::invalid_input, fmt::format("Plural-Forms: {}", what));
}

// Recursive descent over C's precedence, lowest first: ?: (right to left), ||, &&, == !=,
// < > <= >=, + -, * / %, unary !, then n, numbers and parentheses.
class Parser {
  public:
    explicit Parser(std::string_view text) : m_text(text) {}

    util::Expected<std::int32_t> parse_all(std::vector<Node>& nodes) {
        m_nodes = &nodes;
        const std::int32_t root = conditional();
        if (m_error.empty()) {
            skip_space();
            if (m_position != m_text.size()) fail("unexpected text after the expression");
        }
        if (!m_error.empty()) {
            return invalid(
                fmt::format("{} at character {} of \"{}\"", m_error, m_position + 1, m_text));
        }
        return root;
    }

  private:
    void fail(std::string_view what) {
        if (m_error.empty()) m_error = what;
    }

    void skip_space() {
        while (m_position < m_text.size() &&
               (m_text[m_position] == ' ' || m_text[m_position] == '\t')) {
            ++m_position;
        }
    }

    // Consumes `token` when it comes next (after spaces).
    bool accept(std::string_view token) {
        skip_space();
        if (m_text.substr(m_position).starts_with(token)) {
            m_position += token.size();
            return true;
        }
        return false;
    }

    bool next_is(std::string_view token) {
        skip_space();
        return m_text.substr(m_position).starts_with(token);
    }

    std::int32_t add(Node node) {
        if (!m_error.empty()) return -1;
        if (m_nodes->size() >= PluralRule::k_max_nodes) {
            fail("the expression is too long");
            return -1;
        }
        m_nodes->push_back(node);
        return static_cast<std::int32_t>(m_nodes->size() - 1);
    }

    std::int32_t binary(Op op, std::int32_t left, std::int32_t right) {
        return add(Node{op, 0, left, right, -1});
    }

    // Counts nesting through parentheses, ! and ?:, so that a hostile header cannot
    // exhaust the stack.
    struct Depth {
        explicit Depth(Parser& parser) : m_parser(parser) {
            if (++m_parser.m_depth > PluralRule::k_max_depth) {
                m_parser.fail("the expression is nested too deeply");
            }
        }
        ~Depth() { --m_parser.m_depth; }
        Depth(const Depth&) = delete;
        Depth& operator=(const Depth&) = delete;
        Parser& m_parser;
    };

    std::int32_t conditional() {
        const Depth depth(*this);
        if (!m_error.empty()) return -1;
        const std::int32_t condition = logical_or();
        if (!accept("?")) return condition;
        const std::int32_t then = conditional();
        if (!accept(":")) {
            fail("expected ':'");
            return -1;
        }
        const std::int32_t otherwise = conditional();
        return add(Node{Op::conditional, 0, condition, then, otherwise});
    }

    std::int32_t logical_or() {
        std::int32_t left = logical_and();
        while (m_error.empty() && accept("||")) left = binary(Op::logical_or, left, logical_and());
        return left;
    }

    std::int32_t logical_and() {
        std::int32_t left = equality();
        while (m_error.empty() && accept("&&")) left = binary(Op::logical_and, left, equality());
        return left;
    }

    std::int32_t equality() {
        std::int32_t left = relation();
        while (m_error.empty()) {
            if (accept("==")) {
                left = binary(Op::equal, left, relation());
            } else if (accept("!=")) {
                left = binary(Op::not_equal, left, relation());
            } else {
                break;
            }
        }
        return left;
    }

    std::int32_t relation() {
        std::int32_t left = sum();
        while (m_error.empty()) {
            if (accept("<=")) {
                left = binary(Op::less_equal, left, sum());
            } else if (accept(">=")) {
                left = binary(Op::greater_equal, left, sum());
            } else if (accept("<")) {
                left = binary(Op::less, left, sum());
            } else if (accept(">")) {
                left = binary(Op::greater, left, sum());
            } else {
                break;
            }
        }
        return left;
    }

    std::int32_t sum() {
        std::int32_t left = product();
        while (m_error.empty()) {
            if (accept("+")) {
                left = binary(Op::add, left, product());
            } else if (accept("-")) {
                left = binary(Op::subtract, left, product());
            } else {
                break;
            }
        }
        return left;
    }

    std::int32_t product() {
        std::int32_t left = unary();
        while (m_error.empty()) {
            if (accept("*")) {
                left = binary(Op::multiply, left, unary());
            } else if (accept("/")) {
                left = binary(Op::divide, left, unary());
            } else if (accept("%")) {
                left = binary(Op::modulo, left, unary());
            } else {
                break;
            }
        }
        return left;
    }

    std::int32_t unary() {
        if (!m_error.empty()) return -1;
        // "!=" is an operator, not a negation.
        if (next_is("!") && !next_is("!=")) {
            accept("!");
            const Depth depth(*this);
            return add(Node{Op::logical_not, 0, unary(), -1, -1});
        }
        return primary();
    }

    std::int32_t primary() {
        if (!m_error.empty()) return -1;
        if (accept("(")) {
            const std::int32_t inner = conditional();
            if (!accept(")")) fail("expected ')'");
            return inner;
        }
        if (accept("n")) return add(Node{Op::variable, 0, -1, -1, -1});
        skip_space();
        const char* begin = m_text.data() + m_position;
        const char* end = m_text.data() + m_text.size();
        std::uint64_t value = 0;
        const auto [stop, error] = std::from_chars(begin, end, value);
        if (stop == begin) {
            fail(m_position == m_text.size() ? "the expression ends too early"
                                             : "expected n, a number or '('");
            return -1;
        }
        if (error != std::errc{} || value > 1'000'000'000) {
            fail("a number is too large");
            return -1;
        }
        m_position += static_cast<std::size_t>(stop - begin);
        return add(Node{Op::number, value, -1, -1, -1});
    }

    std::string_view m_text;
    std::size_t m_position = 0;
    std::size_t m_depth = 0;
    std::string m_error;
    std::vector<Node>* m_nodes = nullptr;
};

// "nplurals=2; plural=(n != 1);" → the two values; spaces anywhere between the parts.
struct Fields {
    std::string_view nplurals;
    std::string_view plural;
};

std::optional<Fields> split_fields(std::string_view value) {
    Fields fields;
    bool seen_count = false;
    bool seen_plural = false;
    while (!util::trim(value).empty()) {
        const std::size_t semicolon = value.find(';');
        const std::string_view part = util::trim(value.substr(0, semicolon));
        value =
            semicolon == std::string_view::npos ? std::string_view{} : value.substr(semicolon + 1);
        if (part.empty()) continue;
        const std::size_t equals = part.find('=');
        if (equals == std::string_view::npos) return std::nullopt;
        const std::string_view name = util::trim(part.substr(0, equals));
        const std::string_view text = util::trim(part.substr(equals + 1));
        if (name == "nplurals" && !seen_count) {
            fields.nplurals = text;
            seen_count = true;
        } else if (name == "plural" && !seen_plural) {
            fields.plural = text;
            seen_plural = true;
        } else {
            return std::nullopt;
        }
    }
    if (!seen_count || !seen_plural) return std::nullopt;
    return fields;
}

}  // namespace

util::Expected<PluralRule> PluralRule::parse(std::string_view header_value) {
    if (header_value.size() > k_max_expression_chars) return invalid("the value is too long");
    const auto fields = split_fields(header_value);
    if (!fields) return invalid("expected \"nplurals=<count>; plural=<expression>;\"");

    PluralRule rule;
    std::size_t count = 0;
    const auto [end, error] = std::from_chars(
        fields->nplurals.data(), fields->nplurals.data() + fields->nplurals.size(), count);
    if (error != std::errc{} || end != fields->nplurals.data() + fields->nplurals.size() ||
        count < 1 || count > k_max_forms) {
        return invalid(fmt::format("nplurals must be a number from 1 to {}", k_max_forms));
    }
    rule.m_count = count;
    rule.m_expression = std::string(fields->plural);

    Parser parser(fields->plural);
    auto root = parser.parse_all(rule.m_nodes);
    if (!root) return std::unexpected(root.error());
    rule.m_root = *root;

    // A rule that names a form the messages do not have is a translator's slip; find it
    // now rather than on the page that needs that number.
    for (std::uint64_t n = 0; n <= 1000; ++n) {
        const std::uint64_t form = rule.evaluate(rule.m_root, n);
        if (form >= rule.m_count) {
            return invalid(fmt::format("plural={} gives form {} for n={}, but nplurals={}",
                                       rule.m_expression, form, n, rule.m_count));
        }
    }
    return rule;
}

PluralRule PluralRule::one_other() {
    auto rule = parse("nplurals=2; plural=(n != 1);");
    return std::move(*rule);
}

std::size_t PluralRule::form(std::uint64_t n) const {
    const std::uint64_t form = evaluate(m_root, n);
    // As gettext does: a form out of range (possible only for n > 1000) falls back to 0.
    return form < m_count ? static_cast<std::size_t>(form) : 0;
}

// Unsigned arithmetic as in gettext; division by zero gives 0 instead of a crash.
std::uint64_t PluralRule::evaluate(std::int32_t index, std::uint64_t n) const {
    if (index < 0) return n != 1 ? 1 : 0;  // an empty rule: gettext's default
    const Node& node = m_nodes[static_cast<std::size_t>(index)];
    const auto operand = [&](std::int32_t which) { return evaluate(which, n); };
    switch (node.op) {
        case Op::number:
            return node.value;
        case Op::variable:
            return n;
        case Op::logical_not:
            return operand(node.first) == 0 ? 1 : 0;
        case Op::multiply:
            return operand(node.first) * operand(node.second);
        case Op::divide: {
            const std::uint64_t divisor = operand(node.second);
            return divisor == 0 ? 0 : operand(node.first) / divisor;
        }
        case Op::modulo: {
            const std::uint64_t divisor = operand(node.second);
            return divisor == 0 ? 0 : operand(node.first) % divisor;
        }
        case Op::add:
            return operand(node.first) + operand(node.second);
        case Op::subtract:
            return operand(node.first) - operand(node.second);
        case Op::less:
            return operand(node.first) < operand(node.second) ? 1 : 0;
        case Op::greater:
            return operand(node.first) > operand(node.second) ? 1 : 0;
        case Op::less_equal:
            return operand(node.first) <= operand(node.second) ? 1 : 0;
        case Op::greater_equal:
            return operand(node.first) >= operand(node.second) ? 1 : 0;
        case Op::equal:
            return operand(node.first) == operand(node.second) ? 1 : 0;
        case Op::not_equal:
            return operand(node.first) != operand(node.second) ? 1 : 0;
        case Op::logical_and:
            return operand(node.first) != 0 && operand(node.second) != 0 ? 1 : 0;
        case Op::logical_or:
            return operand(node.first) != 0 || operand(node.second) != 0 ? 1 : 0;
        case Op::conditional:
            return operand(node.first) != 0 ? operand(node.second) : operand(node.third);
    }
    return 0;
}

}  // namespace redress::i18n
