#include "http/multipart.hpp"

#include <algorithm>
#include <functional>

#include "util/text.hpp"

namespace redress::http {

namespace {

constexpr std::string_view k_crlf = "\r\n";

char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool same_text(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [](char x, char y) { return lower(x) == lower(y); });
}

std::string lowered(std::string_view text) {
    std::string out(text);
    std::ranges::transform(out, out.begin(), lower);
    return out;
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

// The parameters of a header value such as `form-data; name="a"; filename="b.jpg"`: the
// value of `wanted`, unquoted (a backslash keeps the next character), or nothing.
std::optional<std::string> parameter(std::string_view value, std::string_view wanted) {
    std::size_t i = value.find(';');
    while (i != std::string_view::npos && i < value.size()) {
        ++i;  // past ';'
        while (i < value.size() && (value[i] == ' ' || value[i] == '\t')) ++i;
        const std::size_t equals = value.find('=', i);
        if (equals == std::string_view::npos) return std::nullopt;
        const std::string_view name = trimmed(value.substr(i, equals - i));
        std::size_t j = equals + 1;
        while (j < value.size() && (value[j] == ' ' || value[j] == '\t')) ++j;
        std::string text;
        if (j < value.size() && value[j] == '"') {
            for (++j; j < value.size() && value[j] != '"'; ++j) {
                if (value[j] == '\\' && j + 1 < value.size()) ++j;
                text += value[j];
            }
            i = value.find(';', j);
        } else {
            const std::size_t end = std::min(value.find(';', j), value.size());
            text = std::string(trimmed(value.substr(j, end - j)));
            i = end;
        }
        if (same_text(name, wanted)) return text;
    }
    return std::nullopt;
}

struct PartHead {
    bool form_data = false;
    std::optional<std::string> name;
    std::optional<std::string> file_name;
    std::string content_type;
};

PartHead read_part_head(std::string_view head) {
    PartHead part;
    while (!head.empty()) {
        const std::size_t end = std::min(head.find(k_crlf), head.size());
        const std::string_view line = head.substr(0, end);
        head.remove_prefix(std::min(end + k_crlf.size(), head.size()));
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        const std::string_view name = trimmed(line.substr(0, colon));
        const std::string_view value = trimmed(line.substr(colon + 1));
        if (same_text(name, "content-disposition")) {
            const std::string_view kind = trimmed(value.substr(0, value.find(';')));
            part.form_data = same_text(kind, "form-data");
            part.name = parameter(value, "name");
            part.file_name = parameter(value, "filename");
        } else if (same_text(name, "content-type")) {
            part.content_type = lowered(trimmed(value.substr(0, value.find(';'))));
        }
    }
    return part;
}

}  // namespace

std::string_view problem_name(MultipartProblem problem) {
    switch (problem) {
        case MultipartProblem::no_boundary:
            return "no_boundary";
        case MultipartProblem::malformed:
            return "malformed";
        case MultipartProblem::too_many_fields:
            return "too_many_fields";
        case MultipartProblem::field_too_large:
            return "field_too_large";
        case MultipartProblem::too_many_files:
            return "too_many_files";
        case MultipartProblem::not_utf8:
            return "not_utf8";
    }
    return "malformed";
}

std::optional<std::string> multipart_boundary(std::string_view content_type) {
    const std::string_view type = trimmed(content_type.substr(0, content_type.find(';')));
    if (!same_text(type, "multipart/form-data")) return std::nullopt;
    auto boundary = parameter(content_type, "boundary");
    if (!boundary || boundary->empty() || boundary->size() > 70) return std::nullopt;
    // RFC 2046's characters; a CR or LF would let a part end early.
    const bool allowed = std::ranges::all_of(*boundary, [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               std::string_view("'()+_,-./:=? ").find(c) != std::string_view::npos;
    });
    if (!allowed || boundary->back() == ' ') return std::nullopt;
    return boundary;
}

std::expected<MultipartForm, MultipartProblem> parse_multipart(std::string_view body,
                                                               std::string_view content_type,
                                                               const MultipartLimits& limits) {
    const auto boundary = multipart_boundary(content_type);
    if (!boundary) return std::unexpected(MultipartProblem::no_boundary);
    // Every delimiter after the first begins a line: "\r\n--boundary". The first may open
    // the body, or follow a preamble.
    const std::string delimiter = "\r\n--" + *boundary;
    const std::boyer_moore_horspool_searcher search(delimiter.begin(), delimiter.end());
    const auto find_delimiter = [&](std::size_t from) -> std::size_t {
        const auto found =
            std::search(body.begin() + static_cast<std::ptrdiff_t>(from), body.end(), search);
        return found == body.end() ? std::string_view::npos
                                   : static_cast<std::size_t>(found - body.begin());
    };

    std::size_t at = 0;  // just past a delimiter
    if (body.starts_with(std::string_view(delimiter).substr(2))) {
        at = delimiter.size() - 2;
    } else {
        const std::size_t first = find_delimiter(0);
        if (first == std::string_view::npos) return std::unexpected(MultipartProblem::malformed);
        at = first + delimiter.size();
    }

    std::vector<std::pair<std::string, std::string>> fields;
    std::vector<UploadedFile> files;
    for (;;) {
        if (body.substr(at).starts_with("--")) break;  // the closing delimiter
        // Transport padding, then the end of the delimiter's line.
        while (at < body.size() && (body[at] == ' ' || body[at] == '\t')) ++at;
        if (!body.substr(at).starts_with(k_crlf)) {
            return std::unexpected(MultipartProblem::malformed);
        }
        at += k_crlf.size();
        const std::string_view rest = body.substr(at);
        const std::size_t head_end = rest.starts_with(k_crlf) ? 0 : rest.find("\r\n\r\n");
        if (head_end == std::string_view::npos) {
            return std::unexpected(rest.size() > limits.max_part_head_bytes
                                       ? MultipartProblem::field_too_large
                                       : MultipartProblem::malformed);
        }
        if (head_end > limits.max_part_head_bytes) {
            return std::unexpected(MultipartProblem::field_too_large);
        }
        const PartHead head = read_part_head(rest.substr(0, head_end));
        const std::size_t content = at + head_end + (head_end == 0 ? 2 : 4);
        const std::size_t next = find_delimiter(content);
        if (next == std::string_view::npos) return std::unexpected(MultipartProblem::malformed);
        const std::string_view value = body.substr(content, next - content);
        at = next + delimiter.size();

        if (!head.form_data || !head.name) continue;  // not a form field: ignored
        if (!util::valid_utf8(*head.name)) return std::unexpected(MultipartProblem::not_utf8);
        if (head.file_name) {
            if (head.file_name->empty() && value.empty()) continue;  // no file chosen
            if (files.size() == limits.max_files) {
                return std::unexpected(MultipartProblem::too_many_files);
            }
            files.push_back(UploadedFile{.field = *head.name,
                                         .file_name = *head.file_name,
                                         .declared_type = head.content_type,
                                         .offset = content,
                                         .size = value.size()});
            continue;
        }
        if (fields.size() == limits.max_fields) {
            return std::unexpected(MultipartProblem::too_many_fields);
        }
        if (value.size() > limits.max_field_bytes) {
            return std::unexpected(MultipartProblem::field_too_large);
        }
        if (!util::valid_utf8(value)) return std::unexpected(MultipartProblem::not_utf8);
        // Browsers send line breaks in a textarea as CRLF; a urlencoded form sends them too.
        fields.emplace_back(*head.name, std::string(value));
    }
    return MultipartForm{FormData::of_fields(std::move(fields)), std::move(files)};
}

}  // namespace redress::http
