#include "intake/evidence_intake.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "domain/evidence.hpp"
#include "intake/image_metadata.hpp"
#include "intake/media_type.hpp"
#include "support/sample_deployment.hpp"
#include "support/temp_folder.hpp"

namespace redress::intake {
namespace {

std::string photo() {
    std::ifstream in(
        std::filesystem::path(REDRESS_SOURCE_DIR) / "tests/fixtures/evidence/photo.jpg",
        std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(MediaType, IsToldFromTheContent) {
    EXPECT_EQ(detect_media_type(photo()), "image/jpeg");
    EXPECT_EQ(detect_media_type("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"),
              "application/pdf");
    EXPECT_EQ(detect_media_type("<!DOCTYPE html><html><head></head><body></body></html>"),
              "text/html");
    EXPECT_EQ(detect_media_type("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""
                                " width=\"1\"></svg>"),
              "image/svg+xml");
    EXPECT_EQ(detect_media_type("I was stopped at the checkpoint at 6 in the morning.\n"),
              "text/plain");
    // A program, whatever libmagic calls it, is never taken.
    const std::string program = std::string(
                                    "\x7f"
                                    "ELF\x02\x01\x01",
                                    7) +
                                std::string(64, '\0');
    EXPECT_FALSE(domain::accepted_media_type(detect_media_type(program)));
}

TEST(EvidenceIntake, KeepsSealedFilesThatOpenToTheOriginal) {
    testing::TempFolder folder;
    const auto keys = testing::fixed_keys();
    auto evidence_folder = storage::EvidenceFolder::open(folder.path() / "evidence");
    ASSERT_TRUE(evidence_folder);
    EvidenceIntake intake(*evidence_folder, keys, {});
    const std::string image = photo();
    const std::vector<ArrivingFile> files{{"../IMG_1.jpg", image}};
    const auto checked = intake.check(files);
    EXPECT_TRUE(checked.errors.empty());
    const auto kept =
        intake.keep(files, checked, domain::EvidenceSource::complainant, testing::fixed_now());
    ASSERT_TRUE(kept);
    ASSERT_EQ(kept->size(), 1u);
    const auto& record = kept->front();
    EXPECT_EQ(record.media_type, "image/jpeg");
    EXPECT_EQ(record.size, image.size());
    EXPECT_EQ(intake.given_name(record), "IMG_1.jpg");
    const auto original = intake.original(record);
    ASSERT_TRUE(original);
    EXPECT_EQ(*original, image);
    // Only the sealed file lies in the folder, under the name the server made.
    std::size_t files_in_folder = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder.path() / "evidence")) {
        ++files_in_folder;
        EXPECT_EQ(entry.path().filename(), record.stored_name);
    }
    EXPECT_EQ(files_in_folder, 1u);
    intake.discard(*kept);
    EXPECT_EQ(intake.original(record).error().code, util::ErrorCode::not_found);
}

TEST(EvidenceIntake, RefusesWhatIsNotTaken) {
    testing::TempFolder folder;
    const auto keys = testing::fixed_keys();
    auto evidence_folder = storage::EvidenceFolder::open(folder.path() / "evidence");
    ASSERT_TRUE(evidence_folder);
    EvidenceIntake intake(*evidence_folder, keys,
                          {.max_file_bytes = 1000, .max_files = 2, .max_total_bytes = 5000});
    const std::string html = "<html><body>hello</body></html>";
    const std::string big(1001, 'a');
    const auto checked = intake.check({{"a.jpg", html}, {"b.txt", big}});
    ASSERT_EQ(checked.errors.size(), 2u);
    EXPECT_EQ(checked.errors[0].code, "file_type_not_accepted");
    EXPECT_EQ(checked.errors[1].code, "file_too_large");
}

TEST(ImageMetadata, OnlyImagesExiv2WritesAreCleaned) {
    EXPECT_TRUE(metadata_removable("image/jpeg"));
    EXPECT_FALSE(metadata_removable("application/pdf"));
    EXPECT_FALSE(without_identifying_metadata("not an image"));
    const auto cleaned = without_identifying_metadata(photo());
    ASSERT_TRUE(cleaned);
    EXPECT_EQ(detect_media_type(*cleaned), "image/jpeg");
}

}  // namespace
}  // namespace redress::intake
