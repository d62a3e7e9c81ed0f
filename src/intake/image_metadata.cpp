#include "intake/image_metadata.hpp"

#include <fmt/format.h>

#include <array>
#include <exiv2/exiv2.hpp>

namespace redress::intake {

namespace {

// Exif tags that name a person or a device that could be traced to one.
constexpr std::array<std::string_view, 8> k_author_tags{
    "Exif.Image.Artist",           "Exif.Image.Copyright",        "Exif.Image.XPAuthor",
    "Exif.Photo.CameraOwnerName",  "Exif.Photo.BodySerialNumber", "Exif.Image.CameraSerialNumber",
    "Exif.Photo.LensSerialNumber", "Exif.Image.ImageDescription",
};

void remove_exif(Exiv2::ExifData& exif) {
    for (auto it = exif.begin(); it != exif.end();) {
        const std::string key = it->key();
        const bool location = it->groupName() == "GPSInfo";
        const bool author = std::ranges::find(k_author_tags, key) != k_author_tags.end();
        it = location || author ? exif.erase(it) : std::next(it);
    }
}

}  // namespace

bool metadata_removable(std::string_view media_type) {
    return media_type == "image/jpeg" || media_type == "image/png" || media_type == "image/webp" ||
           media_type == "image/tiff";
}

util::Expected<std::string> without_identifying_metadata(std::string_view image) {
    try {
        auto opened = Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte*>(image.data()),
                                                static_cast<long>(image.size()));
        if (opened.get() == nullptr) {
            return util::fail(util::ErrorCode::invalid_input, "not an image exiv2 reads");
        }
        opened->readMetadata();
        remove_exif(opened->exifData());
        // XMP and IPTC carry creators, places and contact details in many forms: none kept.
        opened->xmpData().clear();
        opened->clearXmpPacket();
        opened->iptcData().clear();
        opened->writeMetadata();
        Exiv2::BasicIo& io = opened->io();
        if (io.open() != 0) return util::fail(util::ErrorCode::invalid_input, "cannot read back");
        std::string copy(io.size(), '\0');
        io.seek(0, Exiv2::BasicIo::beg);
        const long read =
            io.read(reinterpret_cast<Exiv2::byte*>(copy.data()), static_cast<long>(copy.size()));
        io.close();
        if (read != static_cast<long>(copy.size())) {
            return util::fail(util::ErrorCode::invalid_input, "cannot read back");
        }
        return copy;
    } catch (const std::exception& e) {
        return util::fail(util::ErrorCode::invalid_input,
                          fmt::format("exiv2 cannot remove metadata: {}", e.what()));
    }
}

}  // namespace redress::intake
