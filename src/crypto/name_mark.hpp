#pragma once
// How a person's name is marked, so that two spellings of one name can be matched without
// the name being kept: the name reduced to its words (letters and digits, lower case; any
// other character separates words), sorted and joined by one space, then a 16-byte keyed
// hash of that. "GARCIA, Maria" and "maria garcia" get the same mark; "M. Garcia" does not.
// Letters outside ASCII are kept as written.

#include <string>
#include <string_view>

#include "crypto/keyed_hash.hpp"

namespace redress::crypto {

std::string name_words(std::string_view name);

// All zero when the name has no words.
ShortDigest name_mark(const Key& key, std::string_view name);

}  // namespace redress::crypto
