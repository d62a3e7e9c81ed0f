#pragma once
// A validated filing as it is stored: personal data of the complainant, the person
// affected and witnesses already sealed (encrypted) by the caller, so that storage never
// sees it in the clear; one complaint per destination office.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "domain/calendar.hpp"
#include "domain/complaint_status.hpp"
#include "domain/filing.hpp"

namespace redress::domain {

enum class Channel { web, api, email, phone, mail, referral };
std::string_view channel_name(Channel channel);

using ReceiptHash = std::array<std::uint8_t, 32>;

struct Destination {
    std::string office_id;
    std::string reference_prefix;
};

struct ReceivedFiling {
    Channel channel = Channel::web;
    std::string language;
    Timestamp received_at;
    ReceiptHash receipt_hash{};
    Confidentiality confidentiality = Confidentiality::anonymous;
    bool whistleblower = false;
    bool on_behalf = false;
    std::vector<std::uint8_t> sealed_people;  // complainant, person affected, witnesses
    Incident incident;                        // categories included
    std::vector<Subject> subjects;
    std::size_t witness_count = 0;
    std::vector<Destination> destinations;
};

// One complaint as filed with one office.
struct FiledComplaint {
    std::string office_id;
    std::string reference;
};

// What a status look-up reads back.
struct ComplaintRecord {
    std::string office_id;
    std::string reference;
    Timestamp received_at;
    ReceiptHash receipt_hash{};
    Status status = Status::received;
    std::vector<TimelineEvent> timeline;  // oldest first
};

}  // namespace redress::domain
