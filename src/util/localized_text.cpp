#include "util/localized_text.hpp"

namespace redress::util {

const std::string& LocalizedText::in(std::string_view language) const {
    static const std::string k_empty;
    if (auto it = m_by_language.find(language); it != m_by_language.end()) return it->second;
    if (auto it = m_by_language.find("en"); it != m_by_language.end()) return it->second;
    if (!m_by_language.empty()) return m_by_language.begin()->second;
    return k_empty;
}

}  // namespace redress::util
