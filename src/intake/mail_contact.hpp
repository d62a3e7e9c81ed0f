#pragma once
// Whether mail goes to the complainant about a filing, and where: to the email address of a
// complainant who asked for replies by email (an acknowledgment, then a notice of each
// status change), and to the sender of a complaint received by email (an acknowledgment
// that carries the receipt, which they never saw on a screen). The address and the receipt
// are sealed with the mail key; outbound/ sends the mail in the background.

#include <optional>

#include "crypto/keys.hpp"
#include "domain/filing.hpp"
#include "domain/receipt.hpp"
#include "domain/received_filing.hpp"

namespace redress::intake {

// None when no mail is to be sent. `filing` is normalised and valid.
std::optional<domain::MailContact> mail_contact(const domain::Filing& filing,
                                                domain::Channel channel,
                                                const domain::Receipt& receipt,
                                                const crypto::Key& mail_key);

}  // namespace redress::intake
