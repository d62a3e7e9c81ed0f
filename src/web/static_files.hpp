#pragma once
// The public static assets (share/static: the style sheet, icons). Only files whose names
// are plain ([a-z0-9_-]+ with a known extension) are served, each at /static/<name>;
// nothing else in or outside the folder can be reached, whatever the path says.

#include <filesystem>

#include "http/router.hpp"
#include "util/error.hpp"

namespace redress::web {

// Reads every servable file of `static_dir` into memory and adds a GET route for each,
// cacheable by anyone. Fails when the folder cannot be read.
util::Expected<void> add_static_routes(http::Router& router,
                                       const std::filesystem::path& static_dir);

// The content type of a servable name ("style.css" → "text/css; charset=utf-8"), or ""
// when the name is not servable.
std::string_view static_content_type(std::string_view name);

}  // namespace redress::web
