#include "intake/mail_contact.hpp"

#include "crypto/secret_box.hpp"

namespace redress::intake {

std::optional<domain::MailContact> mail_contact(const domain::Filing& filing,
                                                domain::Channel channel,
                                                const domain::Receipt& receipt,
                                                const crypto::Key& mail_key) {
    const auto& complainant = filing.complainant;
    const bool by_email = channel == domain::Channel::email;
    if (complainant.email.empty() || (!complainant.replies_by_email && !by_email)) {
        return std::nullopt;
    }
    domain::MailContact contact;
    contact.sealed_address = crypto::seal(mail_key, complainant.email);
    contact.language = filing.language;
    contact.status_notices = complainant.replies_by_email;
    if (by_email) contact.sealed_receipt = crypto::seal(mail_key, receipt.text());
    return contact;
}

}  // namespace redress::intake
