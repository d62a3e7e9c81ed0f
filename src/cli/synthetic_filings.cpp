#include "cli/synthetic_filings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>

namespace redress::cli {

namespace {

constexpr std::array<std::string_view, 40> k_first_names = {
    "Maria",   "Jose",     "Ana",       "Luis",   "Fatima", "Ahmed",  "Mariam", "Jean",
    "Rose",    "Pierre",   "Nadia",     "Omar",   "Carmen", "Miguel", "Lucia",  "Samuel",
    "Esther",  "Daniel",   "Guadalupe", "Juan",   "Amina",  "Yusuf",  "Marie",  "Wilson",
    "Claudia", "Rafael",   "Sofia",     "Hector", "Leila",  "Karim",  "Blanca", "Ernesto",
    "Grace",   "Emmanuel", "Linh",      "Tuan",   "Olga",   "Dmitri", "Aisha",  "Ibrahim"};
constexpr std::array<std::string_view, 32> k_last_names = {
    "Lopez",  "Garcia",  "Hernandez", "Martinez",      "Rodriguez", "Perez",  "Ramirez",
    "Flores", "Joseph",  "Pierre",    "Jean-Baptiste", "Louis",     "Hassan", "Ali",
    "Haddad", "Nasser",  "Nguyen",    "Tran",          "Ivanova",   "Petrov", "Mensah",
    "Okafor", "Diallo",  "Toure",     "Morales",       "Castillo",  "Reyes",  "Vargas",
    "Santos", "Alvarez", "Cruz",      "Mendoza"};
constexpr std::array<std::string_view, 12> k_cities = {
    "El Paso", "San Diego", "Tucson", "Miami",   "Houston", "Newark",
    "Chicago", "Phoenix",   "Laredo", "McAllen", "Atlanta", "Seattle"};
constexpr std::array<std::string_view, 12> k_regions = {"TX", "CA", "AZ", "FL", "TX", "NJ",
                                                        "IL", "AZ", "TX", "TX", "GA", "WA"};
constexpr std::array<std::string_view, 10> k_places = {
    "the checkpoint on the highway north of the city",
    "our apartment building, in the hallway outside our door",
    "the parking lot of the supermarket on Alameda Avenue",
    "the processing center, in the holding room",
    "the bus station, near the ticket counter",
    "the detention facility, in the visiting area",
    "the port of entry, at the secondary inspection area",
    "my workplace, a car wash on the main road",
    "the courthouse, outside the immigration court",
    "the street in front of my children's school"};
constexpr std::array<std::string_view, 6> k_agencies = {
    "ICE", "CBP", "Border Patrol", "County Sheriff", "City Police", "Facility staff"};
constexpr std::array<std::string_view, 6> k_units = {
    "ERO field office", "Station 4", "Night shift", "Transport unit", "Intake unit", "Unit B"};
constexpr std::array<std::string_view, 8> k_descriptions = {
    "tall, shaved head, about forty years old",
    "short, heavy, grey moustache",
    "young, thin, glasses, spoke Spanish",
    "a woman with her hair tied back, a scar on her chin",
    "broad shoulders, a tattoo on his left hand",
    "older man, white hair, limped a little",
    "medium height, beard, sunglasses on his head",
    "tall woman, red hair, a loud voice"};
constexpr std::array<std::string_view, 5> k_uniforms = {
    "black vest marked POLICE", "green uniform with a gold badge", "dark blue uniform, no name tag",
    "plain clothes, a badge on a chain", "grey uniform with a patch on the shoulder"};
constexpr std::array<std::string_view, 5> k_vehicles = {
    "white SUV, plate ABC-1234", "green and white truck", "unmarked grey sedan",
    "a van with no windows in the back", "patrol car number 212"};
constexpr std::array<std::string_view, 6> k_relationships = {"sister",  "brother",  "mother",
                                                             "husband", "attorney", "advocate"};
constexpr std::array<std::string_view, 4> k_facilities = {
    "Otero County Processing Center", "Krome Service Processing Center",
    "Adelanto Detention Facility", "Stewart Detention Center"};

// Sentences of the account, each a few hundred characters; {0} a place, {1} a name.
constexpr std::array<std::string_view, 16> k_sentences = {
    "Early in the morning two officers came to {0} without showing any paper or warrant. "
    "When I asked what was happening one of them told me to shut up and pushed me against "
    "the wall so hard that I hit my head. ",
    "They took our phones and our documents and would not say when we would get them back. "
    "My passport and my son's birth certificate were in the folder and we never saw them "
    "again. ",
    "I asked for their names and one of them laughed and covered his badge with his hand. "
    "The other one said that if I kept asking questions it would go worse for my family. ",
    "They kept us for more than three hours without water or food, and my daughter, who is "
    "six, was crying the whole time. Nobody would let me take her to the bathroom. ",
    "One officer twisted {1}'s arm behind his back until he screamed, even though he was "
    "not resisting and kept saying that he would go with them. His wrist is still swollen. ",
    "When we arrived at {0} they made us sign papers in English that nobody explained. I do "
    "not read English well and I did not know what I was signing. ",
    "An officer told {1} that if she did not pay him two hundred dollars her case would be "
    "lost and she would be sent back. She gave him the money because she was afraid. ",
    "I saw the same officer hit another man in the line with his flashlight. The man fell "
    "and was bleeding from his ear, and they dragged him away. ",
    "In the holding room it was very cold and the lights were on all night. We slept on the "
    "floor with thin foil blankets and my father did not get his heart medicine. ",
    "Later an officer came back and said that if I complained he would make sure my "
    "husband's case was closed. I am afraid, but I am writing because this has to stop. ",
    "A woman officer searched me in front of the men and touched me in a way that was not a "
    "search. When I said no she told me to be quiet or I would be put in the cell alone. ",
    "They said ugly words about our country and our language, and one of them imitated "
    "the way {1} speaks while the others laughed. ",
    "My cousin filmed part of it with her phone from across the street, but an officer "
    "took her phone and deleted the video in front of her. ",
    "I went to the hospital the next day and the doctor wrote that I have bruises on my "
    "ribs and my back. I still have the paper from the hospital. ",
    "We asked many times to call a lawyer and they said that we had no right to one here "
    "and that it would only make things slower. ",
    "I do not know the names of the officers, but I would recognise them, and I remember "
    "the number on the car and the time because I looked at my watch. "};

constexpr std::array<std::string_view, 6> k_injuries = {
    "Bruises on my arms and ribs; my wrist is still swollen.",
    "A cut above my eye that needed three stitches.",
    "My brother's arm was bruised and swollen for two weeks.",
    "Pain in my back; I cannot lift my child.",
    "My father fainted; he did not get his medicine for two days.",
    "Headaches and I cannot sleep since that day."};

constexpr std::array<std::string_view, 6> k_witness_accounts = {
    "I saw them push him from the window of my apartment.",
    "I was in the line behind her and heard the officer ask for money.",
    "I saw the officer hit the man with a flashlight.",
    "I heard the shouting and saw them take the phones.",
    "I was in the same room and saw that they gave us no water.",
    "I filmed part of it before they took my phone."};

std::string full_name(SyntheticRandom& random) {
    return fmt::format("{} {}", random.pick(k_first_names), random.pick(k_last_names));
}

std::string narrative(SyntheticRandom& random, std::string_view place, std::string_view name) {
    std::string text;
    text.reserve(2300);
    // About 2 KB: sentences in a shuffled order, none twice.
    std::array<std::size_t, k_sentences.size()> order{};
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    for (std::size_t i = order.size() - 1; i > 0; --i) {
        std::swap(order[i], order[random.below(i + 1)]);
    }
    for (const auto index : order) {
        if (text.size() >= 1900) break;
        text += fmt::format(fmt::runtime(k_sentences[index]), place, name);
    }
    if (!text.empty() && text.back() == ' ') text.pop_back();
    return text;
}

domain::Subject subject(SyntheticRandom& random) {
    domain::Subject subject;
    if (random.chance(0.3)) {
        subject.name = fmt::format("Officer {}", random.pick(k_last_names));
    }
    if (random.chance(0.6)) subject.badge = std::to_string(random.between(1000, 99999));
    subject.agency = random.pick(k_agencies);
    if (random.chance(0.4)) subject.unit = random.pick(k_units);
    subject.description = random.pick(k_descriptions);
    if (random.chance(0.5)) subject.uniform = random.pick(k_uniforms);
    if (random.chance(0.3)) subject.vehicle = random.pick(k_vehicles);
    return subject;
}

}  // namespace

SyntheticRandom::SyntheticRandom(std::uint64_t seed, std::uint64_t number, std::uint64_t stream)
    : m_state(seed ^ (number * 0x9E3779B97F4A7C15ULL) ^ (stream * 0xD1B54A32D192ED03ULL)) {
    next();
}

std::uint64_t SyntheticRandom::next() {
    std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31U);
}

std::int64_t SyntheticRandom::between(std::int64_t low, std::int64_t high) {
    return low + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(high - low + 1)));
}

bool SyntheticRandom::chance(double probability) {
    return static_cast<double>(next() >> 11U) * 0x1.0p-53 < probability;
}

domain::Filing synthetic_filing(SyntheticRandom& random, const domain::Deployment& deployment,
                                domain::Date received_on) {
    domain::Filing filing;
    filing.language =
        random.chance(0.7) ? "en" : std::string(random.pick({"es", "fr", "ht", "ar"}));

    const auto name = full_name(random);
    const auto roll = random.below(100);
    auto& complainant = filing.complainant;
    if (roll < 25) {
        complainant.confidentiality = "anonymous";
    } else {
        complainant.confidentiality = roll < 85 ? "confidential" : "open";
        complainant.name = name;
        if (random.chance(0.7)) {
            complainant.email = fmt::format("{}.{}@example.org", random.pick(k_first_names),
                                            random.between(100, 99999));
            for (auto& c : complainant.email) c = static_cast<char>(std::tolower(c));
            complainant.replies_by_email = random.chance(0.6);
        }
        if (random.chance(0.6)) {
            complainant.phone =
                fmt::format("+1 {} 555 {:04}", random.between(201, 989), random.between(100, 9999));
        }
        if (random.chance(0.3)) {
            complainant.postal_address =
                fmt::format("{} {} Street, Apt {}", random.between(1, 9999),
                            random.pick(k_last_names), random.between(1, 40));
        }
        complainant.preferred_language = filing.language;
    }
    complainant.whistleblower = random.chance(0.03);

    if (random.chance(0.15)) {
        auto& on_behalf = filing.on_behalf;
        on_behalf.applies = true;
        on_behalf.relationship = random.pick(k_relationships);
        on_behalf.person_name = full_name(random);
        on_behalf.detention_facility = random.pick(k_facilities);
        on_behalf.case_number = fmt::format("A{:09}", random.below(1000000000));
        on_behalf.consent = random.chance(0.7) ? "given" : "unable";
    }

    auto& incident = filing.incident;
    const auto incident_day =
        std::chrono::sys_days(received_on) - std::chrono::days(random.between(0, 90));
    incident.date = domain::iso_date(domain::Date(incident_day));
    incident.date_precision = random.chance(0.8) ? "exact" : "approximate";
    if (random.chance(0.5)) {
        incident.time = fmt::format("{:02}:{:02}", random.between(0, 23), random.between(0, 59));
    }
    const auto city = random.below(k_cities.size());
    incident.place = random.pick(k_places);
    incident.city = k_cities[city];
    incident.region = k_regions[city];
    // The person hurt: the one filed for, else someone with the complainant.
    const std::string hurt = filing.on_behalf.applies ? filing.on_behalf.person_name
                                                      : std::string(random.pick(k_first_names));
    incident.narrative = narrative(random, incident.place, hurt);
    if (random.chance(0.4)) incident.injuries = random.pick(k_injuries);
    const auto& categories = deployment.categories;
    if (!categories.empty()) {
        const auto count = random.chance(0.3) ? 2U : 1U;
        for (unsigned i = 0; i < count; ++i) {
            const auto& id = categories[random.below(categories.size())].id;
            if (std::ranges::find(incident.categories, id) == incident.categories.end()) {
                incident.categories.push_back(id);
            }
        }
    }

    const auto subjects = random.between(1, 3);
    for (std::int64_t i = 0; i < subjects; ++i) filing.subjects.push_back(subject(random));
    const auto witnesses = random.between(0, 2);
    for (std::int64_t i = 0; i < witnesses; ++i) {
        domain::Witness witness;
        witness.name = full_name(random);
        if (random.chance(0.6)) {
            witness.contact =
                fmt::format("+1 {} 555 {:04}", random.between(201, 989), random.between(100, 9999));
        }
        witness.account = random.pick(k_witness_accounts);
        filing.witnesses.push_back(std::move(witness));
    }

    // Now and then the complainant chose the office (one that takes filings from the
    // public); else the deployment's rules route it.
    if (random.chance(0.2)) {
        std::vector<const domain::Office*> open;
        for (const auto& office : deployment.offices) {
            if (office.kind == domain::OfficeKind::local &&
                office.web_filing == domain::WebFiling::accepted) {
                open.push_back(&office);
            }
        }
        if (!open.empty()) filing.offices.push_back(open[random.below(open.size())]->id);
    }
    return filing;
}

std::string synthetic_note(SyntheticRandom& random) {
    return std::string(random.pick(
        {"Called the complainant's number; no answer. Left no message, as they asked.",
         "Requested the shift roster and the body-camera footage for that day from the field "
         "office. They say it will take two weeks.",
         "The facility's medical log confirms the complainant was seen the next day for "
         "bruising. Copy in the evidence folder.",
         "Spoke with the witness by phone with an interpreter. Their account matches the "
         "complaint on the time and the place; they did not see the officer's face.",
         "The badge number given matches an officer assigned to the transport unit that week. "
         "Asked the supervisor for the assignment sheet.",
         "Interviewed the subject with his representative present. He denies taking any money "
         "and says he was not on duty that morning; to check against the roster.",
         "Video requested from the bus station's security company; they keep 30 days only, so "
         "it may be gone.",
         "Similar allegation against the same unit last year (closed, not sustained). Worth "
         "looking at the pattern."}));
}

std::string synthetic_task(SyntheticRandom& random) {
    return std::string(random.pick({"Request body-camera footage", "Interview the witness",
                                    "Get the shift roster", "Ask for the medical records",
                                    "Interview the subject", "Write up the evidence summary",
                                    "Call the complainant back with an interpreter"}));
}

std::string synthetic_message(SyntheticRandom& random) {
    return std::string(random.pick(
        {"Thank you for your complaint. An investigator has been assigned and will contact "
         "you. You do not need to do anything now.",
         "We would like to speak with you about what happened. Please tell us, with your "
         "receipt, a time and a way to reach you that is safe for you.",
         "Do you still have the paper from the hospital? If you can, send us a photo of it or "
         "tell us the name of the hospital and the date.",
         "We are still working on your complaint. We asked for records from the office "
         "involved and are waiting for them.",
         "We could not reach you at the number you gave. If it changed, please send us a new "
         "way to contact you."}));
}

std::string synthetic_reply(SyntheticRandom& random) {
    return std::string(random.pick(
        {"Thank you. I can talk on Tuesday or Thursday after five in the evening, in Spanish "
         "please.",
         "I have the hospital paper. The hospital is the county hospital and the date is on "
         "it, I will bring it.",
         "My number changed. Please write to me here instead, it is safer.",
         "I remembered something else: the car had a number 212 on the side.",
         "I am afraid they will find out I complained. Please do not tell them my name."}));
}

std::string synthetic_referral_reason(SyntheticRandom& random, std::string_view to_office) {
    return fmt::format("{} Sent to {}, who handle this.",
                       random.pick({"The complaint alleges a crime by an agent.",
                                    "The complaint is about money asked for a service.",
                                    "The subjects work for another agency."}),
                       to_office);
}

std::string synthetic_close_reason(SyntheticRandom& random) {
    return std::string(
        random.pick({"We could not find enough information to look into this, and we could "
                     "not reach you to ask for more.",
                     "This is about a matter outside what this office may investigate.",
                     "This is the same event as another complaint you sent, which we are "
                     "handling.",
                     "You asked us to stop, and we have."}));
}

std::string synthetic_closure(SyntheticRandom& random) {
    return std::string(random.pick(
        {"We looked at the records, spoke with the witnesses and the officers involved. We "
         "found that what you described happened and that it broke the rules.",
         "We could not show whether what you described happened: the video was no longer "
         "kept and the accounts differ.",
         "We found that the officers acted within the rules, though we understand it was "
         "frightening.",
         "We found that the rule the officers followed is itself at fault, and have asked "
         "for it to be changed."}));
}

std::string synthetic_remedy(SyntheticRandom& random) {
    if (random.chance(0.5)) return {};
    return std::string(
        random.pick({"The officer was suspended for ten days and will be retrained.",
                     "Your documents were found and will be returned to you.",
                     "The facility changed how medicine is given to people held overnight."}));
}

}  // namespace redress::cli
