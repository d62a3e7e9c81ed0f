#include "api/request_json.hpp"

#include <algorithm>
#include <boost/json/basic_parser_impl.hpp>
#include <string>
#include <vector>

#include "api/errors_json.hpp"
#include "util/text.hpp"

namespace redress::api {

bool is_json_media_type(std::string_view content_type) {
    const auto semicolon = content_type.find(';');
    if (util::to_lower_ascii(util::trim(content_type.substr(0, semicolon))) != "application/json") {
        return false;
    }
    if (semicolon == std::string_view::npos) return true;
    std::string_view parameters = content_type.substr(semicolon + 1);
    while (!parameters.empty()) {
        const auto next = parameters.find(';');
        const std::string parameter = util::to_lower_ascii(util::trim(parameters.substr(0, next)));
        parameters =
            next == std::string_view::npos ? std::string_view() : parameters.substr(next + 1);
        if (parameter.empty()) continue;
        if (parameter != "charset=utf-8" && parameter != "charset=\"utf-8\"") return false;
    }
    return true;
}

namespace {

using boost::json::error_code;
using boost::json::string_view;

// Builds the document as Boost.JSON's parser reads it (a fast scan of strings, UTF-8
// checked), keeping only what the bounds allow: containers nested deeper than max_depth
// stop the parse; array elements and object members past their bounds are read and
// dropped, with everything inside them.
class BoundedDocument {
  public:
    static constexpr std::size_t max_object_size = std::size_t(-1);
    static constexpr std::size_t max_array_size = std::size_t(-1);
    static constexpr std::size_t max_key_size = std::size_t(-1);
    static constexpr std::size_t max_string_size = std::size_t(-1);

    explicit BoundedDocument(const JsonBounds& bounds) : m_bounds(bounds) {}

    bool on_document_begin(error_code&) { return true; }
    bool on_document_end(error_code&) { return true; }
    bool on_object_begin(error_code& ec) { return open(false, ec); }
    bool on_object_end(std::size_t, error_code&) { return close(); }
    bool on_array_begin(error_code& ec) { return open(true, ec); }
    bool on_array_end(std::size_t, error_code&) { return close(); }
    bool on_key_part(string_view part, std::size_t, error_code&) { return gather(part); }
    bool on_key(string_view part, std::size_t, error_code&) {
        gather(part);
        Open& object = m_open.back();
        m_key_kept = object.container != nullptr && ++object.members <= m_bounds.max_object_members;
        if (m_key_kept) m_key.swap(m_text);
        m_text.clear();
        return true;
    }
    bool on_string_part(string_view part, std::size_t, error_code&) { return gather(part); }
    bool on_string(string_view part, std::size_t, error_code&) {
        gather(part);
        if (nlohmann::json* slot = next_slot()) *slot = std::move(m_text);
        m_text.clear();
        return true;
    }
    bool on_number_part(string_view, error_code&) { return true; }
    bool on_int64(std::int64_t value, string_view, error_code&) { return place(value); }
    bool on_uint64(std::uint64_t value, string_view, error_code&) { return place(value); }
    bool on_double(double value, string_view, error_code&) { return place(value); }
    bool on_bool(bool value, error_code&) { return place(value); }
    bool on_null(error_code&) { return place(nullptr); }
    bool on_comment_part(string_view, error_code&) { return true; }
    bool on_comment(string_view, error_code&) { return true; }

    nlohmann::json take() { return std::move(m_root); }

  private:
    struct Open {
        nlohmann::json* container;  // nullptr: dropped, with all it holds
        bool array;
        std::size_t members = 0;
    };

    bool gather(string_view part) {
        m_text.append(part.data(), part.size());
        return true;
    }

    // Where the value read next goes; nullptr when it is dropped. Only the innermost open
    // container grows, so the addresses kept for those around it stay valid.
    nlohmann::json* next_slot() {
        if (m_open.empty()) return &m_root;
        Open& open = m_open.back();
        if (open.container == nullptr) return nullptr;
        if (open.array) {
            if (++open.members > m_bounds.max_array_elements) return nullptr;
            return &open.container->emplace_back();
        }
        return m_key_kept ? &(*open.container)[m_key] : nullptr;
    }

    template <typename Value>
    bool place(Value&& value) {
        if (nlohmann::json* slot = next_slot()) *slot = std::forward<Value>(value);
        return true;
    }

    bool open(bool array, error_code& ec) {
        if (m_open.size() >= m_bounds.max_depth) {
            ec = boost::json::error::too_deep;
            return false;
        }
        nlohmann::json* slot = next_slot();
        if (slot != nullptr) *slot = array ? nlohmann::json::array() : nlohmann::json::object();
        m_open.push_back({slot, array});
        return true;
    }

    bool close() {
        m_open.pop_back();
        return true;
    }

    const JsonBounds& m_bounds;
    nlohmann::json m_root;
    std::vector<Open> m_open;
    std::string m_text;  // the key or string being read, in parts
    std::string m_key;   // the key of the object member read next
    bool m_key_kept = false;
};

bool json_whitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

}  // namespace

nlohmann::json parse_bounded(std::string_view text, const JsonBounds& bounds) {
    boost::json::parse_options options;
    options.max_depth = bounds.max_depth + 1;  // ours is checked first, by BoundedDocument
    boost::json::basic_parser<BoundedDocument> parser(options, bounds);
    error_code ec;
    const std::size_t read = parser.write_some(false, text.data(), text.size(), ec);
    const bool only_whitespace_after =
        std::all_of(text.begin() + static_cast<std::ptrdiff_t>(read), text.end(), json_whitespace);
    if (ec || !parser.done() || !only_whitespace_after) {
        return nlohmann::json(nlohmann::json::value_t::discarded);
    }
    return parser.handler().take();
}

std::expected<nlohmann::json, http::Response> read_json_object(const http::Request& request,
                                                               const i18n::Catalogue& messages,
                                                               const JsonBounds& bounds) {
    if (!is_json_media_type(request.headers.get("Content-Type"))) {
        return std::unexpected(request_error_response(415, k_unsupported_media_type, messages));
    }
    nlohmann::json body = parse_bounded(request.body, bounds);
    if (body.is_discarded()) {
        return std::unexpected(request_error_response(400, k_invalid_json, messages));
    }
    if (!body.is_object()) {
        return std::unexpected(
            request_error_response(400, k_invalid_json, messages, "api.error.not_an_object"));
    }
    return body;
}

}  // namespace redress::api
