// Fuzz target: complaint references and receipts, as a person types them into the status
// form or the API. Whatever parses must print back in canonical form, and that form must
// parse to the same value. The first 13 bytes also draw a receipt, and the bytes after
// them build a reference, to check that every value the server creates reads back.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/receipt.hpp"
#include "domain/reference.hpp"
#include "fuzz/fuzz_check.hpp"
#include "util/text.hpp"

namespace {

using redress::domain::parse_reference;
using redress::domain::Receipt;
using redress::domain::Reference;
using redress::fuzz::require;

std::string upper(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

void check_reference(const Reference& reference) {
    require(reference.prefix.size() >= 2 && reference.prefix.size() <= 8, "prefix length");
    require(reference.year >= 2000 && reference.year <= 9999, "year range");
    require(reference.sequence >= 1, "sequence is positive");
    const std::string text = reference.text();
    require(parse_reference(text) == reference, "a reference's text parses back to it");
    require(parse_reference(lower(text)) == reference, "lower case parses the same");
    require(parse_reference(" " + text + "\t") == reference, "surrounding space is ignored");
}

void check_receipt(const Receipt& receipt) {
    const std::string canonical = receipt.canonical();
    const std::string text = receipt.text();
    require(canonical.size() == Receipt::k_symbols, "canonical form has 20 symbols");
    require(text.size() == Receipt::k_symbols + 4, "display form has five groups");
    for (const std::string& form : {text, canonical, lower(text)}) {
        const auto again = Receipt::parse(form);
        require(again.has_value(), "a receipt's own forms parse");
        require(again->canonical() == canonical, "and to the same receipt");
        require(again->text() == text, "and print the same");
    }
    require(!Receipt::parse(canonical + "0"), "21 symbols are not a receipt");
    require(!Receipt::parse(canonical.substr(1)), "19 symbols are not a receipt");
}

// A reference built from fuzz bytes, within the ranges the server creates.
Reference reference_from(const std::uint8_t* data, std::size_t size) {
    Reference reference;
    const std::size_t letters = 2 + data[0] % 7;
    for (std::size_t i = 0; i < letters; ++i) {
        reference.prefix += static_cast<char>('A' + (1 + i < size ? data[1 + i] : i) % 26);
    }
    unsigned long long number = 0;
    for (std::size_t i = 1 + letters; i < size && i < 1 + letters + 8; ++i) {
        number = number << 8 | data[i];
    }
    reference.year = 2000 + static_cast<int>(number % 8000);
    reference.sequence = 1 + static_cast<long>((number / 8000) % 999'999'999'999'999'999ULL);
    return reference;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view typed(reinterpret_cast<const char*>(data), size);

    if (const auto reference = parse_reference(typed)) {
        check_reference(*reference);
        // Only the canonical spelling (any case, surrounding space) is a reference.
        require(reference->text() == upper(redress::util::trim(typed)),
                "a parsed reference is the canonical spelling of what was typed");
    }
    if (const auto receipt = Receipt::parse(typed)) {
        check_receipt(*receipt);
        std::string symbols;
        for (const char c : upper(typed)) {
            if (c != ' ' && c != '-' && c != '\t')
                symbols += c == 'O' ? '0' : c == 'I' || c == 'L' ? '1' : c;
        }
        require(symbols == receipt->canonical(), "a receipt keeps every symbol typed, in order");
    }

    if (size >= Receipt::k_random_bytes) {
        const std::span<const std::uint8_t, Receipt::k_random_bytes> random(
            data, Receipt::k_random_bytes);
        check_receipt(Receipt::from_random(random));
        if (size > Receipt::k_random_bytes) {
            check_reference(
                reference_from(data + Receipt::k_random_bytes, size - Receipt::k_random_bytes));
        }
    }
    return 0;
}
