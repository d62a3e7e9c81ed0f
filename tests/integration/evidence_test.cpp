// Evidence files on the public form and on the staff side, against the real server: a
// photo filed with JavaScript off (a plain multipart form on the review step), the
// confirmation naming it, staff downloading the original byte for byte (an attachment,
// never shown inline) and a copy without location and author; files refused for what they
// are (HTML, SVG, a name that lies), for their size (exactly the limit passes, one byte
// more does not; a request over the upload limit is refused before its body is read), and
// hostile names shown harmless.

#include <gtest/gtest.h>

#include <exiv2/exiv2.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <thread>

#include "crypto/file_sealing.hpp"
#include "crypto/sha256.hpp"
#include "integration/html.hpp"
#include "integration/staff_session.hpp"
#include "support/http_client.hpp"
#include "support/redress_command.hpp"
#include "support/server_process.hpp"
#include "support/temp_folder.hpp"

namespace redress {
namespace {

using testing::first_match;
using testing::HeaderList;
using testing::HttpConnection;
using testing::HttpResponse;

const std::vector<std::string> k_settings = {
    "--staff-password-memory-mib", "8", "--staff-password-passes",  "1",
    "--evidence-max-file-mib",     "1", "--evidence-max-total-mib", "2",
    "--evidence-max-files",        "3"};
constexpr std::string_view k_password = "Quiet-River-Stone-2041";
constexpr std::size_t k_mib = 1024 * 1024;
constexpr std::string_view k_boundary = "----redress-test-boundary-7MA4YWxkTrZu0gW";

struct Part {
    Part(std::string field, std::string text) : name(std::move(field)), value(std::move(text)) {}
    Part(std::string field, std::string content, std::string given_name,
         std::string declared = "application/octet-stream")
        : name(std::move(field)),
          value(std::move(content)),
          file_name(std::move(given_name)),
          type(std::move(declared)) {}

    std::string name;
    std::string value;
    std::optional<std::string> file_name;  // a file part when set
    std::string type;
};

std::string multipart_body(const std::vector<Part>& parts) {
    std::string body;
    for (const auto& part : parts) {
        body += "--" + std::string(k_boundary) + "\r\n";
        body += "Content-Disposition: form-data; name=\"" + part.name + "\"";
        if (part.file_name) {
            body += "; filename=\"" + *part.file_name + "\"\r\nContent-Type: " + part.type;
        }
        body += "\r\n\r\n" + part.value + "\r\n";
    }
    body += "--" + std::string(k_boundary) + "--\r\n";
    return body;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The fixture photo with a location and an author written into it, as a phone would.
std::string photo_with_location() {
    const std::string plain =
        read_file(std::filesystem::path(REDRESS_SOURCE_DIR) / "tests/fixtures/evidence/photo.jpg");
    auto image = Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte*>(plain.data()),
                                           static_cast<long>(plain.size()));
    image->readMetadata();
    auto& exif = image->exifData();
    exif["Exif.GPSInfo.GPSLatitudeRef"] = "N";
    exif["Exif.GPSInfo.GPSLatitude"] = "31/1 45/1 0/1";
    exif["Exif.GPSInfo.GPSLongitudeRef"] = "W";
    exif["Exif.GPSInfo.GPSLongitude"] = "106/1 29/1 0/1";
    exif["Exif.Image.Artist"] = "Maria Example";
    exif["Exif.Image.Model"] = "Phone 12";
    image->writeMetadata();
    auto& io = image->io();
    io.open();
    std::string tagged(static_cast<std::size_t>(io.size()), '\0');
    io.read(reinterpret_cast<Exiv2::byte*>(tagged.data()), static_cast<long>(tagged.size()));
    io.close();
    return tagged;
}

struct Metadata {
    bool location = false;
    bool author = false;
    bool model = false;
};

Metadata metadata_of(const std::string& image_bytes) {
    auto image = Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte*>(image_bytes.data()),
                                           static_cast<long>(image_bytes.size()));
    image->readMetadata();
    Metadata found;
    for (const auto& datum : image->exifData()) {
        if (datum.groupName() == "GPSInfo") found.location = true;
        if (datum.key() == "Exif.Image.Artist") found.author = true;
        if (datum.key() == "Exif.Image.Model") found.model = true;
    }
    return found;
}

// A JPEG of exactly `size` bytes: a real one, padded after its end (as some cameras do).
std::string jpeg_of_size(std::size_t size) {
    std::string bytes =
        read_file(std::filesystem::path(REDRESS_SOURCE_DIR) / "tests/fixtures/evidence/photo.jpg");
    bytes.resize(size, '\0');
    return bytes;
}

std::string hex(const std::array<std::uint8_t, 32>& digest) {
    std::string text;
    for (const auto byte : digest) {
        constexpr std::string_view k_digits = "0123456789abcdef";
        text += k_digits[byte >> 4];
        text += k_digits[byte & 0xf];
    }
    return text;
}

class Evidence : public ::testing::Test {
  protected:
    void SetUp() override {
        const auto data = m_folder.path() / "data";
        ASSERT_EQ(
            testing::run_redress({"init", "--data", data.string()}, m_folder.path()).exit_code, 0);
        const auto added = testing::run_redress(
            {"user", "add", "--data", data.string(), "--username", "ines", "--name", "Ines Member",
             "--role", "intake_officer", "--office", "opr", "--staff-password-memory-mib", "8",
             "--staff-password-passes", "1"},
            m_folder.path(), std::string(k_password) + "\n");
        ASSERT_EQ(added.exit_code, 0) << added.output;
        m_server.emplace(data, k_settings);
    }

    void TearDown() override {
        if (HasFailure() && m_server) {
            std::cerr << "--- server log ---\n" << m_server->log() << "--- end of log ---\n";
        }
    }

    // The review step's form, reviewed: its hidden fields, to be posted back with files.
    HeaderList reviewed_fields() {
        HttpConnection connection(m_server->port());
        const auto page = connection.get("/complaint");
        const auto token = testing::input_value(page.body, "form_token").value_or("");
        const auto review = connection.post_form(
            "/complaint", {{"lang", "en"},
                           {"form_token", token},
                           {"complainant.confidentiality", "anonymous"},
                           {"incident.date", "2024-03-05"},
                           {"incident.place", "Checkpoint 4"},
                           {"incident.narrative", "An officer took my phone and hit me."},
                           {"incident.categories", "excessive-force"},
                           {"subjects[0].badge", "4471"},
                           {"action", "review"}});
        EXPECT_EQ(review.status, 200) << review.body;
        // JavaScript off: the review step's form is what carries the files.
        EXPECT_NE(review.body.find("enctype=\"multipart/form-data\""), std::string::npos);
        EXPECT_NE(review.body.find("type=\"file\""), std::string::npos);
        return testing::hidden_fields(review.body);
    }

    HttpResponse file_with(const std::vector<Part>& files) {
        std::vector<Part> parts;
        for (const auto& [name, value] : reviewed_fields()) parts.emplace_back(name, value);
        parts.emplace_back("action", "file");
        parts.insert(parts.end(), files.begin(), files.end());
        HttpConnection connection(m_server->port());
        return connection.post("/complaint",
                               "multipart/form-data; boundary=" + std::string(k_boundary),
                               multipart_body(parts));
    }

    testing::StaffSession sign_in() {
        return testing::first_sign_in(m_server->port(), "ines", std::string(k_password));
    }

    HttpResponse get(const std::string& target, const HeaderList& headers) {
        return HttpConnection(m_server->port()).get(target, headers);
    }

    testing::TempFolder m_folder;
    std::optional<testing::ServerProcess> m_server;
};

std::string reference_on(const std::string& page) {
    return first_match(page, "((OPR|OIG)-[0-9]{4}-[0-9]{6})");
}

TEST_F(Evidence, PhotoFiledWithoutJavaScriptReachesStaffByteForByte) {
    const std::string photo = photo_with_location();
    ASSERT_TRUE(metadata_of(photo).location);
    const auto filed = file_with({{"evidence", photo, "IMG_2041.jpg", "image/jpeg"}});
    ASSERT_EQ(filed.status, 200) << filed.body;
    EXPECT_NE(filed.body.find("Files received with your complaint: 1"), std::string::npos);
    EXPECT_NE(filed.body.find("IMG_2041.jpg"), std::string::npos);
    const std::string reference = reference_on(filed.body);
    ASSERT_FALSE(reference.empty());

    const auto staff = sign_in();
    const auto list = get("/staff/complaints/" + reference + "/evidence", staff.cookie);
    ASSERT_EQ(list.status, 200) << list.body;
    const std::string digest = hex(crypto::sha256(photo));
    EXPECT_NE(list.body.find(digest), std::string::npos) << list.body;
    EXPECT_NE(list.body.find("image/jpeg"), std::string::npos);
    EXPECT_NE(list.body.find("IMG_2041.jpg"), std::string::npos);
    const std::string id = first_match(list.body, "/evidence/([0-9]+)\"");
    ASSERT_FALSE(id.empty());

    const auto original = get("/staff/complaints/" + reference + "/evidence/" + id, staff.cookie);
    ASSERT_EQ(original.status, 200);
    EXPECT_EQ(original.body, photo);
    EXPECT_EQ(hex(crypto::sha256(original.body)), digest);
    EXPECT_EQ(original.header_or_empty("Content-Type"), "application/octet-stream");
    EXPECT_EQ(original.header_or_empty("Content-Disposition").rfind("attachment;", 0), 0u);
    EXPECT_EQ(original.header_or_empty("X-Content-Type-Options"), "nosniff");
    EXPECT_NE(original.header_or_empty("Content-Security-Policy").find("sandbox"),
              std::string::npos);
    EXPECT_TRUE(metadata_of(original.body).location);

    const auto cleaned = get(
        "/staff/complaints/" + reference + "/evidence/" + id + "/without-metadata", staff.cookie);
    ASSERT_EQ(cleaned.status, 200) << cleaned.body;
    const Metadata left = metadata_of(cleaned.body);
    EXPECT_FALSE(left.location);
    EXPECT_FALSE(left.author);
    EXPECT_TRUE(left.model);  // what is not about a person stays

    // Each download is on the record.
    const auto again = get("/staff/complaints/" + reference + "/evidence/" + id, staff.cookie);
    EXPECT_EQ(again.body, photo);

    // At rest the file is sealed: nowhere in the data folder does the photo lie in clear.
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(m_folder.path() / "data")) {
        if (!entry.is_regular_file()) continue;
        EXPECT_EQ(read_file(entry.path()).find(photo.substr(0, 64)), std::string::npos)
            << entry.path();
    }
}

TEST_F(Evidence, FilesAreJudgedByWhatTheyAreNotByTheirNames) {
    const auto html =
        file_with({{"evidence", "<!DOCTYPE html><html><body><script>alert(1)</script>", "photo.jpg",
                    "image/jpeg"}});
    EXPECT_EQ(html.status, 422) << html.body;
    EXPECT_NE(html.body.find("This kind of file is not accepted"), std::string::npos);
    EXPECT_TRUE(reference_on(html.body).empty());

    const auto svg = file_with({{"evidence",
                                 "<?xml version=\"1.0\"?><svg "
                                 "xmlns=\"http://www.w3.org/2000/svg\"><script>1</script></svg>",
                                 "map.png", "image/png"}});
    EXPECT_EQ(svg.status, 422);
    EXPECT_TRUE(reference_on(svg.body).empty());

    // A photo whose name says PDF is a photo.
    const auto photo =
        file_with({{"evidence", jpeg_of_size(2000), "statement.pdf", "application/pdf"}});
    ASSERT_EQ(photo.status, 200) << photo.body;
    const auto staff = sign_in();
    const auto list =
        get("/staff/complaints/" + reference_on(photo.body) + "/evidence", staff.cookie);
    EXPECT_NE(list.body.find("image/jpeg"), std::string::npos);
    EXPECT_EQ(list.body.find("application/pdf"), std::string::npos);
}

TEST_F(Evidence, ExactlyTheLimitPassesAndOneByteMoreDoesNot) {
    const auto at_limit = file_with({{"evidence", jpeg_of_size(k_mib), "a.jpg"}});
    EXPECT_EQ(at_limit.status, 200) << at_limit.body.substr(0, 400);
    const auto over = file_with({{"evidence", jpeg_of_size(k_mib + 1), "b.jpg"}});
    EXPECT_EQ(over.status, 422) << over.body.substr(0, 600);
    EXPECT_NE(over.body.find("This file is too large: each file may be at most 1 MB"),
              std::string::npos);
    const auto too_many = file_with({{"evidence", jpeg_of_size(900), "1.jpg"},
                                     {"evidence", jpeg_of_size(900), "2.jpg"},
                                     {"evidence", jpeg_of_size(900), "3.jpg"},
                                     {"evidence", jpeg_of_size(900), "4.jpg"}});
    EXPECT_EQ(too_many.status, 422);
    EXPECT_NE(too_many.body.find("There are too many files"), std::string::npos);
}

TEST_F(Evidence, AnUploadOverTheLimitIsRefusedBeforeItsBodyIsRead) {
    // 2 MiB of files and 1 MiB of form: one byte more is refused from its head alone.
    HttpConnection connection(m_server->port());
    connection.send_raw(
        "POST /complaint HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: multipart/form-data; boundary=" +
        std::string(k_boundary) + "\r\nContent-Length: " + std::to_string(3 * k_mib + 1) +
        "\r\n\r\n");
    EXPECT_EQ(connection.read_response().status, 413);
    // Nothing is left in the spool.
    EXPECT_TRUE(std::filesystem::is_empty(m_folder.path() / "data" / "spool" / "uploads"));
}

TEST_F(Evidence, ASlowButSteadyUploadIsTaken) {
    // A phone on a poor link, or Tor: 96 KiB in 12 pieces, a quarter of a second apart
    // (about 32 KiB/s, over the minimum rate of 1 KiB/s, for three seconds).
    std::vector<Part> parts;
    for (const auto& [name, value] : reviewed_fields()) parts.emplace_back(name, value);
    parts.emplace_back("action", "file");
    parts.emplace_back("evidence", jpeg_of_size(96 * 1024), "slow.jpg");
    const std::string body = multipart_body(parts);
    HttpConnection connection(m_server->port());
    connection.send_raw(
        "POST /complaint HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
        "multipart/form-data; boundary=" +
        std::string(k_boundary) + "\r\nContent-Length: " + std::to_string(body.size()) +
        "\r\n\r\n");
    const std::size_t piece = body.size() / 12 + 1;
    for (std::size_t at = 0; at < body.size(); at += piece) {
        connection.send_raw(std::string_view(body).substr(at, piece));
        std::this_thread::sleep_for(std::chrono::milliseconds(250));  // the client's pace
    }
    const auto filed = connection.read_response();
    EXPECT_EQ(filed.status, 200) << filed.body.substr(0, 300);
    EXPECT_NE(filed.body.find("slow.jpg"), std::string::npos);
}

TEST_F(Evidence, HostileNamesAreShownHarmless) {
    const auto filed =
        file_with({{"evidence", jpeg_of_size(1500), "../../../etc/passwd.jpg"},
                   {"evidence", jpeg_of_size(1600), "photo\xE2\x80\xAEgpj.exe"},
                   {"evidence", jpeg_of_size(1700), "<img src=x onerror=alert(1)>.jpg"}});
    ASSERT_EQ(filed.status, 200) << filed.body;
    EXPECT_EQ(filed.body.find("../"), std::string::npos);
    EXPECT_EQ(filed.body.find("\xE2\x80\xAE"), std::string::npos);
    EXPECT_EQ(filed.body.find("<img src=x"), std::string::npos);
    const auto staff = sign_in();
    const auto list =
        get("/staff/complaints/" + reference_on(filed.body) + "/evidence", staff.cookie);
    ASSERT_EQ(list.status, 200);
    EXPECT_NE(list.body.find(">passwd.jpg<"), std::string::npos) << list.body;
    EXPECT_EQ(list.body.find("\xE2\x80\xAE"), std::string::npos);
    EXPECT_EQ(list.body.find("<img src=x"), std::string::npos);
    // Stored under names the server made: nothing of the given names in the folder.
    for (const auto& entry :
         std::filesystem::directory_iterator(m_folder.path() / "data" / "evidence")) {
        EXPECT_EQ(entry.path().filename().string().size(), 32u);
    }
}

TEST_F(Evidence, MoreFilesAreAddedLaterWithTheReceiptOnly) {
    const auto filed = file_with({{"evidence", jpeg_of_size(1200), "first.jpg"}});
    ASSERT_EQ(filed.status, 200);
    const std::string reference = reference_on(filed.body);
    const std::string receipt = first_match(filed.body, "class=\"receipt\"[^>]*>(.*?)</p>");
    std::string typed;  // the groups without their markup
    bool in_tag = false;
    for (const char c : receipt) {
        if (c == '<') in_tag = true;
        if (!in_tag && c != ' ' && c != '\n') typed += c;
        if (c == '>') in_tag = false;
    }
    ASSERT_EQ(typed.size(), 24u) << receipt;

    HttpConnection connection(m_server->port());
    const auto form = connection.get("/status");
    const auto token = testing::input_value(form.body, "form_token").value_or("");
    const auto found = connection.post_form(
        "/status",
        {{"lang", "en"}, {"form_token", token}, {"reference", reference}, {"receipt", typed}});
    ASSERT_EQ(found.status, 200);
    EXPECT_NE(found.body.find("action=\"/status/evidence\""), std::string::npos);

    const auto send = [&](const std::string& with_receipt) {
        return HttpConnection(m_server->port())
            .post("/status/evidence", "multipart/form-data; boundary=" + std::string(k_boundary),
                  multipart_body({{"lang", "en"},
                                  {"form_token", token},
                                  {"reference", reference},
                                  {"receipt", with_receipt},
                                  {"evidence", jpeg_of_size(1300), "second.jpg"}}));
    };
    const auto added = send(typed);
    ASSERT_EQ(added.status, 200) << added.body;
    EXPECT_NE(added.body.find("The office received your files: 1"), std::string::npos);

    // A wrong receipt is answered as the look-up answers it, and adds nothing.
    std::string wrong = typed;
    wrong[0] = wrong[0] == 'A' ? 'B' : 'A';
    const auto refused = send(wrong);
    EXPECT_NE(refused.status, 200);
    EXPECT_EQ(refused.body.find("received your files"), std::string::npos);

    const auto staff = sign_in();
    const auto list = get("/staff/complaints/" + reference + "/evidence", staff.cookie);
    EXPECT_NE(list.body.find("first.jpg"), std::string::npos);
    EXPECT_NE(list.body.find("second.jpg"), std::string::npos);
    EXPECT_EQ(
        std::distance(std::filesystem::directory_iterator(m_folder.path() / "data" / "evidence"),
                      std::filesystem::directory_iterator{}),
        2);
}

}  // namespace
}  // namespace redress
