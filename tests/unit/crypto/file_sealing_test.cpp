#include "crypto/file_sealing.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <string>

#include "crypto/sha256.hpp"
#include "support/filled_key.hpp"

namespace redress::crypto {
namespace {

// A file of its own for each test, gone when the test ends.
class SealedFile : public ::testing::Test {
  protected:
    void SetUp() override {
        m_file = std::tmpfile();
        ASSERT_NE(m_file, nullptr);
        m_fd = ::fileno(m_file);
    }
    void TearDown() override { std::fclose(m_file); }

    util::Expected<std::string> round_trip(const Key& key, const std::string& text,
                                           std::uint64_t max) {
        EXPECT_TRUE(seal_to_file(key, text, m_fd));
        ::lseek(m_fd, 0, SEEK_SET);
        return open_sealed_file(key, m_fd, max);
    }

    std::string contents() {
        struct stat info {};
        ::fstat(m_fd, &info);
        std::string bytes(static_cast<std::size_t>(info.st_size), '\0');
        ::pread(m_fd, bytes.data(), bytes.size(), 0);
        return bytes;
    }

    std::FILE* m_file = nullptr;
    int m_fd = -1;
};

TEST_F(SealedFile, OpensToWhatWasSealedAtAnySize) {
    init();
    const Key key = ::redress::testing::filled_key(7);
    for (const std::size_t size : {0UL, 1UL, 65535UL, 65536UL, 65537UL, 300000UL}) {
        ASSERT_EQ(::ftruncate(m_fd, 0), 0);
        ::lseek(m_fd, 0, SEEK_SET);
        std::string text(size, '\0');
        for (std::size_t i = 0; i < size; ++i) text[i] = static_cast<char>(i * 31);
        const auto opened = round_trip(key, text, size);
        ASSERT_TRUE(opened) << size;
        EXPECT_EQ(*opened, text);
        EXPECT_EQ(contents().size(), sealed_size(size));
        if (size > 16) {
            EXPECT_EQ(contents().find(text.substr(0, 16)), std::string::npos);
        }
    }
}

TEST_F(SealedFile, AlteredCutOrForeignFilesDoNotOpen) {
    init();
    const Key key = ::redress::testing::filled_key(7);
    const std::string text(100000, 'x');
    ASSERT_TRUE(round_trip(key, text, text.size()));
    // Another key.
    ::lseek(m_fd, 0, SEEK_SET);
    EXPECT_FALSE(open_sealed_file(::redress::testing::filled_key(8), m_fd, text.size()));
    // Larger than allowed.
    ::lseek(m_fd, 0, SEEK_SET);
    EXPECT_FALSE(open_sealed_file(key, m_fd, text.size() - 1));
    // One byte changed.
    std::string sealed = contents();
    sealed[sealed.size() / 2] ^= 1;
    ::pwrite(m_fd, sealed.data(), sealed.size(), 0);
    ::lseek(m_fd, 0, SEEK_SET);
    EXPECT_FALSE(open_sealed_file(key, m_fd, text.size()));
    // Cut after the first chunk.
    sealed[sealed.size() / 2] ^= 1;
    ASSERT_EQ(::ftruncate(m_fd, 0), 0);
    ::pwrite(m_fd, sealed.data(), 24 + 65536 + 17, 0);
    ::lseek(m_fd, 0, SEEK_SET);
    EXPECT_FALSE(open_sealed_file(key, m_fd, text.size()));
}

std::string hex(const std::array<std::uint8_t, 32>& digest) {
    static constexpr char k_hex[] = "0123456789abcdef";
    std::string text;
    for (const auto byte : digest) {
        text += k_hex[byte >> 4];
        text += k_hex[byte & 0xF];
    }
    return text;
}

TEST(Sha256, IsTheStandardDigest) {
    // FIPS 180-2's examples, and the empty input.
    EXPECT_EQ(hex(sha256("abc")),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(hex(sha256("")), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(hex(sha256(std::string(1000000, 'a'))),
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

}  // namespace
}  // namespace redress::crypto
