#pragma once
// An HTML body read as a person would read it in a mail program, as plain text: what
// scripts, styles and the head hold is dropped, entities are decoded, block elements and
// <br> become line breaks, white space collapses as a browser collapses it (except in
// <pre>). Links keep their text only. libxml2's HTML parser reads the markup, with its
// recovery from broken HTML and without any network access.

#include <string>
#include <string_view>

namespace redress::mail {

// `html` is UTF-8 (a <meta charset> inside it is ignored: the caller converted it); the
// result is UTF-8 with lines separated by '\n', possibly with untidy spacing that
// clean_text and the caller's tidying remove.
std::string html_to_text(std::string_view html);

}  // namespace redress::mail
