#include "domain/evidence.hpp"

#include <gtest/gtest.h>

namespace redress::domain {
namespace {

TEST(Evidence, DisplayNamesKeepTheLastSegmentAndNothingThatDeceives) {
    EXPECT_EQ(display_name("IMG_2041.jpg"), "IMG_2041.jpg");
    EXPECT_EQ(display_name("../../etc/passwd"), "passwd");
    EXPECT_EQ(display_name("C:\\Users\\maria\\foto.png"), "foto.png");
    EXPECT_EQ(display_name("photo\xE2\x80\xAEgpj.exe"), "photogpj.exe");  // no override
    EXPECT_EQ(display_name("a\r\nb\x01.txt"), "ab.txt");
    EXPECT_EQ(display_name("bad\xff\xfeutf8.jpg"), "badutf8.jpg");
    EXPECT_EQ(display_name(".."), "");
    EXPECT_EQ(display_name("foto de la frontera.jpg"), "foto de la frontera.jpg");
    EXPECT_EQ(display_name("صورة.jpg"), "صورة.jpg");
    EXPECT_LE(display_name(std::string(500, 'a')).size(), 120u);
    // Cut only between characters.
    const std::string cut = display_name(std::string(119, 'a') + "é");
    EXPECT_EQ(cut, std::string(119, 'a'));
}

TEST(Evidence, OnlyTypesAnOfficeCanOpenSafelyAreTaken) {
    EXPECT_TRUE(accepted_media_type("image/jpeg"));
    EXPECT_TRUE(accepted_media_type("application/pdf"));
    EXPECT_TRUE(accepted_media_type("video/mp4"));
    EXPECT_FALSE(accepted_media_type("text/html"));
    EXPECT_FALSE(accepted_media_type("image/svg+xml"));
    EXPECT_FALSE(accepted_media_type("application/x-executable"));
    EXPECT_FALSE(accepted_media_type("application/zip"));
    EXPECT_EQ(extension_for("image/jpeg"), "jpg");
    EXPECT_EQ(extension_for("text/html"), "bin");
}

TEST(Evidence, LimitsAreCheckedPerFileAndPerComplaint) {
    const EvidenceLimits limits{.max_file_bytes = 100, .max_files = 3, .max_total_bytes = 250};
    EXPECT_TRUE(check_evidence({{100, "image/png"}, {100, "image/png"}}, 0, 0, limits).empty());
    const auto errors =
        check_evidence({{101, "image/png"}, {0, "image/png"}, {10, "text/html"}}, 0, 0, limits);
    ASSERT_EQ(errors.size(), 3u);
    EXPECT_EQ(errors[0], (FieldError{"evidence[0]", "file_too_large", 0}));
    EXPECT_EQ(errors[1].code, "file_empty");
    EXPECT_EQ(errors[2], (FieldError{"evidence[2]", "file_type_not_accepted", 0}));
    const auto many = check_evidence({{1, "image/png"}, {1, "image/png"}}, 2, 0, limits);
    ASSERT_EQ(many.size(), 1u);
    EXPECT_EQ(many[0], (FieldError{"evidence", "too_many_files", 3}));
    const auto heavy = check_evidence({{100, "image/png"}}, 1, 200, limits);
    ASSERT_EQ(heavy.size(), 1u);
    EXPECT_EQ(heavy[0].code, "files_too_large");
}

}  // namespace
}  // namespace redress::domain
