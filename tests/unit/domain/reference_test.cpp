#include "domain/reference.hpp"

#include <gtest/gtest.h>

namespace redress::domain {
namespace {

TEST(Reference, TextPadsTheSequenceToSixDigits) {
    EXPECT_EQ((Reference{"OPR", 2026, 17}.text()), "OPR-2026-000017");
    EXPECT_EQ((Reference{"OIG", 2027, 1}.text()), "OIG-2027-000001");
    EXPECT_EQ((Reference{"OPR", 2026, 999999}.text()), "OPR-2026-999999");
}

TEST(Reference, TextGrowsPastSixDigitsWhenNeeded) {
    EXPECT_EQ((Reference{"OPR", 2026, 1234567}.text()), "OPR-2026-1234567");
}

TEST(ParseReference, ReadsTheCanonicalForm) {
    const auto reference = parse_reference("OPR-2026-000017");
    ASSERT_TRUE(reference);
    EXPECT_EQ(*reference, (Reference{"OPR", 2026, 17}));
}

TEST(ParseReference, AcceptsLowerCaseAndSurroundingSpaces) {
    EXPECT_EQ(parse_reference("  opr-2026-000017\n"), (Reference{"OPR", 2026, 17}));
    EXPECT_EQ(parse_reference("Oig-2030-1234567"), (Reference{"OIG", 2030, 1234567}));
}

TEST(ParseReference, RoundTripsThroughText) {
    const Reference original{"CRB", 2099, 424242};
    EXPECT_EQ(parse_reference(original.text()), original);
}

TEST(ParseReference, RejectsWhatIsNotAReference) {
    for (const char* text : {
             "",
             "OPR",
             "OPR-2026",
             "OPR-2026-17",            // sequence shorter than six digits
             "OPR-2026-0000017",       // not the canonical padding
             "OPR-2026-000000",        // sequences start at 1
             "OPR-1999-000001",        // before 2000
             "OPR-26-000017",          // two-digit year
             "OPR-20266-000017",       // five-digit year
             "O-2026-000017",          // prefix too short
             "ABCDEFGHI-2026-000017",  // prefix too long
             "OP1-2026-000017",        // digit in prefix
             "OPR-2026-00001A",
             "OPR 2026 000017",
             "OPR-2026-000017-1",
             "OPR--2026-000017",
             "OPR-2026-+00017",
             "OPR-2026-1234567890123456789",  // does not fit
             "OPR - 2026 - 000017",
         }) {
        EXPECT_FALSE(parse_reference(text)) << text;
    }
}

}  // namespace
}  // namespace redress::domain
