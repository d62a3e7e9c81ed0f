#pragma once
// Sends one composed mail to a mail server by SMTP, with libcurl: the envelope's MAIL FROM
// and RCPT TO, then the message. The outcome says whether to try again: a server that
// cannot be reached, times out or answers 4xx may take the mail later; one that answers
// 5xx will not. Reasons name the failure and the server's code, never an address.

#include <atomic>
#include <chrono>
#include <string>
#include <string_view>

namespace redress::outbound {

enum class Starttls { try_it, require, off };

struct SmtpSettings {
    std::string url;  // smtp://host:port or smtps://host:port
    std::string from;
    std::string user;  // empty: no login
    std::string password;
    Starttls starttls = Starttls::try_it;
    std::chrono::seconds timeout{30};  // to connect, and for the whole mail
};

enum class SendOutcome { sent, temporary_failure, permanent_failure };

struct SendResult {
    SendOutcome outcome = SendOutcome::sent;
    std::string reason;  // empty when sent
};

class SmtpSender {
  public:
    // Initialises libcurl once for the process: call on the main thread, before any other
    // thread uses libcurl.
    explicit SmtpSender(SmtpSettings settings);

    // Sends `message` to `to`. Blocks up to the timeout; gives up at once, as a temporary
    // failure, when `stopping` becomes true. Thread-safe (each call has its own handle).
    SendResult send(std::string_view to, std::string_view message,
                    const std::atomic<bool>& stopping) const;

  private:
    SmtpSettings m_settings;
};

// "try", "require" or "off" (config::MailSettings::starttls).
Starttls parse_starttls(std::string_view name);

}  // namespace redress::outbound
