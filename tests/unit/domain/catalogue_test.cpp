// Every code, status, aspect and channel the domain names has a message in every language,
// so that no user ever sees a bare key.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "domain/complaint_status.hpp"
#include "domain/completeness.hpp"
#include "domain/received_filing.hpp"

namespace redress::domain {
namespace {

// The codes validate() reports (validation_test exercises each one).
const char* const k_error_codes[] = {
    "required",
    "too_long",
    "too_many",
    "invalid_text",
    "invalid_choice",
    "invalid_email",
    "invalid_phone",
    "invalid_date",
    "future_date",
    "invalid_time",
    "unknown_category",
    "unknown_office",
    "anonymous_with_identity",
    "replies_need_email",
    "replies_need_identity",
    "relationship_required",
    "consent_required",
};

// Enough of the .po syntax for these files: one-line msgid, msgstr possibly continued on
// the lines that follow (as the header is); escapes are left as written. The real parser is
// i18n::Catalogue.
std::map<std::string, std::string> read_po(const std::filesystem::path& path) {
    std::ifstream in(path);
    EXPECT_TRUE(in) << path;
    std::map<std::string, std::string> messages;
    std::string line;
    std::string id;
    std::string* last = nullptr;  // the msgstr a continued string adds to
    const auto quoted = [](const std::string& text, std::size_t from) {
        const auto open = text.find('"', from);
        const auto close = text.rfind('"');
        return text.substr(open + 1, close - open - 1);
    };
    while (std::getline(in, line)) {
        if (line.rfind("msgid ", 0) == 0) {
            id = quoted(line, 6);
        } else if (line.rfind("msgstr ", 0) == 0) {
            EXPECT_FALSE(messages.contains(id)) << path << ": " << id << " twice";
            messages[id] = quoted(line, 7);
            last = &messages[id];
        } else if (line.rfind('"', 0) == 0 && last != nullptr) {
            *last += quoted(line, 0);
        } else {
            last = nullptr;
        }
    }
    return messages;
}

std::vector<std::string> required_keys() {
    std::vector<std::string> keys;
    for (const char* code : k_error_codes) keys.push_back(std::string("error.") + code);
    for (auto status : {Status::received, Status::acknowledged, Status::triaged, Status::referred,
                        Status::investigating, Status::findings, Status::closed}) {
        const std::string name(status_name(status));
        keys.push_back("status." + name);
        keys.push_back("status." + name + ".next");
    }
    for (auto aspect :
         {Aspect::who, Aspect::what, Aspect::where, Aspect::when, Aspect::how, Aspect::witnesses}) {
        keys.push_back("aspect." + aspect_name(aspect));
        keys.push_back("aspect." + aspect_name(aspect) + ".hint");
    }
    for (auto channel : {Channel::web, Channel::api, Channel::email, Channel::phone, Channel::mail,
                         Channel::referral}) {
        keys.push_back("channel." + std::string(channel_name(channel)));
    }
    return keys;
}

class ErrorsCatalogue : public ::testing::TestWithParam<const char*> {};

TEST_P(ErrorsCatalogue, HasEveryMessageTheDomainNeeds) {
    const auto path =
        std::filesystem::path(REDRESS_SHARE_DIR) / "locale" / GetParam() / "errors.po";
    const auto messages = read_po(path);
    ASSERT_TRUE(messages.contains("")) << "no header entry in " << path;
    EXPECT_NE(messages.at("").find("charset=UTF-8"), std::string::npos);
    for (const auto& key : required_keys()) {
        ASSERT_TRUE(messages.contains(key)) << path << " lacks " << key;
        EXPECT_FALSE(messages.at(key).empty()) << path << ": " << key;
    }
}

TEST_P(ErrorsCatalogue, LimitsAreShownWhereThereIsOne) {
    const auto messages =
        read_po(std::filesystem::path(REDRESS_SHARE_DIR) / "locale" / GetParam() / "errors.po");
    for (const char* key : {"error.too_long", "error.too_many"}) {
        ASSERT_TRUE(messages.contains(key));
        EXPECT_NE(messages.at(key).find("{limit}"), std::string::npos) << GetParam() << key;
    }
}

INSTANTIATE_TEST_SUITE_P(Languages, ErrorsCatalogue, ::testing::Values("en", "es"));

TEST(ErrorsCatalogue, EnglishAndSpanishHaveTheSameKeys) {
    const auto dir = std::filesystem::path(REDRESS_SHARE_DIR) / "locale";
    const auto en = read_po(dir / "en" / "errors.po");
    const auto es = read_po(dir / "es" / "errors.po");
    for (const auto& [key, text] : en) EXPECT_TRUE(es.contains(key)) << "es lacks " << key;
    for (const auto& [key, text] : es) EXPECT_TRUE(en.contains(key)) << "en lacks " << key;
}

}  // namespace
}  // namespace redress::domain
