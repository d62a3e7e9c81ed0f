#include "domain/received_filing.hpp"

namespace redress::domain {

std::string_view channel_name(Channel channel) {
    switch (channel) {
        case Channel::web:
            return "web";
        case Channel::api:
            return "api";
        case Channel::email:
            return "email";
        case Channel::phone:
            return "phone";
        case Channel::mail:
            return "mail";
        case Channel::referral:
            return "referral";
    }
    return "web";
}

std::optional<Channel> parse_channel(std::string_view name) {
    for (const auto channel : {Channel::web, Channel::api, Channel::email, Channel::phone,
                               Channel::mail, Channel::referral}) {
        if (channel_name(channel) == name) return channel;
    }
    return std::nullopt;
}

}  // namespace redress::domain
