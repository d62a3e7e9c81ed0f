#pragma once
// Pages that are the same for every visitor in a language (the landing page, the empty
// complaint and status forms, the verify page) are rendered once per language and kept:
// nothing they show changes while the server runs. A form's anti-forgery token differs on
// every request, so forms are kept with a placeholder where the token goes, filled in per
// request. Rendering a page from its template costs a hundred times more than copying it.

#include <functional>
#include <map>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <utility>

#include "util/error.hpp"

namespace redress::web {

// Stands for the form token in a kept page: characters a token never has, so that it is
// found only where the token goes.
inline constexpr std::string_view k_token_placeholder = "__REDRESS_FORM_TOKEN__";

class PageCache {
  public:
    using Render = std::function<util::Expected<std::string>()>;

    // The page kept under (`page`, `language`), rendered by `render` the first time. A
    // failed render is returned and not kept.
    util::Expected<std::string> get(std::string_view page, std::string_view language,
                                    const Render& render) const;

  private:
    mutable std::shared_mutex m_mutex;
    mutable std::map<std::pair<std::string, std::string>, std::string, std::less<>> m_pages;
};

// `html` with every placeholder replaced by `token`.
std::string with_token(std::string html, std::string_view token);

}  // namespace redress::web
