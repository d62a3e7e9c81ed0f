#include "mail/html_text.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <array>
#include <climits>
#include <memory>

#include "mail/gmime_runtime.hpp"

namespace redress::mail {
namespace {

struct DocumentRelease {
    void operator()(xmlDoc* document) const { xmlFreeDoc(document); }
};

std::string_view name_of(const xmlNode* node) {
    return node->name == nullptr ? std::string_view{}
                                 : std::string_view(reinterpret_cast<const char*>(node->name));
}

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
    for (const auto candidate : names) {
        if (name == candidate) return true;
    }
    return false;
}

// Elements whose content is not text a reader sees.
bool skipped(std::string_view name) {
    return one_of(name, {"head", "script", "style", "title", "template", "noscript", "object",
                         "iframe", "svg", "math"});
}

// Elements that stand apart by a blank line.
bool paragraph(std::string_view name) {
    return one_of(name, {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table",
                         "ul", "ol", "dl", "hr", "address", "figure"});
}

// Elements that start and end a line.
bool line(std::string_view name) {
    return one_of(
        name, {"div",    "li",   "tr",    "dt",      "dd",      "section",   "article", "header",
               "footer", "nav",  "aside", "main",    "form",    "fieldset",  "legend",  "caption",
               "center", "body", "html",  "details", "summary", "figcaption"});
}

class TextWriter {
  public:
    void text(std::string_view content, bool preformatted) {
        for (const char c : content) {
            const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
            if (preformatted) {
                flush_space();
                m_text += c == '\r' ? '\n' : c;
            } else if (space) {
                m_pending_space = !m_text.empty() && m_text.back() != '\n';
            } else {
                flush_space();
                m_text += c;
            }
        }
    }
    void cell_gap() {
        if (!m_text.empty() && m_text.back() != '\n') m_pending_space = true;
    }
    void line_break() {
        m_pending_space = false;
        m_text += '\n';
    }
    void end_line() {
        m_pending_space = false;
        if (!m_text.empty() && m_text.back() != '\n') m_text += '\n';
    }
    void blank_line() {
        end_line();
        if (!m_text.empty() && !m_text.ends_with("\n\n")) m_text += '\n';
    }
    void bullet() {
        end_line();
        m_text += "- ";
    }
    std::string take() { return std::move(m_text); }

  private:
    void flush_space() {
        if (m_pending_space) m_text += ' ';
        m_pending_space = false;
    }
    std::string m_text;
    bool m_pending_space = false;
};

void open_element(std::string_view name, TextWriter& writer) {
    if (name == "br") {
        writer.line_break();
    } else if (name == "li") {
        writer.bullet();
    } else if (name == "td" || name == "th") {
        writer.cell_gap();
    } else if (paragraph(name)) {
        writer.blank_line();
    } else if (line(name)) {
        writer.end_line();
    }
}

void close_element(std::string_view name, TextWriter& writer) {
    if (paragraph(name)) {
        writer.blank_line();
    } else if (line(name)) {
        writer.end_line();
    }
}

}  // namespace

std::string html_to_text(std::string_view html) {
    ensure_mail_libraries();
    if (html.empty() || html.size() > static_cast<std::size_t>(INT_MAX)) return {};
    // RECOVER: read broken HTML as a browser would; NONET: never fetch anything; NOERROR and
    // NOWARNING: nothing printed; IGNORE_ENC: the text is UTF-8 whatever a <meta> says.
    constexpr int k_options = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                              HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC;
    const std::unique_ptr<xmlDoc, DocumentRelease> document(
        htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8", k_options));
    if (!document) return {};

    // Walked without recursion, so that deeply nested markup cannot exhaust the stack.
    TextWriter writer;
    int preformatted = 0;
    const xmlNode* node = document->children;
    while (node != nullptr) {
        bool descend = false;
        if (node->type == XML_ELEMENT_NODE) {
            const auto name = name_of(node);
            if (!skipped(name)) {
                open_element(name, writer);
                if (name == "pre") ++preformatted;
                descend = node->children != nullptr;
                if (!descend) close_element(name, writer);
                if (!descend && name == "pre") --preformatted;
            }
        } else if ((node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) &&
                   node->content != nullptr) {
            writer.text(reinterpret_cast<const char*>(node->content), preformatted > 0);
        }
        if (descend) {
            node = node->children;
            continue;
        }
        // Up to the first ancestor with a next sibling, closing each element left.
        while (node != nullptr && node->next == nullptr) {
            node = node->parent;
            if (node == nullptr || node->type != XML_ELEMENT_NODE) {
                node = nullptr;
                break;
            }
            const auto name = name_of(node);
            close_element(name, writer);
            if (name == "pre") --preformatted;
        }
        if (node != nullptr) node = node->next;
    }
    return writer.take();
}

}  // namespace redress::mail
