#pragma once
// Text that a deployment writes in several languages (office names, category labels,
// routing explanations). Keys are language tags such as "en" or "es".

#include <map>
#include <string>
#include <string_view>

namespace redress::util {

class LocalizedText {
  public:
    LocalizedText() = default;
    explicit LocalizedText(std::map<std::string, std::string, std::less<>> by_language)
        : m_by_language(std::move(by_language)) {}

    // The text in `language`, else in English, else in any language, else "".
    const std::string& in(std::string_view language) const;
    bool empty() const { return m_by_language.empty(); }
    const auto& all() const { return m_by_language; }

  private:
    std::map<std::string, std::string, std::less<>> m_by_language;
};

}  // namespace redress::util
