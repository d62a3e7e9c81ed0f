#pragma once
// The texts of the server's message catalogues (share/locale/<lang>/*.po), read apart
// from the server's own code, so that tests look for what a user reads without copying
// the wording into the tests.

#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>

namespace redress::testing {

// The text of a quoted .po string: "a \"b\"\n" → a "b" and a line break.
inline std::string po_unquote(const std::string& line) {
    const auto first = line.find('"');
    const auto last = line.rfind('"');
    std::string out;
    if (first == std::string::npos || last <= first) return out;
    for (std::size_t i = first + 1; i < last; ++i) {
        if (line[i] == '\\' && i + 1 < last) {
            const char next = line[++i];
            out += next == 'n' ? '\n' : next == 't' ? '\t' : next;
        } else {
            out += line[i];
        }
    }
    return out;
}

// Every msgid → msgstr of the language's catalogues.
inline std::map<std::string, std::string> catalogue(const std::string& language) {
    std::map<std::string, std::string> messages;
    const std::filesystem::path folder =
        std::filesystem::path(REDRESS_SHARE_DIR) / "locale" / language;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().extension() != ".po") continue;
        std::ifstream file(entry.path());
        std::string line;
        std::string id;
        std::string text;
        std::string* current = nullptr;
        const auto flush = [&] {
            if (!id.empty()) messages[id] = text;
            id.clear();
            text.clear();
            current = nullptr;
        };
        while (std::getline(file, line)) {
            if (line.starts_with("msgid ")) {
                flush();
                id = po_unquote(line);
                current = &id;
            } else if (line.starts_with("msgstr ")) {
                text = po_unquote(line);
                current = &text;
            } else if (line.starts_with("\"") && current != nullptr) {
                *current += po_unquote(line);
            } else if (line.empty() || line.starts_with("#")) {
                if (current == &text) flush();
            }
        }
        flush();
    }
    return messages;
}

// One message; throws when the catalogue lacks it, which is a failure of the test.
inline std::string message(const std::string& language, const std::string& key) {
    static std::map<std::string, std::map<std::string, std::string>> s_loaded;
    auto loaded = s_loaded.find(language);
    if (loaded == s_loaded.end()) loaded = s_loaded.emplace(language, catalogue(language)).first;
    const auto found = loaded->second.find(key);
    if (found == loaded->second.end()) {
        throw std::runtime_error("catalogue " + language + " has no " + key);
    }
    return found->second;
}

}  // namespace redress::testing
