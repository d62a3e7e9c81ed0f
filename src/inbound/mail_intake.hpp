#pragma once
// The running server's side of email intake: a thread that takes the spool in
// (inbound/mail_spool.hpp), oldest first, every poll. Each message becomes one of:
//   - a reply: its subject names an existing complaint and it comes from that complaint's
//     mail contact: its text is appended as the complainant's message, its attachments as
//     evidence (source email);
//   - a new complaint, filed by intake::Intake on the email channel, the sender as its
//     confidential contact; the acknowledgment with the reference, the status link and the
//     receipt goes back by mail (intake/mail_contact.hpp);
//   - a quarantine for staff: the raw message sealed in the evidence folder, with a reason
//     (mail::read_message's, reference_not_from_complainant, complaint_full, not_fileable).
// The spool file's name is recorded in the same write as what was made of it, and the file
// removed only after: a file is taken exactly once, however the server stops. A failure on
// one message leaves its file for the next pass and stops nothing. Nothing of a message
// (address, subject, content) is ever logged.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "crypto/keys.hpp"
#include "intake/evidence_intake.hpp"
#include "intake/intake.hpp"
#include "mail/inbound_message.hpp"
#include "storage/mail_inbox.hpp"
#include "util/work_pool.hpp"

namespace redress::inbound {

struct MailIntakeSettings {
    std::filesystem::path spool;
    std::chrono::milliseconds poll{500};
    mail::MailLimits limits;
    std::size_t threads = 4;  // messages taken at once (each waits on the disk)
    std::string default_language = "en";
    // Whether the deployment speaks a language (a message's Content-Language).
    std::function<bool(std::string_view)> has_language;
};

// What became of one spool file.
enum class Taken { filed, reply, quarantined, already, kept };

class MailIntake {
  public:
    // All references are borrowed and must outlive the MailIntake.
    MailIntake(intake::Intake& intake, const intake::EvidenceIntake& evidence,
               storage::MailInbox& inbox, const crypto::Keys& keys, intake::Now now,
               MailIntakeSettings settings);
    ~MailIntake();
    MailIntake(const MailIntake&) = delete;
    MailIntake& operator=(const MailIntake&) = delete;

    // Starts the thread that polls the spool.
    void start();

    // One pass over the spool; answers how many files were taken (and removed).
    std::size_t take_spool();
    // Takes one spool file; blocks on storage. `kept`: it stays for the next pass.
    Taken take(const std::string& name);

  private:
    Taken quarantine(const std::string& name, std::string_view raw, std::string reason,
                     std::string detail);
    Taken reply(const std::string& name, std::string_view raw, const mail::InboundMessage& message,
                const storage::ReplyContact& contact);
    Taken file(const std::string& name, std::string_view raw, const mail::InboundMessage& message);
    void run();

    intake::Intake& m_intake;
    const intake::EvidenceIntake& m_evidence;
    storage::MailInbox& m_inbox;
    const crypto::Keys& m_keys;
    intake::Now m_now;
    MailIntakeSettings m_settings;

    // Helpers of the polling thread, kept for the server's life: their libmagic handles
    // (thread-local, slow to load) are loaded once.
    std::unique_ptr<util::WorkPool> m_helpers;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

}  // namespace redress::inbound
