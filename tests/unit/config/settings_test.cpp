#include "config/settings.hpp"

#include <gtest/gtest.h>

#include <set>

namespace redress::config {
namespace {

TEST(SettingsTest, NamesEnvironmentVariablesAndFlagsFromTheSettingName) {
    const auto* setting = find_setting("server.max_body_bytes");
    ASSERT_NE(setting, nullptr);
    EXPECT_EQ(setting->environment_variable(), "REDRESS_SERVER_MAX_BODY_BYTES");
    EXPECT_EQ(setting->flag(), "--server-max-body-bytes");
}

TEST(SettingsTest, EverySettingHasHelpAndAUniqueName) {
    std::set<std::string_view> names;
    for (const auto& setting : settings()) {
        EXPECT_FALSE(setting.help.empty()) << setting.name;
        EXPECT_TRUE(names.insert(setting.name).second) << setting.name;
    }
}

TEST(SettingsTest, ShowsWhatItApplied) {
    Config config;
    const auto* setting = find_setting("server.read_timeout_seconds");
    ASSERT_NE(setting, nullptr);
    ASSERT_TRUE(setting->apply(config, "12"));
    EXPECT_EQ(config.server.read_timeout, std::chrono::seconds(12));
    EXPECT_EQ(setting->show(config), "12");
}

TEST(SettingsTest, RefusesNumbersOutOfRangeOrWithTrailingText) {
    Config config;
    const auto* setting = find_setting("server.max_header_bytes");
    ASSERT_NE(setting, nullptr);
    EXPECT_FALSE(setting->apply(config, "12kb"));
    EXPECT_FALSE(setting->apply(config, "-1"));
    EXPECT_FALSE(setting->apply(config, "10"));
    EXPECT_EQ(config.server.max_header_bytes, 16u * 1024u);
}

}  // namespace
}  // namespace redress::config
