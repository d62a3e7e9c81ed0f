#include "outbound/mail_sending.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>

#include "crypto/keyed_hash.hpp"
#include "crypto/secret_box.hpp"
#include "outbound/mail_composition.hpp"
#include "util/await.hpp"
#include "util/thread_name.hpp"

namespace redress::outbound {

namespace {

// Turns asked for more often than this would keep the readers busy for nothing.
constexpr std::chrono::milliseconds k_shortest_poll{10};

MailSendingSettings sane(MailSendingSettings settings) {
    settings.poll = std::max(settings.poll, k_shortest_poll);
    settings.batch = std::max<std::size_t>(settings.batch, 1);
    settings.retry_first = std::max(settings.retry_first, std::chrono::seconds(1));
    settings.retry_max = std::max(settings.retry_max, settings.retry_first);
    return settings;
}

}  // namespace

std::chrono::seconds retry_delay(std::uint32_t failures, std::chrono::seconds first,
                                 std::chrono::seconds longest) {
    auto delay = first;
    for (std::uint32_t i = 1; i < failures && delay < longest; ++i) delay *= 2;
    return std::min(delay, longest);
}

AfterFailure after_failure(const storage::MailJob& job, SendOutcome outcome, domain::Timestamp now,
                           const MailSendingSettings& settings) {
    if (outcome == SendOutcome::permanent_failure) return {true, {}};
    const auto next = now + retry_delay(job.attempts + 1, settings.retry_first, settings.retry_max);
    // A next attempt past the deadline would be made after it: give up now instead.
    if (next > job.created_at + settings.give_up) return {true, {}};
    return {false, next};
}

MailSending::MailSending(storage::Outbox& outbox, const i18n::Languages& languages,
                         crypto::Key mail_key, MailSendingSettings settings, SendMail send,
                         std::function<domain::Timestamp()> now)
    : m_outbox(outbox),
      m_languages(languages),
      m_mail_key(mail_key),
      m_settings(sane(std::move(settings))),
      m_send(std::move(send)),
      m_now(std::move(now)),
      m_thread([this] { run(); }) {}

MailSending::~MailSending() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

void MailSending::run() {
    util::name_this_thread("mail-out");
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        lock.unlock();
        catch_up();
        lock.lock();
        m_wake.wait_for(lock, m_settings.poll, [this] { return m_stopping.load(); });
    }
}

void MailSending::catch_up() {
    while (!m_stopping) {
        if (m_settings.lease != nullptr && !m_settings.lease->held()) return;
        if (turn() < m_settings.batch) return;
    }
}

std::size_t MailSending::turn() {
    auto due = util::await<std::vector<storage::MailJob>>(
        [&](auto done) { m_outbox.due_mail(m_now(), m_settings.batch, std::move(done)); });
    if (!due) {
        spdlog::error("mail: could not read the mail due: {}", due.error().message);
        return 0;
    }
    for (const auto& job : *due) {
        if (m_stopping) break;
        deliver(job);
    }
    return due->size();
}

std::string MailSending::mail_message_id(std::int64_t job_id) const {
    // Keyed: the number of mails the office sent stays its own.
    const auto digest = crypto::short_keyed_hash(m_mail_key, fmt::format("message-id {}", job_id));
    std::string id;
    for (const auto byte : digest) id += fmt::format("{:02x}", byte);
    return id;
}

void MailSending::deliver(const storage::MailJob& job) {
    auto address = crypto::open(m_mail_key, job.sealed_address);
    std::optional<std::string> receipt;
    if (!job.sealed_extra.empty()) {
        auto opened = crypto::open(m_mail_key, job.sealed_extra);
        if (opened) receipt = std::move(*opened);
        if (!opened) address = std::unexpected(opened.error());
    }
    if (!address) {
        return record_failure(job, SendOutcome::permanent_failure,
                              "the address or receipt could not be opened with the mail key");
    }
    const auto* catalogue = m_languages.find(job.language);
    auto message = compose_mail(catalogue ? *catalogue : m_languages.fallback(),
                                {.kind = job.kind,
                                 .from = m_settings.from,
                                 .to = *address,
                                 .reference = job.reference,
                                 .status_link = m_settings.status_link,
                                 .receipt = std::move(receipt),
                                 .date = m_now(),
                                 .message_id = mail_message_id(job.id)});
    if (!message) {
        return record_failure(job, SendOutcome::permanent_failure, message.error().message);
    }
    auto result = m_send(*address, *message, m_stopping);
    // Cut short by the shutdown: the mail stays due as it was, for the next start.
    if (m_stopping && result.outcome != SendOutcome::sent) return;
    if (result.outcome != SendOutcome::sent) {
        return record_failure(job, result.outcome, std::move(result.reason));
    }
    auto recorded =
        util::await<bool>([&](auto done) { m_outbox.mail_sent(job.id, m_now(), std::move(done)); });
    if (!recorded) {
        spdlog::error("mail: job {} was sent but could not be recorded: {}", job.id,
                      recorded.error().message);
    } else {
        spdlog::info("mail: job {} ({}) sent", job.id, storage::mail_kind_name(job.kind));
    }
}

void MailSending::record_failure(const storage::MailJob& job, SendOutcome outcome,
                                 std::string reason) {
    const auto now = m_now();
    const auto next = after_failure(job, outcome, now, m_settings);
    util::Expected<bool> recorded;
    if (next.give_up) {
        spdlog::warn("mail: job {} given up after {} attempt(s): {}", job.id, job.attempts + 1,
                     reason);
        recorded = util::await<bool>([&](auto done) {
            m_outbox.mail_given_up(job.id, std::move(reason), now, std::move(done));
        });
    } else {
        spdlog::warn("mail: job {} failed ({}); next attempt in {} s", job.id, reason,
                     (next.next_attempt - now).count());
        recorded = util::await<bool>([&](auto done) {
            m_outbox.mail_failed(job.id, std::move(reason), next.next_attempt, std::move(done));
        });
    }
    if (!recorded) {
        spdlog::error("mail: job {}: could not record the failure: {}", job.id,
                      recorded.error().message);
    }
}

}  // namespace redress::outbound
