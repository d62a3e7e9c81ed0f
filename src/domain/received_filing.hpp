#pragma once
// A validated filing as it is stored: personal data of the complainant, the person
// affected and witnesses, and the account of what happened with its subjects, already
// sealed (encrypted) by the caller, so that storage never sees them in the clear; only
// what statistics and routing need stays readable. One complaint per destination office.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/calendar.hpp"
#include "domain/complaint_status.hpp"
#include "domain/filing.hpp"

namespace redress::domain {

enum class Channel { web, api, email, phone, mail, referral };
std::string_view channel_name(Channel channel);
std::optional<Channel> parse_channel(std::string_view name);

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
    std::vector<std::uint8_t> sealed_people;   // complainant, person affected, witnesses
    std::vector<std::uint8_t> sealed_account;  // when, where, what happened, subjects
    std::string incident_date;                 // as filed: YYYY-MM-DD, YYYY-MM or ""
    std::string incident_date_precision;       // "exact", "approximate" or ""
    std::vector<std::string> categories;
    std::size_t subject_count = 0;
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
