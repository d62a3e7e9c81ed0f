#pragma once
// The packet an office sends with a complaint it refers to an external office (law
// enforcement, an inspector general): what the other office needs to take the complaint up,
// assembled in one place from the complaint as staff see it, its account of what happened
// and its witnesses' accounts. Printed or downloaded as one HTML page (packet_pages.hpp).
//
// The complainant's identity is not in the packet: `identity` is a line saying so. Adding
// it, with the complainant's recorded consent, is a change to assemble_referral_packet and
// the Identity part only: every part of the packet is filled here.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/deployment.hpp"
#include "intake/account_sealing.hpp"
#include "intake/people_sealing.hpp"
#include "storage/casework.hpp"

namespace redress::console {

struct ReferralPacket {
    struct Line {
        std::string label;  // words of the staff catalogue
        std::string text;   // as stored or typed
    };
    std::string reference;
    std::string other_reference;  // the external office's, when given at referral
    std::string from_office;      // names, in the staff language
    std::string to_office;
    std::string referred_at;  // ISO timestamps and dates
    std::string received_at;
    std::string incident_date;            // "" when not given; with "(approximate)" when so filed
    std::string referred_by;              // "staff:<username>" of the referring decision
    std::string reason;                   // the referring member's, as typed at triage
    std::vector<std::string> categories;  // labels: the staff's, else the complainant's
    bool account_opened = false;          // false: the account would not open (said so)
    std::vector<Line> account;            // time, place, narrative, injuries, ...
    std::vector<std::vector<Line>> subjects;
    std::size_t witness_count = 0;
    bool witnesses_opened = false;       // false: their record would not open (said so)
    std::vector<std::string> witnesses;  // what each witness saw, in the order given
    // Why the complainant's identity is not here: one line, never left blank.
    // What the packet says of the complainant's identity, and, only when it may pass on
    // (domain::identity_may_pass_on), their name and contact.
    std::string identity;
    std::vector<Line> complainant;
    struct Event {
        std::string at, status, actor, note;
    };
    std::vector<Event> timeline;  // oldest first
};

// The words the packet's labels and fixed lines come from.
using PacketWords = std::function<std::string(std::string_view key)>;

// The packet of `complaint`, referred to an external office (its latest referral). `account`
// and `people` are the opened records, or nullptr when they would not open. Only the
// witnesses' own accounts are taken from `people`: not their names or contact, and nothing
// of the complainant or the person filed for.
ReferralPacket assemble_referral_packet(const storage::StaffComplaint& complaint,
                                        const intake::Account* account,
                                        const intake::People* people,
                                        const domain::Deployment& deployment,
                                        const PacketWords& words);

}  // namespace redress::console
