#include "web/page_cache.hpp"

#include <mutex>

namespace redress::web {

util::Expected<std::string> PageCache::get(std::string_view page, std::string_view language,
                                           const Render& render) const {
    const auto key = std::make_pair(std::string(page), std::string(language));
    {
        std::shared_lock lock(m_mutex);
        if (const auto found = m_pages.find(key); found != m_pages.end()) return found->second;
    }
    auto rendered = render();
    if (!rendered) return rendered;
    std::unique_lock lock(m_mutex);
    return m_pages.try_emplace(key, std::move(*rendered)).first->second;
}

std::string with_token(std::string html, std::string_view token) {
    for (auto at = html.find(k_token_placeholder); at != std::string::npos;
         at = html.find(k_token_placeholder, at + token.size())) {
        html.replace(at, k_token_placeholder.size(), token);
    }
    return html;
}

}  // namespace redress::web
