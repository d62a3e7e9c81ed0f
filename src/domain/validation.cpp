#include "domain/validation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string_view>
#include <unordered_set>

#include "domain/calendar.hpp"
#include "util/text.hpp"

namespace redress::domain {
namespace {

// Whether a field may hold line breaks: only those shown as multi-line text areas.
enum class Lines { single, multiple };

constexpr std::size_t k_max_email = 254;  // RFC 5321's limit on a forward path
constexpr std::size_t k_min_phone = 5;
constexpr std::size_t k_max_phone = 30;
constexpr std::size_t k_min_phone_digits = 3;

bool given(std::string_view text) {
    return !util::trim(text).empty();
}

std::string canonical_choice(std::string_view text) {
    return util::to_lower_ascii(util::trim(text));
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::optional<Confidentiality> parse_confidentiality(std::string_view text) {
    const std::string choice = canonical_choice(text);
    if (choice.empty() || choice == "anonymous") return Confidentiality::anonymous;
    if (choice == "confidential") return Confidentiality::confidential;
    if (choice == "open") return Confidentiality::open;
    return std::nullopt;
}

// Deliberately loose: the only proof an address works is a message that arrives. This
// catches what a typo produces (no @, two @, no domain, spaces).
bool plausible_email(std::string_view email) {
    if (email.size() > k_max_email) return false;
    if (email.find_first_of(" \t") != std::string_view::npos) return false;
    const auto at = email.find('@');
    if (at == std::string_view::npos || at == 0) return false;
    if (email.find('@', at + 1) != std::string_view::npos) return false;
    const auto domain = email.substr(at + 1);
    if (domain.find('.') == std::string_view::npos) return false;
    if (domain.front() == '.' || domain.back() == '.') return false;
    return domain.find("..") == std::string_view::npos;
}

bool plausible_phone(std::string_view phone) {
    if (phone.size() < k_min_phone || phone.size() > k_max_phone) return false;
    std::size_t digits = 0;
    for (char c : phone) {
        if (is_digit(c)) {
            ++digits;
        } else if (std::string_view(" +-().").find(c) == std::string_view::npos) {
            return false;
        }
    }
    return digits >= k_min_phone_digits;
}

bool valid_time(std::string_view time) {
    if (time.size() != 5 || time[2] != ':') return false;
    if (!is_digit(time[0]) || !is_digit(time[1]) || !is_digit(time[3]) || !is_digit(time[4])) {
        return false;
    }
    const int hours = (time[0] - '0') * 10 + (time[1] - '0');
    const int minutes = (time[3] - '0') * 10 + (time[4] - '0');
    return hours <= 23 && minutes <= 59;
}

bool language_tag(std::string_view tag) {
    if (tag.size() < 2 || tag.size() > 8 || !is_letter(tag.front())) return false;
    return std::all_of(tag.begin(), tag.end(), [](char c) { return is_letter(c) || c == '-'; });
}

// The first day of "YYYY-MM", so that an approximate month compares with `today`.
std::optional<Date> parse_month(std::string_view text) {
    if (text.size() != 7) return std::nullopt;
    return parse_iso_date(fmt::format("{}-01", text));
}

class Checker {
  public:
    Checker(const Limits& limits, const std::string& today)
        : m_limits(limits), m_today(parse_iso_date(util::trim(today))) {}

    void add(std::string field, std::string code, long limit = 0) {
        m_errors.push_back(FieldError{std::move(field), std::move(code), limit});
    }

    // Checks encoding and control characters; true when the text can be read further.
    bool sound(const std::string& field, std::string_view value, Lines lines = Lines::single) {
        if (!util::valid_utf8(value) ||
            util::has_forbidden_controls(value, lines == Lines::multiple)) {
            add(field, "invalid_text");
            return false;
        }
        return true;
    }

    // Also checks the length; true when the text is fit for checks of its format.
    bool text(const std::string& field, std::string_view value, std::size_t limit,
              Lines lines = Lines::single) {
        if (!sound(field, value, lines)) return false;
        if (util::code_points(value) > limit) {
            add(field, "too_long", static_cast<long>(limit));
            return false;
        }
        return true;
    }

    void short_text(const std::string& field, std::string_view value) {
        text(field, value, m_limits.short_text);
    }

    void long_text(const std::string& field, std::string_view value, Lines lines) {
        text(field, value, m_limits.long_text, lines);
    }

    void count(const std::string& field, std::size_t count, std::size_t limit) {
        if (count > limit) add(field, "too_many", static_cast<long>(limit));
    }

    void complainant(const Complainant& c) {
        const auto confidentiality = parse_confidentiality(c.confidentiality);
        if (!confidentiality) add("complainant.confidentiality", "invalid_choice");
        short_text("complainant.name", c.name);
        // Their formats bound their lengths, so a long one is reported as malformed.
        if (given(c.email) && sound("complainant.email", c.email) &&
            !plausible_email(util::trim(c.email))) {
            add("complainant.email", "invalid_email");
        }
        if (given(c.phone) && sound("complainant.phone", c.phone) &&
            !plausible_phone(util::trim(c.phone))) {
            add("complainant.phone", "invalid_phone");
        }
        long_text("complainant.postal_address", c.postal_address, Lines::multiple);
        if (given(c.preferred_language) && !language_tag(util::trim(c.preferred_language))) {
            add("complainant.preferred_language", "invalid_choice");
        }

        const bool anonymous = confidentiality == Confidentiality::anonymous;
        if (anonymous &&
            (given(c.name) || given(c.email) || given(c.phone) || given(c.postal_address))) {
            add("complainant.confidentiality", "anonymous_with_identity");
        }
        if (c.replies_by_email && !given(c.email)) add("complainant.email", "replies_need_email");
        if (c.replies_by_email && anonymous) {
            add("complainant.replies_by_email", "replies_need_identity");
        }
    }

    void on_behalf(const OnBehalf& o) {
        if (!o.applies) return;  // the form keeps what was typed, but it is not filed
        if (!given(o.relationship)) {
            add("on_behalf.relationship", "relationship_required");
        } else {
            short_text("on_behalf.relationship", o.relationship);
        }
        short_text("on_behalf.person_name", o.person_name);
        short_text("on_behalf.detention_facility", o.detention_facility);
        short_text("on_behalf.case_number", o.case_number);
        const std::string consent = canonical_choice(o.consent);
        if (consent.empty()) {
            add("on_behalf.consent", "consent_required");
        } else if (consent != "given" && consent != "unable") {
            add("on_behalf.consent", "invalid_choice");
        }
    }

    void incident(const Incident& i, const Deployment& deployment) {
        when(i);
        short_text("incident.when_description", i.when_description);
        short_text("incident.place", i.place);
        short_text("incident.city", i.city);
        short_text("incident.region", i.region);
        if (!given(i.narrative)) {
            add("incident.narrative", "required");
        } else {
            text("incident.narrative", i.narrative, m_limits.narrative, Lines::multiple);
        }
        long_text("incident.injuries", i.injuries, Lines::multiple);

        count("incident.categories", i.categories.size(), m_limits.categories);
        const bool unknown = std::any_of(
            i.categories.begin(), i.categories.end(),
            [&](const std::string& id) { return deployment.find_category(id) == nullptr; });
        if (unknown) add("incident.categories", "unknown_category");
    }

    void subjects(const std::vector<Subject>& subjects) {
        count("subjects", subjects.size(), m_limits.subjects);
        for (std::size_t n = 0; n < subjects.size(); ++n) {
            const Subject& s = subjects[n];
            const auto field = [n](std::string_view name) {
                return fmt::format("subjects[{}].{}", n, name);
            };
            short_text(field("name"), s.name);
            short_text(field("badge"), s.badge);
            short_text(field("agency"), s.agency);
            short_text(field("component"), s.component);
            short_text(field("unit"), s.unit);
            long_text(field("description"), s.description, Lines::multiple);
            long_text(field("uniform"), s.uniform, Lines::multiple);
            short_text(field("vehicle"), s.vehicle);
        }
    }

    void witnesses(const std::vector<Witness>& witnesses) {
        count("witnesses", witnesses.size(), m_limits.witnesses);
        for (std::size_t n = 0; n < witnesses.size(); ++n) {
            const Witness& w = witnesses[n];
            const auto field = [n](std::string_view name) {
                return fmt::format("witnesses[{}].{}", n, name);
            };
            short_text(field("name"), w.name);
            long_text(field("contact"), w.contact, Lines::single);
            long_text(field("account"), w.account, Lines::multiple);
        }
    }

    void offices(const std::vector<std::string>& offices, const Deployment& deployment) {
        count("offices", offices.size(), m_limits.offices);
        // Offices without a public form are reached by referral, never chosen directly.
        const bool unknown =
            std::any_of(offices.begin(), offices.end(), [&](const std::string& id) {
                const Office* office = deployment.find_office(id);
                return office == nullptr || office->web_filing != WebFiling::accepted;
            });
        if (unknown) add("offices", "unknown_office");
    }

    void language(std::string_view language) {
        if (!language_tag(language)) add("language", "invalid_choice");
    }

    std::vector<FieldError> take() { return std::move(m_errors); }

  private:
    void when(const Incident& i) {
        const std::string precision = canonical_choice(i.date_precision);
        const bool exact = precision.empty() || precision == "exact";
        if (!exact && precision != "approximate") {
            add("incident.date_precision", "invalid_choice");
        }
        const auto date = util::trim(i.date);
        if (!date.empty()) {
            // An approximate date may name only the month; an unknown precision is read
            // leniently so that it is reported once, on its own field.
            std::optional<Date> parsed = parse_iso_date(date);
            if (!parsed && !exact) parsed = parse_month(date);
            if (!parsed) {
                add("incident.date", "invalid_date");
            } else if (m_today && *parsed > *m_today) {
                add("incident.date", "future_date");
            }
        }
        const auto time = util::trim(i.time);
        if (!time.empty() && !valid_time(time)) add("incident.time", "invalid_time");
    }

    const Limits& m_limits;
    std::optional<Date> m_today;
    std::vector<FieldError> m_errors;
};

void trim_in_place(std::string& text) {
    text = std::string(util::trim(text));
}

// Trims each entry, then drops empty and repeated ones, keeping the first occurrence.
// Linear: the list comes from a client, so no entry is compared with every other.
void tidy_list(std::vector<std::string>& list) {
    for (std::string& entry : list) trim_in_place(entry);
    std::unordered_set<std::string_view> seen;
    seen.reserve(list.size());
    std::vector<std::string> kept;
    kept.reserve(list.size());
    for (const std::string& entry : list) {
        if (!entry.empty() && seen.insert(entry).second) kept.push_back(entry);
    }
    list = std::move(kept);
}

}  // namespace

std::size_t Limits::longest_list() const {
    return std::max({subjects, witnesses, categories, offices});
}

std::vector<FieldError> validate(const Filing& filing, const Deployment& deployment,
                                 const std::string& today, const Limits& limits) {
    Checker checker(limits, today);
    checker.complainant(filing.complainant);
    checker.on_behalf(filing.on_behalf);
    checker.incident(filing.incident, deployment);
    checker.subjects(filing.subjects);
    checker.witnesses(filing.witnesses);
    checker.offices(filing.offices, deployment);
    checker.language(filing.language);
    return checker.take();
}

Filing normalized(Filing filing) {
    Complainant& c = filing.complainant;
    c.confidentiality = canonical_choice(c.confidentiality);
    for (std::string* field :
         {&c.name, &c.email, &c.phone, &c.postal_address, &c.preferred_language}) {
        trim_in_place(*field);
    }

    OnBehalf& o = filing.on_behalf;
    if (o.applies) {
        o.consent = canonical_choice(o.consent);
        for (std::string* field :
             {&o.relationship, &o.person_name, &o.detention_facility, &o.case_number}) {
            trim_in_place(*field);
        }
    } else {
        o = OnBehalf{};
    }

    Incident& i = filing.incident;
    i.date_precision = canonical_choice(i.date_precision);
    for (std::string* field : {&i.date, &i.time, &i.when_description, &i.place, &i.city, &i.region,
                               &i.narrative, &i.injuries}) {
        trim_in_place(*field);
    }
    tidy_list(i.categories);

    std::erase_if(filing.subjects, [](const Subject& s) { return s.blank(); });
    for (Subject& s : filing.subjects) {
        for (std::string* field : {&s.name, &s.badge, &s.agency, &s.component, &s.unit,
                                   &s.description, &s.uniform, &s.vehicle}) {
            trim_in_place(*field);
        }
    }
    std::erase_if(filing.witnesses, [](const Witness& w) { return w.blank(); });
    for (Witness& w : filing.witnesses) {
        for (std::string* field : {&w.name, &w.contact, &w.account}) trim_in_place(*field);
    }

    tidy_list(filing.offices);
    trim_in_place(filing.language);
    return filing;
}

Confidentiality confidentiality_of(const Complainant& complainant) {
    // An unreadable choice is treated as the most protective one: keep no identity.
    return parse_confidentiality(complainant.confidentiality).value_or(Confidentiality::anonymous);
}

}  // namespace redress::domain
