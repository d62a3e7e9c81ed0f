#include "domain/validation.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>

#include "sample_deployment.hpp"

namespace redress::domain {
namespace {

using testing::subject;
using testing::witness;

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing::sample_deployment;

const std::string k_today = "2026-11-27";

Filing minimal() {
    Filing filing;
    filing.incident.narrative = "An officer pushed me to the ground.";
    return filing;
}

std::vector<FieldError> check(const Filing& filing, const Limits& limits = {}) {
    return validate(filing, sample_deployment(), k_today, limits);
}

FieldError error(std::string field, std::string code, long limit = 0) {
    return FieldError{std::move(field), std::move(code), limit};
}

// One field of a filing, by the path validate() reports for it.
struct Field {
    std::string path;
    std::function<void(Filing&, const std::string&)> set;
};

void add_subject(Filing& f) {
    f.subjects.resize(1);
}
void add_witnesses(Filing& f) {
    f.witnesses.resize(2);
}

std::vector<Field> short_fields() {
    return {
        {"complainant.name", [](Filing& f, const std::string& v) { f.complainant.name = v; }},
        {"on_behalf.relationship",
         [](Filing& f, const std::string& v) { f.on_behalf.relationship = v; }},
        {"on_behalf.person_name",
         [](Filing& f, const std::string& v) { f.on_behalf.person_name = v; }},
        {"on_behalf.detention_facility",
         [](Filing& f, const std::string& v) { f.on_behalf.detention_facility = v; }},
        {"on_behalf.case_number",
         [](Filing& f, const std::string& v) { f.on_behalf.case_number = v; }},
        {"incident.when_description",
         [](Filing& f, const std::string& v) { f.incident.when_description = v; }},
        {"incident.place", [](Filing& f, const std::string& v) { f.incident.place = v; }},
        {"incident.city", [](Filing& f, const std::string& v) { f.incident.city = v; }},
        {"incident.region", [](Filing& f, const std::string& v) { f.incident.region = v; }},
        {"subjects[0].name",
         [](Filing& f, const std::string& v) {
             add_subject(f);
             f.subjects[0].name = v;
         }},
        {"subjects[0].badge",
         [](Filing& f, const std::string& v) {
             add_subject(f);
             f.subjects[0].badge = v;
         }},
        {"subjects[0].agency",
         [](Filing& f, const std::string& v) {
             add_subject(f);
             f.subjects[0].agency = v;
         }},
        {"subjects[0].component",
         [](Filing& f, const std::string& v) {
             add_subject(f);
             f.subjects[0].component = v;
         }},
        {"subjects[0].unit",
         [](Filing& f, const std::string& v) {
             add_subject(f);
             f.subjects[0].unit = v;
         }},
        {"subjects[0].vehicle",
         [](Filing& f, const std::string& v) {
             add_subject(f);
             f.subjects[0].vehicle = v;
         }},
        {"witnesses[1].name",
         [](Filing& f, const std::string& v) {
             add_witnesses(f);
             f.witnesses[1].name = v;
         }},
    };
}

// Long fields, and whether they are multi-line.
std::vector<std::pair<Field, bool>> long_fields() {
    return {
        {{"complainant.postal_address",
          [](Filing& f, const std::string& v) { f.complainant.postal_address = v; }},
         true},
        {{"incident.injuries", [](Filing& f, const std::string& v) { f.incident.injuries = v; }},
         true},
        {{"subjects[0].description",
          [](Filing& f, const std::string& v) {
              add_subject(f);
              f.subjects[0].description = v;
          }},
         true},
        {{"subjects[0].uniform",
          [](Filing& f, const std::string& v) {
              add_subject(f);
              f.subjects[0].uniform = v;
          }},
         true},
        {{"witnesses[1].contact",
          [](Filing& f, const std::string& v) {
              add_witnesses(f);
              f.witnesses[1].contact = v;
          }},
         false},
        {{"witnesses[1].account",
          [](Filing& f, const std::string& v) {
              add_witnesses(f);
              f.witnesses[1].account = v;
          }},
         true},
    };
}

// A filing where `field` holds `value` and nothing else could be wrong.
Filing with(const Field& field, const std::string& value) {
    Filing filing = minimal();
    filing.complainant.confidentiality = "confidential";  // so an identity may be given
    filing.on_behalf.applies = true;
    filing.on_behalf.relationship = "sister";
    filing.on_behalf.consent = "given";
    field.set(filing, value);
    return filing;
}

std::string repeat(std::string_view piece, std::size_t times) {
    std::string out;
    for (std::size_t i = 0; i < times; ++i) out += piece;
    return out;
}

TEST(Validate, OnlyANarrativeIsRequired) {
    EXPECT_THAT(check(minimal()), IsEmpty());
}

TEST(Validate, AMissingNarrativeIsRequired) {
    EXPECT_THAT(check(Filing{}), ElementsAre(error("incident.narrative", "required")));
    Filing blank = minimal();
    blank.incident.narrative = " \n\t ";
    EXPECT_THAT(check(blank), ElementsAre(error("incident.narrative", "required")));
}

TEST(Validate, AFullFilingIsValid) {
    Filing filing = minimal();
    filing.complainant = Complainant{"confidential",
                                     "Ana Peña",
                                     "ana@example.org",
                                     "+1 (555) 010-2030",
                                     "12 Calle Uno\nEl Paso, TX",
                                     "es",
                                     true,
                                     false};
    filing.on_behalf = OnBehalf{
        true, "sister", "Luis Peña", "Otero County Processing Center", "A123-456-789", "unable"};
    filing.incident.date = "2026-11-27";
    filing.incident.date_precision = "exact";
    filing.incident.time = "23:59";
    filing.incident.place = "Bus station";
    filing.incident.categories = {"excessive-force", "theft"};
    filing.subjects.push_back(Subject{"", "4471", "ICE", "ERO", "", "tall\ngrey beard", "", ""});
    filing.witnesses.push_back(Witness{"Marta", "marta@example.org", "She saw it\nall."});
    filing.offices = {"opr", "oig"};
    filing.language = "es-MX";
    EXPECT_THAT(check(filing), IsEmpty());
}

TEST(Validate, ShortFieldsAreLimitedInCodePoints) {
    for (const auto& field : short_fields()) {
        EXPECT_THAT(check(with(field, std::string(200, 'x'))), IsEmpty()) << field.path;
        EXPECT_THAT(check(with(field, repeat("ñ", 200))), IsEmpty()) << field.path;
        EXPECT_THAT(check(with(field, std::string(201, 'x'))),
                    ElementsAre(error(field.path, "too_long", 200)))
            << field.path;
    }
}

TEST(Validate, LongFieldsHaveTheLongLimit) {
    for (const auto& [field, multiline] : long_fields()) {
        EXPECT_THAT(check(with(field, std::string(2000, 'x'))), IsEmpty()) << field.path;
        EXPECT_THAT(check(with(field, std::string(2001, 'x'))),
                    ElementsAre(error(field.path, "too_long", 2000)))
            << field.path;
    }
}

TEST(Validate, TheNarrativeHasItsOwnLimit) {
    Filing filing = minimal();
    filing.incident.narrative = std::string(20000, 'x');
    EXPECT_THAT(check(filing), IsEmpty());
    filing.incident.narrative += "y";
    EXPECT_THAT(check(filing), ElementsAre(error("incident.narrative", "too_long", 20000)));
}

TEST(Validate, LimitsCanBeConfigured) {
    Limits limits;
    limits.short_text = 5;
    limits.narrative = 10;
    Filing filing = minimal();
    filing.incident.city = "Ciudad Juárez";
    EXPECT_THAT(check(filing, limits), ElementsAre(error("incident.city", "too_long", 5),
                                                   error("incident.narrative", "too_long", 10)));
}

TEST(Validate, LineBreaksOnlyInMultiLineFields) {
    for (const auto& field : short_fields()) {
        EXPECT_THAT(check(with(field, "one\ntwo")), ElementsAre(error(field.path, "invalid_text")))
            << field.path;
        EXPECT_THAT(check(with(field, "one\rtwo")), ElementsAre(error(field.path, "invalid_text")))
            << field.path;
    }
    for (const auto& [field, multiline] : long_fields()) {
        const auto errors = check(with(field, "one\r\ntwo"));
        if (multiline) {
            EXPECT_THAT(errors, IsEmpty()) << field.path;
        } else {
            EXPECT_THAT(errors, ElementsAre(error(field.path, "invalid_text"))) << field.path;
        }
    }
    Filing filing = minimal();
    filing.incident.narrative = "First.\n\nSecond.";
    EXPECT_THAT(check(filing), IsEmpty());
}

TEST(Validate, ControlCharactersAndBadEncodingAreInvalidText) {
    for (const char* bad :
         {"nul\x01", "esc\x1B[2J", "\xE2\x80\xAEreversed", "bad \xC3", "\xED\xA0\x80"}) {
        for (const auto& field : short_fields()) {
            EXPECT_THAT(check(with(field, bad)), ElementsAre(error(field.path, "invalid_text")))
                << field.path;
        }
        Filing filing = minimal();
        filing.incident.narrative += bad;
        EXPECT_THAT(check(filing), ElementsAre(error("incident.narrative", "invalid_text")));
    }
}

TEST(Validate, CountsAreLimited) {
    Limits limits;
    limits.subjects = 2;
    limits.witnesses = 1;
    limits.categories = 2;
    Filing filing = minimal();
    filing.subjects.resize(3, subject(&Subject::badge, "1"));
    filing.witnesses.resize(2, witness(&Witness::name, "W"));
    filing.incident.categories = {"theft", "fraud", "other"};
    EXPECT_THAT(check(filing, limits),
                ElementsAre(error("incident.categories", "too_many", 2),
                            error("subjects", "too_many", 2), error("witnesses", "too_many", 1)));
    EXPECT_THAT(check(filing), IsEmpty());
}

TEST(Validate, ConfidentialityIsAKnownChoice) {
    Filing filing = minimal();
    for (const char* good : {"", "anonymous", "confidential", "open", " Open "}) {
        filing.complainant.confidentiality = good;
        EXPECT_THAT(check(filing), IsEmpty()) << good;
    }
    filing.complainant.confidentiality = "secret";
    EXPECT_THAT(check(filing), ElementsAre(error("complainant.confidentiality", "invalid_choice")));
}

TEST(Validate, AnonymousComplainantsGiveNoIdentity) {
    const std::vector<std::function<void(Complainant&)>> identities = {
        [](Complainant& c) { c.name = "Ana"; },
        [](Complainant& c) { c.email = "ana@example.org"; },
        [](Complainant& c) { c.phone = "555 0100"; },
        [](Complainant& c) { c.postal_address = "12 Calle Uno"; },
    };
    for (const char* level : {"", "anonymous"}) {
        for (const auto& identify : identities) {
            Filing filing = minimal();
            filing.complainant.confidentiality = level;
            identify(filing.complainant);
            EXPECT_THAT(check(filing), ElementsAre(error("complainant.confidentiality",
                                                         "anonymous_with_identity")));
            for (const char* named : {"confidential", "open"}) {
                filing.complainant.confidentiality = named;
                EXPECT_THAT(check(filing), IsEmpty());
            }
        }
    }
}

TEST(Validate, RepliesByEmailNeedAnEmailAndAnIdentity) {
    Filing filing = minimal();
    filing.complainant.replies_by_email = true;
    EXPECT_THAT(check(filing),
                ElementsAre(error("complainant.email", "replies_need_email"),
                            error("complainant.replies_by_email", "replies_need_identity")));
    filing.complainant.confidentiality = "confidential";
    EXPECT_THAT(check(filing), ElementsAre(error("complainant.email", "replies_need_email")));
    filing.complainant.email = "ana@example.org";
    EXPECT_THAT(check(filing), IsEmpty());
}

TEST(Validate, EmailAddressesMustLookReal) {
    Filing filing = minimal();
    filing.complainant.confidentiality = "open";
    for (const char* good :
         {"ana@example.org", "a.b+tag@mail.example.co.uk", "x@y.z", " ana@example.org "}) {
        filing.complainant.email = good;
        EXPECT_THAT(check(filing), IsEmpty()) << good;
    }
    for (const std::string& bad :
         {std::string("ana"), std::string("@example.org"), std::string("ana@"),
          std::string("ana@example"), std::string("ana@@example.org"),
          std::string("ana@ex@ample.org"), std::string("ana maria@example.org"),
          std::string("ana@.example.org"), std::string("ana@example.org."),
          std::string("ana@example..org"),
          std::string(64, 'a') + "@" + std::string(186, 'b') + ".org"}) {
        filing.complainant.email = bad;
        EXPECT_THAT(check(filing), ElementsAre(error("complainant.email", "invalid_email"))) << bad;
    }
    filing.complainant.email = "ana\n@example.org";
    EXPECT_THAT(check(filing), ElementsAre(error("complainant.email", "invalid_text")));
}

TEST(Validate, PhoneNumbersUseDigitsAndPunctuation) {
    Filing filing = minimal();
    filing.complainant.confidentiality = "confidential";
    for (const char* good : {"+1 (555) 010-2030", "555.0100", "12345", "911 00"}) {
        filing.complainant.phone = good;
        EXPECT_THAT(check(filing), IsEmpty()) << good;
    }
    for (const std::string& bad :
         {std::string("1234"), std::string(31, '5'), std::string("555-CALL-NOW"),
          std::string("+1 555 0100 ext 2"), std::string("(--).+ "), std::string("555#0100")}) {
        filing.complainant.phone = bad;
        EXPECT_THAT(check(filing), ElementsAre(error("complainant.phone", "invalid_phone"))) << bad;
    }
}

TEST(Validate, LanguagesAreShortTags) {
    Filing filing = minimal();
    for (const char* good : {"en", "es", "es-MX", "zh-Hant"}) {
        filing.language = good;
        filing.complainant.preferred_language = good;
        EXPECT_THAT(check(filing), IsEmpty()) << good;
    }
    filing.complainant.preferred_language = "";
    for (const char* bad : {"", "e", "english-us", "e5", "-es", "es_MX", "<b>"}) {
        filing.language = bad;
        EXPECT_THAT(check(filing), ElementsAre(error("language", "invalid_choice"))) << bad;
    }
    filing.language = "en";
    filing.complainant.preferred_language = "espanol!";
    EXPECT_THAT(check(filing),
                ElementsAre(error("complainant.preferred_language", "invalid_choice")));
}

TEST(Validate, ExactDatesAreRealPastDates) {
    Filing filing = minimal();
    for (const char* good : {"2026-11-27", "2024-02-29", "1999-12-31"}) {
        filing.incident.date = good;
        EXPECT_THAT(check(filing), IsEmpty()) << good;
    }
    for (const char* bad :
         {"2026-02-29", "2026-13-01", "27/11/2026", "2026-11", "yesterday", "2026-11-5"}) {
        filing.incident.date = bad;
        EXPECT_THAT(check(filing), ElementsAre(error("incident.date", "invalid_date"))) << bad;
    }
    filing.incident.date = "2026-11-28";
    EXPECT_THAT(check(filing), ElementsAre(error("incident.date", "future_date")));
}

TEST(Validate, ApproximateDatesMayNameOnlyTheMonth) {
    Filing filing = minimal();
    filing.incident.date_precision = "approximate";
    for (const char* good : {"2026-11", "2026-03", "2026-11-27"}) {
        filing.incident.date = good;
        EXPECT_THAT(check(filing), IsEmpty()) << good;
    }
    filing.incident.date = "2026-13";
    EXPECT_THAT(check(filing), ElementsAre(error("incident.date", "invalid_date")));
    filing.incident.date = "2026-12";
    EXPECT_THAT(check(filing), ElementsAre(error("incident.date", "future_date")));
}

TEST(Validate, DatePrecisionIsAKnownChoice) {
    Filing filing = minimal();
    filing.incident.date_precision = "roughly";
    EXPECT_THAT(check(filing), ElementsAre(error("incident.date_precision", "invalid_choice")));
}

TEST(Validate, AnEmptyDateIsFineWhenDescribed) {
    Filing filing = minimal();
    filing.incident.date_precision = "approximate";
    filing.incident.when_description = "early March, around dawn";
    EXPECT_THAT(check(filing), IsEmpty());
}

TEST(Validate, TimesAreTwentyFourHourClock) {
    Filing filing = minimal();
    for (const char* good : {"00:00", "09:30", "23:59"}) {
        filing.incident.time = good;
        EXPECT_THAT(check(filing), IsEmpty()) << good;
    }
    for (const char* bad : {"24:00", "12:60", "9:30", "09:30:00", "0930", "9 pm", "ab:cd"}) {
        filing.incident.time = bad;
        EXPECT_THAT(check(filing), ElementsAre(error("incident.time", "invalid_time"))) << bad;
    }
}

TEST(Validate, CategoriesMustBeKnown) {
    Filing filing = minimal();
    filing.incident.categories = {"theft", "arson", "jaywalking"};
    EXPECT_THAT(check(filing), ElementsAre(error("incident.categories", "unknown_category")));
}

TEST(Validate, OfficesMustBeKnownAndTakeWebFilings) {
    Filing filing = minimal();
    filing.offices = {"opr", "nowhere"};
    EXPECT_THAT(check(filing), ElementsAre(error("offices", "unknown_office")));
    filing.offices = {"fbi"};  // external, reached only by referral
    EXPECT_THAT(check(filing), ElementsAre(error("offices", "unknown_office")));
}

TEST(Validate, FilingForSomeoneElseNeedsRelationshipAndConsent) {
    Filing filing = minimal();
    filing.on_behalf.applies = true;
    EXPECT_THAT(check(filing), ElementsAre(error("on_behalf.relationship", "relationship_required"),
                                           error("on_behalf.consent", "consent_required")));
    filing.on_behalf.relationship = "attorney";
    filing.on_behalf.consent = "maybe";
    EXPECT_THAT(check(filing), ElementsAre(error("on_behalf.consent", "invalid_choice")));
    for (const char* good : {"given", "unable", "Given"}) {
        filing.on_behalf.consent = good;
        EXPECT_THAT(check(filing), IsEmpty()) << good;
    }
}

TEST(Validate, OnBehalfFieldsAreIgnoredWhenItDoesNotApply) {
    Filing filing = minimal();
    filing.on_behalf.consent = "maybe";
    filing.on_behalf.person_name = std::string(500, 'x');
    EXPECT_THAT(check(filing), IsEmpty());
}

TEST(Validate, ReportsEveryProblemAtOnce) {
    Filing filing;
    filing.complainant.name = "Ana";
    filing.incident.time = "25:00";
    filing.subjects.push_back(subject(&Subject::badge, std::string(201, '1')));
    filing.witnesses.resize(2);
    filing.witnesses[1].name = "bad\x07";
    filing.language = "";
    EXPECT_THAT(
        check(filing),
        ElementsAre(error("complainant.confidentiality", "anonymous_with_identity"),
                    error("incident.time", "invalid_time"), error("incident.narrative", "required"),
                    error("subjects[0].badge", "too_long", 200),
                    error("witnesses[1].name", "invalid_text"),
                    error("language", "invalid_choice")));
}

TEST(Normalized, TrimsEveryFieldButKeepsInnerText) {
    Filing filing;
    filing.complainant.name = "  Ana  Peña \t";
    filing.complainant.confidentiality = " Confidential ";
    filing.incident.narrative = "\n  First line.\n\n  Second line.  \n";
    filing.incident.date_precision = "APPROXIMATE ";
    filing.incident.city = " El Paso ";
    filing.subjects.push_back(subject(&Subject::badge, " 4471 "));
    filing.witnesses.push_back(witness(&Witness::account, " saw it\n"));
    filing.language = " es ";
    const Filing out = normalized(filing);
    EXPECT_EQ(out.complainant.name, "Ana  Peña");
    EXPECT_EQ(out.complainant.confidentiality, "confidential");
    EXPECT_EQ(out.incident.narrative, "First line.\n\n  Second line.");
    EXPECT_EQ(out.incident.date_precision, "approximate");
    EXPECT_EQ(out.incident.city, "El Paso");
    EXPECT_EQ(out.subjects.at(0).badge, "4471");
    EXPECT_EQ(out.witnesses.at(0).account, "saw it");
    EXPECT_EQ(out.language, "es");
}

TEST(Normalized, DropsBlankSubjectsAndWitnesses) {
    Filing filing;
    filing.subjects = {Subject{}, subject(&Subject::name, "  "), subject(&Subject::vehicle, "van"),
                       Subject{}};
    filing.witnesses = {witness(&Witness::contact, "\t"), witness(&Witness::name, "Marta")};
    const Filing out = normalized(filing);
    ASSERT_EQ(out.subjects.size(), 1u);
    EXPECT_EQ(out.subjects[0].vehicle, "van");
    ASSERT_EQ(out.witnesses.size(), 1u);
    EXPECT_EQ(out.witnesses[0].name, "Marta");
}

TEST(Normalized, DeduplicatesCategoriesAndOfficesInOrder) {
    Filing filing;
    filing.incident.categories = {"theft", " fraud", "theft", "", "fraud ", "other"};
    filing.offices = {"oig", "opr", " oig", " "};
    const Filing out = normalized(filing);
    EXPECT_THAT(out.incident.categories, ElementsAre("theft", "fraud", "other"));
    EXPECT_THAT(out.offices, ElementsAre("oig", "opr"));
}

TEST(Normalized, ClearsOnBehalfWhenItDoesNotApply) {
    Filing filing;
    filing.on_behalf = OnBehalf{false, "sister", "Luis", "Otero", "A1", "given"};
    EXPECT_EQ(normalized(filing).on_behalf.person_name, "");
    EXPECT_EQ(normalized(filing).on_behalf.consent, "");

    filing.on_behalf.applies = true;
    filing.on_behalf.consent = " Unable ";
    const Filing out = normalized(filing);
    EXPECT_EQ(out.on_behalf.person_name, "Luis");
    EXPECT_EQ(out.on_behalf.consent, "unable");
}

TEST(Normalized, MakesSloppyButHonestInputValid) {
    Filing filing;
    filing.complainant.confidentiality = "OPEN";
    filing.complainant.email = " ana@example.org\n";
    filing.incident.narrative = "  It happened.  ";
    filing.incident.categories = {"theft ", "theft"};
    filing.subjects.resize(3);
    EXPECT_THAT(check(normalized(filing)), IsEmpty());
}

TEST(Normalized, IsIdempotent) {
    Filing filing;
    filing.complainant.name = " Ana ";
    filing.incident.categories = {"a", "a", "b"};
    filing.subjects = {Subject{}, subject(&Subject::name, " x ")};
    const Filing once = normalized(filing);
    const Filing twice = normalized(once);
    EXPECT_EQ(twice.complainant.name, once.complainant.name);
    EXPECT_EQ(twice.incident.categories, once.incident.categories);
    EXPECT_EQ(twice.subjects.size(), once.subjects.size());
}

TEST(ConfidentialityOf, DefaultsToAnonymous) {
    Complainant c;
    EXPECT_EQ(confidentiality_of(c), Confidentiality::anonymous);
    c.confidentiality = "anonymous";
    EXPECT_EQ(confidentiality_of(c), Confidentiality::anonymous);
    c.confidentiality = "confidential";
    EXPECT_EQ(confidentiality_of(c), Confidentiality::confidential);
    c.confidentiality = "Open";
    EXPECT_EQ(confidentiality_of(c), Confidentiality::open);
    c.confidentiality = "nonsense";  // the most protective reading
    EXPECT_EQ(confidentiality_of(c), Confidentiality::anonymous);
}

}  // namespace
}  // namespace redress::domain
