#pragma once
// The receipt: a secret shown once to the complainant, with which they later follow their
// complaint. 100 random bits written as 20 Crockford base-32 characters in five groups
// (e.g. "7KQ2-MZ8D-0TFA-X3RC-94HN"), easy to copy or write down. The server keeps only a
// keyed hash of it.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace redress::domain {

class Receipt {
  public:
    static constexpr std::size_t k_random_bytes = 13;  // 104 bits drawn, 100 used
    static constexpr std::size_t k_symbols = 20;

    // From random bytes the caller drew from a secure source.
    static Receipt from_random(std::span<const std::uint8_t, k_random_bytes> random);

    // Accepts what a person types: any case, spaces or dashes anywhere, O for 0,
    // I and L for 1. nullopt when it cannot be a receipt.
    static std::optional<Receipt> parse(std::string_view typed);

    std::string text() const;       // grouped for display: "7KQ2-MZ8D-0TFA-X3RC-94HN"
    std::string canonical() const;  // the 20 symbols without dashes; what gets hashed

  private:
    explicit Receipt(std::array<char, k_symbols> symbols) : m_symbols(symbols) {}
    std::array<char, k_symbols> m_symbols;
};

}  // namespace redress::domain
