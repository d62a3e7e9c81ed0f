#pragma once
// The JSON text of a sealed record, written directly: fixed keys, text, flags and lists of
// objects. A record is written once per filing on the connection's thread, where building
// a JSON document first cost more than the writing itself. Read back with nlohmann-json.
// Text must be valid UTF-8 (validation ensures it); it is escaped as RFC 8259 requires.

#include <string>
#include <string_view>
#include <vector>

namespace redress::intake {

class RecordText {
  public:
    RecordText() { begin('{'); }

    // Members of the object or list now open. Inside a list, `key` is ignored.
    RecordText& text(std::string_view key, std::string_view value);
    RecordText& flag(std::string_view key, bool value);
    RecordText& texts(std::string_view key, const std::vector<std::string>& values);
    RecordText& open_object(std::string_view key = {});
    RecordText& open_list(std::string_view key);
    RecordText& close();  // the innermost open object or list

    // The text, with everything still open closed.
    std::string take();

  private:
    void begin(char bracket);
    void member(std::string_view key);
    void quoted(std::string_view value);

    std::string m_out;
    struct Open {
        char closing;
        bool list;
        bool empty = true;
    };
    std::vector<Open> m_open;
};

}  // namespace redress::intake
