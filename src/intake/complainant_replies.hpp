#pragma once
// What a complainant adds to their complaint from the status page, with their reference and
// receipt: a message (a reply, or information added), while a closed case's window is open
// a request to reconsider its outcome, and their consent to a referral passing on their
// identity. The receipt is checked by the status look-up,
// with its throttle and its promise: a wrong receipt is answered as an unknown reference,
// and the text is not even checked. Messages are appended, sealed with the content key;
// the audit entry names the complaint and the kind, never the text.

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "crypto/keys.hpp"
#include "domain/message.hpp"
#include "domain/validation.hpp"
#include "intake/status_lookup.hpp"
#include "storage/correspondence.hpp"

namespace redress::intake {

// Why the text was refused; each has its own words for the complainant.
enum class ReplyProblem {
    blank,     // nothing but spaces
    too_long,  // more than domain::k_longest_message characters
    unusable,  // not text (invalid UTF-8, control characters)
};

struct ReplyResult {
    enum class Outcome {
        added,               // stored; `view` as it is now
        invalid,             // nothing stored; `problem`, `view` as it was
        full,                // nothing stored: the complaint holds all the messages it may
        not_reconsiderable,  // nothing stored: not closed, or its window has passed
        not_found,           // unknown reference or wrong receipt: nothing more is said
        busy,
        failed,
    };
    Outcome outcome = Outcome::not_found;
    std::optional<StatusView> view;
    std::optional<ReplyProblem> problem;
    std::chrono::milliseconds delay{};   // answer no sooner than this, whatever the outcome
    std::optional<util::Error> failure;  // when storage failed
    // Files sent (ComplainantEvidence): why they were refused (invalid), or how many were
    // added.
    std::vector<domain::FieldError> file_errors;
    std::size_t files_added = 0;
};

using ReplyDone = std::move_only_function<void(ReplyResult)>;

// A result of `outcome`, to be answered no sooner than `delay`.
ReplyResult reply_result(ReplyResult::Outcome outcome, std::chrono::milliseconds delay,
                         std::optional<StatusView> view = std::nullopt);

// The answer to a post whose look-up found nothing to add to (busy, failed, not found);
// nullopt when it found the complaint.
std::optional<ReplyResult> unless_found(LookupResult& found);

// What the look-up found for a post it did not let through (not_found, busy or failed), as
// the look-up's own result, so that a post is answered as a look-up is.
LookupResult lookup_of(const ReplyResult& result);

// The problem with a complainant's text, if any.
std::optional<ReplyProblem> check_reply(std::string_view text);

class ComplainantReplies {
  public:
    // All references are borrowed and must outlive the ComplainantReplies.
    ComplainantReplies(StatusLookup& lookup, storage::Correspondence& correspondence,
                       const crypto::Keys& keys, Now now);

    // `kind` is from_complainant or reconsideration. `done` runs exactly once, on a thread
    // of the store's (or at once when busy), where it must only hand the result on.
    void post(std::string_view reference, std::string_view receipt, std::string_view client,
              domain::MessageKind kind, std::string text, ReplyDone done);

    // The complainant's word on whether an office their complaint is referred to may see
    // their identity (domain/identity_access.hpp): given or withdrawn, with the receipt, as a
    // message is. Outcome added, or what the look-up found. Only a confidential complainant
    // is asked; for anyone else nothing is stored and the view is answered as it is.
    void consent(std::string_view reference, std::string_view receipt, std::string_view client,
                 bool given, ReplyDone done);

  private:
    void store(StatusView found, std::chrono::milliseconds delay, domain::MessageKind kind,
               std::string text, ReplyDone done);

    StatusLookup& m_lookup;
    storage::Correspondence& m_correspondence;
    const crypto::Keys& m_keys;
    Now m_now;
};

}  // namespace redress::intake
