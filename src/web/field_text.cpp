#include "web/field_text.hpp"

#include <charconv>
#include <optional>

#include "web/messages.hpp"

namespace redress::web {

namespace {

struct BlockPath {
    std::string_view list;
    std::size_t index = 0;
    std::string_view field;
};

// "subjects[1].badge" → {"subjects", 1, "badge"}.
std::optional<BlockPath> split_block_path(std::string_view path) {
    const std::size_t open = path.find('[');
    const std::size_t close = path.find("].");
    if (open == std::string_view::npos || close == std::string_view::npos || close < open) {
        return std::nullopt;
    }
    BlockPath block{path.substr(0, open), 0, path.substr(close + 2)};
    const auto [end, error] =
        std::from_chars(path.data() + open + 1, path.data() + close, block.index);
    if (error != std::errc{} || end != path.data() + close) return std::nullopt;
    return block;
}

std::string_view singular(std::string_view list) {
    return list == "subjects" ? "subject" : list == "witnesses" ? "witness" : list;
}

}  // namespace

const FieldSpec* find_field(std::string_view path) {
    const auto block = split_block_path(path);
    for (const FieldGroup& group : filing_groups()) {
        if (block && group.list != block->list) continue;
        if (!block && !group.list.empty()) continue;
        for (const FieldSpec& spec : group.fields) {
            if (spec.name == (block ? block->field : path)) return &spec;
        }
    }
    return nullptr;
}

std::string block_title(const i18n::Catalogue& catalogue, std::string_view list,
                        std::size_t index) {
    const std::string number = std::to_string(index + 1);
    return fill(catalogue.text("form." + std::string(singular(list)) + ".number"), {{"n", number}});
}

std::string field_label(const i18n::Catalogue& catalogue, std::string_view path) {
    if (const FieldSpec* spec = find_field(path)) {
        std::string label(catalogue.text(std::string(spec->message) + ".label"));
        if (const auto block = split_block_path(path)) {
            label += " (" + block_title(catalogue, block->list, block->index) + ")";
        }
        return label;
    }
    // Lists and groups: "incident.categories", "offices", "subjects".
    const std::string key = "form." + std::string(path) + ".label";
    if (catalogue.has(key)) return std::string(catalogue.text(key));
    const std::string legend = "form." + std::string(path) + ".legend";
    if (catalogue.has(legend)) return std::string(catalogue.text(legend));
    return std::string(path);
}

std::string error_text(const i18n::Catalogue& catalogue, const domain::FieldError& error) {
    const std::string limit = std::to_string(error.limit);
    return fill(catalogue.text("error." + error.code), {{"limit", limit}});
}

}  // namespace redress::web
