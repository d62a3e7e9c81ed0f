#include "web/static_files.hpp"

#include <fstream>

#include "site_fixture.hpp"
#include "support/temp_folder.hpp"

namespace redress::web::testing {
namespace {

using StaticFiles = SiteTest;

TEST_F(StaticFiles, ServesTheStyleSheetForCaching) {
    const auto response = get("/static/style.css");
    ASSERT_EQ(response.status, 200);
    EXPECT_EQ(response.headers.get("Content-Type"), "text/css; charset=utf-8");
    EXPECT_EQ(response.caching, http::Caching::public_static);
    EXPECT_TRUE(contains(response.body, "@media print"));
}

TEST_F(StaticFiles, RefusesUnknownFilesAndTraversal) {
    for (const char* target :
         {"/static/missing.css", "/static/../templates/head.tpl", "/static/%2e%2e/locale/en/web.po",
          "/static/", "/static", "/static/style.css/", "/static/STYLE.CSS"}) {
        EXPECT_EQ(get(target).status, 404) << target;
    }
}

TEST(StaticFileNames, OnlyPlainNamesWithKnownTypesAreServable) {
    EXPECT_EQ(static_content_type("style.css"), "text/css; charset=utf-8");
    EXPECT_EQ(static_content_type("logo-2_x.svg"), "image/svg+xml");
    EXPECT_EQ(static_content_type("favicon.ico"), "image/x-icon");
    EXPECT_EQ(static_content_type("robots.txt"), "text/plain; charset=utf-8");
    EXPECT_EQ(static_content_type("page.html"), "");
    EXPECT_EQ(static_content_type(".css"), "");
    EXPECT_EQ(static_content_type("Style.css"), "");
    EXPECT_EQ(static_content_type("a.b.css"), "");
    EXPECT_EQ(static_content_type("../style.css"), "");
}

TEST(StaticFolder, FilesWithOtherNamesAreNotServed) {
    const redress::testing::TempFolder folder;
    const auto dir = folder.path() / "static";
    std::filesystem::create_directories(dir / "sub.css");
    std::ofstream(dir / "style.css") << "body{}";
    std::ofstream(dir / "notes.html") << "<script>";
    std::ofstream(dir / ".hidden.css") << "x";
    http::Router router;
    ASSERT_TRUE(add_static_routes(router, dir));
    auto status_of = [&](std::string path) {
        http::Request request;
        request.path = std::move(path);
        int status = 0;
        router.handle(std::move(request), [&](http::Response r) { status = r.status; });
        return status;
    };
    EXPECT_EQ(status_of("/static/style.css"), 200);
    EXPECT_EQ(status_of("/static/notes.html"), 404);
    EXPECT_EQ(status_of("/static/.hidden.css"), 404);
    EXPECT_EQ(status_of("/static/sub.css"), 404);
    std::filesystem::remove_all(dir);
    EXPECT_FALSE(add_static_routes(router, dir));
}

}  // namespace
}  // namespace redress::web::testing
