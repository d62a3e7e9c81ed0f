#include "mail/html_text.hpp"

#include <gtest/gtest.h>

#include "util/text.hpp"

namespace redress::mail {
namespace {

TEST(HtmlText, DropsScriptsStylesAndTheHead) {
    const auto text = html_to_text(
        "<html><head><title>T</title><style>p{color:red}</style></head>"
        "<body><script>evil()</script><p>Seen</p><noscript>hidden</noscript></body></html>");
    EXPECT_EQ(text.find("evil"), std::string::npos);
    EXPECT_EQ(text.find("color"), std::string::npos);
    EXPECT_EQ(text.find("hidden"), std::string::npos);
    EXPECT_EQ(text.find('T'), std::string::npos);
    EXPECT_NE(text.find("Seen"), std::string::npos);
}

TEST(HtmlText, DecodesEntities) {
    EXPECT_NE(
        html_to_text("<p>a &amp; b &lt;c&gt; &eacute; &#x263A; &nbsp;</p>").find("a & b <c> é ☺"),
        std::string::npos);
}

TEST(HtmlText, BlocksAndBreaksBecomeLines) {
    EXPECT_EQ(html_to_text("<div>one</div><div>two<br>three</div><p>four</p>"),
              "one\ntwo\nthree\n\nfour\n\n");
    EXPECT_NE(html_to_text("<ul><li>a</li><li>b</li></ul>").find("- a\n- b"), std::string::npos);
}

TEST(HtmlText, CollapsesWhiteSpaceExceptInPre) {
    EXPECT_EQ(html_to_text("<p>  many \n\n  spaces  </p>"), "many spaces\n\n");
    EXPECT_NE(html_to_text("<pre>a\n  b</pre>").find("a\n  b"), std::string::npos);
}

TEST(HtmlText, IgnoresAMetaCharsetBecauseTheTextIsAlreadyUtf8) {
    EXPECT_NE(html_to_text("<meta charset=\"iso-8859-1\"><p>café</p>").find("café"),
              std::string::npos);
}

TEST(HtmlText, ReadsBrokenAndDeeplyNestedMarkup) {
    EXPECT_NE(html_to_text("<p>unclosed <b>bold <i>both").find("unclosed bold both"),
              std::string::npos);
    std::string deep;
    for (int i = 0; i < 100000; ++i) deep += "<div>";
    deep += "bottom";
    const auto text = html_to_text(deep);
    EXPECT_TRUE(util::valid_utf8(text));
}

TEST(HtmlText, EmptyInputIsEmptyText) {
    EXPECT_EQ(html_to_text(""), "");
}

}  // namespace
}  // namespace redress::mail
