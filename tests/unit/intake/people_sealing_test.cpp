#include "intake/people_sealing.hpp"

#include <gtest/gtest.h>

#include "support/filled_key.hpp"

namespace redress::intake {
namespace {

class PeopleSealingTest : public ::testing::Test {
  protected:
    void SetUp() override { crypto::init(); }
};

TEST_F(PeopleSealingTest, AnAnonymousFilingWithoutWitnessesKeepsNothing) {
    domain::Filing filing;
    filing.complainant.confidentiality = "anonymous";
    filing.incident.narrative = "text";
    EXPECT_TRUE(seal_people(filing, testing::filled_key(1)).empty());
}

TEST_F(PeopleSealingTest, OpensWhatItSealed) {
    domain::Filing filing;
    filing.complainant = {"confidential", "Ana Ruiz",  "ana@example.org",
                          "+1 555 0100",  "1 Main St", "es",
                          true,           false};
    filing.on_behalf = {true, "sister", "Luis Ruiz", "Adelanto", "A123456789", "given"};
    filing.witnesses = {{"Pedro", "pedro@example.org", "He saw it."}};
    const auto sealed = seal_people(filing, testing::filled_key(1));
    const auto people = open_people(sealed, testing::filled_key(1));
    ASSERT_TRUE(people);
    EXPECT_EQ(people->complainant.name, "Ana Ruiz");
    EXPECT_EQ(people->complainant.email, "ana@example.org");
    EXPECT_TRUE(people->complainant.replies_by_email);
    EXPECT_TRUE(people->on_behalf.applies);
    EXPECT_EQ(people->on_behalf.case_number, "A123456789");
    ASSERT_EQ(people->witnesses.size(), 1u);
    EXPECT_EQ(people->witnesses[0].account, "He saw it.");
}

TEST_F(PeopleSealingTest, AnotherKeyCannotOpenIt) {
    domain::Filing filing;
    filing.complainant = {"open", "Ana Ruiz", "", "", "", "", false, false};
    const auto sealed = seal_people(filing, testing::filled_key(1));
    EXPECT_FALSE(open_people(sealed, testing::filled_key(2)));
}

}  // namespace
}  // namespace redress::intake
