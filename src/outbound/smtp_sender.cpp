#include "outbound/smtp_sender.hpp"

#include <curl/curl.h>
#include <fmt/format.h>

#include <cstring>
#include <memory>
#include <mutex>

namespace redress::outbound {

namespace {

struct Upload {
    std::string_view message;
    std::size_t offset = 0;
};

std::size_t read_message(char* buffer, std::size_t size, std::size_t count, void* data) {
    auto* upload = static_cast<Upload*>(data);
    const std::size_t room = size * count;
    const std::size_t left = upload->message.size() - upload->offset;
    const std::size_t taken = std::min(room, left);
    std::memcpy(buffer, upload->message.data() + upload->offset, taken);
    upload->offset += taken;
    return taken;
}

int check_stopping(void* data, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    return static_cast<const std::atomic<bool>*>(data)->load() ? 1 : 0;
}

curl_usessl ssl_level(Starttls starttls) {
    switch (starttls) {
        case Starttls::try_it:
            return CURLUSESSL_TRY;
        case Starttls::require:
            return CURLUSESSL_ALL;
        case Starttls::off:
            return CURLUSESSL_NONE;
    }
    return CURLUSESSL_TRY;
}

// Whether a failure may pass: the server unreachable or slow, or answering 4xx. A 5xx
// answer is final.
SendOutcome outcome_of(CURLcode code, long response) {
    if (response >= 500 && response < 600) return SendOutcome::permanent_failure;
    if (response >= 400 && response < 500) return SendOutcome::temporary_failure;
    switch (code) {
        case CURLE_UNSUPPORTED_PROTOCOL:
        case CURLE_URL_MALFORMAT:
            return SendOutcome::permanent_failure;
        default:
            return SendOutcome::temporary_failure;
    }
}

using Handle = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;
using List = std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)>;

}  // namespace

Starttls parse_starttls(std::string_view name) {
    if (name == "require") return Starttls::require;
    if (name == "off") return Starttls::off;
    return Starttls::try_it;
}

SmtpSender::SmtpSender(SmtpSettings settings) : m_settings(std::move(settings)) {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

SendResult SmtpSender::send(std::string_view to, std::string_view message,
                            const std::atomic<bool>& stopping) const {
    Handle curl(curl_easy_init(), &curl_easy_cleanup);
    if (!curl) return {SendOutcome::temporary_failure, "libcurl could not start"};
    const std::string from = fmt::format("<{}>", m_settings.from);
    const std::string recipient = fmt::format("<{}>", to);
    List recipients(curl_slist_append(nullptr, recipient.c_str()), &curl_slist_free_all);
    if (!recipients) return {SendOutcome::temporary_failure, "out of memory"};
    Upload upload{message};
    const long timeout = static_cast<long>(m_settings.timeout.count());

    CURL* handle = curl.get();
    curl_easy_setopt(handle, CURLOPT_URL, m_settings.url.c_str());
    curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT, timeout);
    curl_easy_setopt(handle, CURLOPT_TIMEOUT, timeout);
    curl_easy_setopt(handle, CURLOPT_USE_SSL, static_cast<long>(ssl_level(m_settings.starttls)));
    curl_easy_setopt(handle, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(handle, CURLOPT_MAIL_RCPT, recipients.get());
    curl_easy_setopt(handle, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(handle, CURLOPT_READFUNCTION, &read_message);
    curl_easy_setopt(handle, CURLOPT_READDATA, &upload);
    curl_easy_setopt(handle, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
    curl_easy_setopt(handle, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, &check_stopping);
    curl_easy_setopt(handle, CURLOPT_XFERINFODATA, &stopping);
    if (!m_settings.user.empty()) {
        curl_easy_setopt(handle, CURLOPT_USERNAME, m_settings.user.c_str());
        curl_easy_setopt(handle, CURLOPT_PASSWORD, m_settings.password.c_str());
    }

    const CURLcode code = curl_easy_perform(handle);
    if (code == CURLE_OK) return {SendOutcome::sent, {}};
    long response = 0;
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &response);
    // curl_easy_strerror names the kind of failure only; the server's own words, which
    // may repeat an address, are left out.
    std::string reason = curl_easy_strerror(code);
    if (response > 0) reason += fmt::format(" (server answered {})", response);
    return {outcome_of(code, response), std::move(reason)};
}

}  // namespace redress::outbound
