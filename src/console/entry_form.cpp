#include "console/entry_form.hpp"

#include <algorithm>
#include <charconv>

#include "util/text.hpp"

namespace redress::console {

namespace {

// Minutes since midnight of a strict "HH:MM"; nullopt otherwise.
std::optional<int> parse_clock_time(std::string_view text) {
    if (text.size() != 5 || text[2] != ':') return std::nullopt;
    int hours = 0;
    int minutes = 0;
    const auto [h_end, h_error] = std::from_chars(text.data(), text.data() + 2, hours);
    const auto [m_end, m_error] = std::from_chars(text.data() + 3, text.data() + 5, minutes);
    if (h_error != std::errc{} || h_end != text.data() + 2 || m_error != std::errc{} ||
        m_end != text.data() + 5 || hours > 23 || minutes > 59) {
        return std::nullopt;
    }
    return hours * 60 + minutes;
}

}  // namespace

EntryForm read_entry_form(const http::FormData& form, std::span<const std::string> languages,
                          const domain::TimeZone& zone, domain::Timestamp now) {
    EntryForm read;
    read.channel = std::string(util::trim(form.get("entry.channel")));
    read.contacted_date = std::string(util::trim(form.get("entry.contacted_date")));
    read.contacted_time = std::string(util::trim(form.get("entry.contacted_time")));
    read.language = std::string(util::trim(form.get("entry.language")));
    auto problem = [&](std::string_view field, std::string_view code) {
        read.problems.push_back({std::string(field), std::string(code)});
    };

    // Only the channels a member takes by hand: web, API and email come in by themselves.
    const auto channel = domain::parse_channel(read.channel);
    if (read.channel.empty()) {
        problem("entry.channel", "required");
    } else if (channel != domain::Channel::phone && channel != domain::Channel::mail) {
        problem("entry.channel", "invalid_choice");
    } else {
        read.read_channel = channel;
    }

    if (read.language.empty()) {
        problem("entry.language", "required");
    } else if (std::ranges::find(languages, read.language) == languages.end()) {
        problem("entry.language", "invalid_choice");
    }

    const auto day = domain::parse_iso_date(read.contacted_date);
    if (read.contacted_date.empty()) {
        problem("entry.contacted_date", "required");
    } else if (!day) {
        problem("entry.contacted_date", "invalid_date");
    }
    // A call has its time; a letter's date often has none, and then is its day's start.
    std::optional<int> minutes;
    if (read.contacted_time.empty()) {
        if (read.read_channel != domain::Channel::mail) {
            problem("entry.contacted_time", "required");
        } else {
            minutes = 0;
        }
    } else if (!(minutes = parse_clock_time(read.contacted_time))) {
        problem("entry.contacted_time", "invalid_time");
    }
    if (!day || !minutes) return read;

    // Local wall-clock time: on the day a zone's offset changes, an hour either side of the
    // change may be off by that hour, which no service level notices.
    const domain::Timestamp at = zone.start_of_day(*day) + std::chrono::minutes(*minutes);
    if (zone.local_date(now) < *day) {
        problem("entry.contacted_date", "future_date");
    } else if (at > now) {
        problem("entry.contacted_time", "future_contact");
    } else if (at < now - k_oldest_contact) {
        problem("entry.contacted_date", "contact_too_old");
    } else {
        read.contacted_at = at;
    }
    return read;
}

}  // namespace redress::console
