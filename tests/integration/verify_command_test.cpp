// `redress verify-confirmation`: anyone with the deployment's published public key checks
// a proof of filing offline, without the site or its data.

#include <fstream>

#include "integration/server_suite.hpp"
#include "support/redress_command.hpp"

namespace redress::testing {
namespace {

CommandOutcome verify(const std::string& public_key, const std::filesystem::path& confirmation,
                      const std::filesystem::path& scratch) {
    return run_redress({"verify-confirmation", "--public-key", public_key, confirmation.string()},
                       scratch);
}

class VerifyCommand : public ServerSuite {};

TEST_F(VerifyCommand, TellsAGenuineConfirmationFromAnAlteredOne) {
    auto connection = connect();
    const auto filed = connection.post_json(
        "/api/v1/complaints", R"({"incident": {"narrative": "An officer pushed me."}})");
    ASSERT_EQ(filed.status, 201) << filed.body;
    const auto answer = nlohmann::json::parse(filed.body);
    const std::string text = answer.at("confirmation").at("text");
    const auto keys =
        nlohmann::json::parse(connection.get("/.well-known/redress-signing-keys").body);
    const std::string public_key = keys.at("keys").at(0).at("public_key");

    TempFolder scratch;
    const auto file = scratch.path() / "confirmation.txt";
    std::ofstream(file) << text;
    const CommandOutcome genuine = verify(public_key, file, scratch.path());
    EXPECT_EQ(genuine.exit_code, 0) << genuine.output;
    EXPECT_NE(genuine.output.find("genuine"), std::string::npos);
    EXPECT_NE(genuine.output.find(answer.at("complaints").at(0).at("reference").get<std::string>()),
              std::string::npos);

    std::string altered = text;
    const auto at = altered.find("Received-At: ") + 13;
    altered[at + 3] = altered[at + 3] == '9' ? '8' : '9';  // another year
    std::ofstream(file) << altered;
    const CommandOutcome changed = verify(public_key, file, scratch.path());
    EXPECT_EQ(changed.exit_code, 1);
    EXPECT_NE(changed.output.find("ALTERED"), std::string::npos) << changed.output;
}

}  // namespace
}  // namespace redress::testing
