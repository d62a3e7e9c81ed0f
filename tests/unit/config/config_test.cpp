#include "config/config.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "domain/calendar.hpp"
#include "support/temp_folder.hpp"

namespace redress::config {
namespace {

const std::filesystem::path k_sample =
    std::filesystem::path(REDRESS_SHARE_DIR) / "config" / "redress.sample.toml";

class ConfigTest : public ::testing::Test {
  protected:
    Sources sources_with(const std::string& toml) {
        const auto file = m_dir / "redress.toml";
        std::ofstream(file) << toml;
        return {m_dir.path(), REDRESS_SHARE_DIR, file, {}, {}};
    }
    Sources sample_sources() { return {m_dir.path(), REDRESS_SHARE_DIR, k_sample, {}, {}}; }

    testing::TempFolder m_dir;
};

constexpr const char* k_one_office = R"(
[[office]]
id = "opr"
reference_prefix = "OPR"
name = "Office of Professional Responsibility"
)";

TEST_F(ConfigTest, TheSampleModelsTheSeed) {
    const auto config = load(sample_sources());
    ASSERT_TRUE(config) << config.error().message;
    const auto& deployment = config->deployment;
    ASSERT_NE(deployment.find_office("opr"), nullptr);
    ASSERT_NE(deployment.find_office("oig"), nullptr);
    ASSERT_NE(deployment.find_office("police"), nullptr);
    EXPECT_EQ(deployment.find_office("police")->kind, domain::OfficeKind::external);
    EXPECT_EQ(deployment.find_office("opr")->reference_prefix, "OPR");
    EXPECT_EQ(deployment.find_office("opr")->name.in("es"),
              "Oficina de Responsabilidad Profesional");
    EXPECT_EQ(deployment.find_office("oig")->service_levels.acknowledge_days, 3);
    EXPECT_EQ(deployment.default_office, "opr");
    EXPECT_NE(deployment.find_category("bribery-corruption"), nullptr);
    EXPECT_GE(deployment.rules.size(), 4u);
    EXPECT_EQ(config->server.port, 8080);
    EXPECT_EQ(config->server.listen_address, "127.0.0.1");
}

TEST_F(ConfigTest, DefaultsAllowSixtyFourConnectionsFromOneAddress) {
    const auto config = load(sample_sources());
    ASSERT_TRUE(config);
    EXPECT_GE(config->server.max_connections_per_address, 64u);
    EXPECT_GE(config->server.max_connections, 64u);
}

TEST_F(ConfigTest, TrustedProxiesMayBeAListInTheFile) {
    const auto config =
        load(sources_with(std::string(k_one_office) +
                          "[server]\ntrusted_proxies = [\"127.0.0.1\", \"10.0.0.0/8\"]\n"
                          "proxy_protocol = true\nforwarded_header = \"forwarded\"\n"));
    ASSERT_TRUE(config) << config.error().message;
    EXPECT_EQ(config->server.trusted_proxies, "127.0.0.1, 10.0.0.0/8");
    EXPECT_TRUE(config->server.proxy_protocol);
    EXPECT_EQ(config->server.forwarded_header, "forwarded");
}

TEST_F(ConfigTest, RefusesAListOfNumbersAndAnUnknownForwardedHeader) {
    EXPECT_FALSE(
        load(sources_with(std::string(k_one_office) + "[server]\ntrusted_proxies = [1, 2]\n")));
    EXPECT_FALSE(load(
        sources_with(std::string(k_one_office) + "[server]\nforwarded_header = \"x-real-ip\"\n")));
    EXPECT_FALSE(
        load(sources_with(std::string(k_one_office) + "[server]\nproxy_protocol = \"yes\"\n")));
}

TEST_F(ConfigTest, PathsDefaultToTheDataFolder) {
    const auto config = load(sample_sources());
    ASSERT_TRUE(config);
    EXPECT_EQ(config->storage.sqlite_path, m_dir.path() / "redress.sqlite3");
    EXPECT_EQ(config->key_file, m_dir.path() / "redress.key");
}

TEST_F(ConfigTest, EnvironmentOverridesTheFileAndFlagsOverrideTheEnvironment) {
    auto sources = sources_with(std::string(k_one_office) + "[server]\nthreads = 3\n");
    sources.environment = {{"REDRESS_SERVER_THREADS", "5"}, {"HOME", "/root"}};
    auto config = load(sources);
    ASSERT_TRUE(config) << config.error().message;
    EXPECT_EQ(config->server.threads, 5);
    sources.flags = {{"server.threads", "7"}};
    config = load(sources);
    ASSERT_TRUE(config);
    EXPECT_EQ(config->server.threads, 7);
}

TEST_F(ConfigTest, ListenTakesIpv6) {
    auto sources = sources_with(k_one_office);
    sources.flags = {{"server.listen", "[::1]:9000"}};
    const auto config = load(sources);
    ASSERT_TRUE(config) << config.error().message;
    EXPECT_EQ(config->server.listen_address, "::1");
    EXPECT_EQ(config->server.port, 9000);
}

TEST_F(ConfigTest, RefusesAnUnknownSettingByName) {
    const auto config = load(sources_with(std::string(k_one_office) + "[server]\nthread = 3\n"));
    ASSERT_FALSE(config);
    EXPECT_NE(config.error().message.find("unknown setting 'server.thread'"), std::string::npos);
}

TEST_F(ConfigTest, RefusesABadValueNamingTheSetting) {
    auto sources = sources_with(k_one_office);
    sources.flags = {{"server.listen", "127.0.0.1:99999"}};
    const auto config = load(sources);
    ASSERT_FALSE(config);
    EXPECT_NE(config.error().message.find("server.listen"), std::string::npos);
}

TEST_F(ConfigTest, RefusesAnUnknownSection) {
    const auto config = load(sources_with(std::string(k_one_office) + "[serverr]\nx = 1\n"));
    ASSERT_FALSE(config);
    EXPECT_NE(config.error().message.find("unknown section 'serverr'"), std::string::npos);
}

TEST_F(ConfigTest, ReportsWhereTheTomlIsMalformed) {
    const auto config = load(sources_with("[[office]\nid = \"x\"\n"));
    ASSERT_FALSE(config);
    EXPECT_NE(config.error().message.find("redress.toml:1:"), std::string::npos);
}

TEST_F(ConfigTest, RefusesARuleNamingAnUnknownOffice) {
    const auto config = load(sources_with(std::string(k_one_office) + R"(
[[rule]]
id = "corruption"
offices = ["oig"]
explanation = "Corruption goes to the inspector general."
)"));
    ASSERT_FALSE(config);
    EXPECT_NE(config.error().message.find("oig"), std::string::npos);
}

TEST_F(ConfigTest, RefusesARuleWithoutExplanation) {
    const auto config = load(sources_with(std::string(k_one_office) + R"(
[[rule]]
id = "misconduct"
offices = ["opr"]
)"));
    ASSERT_FALSE(config);
    EXPECT_NE(config.error().message.find("explanation"), std::string::npos);
}

TEST_F(ConfigTest, RefusesAnOfficeWithoutPrefix) {
    const auto config = load(sources_with("[[office]]\nid = \"opr\"\nname = \"OPR\"\n"));
    ASSERT_FALSE(config);
    EXPECT_NE(config.error().message.find("reference_prefix"), std::string::npos);
}

TEST_F(ConfigTest, RefusesADatabaseThisBuildLacks) {
    auto sources = sources_with(k_one_office);
    sources.flags = {{"storage.database", "oracle://db"}};
    const auto config = load(sources);
    ASSERT_FALSE(config);
    EXPECT_NE(config.error().message.find("postgresql://"), std::string::npos);
}

TEST_F(ConfigTest, TakesAPostgresqlDatabase) {
    auto sources = sources_with(k_one_office);
    sources.flags = {{"storage.database", "postgresql://redress@10.0.0.5:5432/redress"}};
    const auto config = load(sources);
    ASSERT_TRUE(config) << config.error().message;
    EXPECT_EQ(config->storage.database, "postgresql://redress@10.0.0.5:5432/redress");
}

TEST_F(ConfigTest, RefusesAMissingFile) {
    Sources sources{m_dir.path(), REDRESS_SHARE_DIR, m_dir / "absent.toml", {}, {}};
    EXPECT_FALSE(load(sources));
}

TEST_F(ConfigTest, AConfigurationFromBeforeStillLoads) {
    // A data folder made by an earlier redress has settings that are no longer used.
    const auto config =
        load(sources_with(std::string(k_one_office) + "\n[storage]\nrecent_complaints = 100000\n"
                                                      "read_connections = 8\n"));
    ASSERT_TRUE(config) << config.error().message;
    EXPECT_EQ(config->storage.read_connections, 8u);
}

TEST_F(ConfigTest, TheKeyFileMayBeNamedApartFromTheData) {
    auto sources = sources_with(k_one_office);
    sources.flags = {{"keys.file", "/srv/keys/redress.key"}, {"keys.signing_generation", "3"}};
    const auto config = load(sources);
    ASSERT_TRUE(config) << config.error().message;
    EXPECT_EQ(config->key_file, "/srv/keys/redress.key");
    EXPECT_EQ(config->signing_generation, 3u);
}

TEST_F(ConfigTest, TheSampleKeepsNewYorkTimeAndFederalHolidays) {
    const auto config = load(sample_sources());
    ASSERT_TRUE(config) << config.error().message;
    EXPECT_EQ(config->time_zone, "America/New_York");
    const auto& zone = config->deployment.time_zone;
    EXPECT_EQ(zone.name(), "America/New_York");
    const domain::Date christmas{std::chrono::year{2026}, std::chrono::December,
                                 std::chrono::day{25}};
    EXPECT_EQ(zone.start_of_day(christmas).time_since_epoch(),
              (std::chrono::sys_days{christmas} + std::chrono::hours{5}).time_since_epoch());
    const auto& opr = config->deployment.find_office("opr")->calendar;
    EXPECT_EQ(opr.holidays.size(), 23u);
    EXPECT_TRUE(std::binary_search(opr.holidays.begin(), opr.holidays.end(), christmas));
    EXPECT_TRUE(opr.working_days.contains(std::chrono::Monday));
    EXPECT_FALSE(opr.working_days.contains(std::chrono::Saturday));
    EXPECT_EQ(config->deployment.find_office("oig")->calendar.holidays, opr.holidays);
    EXPECT_TRUE(config->deployment.find_office("police")->calendar.holidays.empty());
}

TEST_F(ConfigTest, TheTimeZoneIsUtcUnlessSetAndMayComeFromTheEnvironment) {
    const auto plain = load(sources_with(k_one_office));
    ASSERT_TRUE(plain) << plain.error().message;
    EXPECT_EQ(plain->deployment.time_zone.name(), "UTC");

    auto sources = sources_with(std::string(k_one_office) +
                                "[deployment]\ntime_zone = \"America/New_York\"\n");
    sources.environment = {{"REDRESS_DEPLOYMENT_TIME_ZONE", "Europe/Paris"}};
    const auto paris = load(sources);
    ASSERT_TRUE(paris) << paris.error().message;
    EXPECT_EQ(paris->deployment.time_zone.name(), "Europe/Paris");
}

TEST_F(ConfigTest, RefusesAnUnknownTimeZoneNamingIt) {
    const auto config = load(
        sources_with(std::string(k_one_office) + "[deployment]\ntime_zone = \"America/Gotham\"\n"));
    ASSERT_FALSE(config);
    EXPECT_NE(config.error().message.find("deployment.time_zone"), std::string::npos);
    EXPECT_NE(config.error().message.find("America/Gotham"), std::string::npos);
}

TEST_F(ConfigTest, ReadsAnOfficesWorkingDaysAndHolidays) {
    const auto config = load(sources_with(std::string(k_one_office) + R"(
working_days = ["sun", "mon", "tue", "wed", "thu"]
holidays = ["2026-12-25", 2027-01-01, "2026-11-26"]
)"));
    ASSERT_TRUE(config) << config.error().message;
    const auto& calendar = config->deployment.find_office("opr")->calendar;
    EXPECT_TRUE(calendar.working_days.contains(std::chrono::Sunday));
    EXPECT_FALSE(calendar.working_days.contains(std::chrono::Friday));
    ASSERT_EQ(calendar.holidays.size(), 3u);
    EXPECT_EQ(domain::iso_date(calendar.holidays.front()), "2026-11-26");
    EXPECT_EQ(domain::iso_date(calendar.holidays.back()), "2027-01-01");
}

TEST_F(ConfigTest, RefusesBadHolidaysAndWorkingDaysNamingTheOffice) {
    const auto refused = [&](const std::string& lines, std::string_view expected) {
        const auto config = load(sources_with(std::string(k_one_office) + lines));
        ASSERT_FALSE(config) << lines;
        EXPECT_NE(config.error().message.find("office 'opr'"), std::string::npos)
            << config.error().message;
        EXPECT_NE(config.error().message.find(expected), std::string::npos)
            << config.error().message;
    };
    refused("holidays = [\"2026-02-30\"]\n", "2026-02-30");
    refused("holidays = [\"25/12/2026\"]\n", "25/12/2026");
    refused("holidays = [\"2026-12-25\", \"2026-12-25\"]\n", "listed twice");
    refused("holidays = \"2026-12-25\"\n", "holidays");
    refused("holidays = [20261225]\n", "not a date");
    refused("working_days = [\"mon\", \"funday\"]\n", "funday");
    refused("working_days = [\"mon\", \"mon\"]\n", "listed twice");
    refused("working_days = []\n", "no working day");
}

TEST_F(ConfigTest, RefusesTooManyHolidays) {
    std::string list = "holidays = [";
    for (int i = 0; i <= 1000; ++i) {
        const std::chrono::sys_days day =
            std::chrono::sys_days{std::chrono::year{2026} / 1 / 1} + std::chrono::days{i};
        list += "\"" + domain::iso_date(domain::Date{day}) + "\", ";
    }
    list += "]\n";
    const auto config = load(sources_with(std::string(k_one_office) + list));
    ASSERT_FALSE(config);
    EXPECT_NE(config.error().message.find("at most 1000"), std::string::npos);
}

}  // namespace
}  // namespace redress::config
