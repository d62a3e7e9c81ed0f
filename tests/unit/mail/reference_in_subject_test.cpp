#include "mail/reference_in_subject.hpp"

#include <gtest/gtest.h>

namespace redress::mail {
namespace {

TEST(ReferenceInSubject, FindsTheReferenceAnywhereInTheSubject) {
    EXPECT_EQ(reference_in_subject("Re: Your complaint OPR-2026-000017 [redress]"),
              "OPR-2026-000017");
    EXPECT_EQ(reference_in_subject("OPR-2026-000017"), "OPR-2026-000017");
    EXPECT_EQ(reference_in_subject("AW: [OIG-2027-1234567]"), "OIG-2027-1234567");
    EXPECT_EQ(reference_in_subject("Re:OPR-2026-000017."), "OPR-2026-000017");
    EXPECT_EQ(reference_in_subject("Réf. (opr-2026-000017) — suite"), "OPR-2026-000017");
}

TEST(ReferenceInSubject, AnswersInCanonicalForm) {
    EXPECT_EQ(reference_in_subject("re: opr-2026-000017"), "OPR-2026-000017");
}

TEST(ReferenceInSubject, TakesTheFirstReference) {
    EXPECT_EQ(reference_in_subject("OPR-2026-000017 and OPR-2026-000018"), "OPR-2026-000017");
}

TEST(ReferenceInSubject, SkipsWordsThatAreNotReferences) {
    EXPECT_EQ(reference_in_subject("Re: 2026-000017 then OPR-2026-000019"), "OPR-2026-000019");
}

TEST(ReferenceInSubject, FindsNothingWithoutACanonicalReference) {
    EXPECT_FALSE(reference_in_subject(""));
    EXPECT_FALSE(reference_in_subject("Re: my complaint"));
    EXPECT_FALSE(reference_in_subject("OPR-2026-17"));            // too short a sequence
    EXPECT_FALSE(reference_in_subject("OPR-2026-0000017"));       // not the canonical spelling
    EXPECT_FALSE(reference_in_subject("XOPR2026-000017"));        // no dash after the prefix
    EXPECT_FALSE(reference_in_subject("OPR-2026-000017-2"));      // part of a longer word
    EXPECT_FALSE(reference_in_subject("ABCDEFGHI-2026-000017"));  // prefix too long
    EXPECT_FALSE(reference_in_subject("OPR-1999-000017"));        // before any complaint
}

}  // namespace
}  // namespace redress::mail
