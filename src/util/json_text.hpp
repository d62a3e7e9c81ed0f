#pragma once
// JSON text written directly: fixed keys, text, flags, nulls and lists of objects. For what
// is written on every request or filing (a sealed record, a status answer), where building
// a JSON document first cost more than the writing itself. Text is escaped as RFC 8259
// requires; a byte that is not part of valid UTF-8 is written as U+FFFD, never passed on.

#include <string>
#include <string_view>
#include <vector>

namespace redress::util {

class JsonText {
  public:
    JsonText() {
        m_out.reserve(k_first_capacity);
        begin('{');
    }

    // Members of the object or list now open. Inside a list, `key` is ignored.
    JsonText& text(std::string_view key, std::string_view value);
    JsonText& flag(std::string_view key, bool value);
    JsonText& null(std::string_view key);
    // `value` as text, or null when it is empty (a value that may be absent).
    JsonText& text_or_null(std::string_view key, std::string_view value);
    JsonText& texts(std::string_view key, const std::vector<std::string>& values);
    JsonText& open_object(std::string_view key = {});
    JsonText& open_list(std::string_view key);
    JsonText& close();  // the innermost open object or list

    // The text, with everything still open closed.
    std::string take();

  private:
    // Room for a status answer or a confirmation without growing on the way.
    static constexpr std::size_t k_first_capacity = 1024;

    void begin(char bracket);
    void member(std::string_view key);
    void quoted(std::string_view value);
    void escaped(std::string_view valid);

    std::string m_out;
    struct Open {
        char closing;
        bool list;
        bool empty = true;
    };
    std::vector<Open> m_open;
};

}  // namespace redress::util
