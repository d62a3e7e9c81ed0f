#include "inbound/mail_intake.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <future>
#include <iterator>
#include <latch>
#include <vector>

#include "crypto/file_sealing.hpp"
#include "crypto/random.hpp"
#include "crypto/secret_box.hpp"
#include "domain/message.hpp"
#include "inbound/mail_spool.hpp"
#include "intake/complainant_replies.hpp"
#include "mail/reference_in_subject.hpp"
#include "util/await.hpp"
#include "util/text.hpp"
#include "util/thread_name.hpp"

namespace redress::inbound {

namespace {

constexpr std::string_view k_actor = "mail-intake";
// A message with nothing but attachments still says what it is: a complaint whose account
// is in the files. English is enough: staff read it, not the complainant.
constexpr std::string_view k_account_in_attachments =
    "(The complainant sent no text: the account is in the attached files.)";

// The first `limit` code points of UTF-8 `text`.
std::string cut_code_points(std::string_view text, std::size_t limit) {
    std::size_t seen = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if ((byte & 0xC0) != 0x80) {
            if (seen == limit) return std::string(text.substr(0, i));
            ++seen;
        }
    }
    return std::string(text);
}

std::optional<std::string> read_whole(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) return std::nullopt;
    const auto size = in.tellg();
    if (size < 0) return std::nullopt;
    // In one read: a message is up to mail.max_message_mib.
    std::string content(static_cast<std::size_t>(size), '\0');
    in.seekg(0);
    if (!in.read(content.data(), size)) return std::nullopt;
    return content;
}

std::string quarantine_name() {
    std::array<std::uint8_t, 16> random{};
    crypto::fill_random(random);
    // The evidence folder's own form of name (32 hex digits): it takes no other.
    std::string name;
    for (const auto byte : random) name += fmt::format("{:02x}", byte);
    return name;
}

// The attachments that pass the evidence checks, one by one (so that one refused file
// does not refuse the others), and a line for each refused one.
struct SortedFiles {
    std::vector<intake::ArrivingFile> accepted;
    intake::CheckedFiles checked;
    std::vector<std::string> refused;
};

SortedFiles sort_files(const intake::EvidenceIntake& evidence,
                       const std::vector<mail::InboundAttachment>& attachments) {
    SortedFiles sorted;
    std::uint64_t bytes = 0;
    for (const auto& attachment : attachments) {
        intake::ArrivingFile file{attachment.file_name, attachment.content};
        auto checked = evidence.check({file}, sorted.accepted.size(), bytes);
        if (checked.errors.empty()) {
            sorted.accepted.push_back(file);
            sorted.checked.media_types.push_back(checked.media_types.front());
            bytes += attachment.content.size();
        } else {
            sorted.refused.push_back(fmt::format(
                "[redress: an attached file was not accepted ({}): {}]",
                checked.errors.front().code,
                attachment.file_name.empty() ? std::string("unnamed") : attachment.file_name));
        }
    }
    return sorted;
}

// The text with the refused files listed after it: they are not dropped silently. The
// complainant's own words come first and are never cut for the list's sake.
std::string with_refused(std::string text, const std::vector<std::string>& refused,
                         std::size_t limit) {
    if (text.empty() && !refused.empty()) text = std::string(k_account_in_attachments);
    for (const auto& line : refused) {
        const std::string added = "\n\n" + line;
        if (util::code_points(text) + util::code_points(added) > limit) break;
        text += added;
    }
    return text;
}

std::string field_codes(const std::vector<domain::FieldError>& errors) {
    std::string codes;
    for (const auto& error : errors) {
        if (!codes.empty()) codes += ", ";
        codes += error.field + ": " + error.code;
    }
    return codes;
}

}  // namespace

MailIntake::MailIntake(intake::Intake& intake, const intake::EvidenceIntake& evidence,
                       storage::MailInbox& inbox, const crypto::Keys& keys, intake::Now now,
                       MailIntakeSettings settings)
    : m_intake(intake),
      m_evidence(evidence),
      m_inbox(inbox),
      m_keys(keys),
      m_now(std::move(now)),
      m_settings(std::move(settings)) {
    if (m_settings.threads > 1) {
        m_helpers = std::make_unique<util::WorkPool>("mail intake", m_settings.threads - 1,
                                                     m_settings.threads);
    }
}

MailIntake::~MailIntake() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) m_thread.join();
}

void MailIntake::start() {
    if (auto made = make_spool_folder(m_settings.spool); !made) {
        spdlog::error("mail intake: {}", made.error().message);
    }
    clear_stale_partials(m_settings.spool);
    m_thread = std::thread([this] { run(); });
}

void MailIntake::run() {
    util::name_this_thread("mail-in");
    for (;;) {
        try {
            take_spool();
        } catch (const std::exception& error) {
            spdlog::error("mail intake: a pass over the spool failed: {}", error.what());
        }
        std::unique_lock lock(m_mutex);
        if (m_wake.wait_for(lock, m_settings.poll, [this] { return m_stopping; })) return;
    }
}

std::size_t MailIntake::take_spool() {
    auto names = spooled_messages(m_settings.spool);
    if (!names) {
        spdlog::error("mail intake: {}", names.error().message);
        return 0;
    }
    if (names->empty()) return 0;
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> taken{0};
    auto work = [&] {
        for (;;) {
            {
                std::lock_guard lock(m_mutex);
                if (m_stopping) return;
            }
            const std::size_t index = next.fetch_add(1);
            if (index >= names->size()) return;
            Taken outcome = Taken::kept;
            try {
                outcome = take((*names)[index]);
            } catch (const std::exception& error) {
                spdlog::error("mail intake: spool file {} stays for later: {}", (*names)[index],
                              error.what());
            }
            if (outcome != Taken::kept) taken.fetch_add(1);
        }
    };
    // This thread and its helpers take the files in from one shared index.
    const std::size_t helpers = m_helpers ? std::min(m_settings.threads - 1, names->size() - 1) : 0;
    std::latch finished(static_cast<std::ptrdiff_t>(helpers));
    for (std::size_t i = 0; i < helpers; ++i) {
        if (!m_helpers->try_submit([&] {
                work();
                finished.count_down();
            })) {
            finished.count_down();  // the others take its share
        }
    }
    work();
    finished.wait();
    return taken.load();
}

Taken MailIntake::take(const std::string& name) {
    const auto path = m_settings.spool / name;
    auto raw = read_whole(path);
    if (!raw) {
        spdlog::warn("mail intake: spool file {} cannot be read; it stays for later", name);
        return Taken::kept;
    }
    auto recorded =
        util::await<bool>([&](auto done) { m_inbox.mail_taken(name, std::move(done)); });
    if (!recorded) {
        spdlog::warn("mail intake: {}; spool file {} stays for later", recorded.error().message,
                     name);
        return Taken::kept;
    }
    Taken outcome = Taken::already;
    if (!*recorded) {
        if (spooled_cut(name)) {
            outcome = quarantine(
                name, *raw, "too_large",
                fmt::format("The message was larger than {} bytes; its beginning was kept.",
                            m_settings.limits.max_message_bytes));
        } else if (auto message = mail::read_message(*raw, m_settings.limits); !message) {
            outcome = quarantine(name, *raw, message.error().reason, message.error().detail);
        } else if (auto reference = mail::reference_in_subject(message->subject)) {
            auto contact = util::await<std::optional<storage::ReplyContact>>(
                [&](auto done) { m_inbox.reply_contact(*reference, std::move(done)); });
            if (!contact) {
                spdlog::warn("mail intake: {}; spool file {} stays for later",
                             contact.error().message, name);
                return Taken::kept;
            }
            if (!*contact) {
                // A reference that names no complaint: written by someone who means to
                // complain, and perhaps copied a reference wrongly.
                outcome = file(name, *raw, *message);
            } else {
                bool same_sender = false;
                if (!(*contact)->sealed_address.empty()) {
                    auto address = crypto::open(m_keys.mail, (*contact)->sealed_address);
                    same_sender = address && util::to_lower_ascii(util::trim(*address)) ==
                                                 util::to_lower_ascii(message->from_address);
                }
                // Anyone can type a reference: only the complainant's own address may add
                // to their complaint.
                outcome = same_sender
                              ? reply(name, *raw, *message, **contact)
                              : quarantine(name, *raw, "reference_not_from_complainant",
                                           "The subject names a complaint, but the sender is not "
                                           "its complainant's mail contact.");
            }
        } else {
            outcome = file(name, *raw, *message);
        }
    }
    if (outcome == Taken::kept) return outcome;
    if (auto removed = remove_spooled(m_settings.spool, name); !removed) {
        // Taken all the same: the next pass finds its name recorded and removes it then.
        spdlog::warn("mail intake: {} ({})", removed.error().message, name);
    }
    return outcome;
}

Taken MailIntake::quarantine(const std::string& name, std::string_view raw, std::string reason,
                             std::string detail) {
    const auto& folder = m_evidence.folder();
    const std::string stored_name = quarantine_name();
    auto kept = folder.keep(stored_name,
                            [&](int fd) { return crypto::seal_to_file(m_keys.evidence, raw, fd); });
    if (kept) kept = folder.sync();
    if (!kept) {
        folder.discard(stored_name);
        spdlog::error("mail intake: cannot keep a quarantined message: {}; spool file {} stays",
                      kept.error().message, name);
        return Taken::kept;
    }
    const auto now = m_now();
    domain::AuditEvent audit{.at = now,
                             .actor = std::string(k_actor),
                             .action = "mail.quarantined",
                             .object = {},
                             .reason = {},
                             .details = "reason=" + reason};
    storage::QuarantineRecord record{.spool_name = name,
                                     .received_at = now,
                                     .reason = std::move(reason),
                                     .detail = std::move(detail),
                                     .stored_name = stored_name,
                                     .size = raw.size()};
    auto stored = util::await<std::int64_t>([&](auto done) {
        m_inbox.quarantine_mail(std::move(record), std::move(audit), std::move(done));
    });
    if (!stored) {
        folder.discard(stored_name);
        spdlog::error("mail intake: cannot record a quarantine: {}; spool file {} stays",
                      stored.error().message, name);
        return Taken::kept;
    }
    spdlog::info("mail intake: spool file {} quarantined as {}", name, *stored);
    return Taken::quarantined;
}

Taken MailIntake::reply(const std::string& name, std::string_view raw,
                        const mail::InboundMessage& message, const storage::ReplyContact& contact) {
    auto files = sort_files(m_evidence, message.attachments);
    std::string text =
        with_refused(cut_code_points(util::trim(message.text), domain::k_longest_message),
                     files.refused, domain::k_longest_message);
    if (util::trim(text).empty() && !files.accepted.empty())
        text = std::string(k_account_in_attachments);
    if (intake::check_reply(text)) {
        return quarantine(name, raw, "not_fileable", "The reply has no text that can be kept.");
    }
    const auto now = m_now();
    auto kept = m_evidence.keep(files.accepted, files.checked, domain::EvidenceSource::email, now);
    if (!kept) {
        spdlog::error("mail intake: cannot keep the files of a reply: {}; spool file {} stays",
                      kept.error().message, name);
        return Taken::kept;
    }
    const std::string object = "complaint:" + contact.reference;
    storage::MailReply record{
        .spool_name = name,
        .message = {.complaint_id = contact.complaint_id,
                    .kind = domain::MessageKind::from_complainant,
                    .at = now,
                    .today = domain::iso_date(domain::date_of(now)),
                    .sealed_text = crypto::seal(m_keys.content, text)},
        .message_audit = {.at = now,
                          .actor = "complainant",
                          .action = "message.received",
                          .object = object,
                          .reason = {},
                          .details = "kind=from_complainant channel=email"},
        .files = *kept,
        .limits = m_evidence.limits(),
        .evidence_audit = {.at = now,
                           .actor = "complainant",
                           .action = "evidence.added",
                           .object = object,
                           .reason = {},
                           .details = fmt::format("files={} source=email", kept->size())}};
    auto stored = util::await<std::int64_t>(
        [&](auto done) { m_inbox.take_reply(std::move(record), std::move(done)); });
    if (!stored) {
        m_evidence.discard(*kept);
        if (stored.error().code == util::ErrorCode::conflict) {
            return quarantine(name, raw, "complaint_full",
                              "The complaint the reply names holds all the messages or files it "
                              "may.");
        }
        spdlog::error("mail intake: cannot store a reply: {}; spool file {} stays",
                      stored.error().message, name);
        return Taken::kept;
    }
    spdlog::debug("mail intake: spool file {} taken as a reply", name);
    return Taken::reply;
}

Taken MailIntake::file(const std::string& name, std::string_view raw,
                       const mail::InboundMessage& message) {
    const auto& limits = m_intake.limits();
    auto files = sort_files(m_evidence, message.attachments);
    domain::Filing filing;
    // The sender wrote by email: they are the confidential contact, and replies go back by
    // email (the acknowledgment carries the receipt they never saw on a screen).
    filing.complainant.confidentiality = "confidential";
    filing.complainant.email = message.from_address;
    filing.complainant.name = cut_code_points(message.from_name, limits.short_text);
    filing.complainant.replies_by_email = true;
    filing.language = !message.language_hint.empty() && m_settings.has_language &&
                              m_settings.has_language(message.language_hint)
                          ? message.language_hint
                          : m_settings.default_language;
    // No incident date: an email says it in its own words, and domain::validate asks for
    // none; staff read it from the account at triage, as for a letter. Nor categories,
    // offices or subjects: routing proposes the deployment's default office, and triage
    // decides, as for any filing that names none.
    filing.incident.narrative =
        with_refused(cut_code_points(util::trim(message.text), limits.narrative), files.refused,
                     limits.narrative);
    if (util::trim(filing.incident.narrative).empty() && !files.accepted.empty()) {
        filing.incident.narrative = std::string(k_account_in_attachments);
    }
    const auto now = m_now();
    auto kept = m_evidence.keep(files.accepted, files.checked, domain::EvidenceSource::email, now);
    if (!kept) {
        spdlog::error("mail intake: cannot keep the files of a message: {}; spool file {} stays",
                      kept.error().message, name);
        return Taken::kept;
    }
    std::promise<std::expected<intake::Stored, intake::Refusal>> promise;
    auto future = promise.get_future();
    m_intake.file(
        std::move(filing), domain::Channel::email,
        [&promise](std::expected<intake::Stored, intake::Refusal> result) {
            promise.set_value(std::move(result));
        },
        *kept, std::nullopt, name);
    auto filed = future.get();
    if (filed) {
        spdlog::debug("mail intake: spool file {} filed as {} complaint(s)", name,
                      filed->complaints.size());
        return Taken::filed;
    }
    m_evidence.discard(*kept);
    if (filed.error().failure) {
        spdlog::error("mail intake: cannot file a message: {}; spool file {} stays",
                      filed.error().failure->message, name);
        return Taken::kept;
    }
    // Field paths and codes only: nothing of what the message said.
    return quarantine(name, raw, "not_fileable",
                      "The message could not be filed as a complaint: " +
                          field_codes(filed.error().errors) + ".");
}

}  // namespace redress::inbound
