#pragma once
// A filing as the complainant gives it, before validation: every field is text as typed,
// so that a form can be shown again with exactly what was entered.

#include <string>
#include <vector>

namespace redress::domain {

enum class Confidentiality { anonymous, confidential, open };

struct Complainant {
    std::string confidentiality;  // "anonymous" | "confidential" | "open"; empty: anonymous
    std::string name;
    std::string email;
    std::string phone;
    std::string postal_address;
    std::string preferred_language;
    bool replies_by_email = false;  // wants status updates and messages by email
    bool whistleblower = false;     // an employee reporting reprisal
};

// A relative, lawyer or advocate filing for the person affected.
struct OnBehalf {
    bool applies = false;
    std::string relationship;  // e.g. "sister", "attorney"
    std::string person_name;
    std::string detention_facility;
    std::string case_number;  // A-number or other case number
    std::string consent;      // "given" | "unable" (the person cannot be asked)
};

struct Incident {
    std::string date;              // YYYY-MM-DD
    std::string date_precision;    // "exact" | "approximate"; empty: exact
    std::string time;              // HH:MM, optional
    std::string when_description;  // "early March, around dawn", optional
    std::string place;             // free text
    std::string city;
    std::string region;  // state or province
    std::string narrative;
    std::string injuries;
    std::vector<std::string> categories;  // category ids
};

struct Subject {
    std::string name;
    std::string badge;  // badge or ID number
    std::string agency;
    std::string component;
    std::string unit;
    std::string description;  // physical description
    std::string uniform;      // uniform and insignia
    std::string vehicle;      // vehicle or plate

    bool blank() const;
};

struct Witness {
    std::string name;
    std::string contact;
    std::string account;  // what the witness saw

    bool blank() const;
};

struct Filing {
    Complainant complainant;
    OnBehalf on_behalf;
    Incident incident;
    std::vector<Subject> subjects;
    std::vector<Witness> witnesses;
    std::vector<std::string> offices;  // chosen office ids; empty: the routing proposal
    std::string language = "en";       // language the complainant used
};

}  // namespace redress::domain
