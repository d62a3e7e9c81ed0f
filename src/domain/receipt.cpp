#include "domain/receipt.hpp"

namespace redress::domain {
namespace {

// Crockford's base 32: no I, L, O or U, so that what is written down reads back unambiguously.
constexpr std::string_view k_alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr std::size_t k_group = 4;

// The symbol a typed character stands for, folding case and the look-alikes Crockford
// allows (O for 0, I and L for 1); 0 when it stands for none.
char symbol_for(char typed) {
    char c = typed;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c == 'O') return '0';
    if (c == 'I' || c == 'L') return '1';
    if (k_alphabet.find(c) == std::string_view::npos) return 0;
    return c;
}

}  // namespace

Receipt Receipt::from_random(std::span<const std::uint8_t, k_random_bytes> random) {
    std::array<char, k_symbols> symbols{};
    // Reads the bytes as one big-endian bit string and takes 5 bits per symbol.
    for (std::size_t s = 0; s < k_symbols; ++s) {
        unsigned value = 0;
        for (std::size_t b = 0; b < 5; ++b) {
            const std::size_t bit = s * 5 + b;
            const unsigned byte = random[bit / 8];
            const unsigned bit_value = (byte >> (7 - bit % 8)) & 1u;
            value = (value << 1) | bit_value;
        }
        symbols[s] = k_alphabet[value];
    }
    return Receipt(symbols);
}

std::optional<Receipt> Receipt::parse(std::string_view typed) {
    std::array<char, k_symbols> symbols{};
    std::size_t count = 0;
    for (char c : typed) {
        if (c == ' ' || c == '-' || c == '\t') continue;
        const char symbol = symbol_for(c);
        if (symbol == 0 || count == k_symbols) return std::nullopt;
        symbols[count++] = symbol;
    }
    if (count != k_symbols) return std::nullopt;
    return Receipt(symbols);
}

std::string Receipt::text() const {
    std::string out;
    out.reserve(k_symbols + k_symbols / k_group - 1);
    for (std::size_t i = 0; i < k_symbols; ++i) {
        if (i > 0 && i % k_group == 0) out.push_back('-');
        out.push_back(m_symbols[i]);
    }
    return out;
}

std::string Receipt::canonical() const {
    return std::string(m_symbols.begin(), m_symbols.end());
}

}  // namespace redress::domain
