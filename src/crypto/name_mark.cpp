#include "crypto/name_mark.hpp"

#include <algorithm>
#include <vector>

namespace redress::crypto {

namespace {

bool is_word_byte(unsigned char c) {
    // Bytes of UTF-8 sequences (>= 0x80) stay in words: names in other scripts match as
    // written.
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

}  // namespace

std::string name_words(std::string_view name) {
    std::vector<std::string> words;
    std::string word;
    for (const char ch : name) {
        const auto c = static_cast<unsigned char>(ch);
        if (is_word_byte(c)) {
            word += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : ch;
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    std::ranges::sort(words);
    std::string joined;
    for (const auto& each : words) {
        if (!joined.empty()) joined += ' ';
        joined += each;
    }
    return joined;
}

ShortDigest name_mark(const Key& key, std::string_view name) {
    const auto words = name_words(name);
    if (words.empty()) return {};
    return short_keyed_hash(key, words);
}

}  // namespace redress::crypto
