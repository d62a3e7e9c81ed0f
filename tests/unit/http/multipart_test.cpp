#include "http/multipart.hpp"

#include <gtest/gtest.h>

#include <string>

namespace redress::http {
namespace {

constexpr std::string_view k_type = "multipart/form-data; boundary=XyZ";

std::string part(std::string_view head, std::string_view content) {
    return "--XyZ\r\n" + std::string(head) + "\r\n\r\n" + std::string(content) + "\r\n";
}

TEST(Multipart, FieldsAndFilesAsABrowserSendsThem) {
    const std::string body =
        part("Content-Disposition: form-data; name=\"lang\"", "es") +
        part(
            "Content-Disposition: form-data; name=\"evidence\"; "
            "filename=\"IMG 1.jpg\"\r\nContent-Type: Image/JPEG",
            std::string("\xff\xd8\r\n--Xy\0\xff", 9)) +
        part("Content-Disposition: form-data; name=\"narrative\"", "line one\r\nline two") +
        "--XyZ--\r\n";
    const auto form = parse_multipart(body, k_type);
    ASSERT_TRUE(form);
    EXPECT_EQ(form->fields.get("lang"), "es");
    EXPECT_EQ(form->fields.get("narrative"), "line one\r\nline two");
    ASSERT_EQ(form->files.size(), 1u);
    const auto& file = form->files[0];
    EXPECT_EQ(file.field, "evidence");
    EXPECT_EQ(file.file_name, "IMG 1.jpg");
    EXPECT_EQ(file.declared_type, "image/jpeg");
    EXPECT_EQ(body.substr(file.offset, file.size), std::string("\xff\xd8\r\n--Xy\0\xff", 9));
}

TEST(Multipart, AnEmptyFileInputIsNoFile) {
    const std::string body =
        part(
            "Content-Disposition: form-data; name=\"evidence\"; filename=\"\"\r\n"
            "Content-Type: application/octet-stream",
            "") +
        "--XyZ--";
    const auto form = parse_multipart(body, k_type);
    ASSERT_TRUE(form);
    EXPECT_TRUE(form->files.empty());
}

TEST(Multipart, APreambleAndQuotedBoundaryAreRead) {
    const std::string body = "preamble\r\n" + part("Content-Disposition: form-data; name=a", "1") +
                             "--XyZ--\r\nepilogue";
    const auto form = parse_multipart(body, "multipart/form-data; boundary=\"XyZ\"");
    ASSERT_TRUE(form);
    EXPECT_EQ(form->fields.get("a"), "1");
}

TEST(Multipart, EachProblemHasItsName) {
    EXPECT_EQ(parse_multipart("x", "application/x-www-form-urlencoded").error(),
              MultipartProblem::no_boundary);
    EXPECT_EQ(parse_multipart("x", "multipart/form-data").error(), MultipartProblem::no_boundary);
    EXPECT_EQ(parse_multipart("x", "multipart/form-data; boundary=a\rb").error(),
              MultipartProblem::no_boundary);
    // No closing delimiter: the last part never ends.
    EXPECT_EQ(
        parse_multipart(part("Content-Disposition: form-data; name=a", "1").substr(0, 40), k_type)
            .error(),
        MultipartProblem::malformed);
    EXPECT_EQ(parse_multipart("no delimiter at all", k_type).error(), MultipartProblem::malformed);
    const std::string bad_utf8 = part("Content-Disposition: form-data; name=a", "\xff") + "--XyZ--";
    EXPECT_EQ(parse_multipart(bad_utf8, k_type).error(), MultipartProblem::not_utf8);

    MultipartLimits limits;
    limits.max_fields = 1;
    limits.max_files = 1;
    limits.max_field_bytes = 4;
    const std::string two = part("Content-Disposition: form-data; name=a", "1") +
                            part("Content-Disposition: form-data; name=b", "2") + "--XyZ--";
    EXPECT_EQ(parse_multipart(two, k_type, limits).error(), MultipartProblem::too_many_fields);
    const std::string long_field =
        part("Content-Disposition: form-data; name=a", "12345") + "--XyZ--";
    EXPECT_EQ(parse_multipart(long_field, k_type, limits).error(),
              MultipartProblem::field_too_large);
    const std::string files = part("Content-Disposition: form-data; name=f; filename=a", "1") +
                              part("Content-Disposition: form-data; name=f; filename=b", "2") +
                              "--XyZ--";
    EXPECT_EQ(parse_multipart(files, k_type, limits).error(), MultipartProblem::too_many_files);
    limits.max_part_head_bytes = 16;
    EXPECT_EQ(parse_multipart(long_field, k_type, limits).error(),
              MultipartProblem::field_too_large);
}

TEST(Multipart, TheWorstBodyTakesLinearTime) {
    // Near-delimiters everywhere: each is looked at once.
    std::string content;
    while (content.size() < 4 * 1024 * 1024) content += "\r\n--XyY";
    const std::string body =
        part("Content-Disposition: form-data; name=f; filename=a", content) + "--XyZ--";
    const auto form = parse_multipart(body, k_type);
    ASSERT_TRUE(form);
    EXPECT_EQ(form->files.at(0).size, content.size());
}

}  // namespace
}  // namespace redress::http
