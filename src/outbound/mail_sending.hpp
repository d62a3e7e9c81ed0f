#pragma once
// Sends the mail waiting in the outbox (storage/outbox.hpp) while redress serves: a thread
// of its own takes what is due in turns of at most `batch`, opens each complainant's
// address with the mail key, composes the mail in their language and sends it. A failure
// that may pass (the server down, slow, or answering 4xx) is tried again later, waiting
// twice as long each time up to `retry_max`, and given up once the mail is `give_up` old;
// a refusal (5xx) is given up at once. The log names only the job's id.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include "crypto/keys.hpp"
#include "domain/calendar.hpp"
#include "i18n/languages.hpp"
#include "outbound/smtp_sender.hpp"
#include "storage/background_leases.hpp"
#include "storage/outbox.hpp"

namespace redress::outbound {

struct MailSendingSettings {
    std::string from;
    std::string status_link;  // the public status page, e.g. "http://example.onion/status"
    std::chrono::milliseconds poll{5000};
    std::size_t batch = 20;
    std::chrono::seconds retry_first{60};
    std::chrono::seconds retry_max{3600};
    std::chrono::hours give_up{72};
    // Several nodes on one database: a turn is taken only while this node holds the lease
    // (it must outlive the sending), so that a mail is sent by one node. None: every turn is
    // this process's.
    storage::BackgroundLease* lease = nullptr;
};

// The wait before the next attempt of a mail that has failed `failures` times (1: the
// first failure): `first`, doubling each time, never more than `longest`.
std::chrono::seconds retry_delay(std::uint32_t failures, std::chrono::seconds first,
                                 std::chrono::seconds longest);

// What to do about a mail whose attempt just failed at `now`.
struct AfterFailure {
    bool give_up = false;
    domain::Timestamp next_attempt{};  // when not given up
};
AfterFailure after_failure(const storage::MailJob& job, SendOutcome outcome, domain::Timestamp now,
                           const MailSendingSettings& settings);

// Sends one composed message to one address; `stopping` asks it to give up at once.
using SendMail = std::function<SendResult(std::string_view to, std::string_view message,
                                          const std::atomic<bool>& stopping)>;

class MailSending {
  public:
    // `outbox`, `languages` must outlive it.
    MailSending(storage::Outbox& outbox, const i18n::Languages& languages, crypto::Key mail_key,
                MailSendingSettings settings, SendMail send,
                std::function<domain::Timestamp()> now);
    // Stops after the mail being sent (cut short), and joins the thread.
    ~MailSending();
    MailSending(const MailSending&) = delete;
    MailSending& operator=(const MailSending&) = delete;

  private:
    void run();
    // Sends what is due, turn after turn, until none is left or redress stops.
    void catch_up();
    // Sends one batch; answers how many it took (0 on failure to read).
    std::size_t turn();
    void deliver(const storage::MailJob& job);
    // The local part of the Message-ID of every attempt at the mail `job_id`.
    std::string mail_message_id(std::int64_t job_id) const;
    void record_failure(const storage::MailJob& job, SendOutcome outcome, std::string reason);

    storage::Outbox& m_outbox;
    const i18n::Languages& m_languages;
    const crypto::Key m_mail_key;
    const MailSendingSettings m_settings;
    const SendMail m_send;
    const std::function<domain::Timestamp()> m_now;

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::atomic<bool> m_stopping = false;
    std::thread m_thread;  // last: starts once everything above exists
};

}  // namespace redress::outbound
