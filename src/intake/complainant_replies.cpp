#include "intake/complainant_replies.hpp"

#include <memory>

#include "crypto/secret_box.hpp"
#include "util/text.hpp"

namespace redress::intake {

ReplyResult reply_result(ReplyResult::Outcome outcome, std::chrono::milliseconds delay,
                         std::optional<StatusView> view) {
    ReplyResult result;
    result.outcome = outcome;
    result.delay = delay;
    result.view = std::move(view);
    return result;
}

std::optional<ReplyResult> unless_found(LookupResult& found) {
    using Outcome = ReplyResult::Outcome;
    switch (found.outcome) {
        case LookupResult::Outcome::found:
            return std::nullopt;
        case LookupResult::Outcome::busy:
            return reply_result(Outcome::busy, found.delay);
        case LookupResult::Outcome::failed: {
            auto failed = reply_result(Outcome::failed, found.delay);
            failed.failure = std::move(found.failure);
            return failed;
        }
        case LookupResult::Outcome::not_found:
            break;
    }
    return reply_result(Outcome::not_found, found.delay);
}

LookupResult lookup_of(const ReplyResult& result) {
    using Outcome = ReplyResult::Outcome;
    LookupResult lookup;
    lookup.outcome = result.outcome == Outcome::not_found ? LookupResult::Outcome::not_found
                     : result.outcome == Outcome::busy    ? LookupResult::Outcome::busy
                                                          : LookupResult::Outcome::failed;
    lookup.failure = result.failure;
    return lookup;
}

std::optional<ReplyProblem> check_reply(std::string_view text) {
    const auto problems = domain::check_message(text);
    if (problems.empty()) return std::nullopt;
    if (problems.front().code == "required") return ReplyProblem::blank;
    const auto trimmed = util::trim(text);
    if (util::valid_utf8(trimmed) && util::code_points(trimmed) > domain::k_longest_message) {
        return ReplyProblem::too_long;
    }
    return ReplyProblem::unusable;
}

ComplainantReplies::ComplainantReplies(StatusLookup& lookup,
                                       storage::Correspondence& correspondence,
                                       const crypto::Keys& keys, Now now)
    : m_lookup(lookup), m_correspondence(correspondence), m_keys(keys), m_now(std::move(now)) {}

void ComplainantReplies::post(std::string_view reference, std::string_view receipt,
                              std::string_view client, domain::MessageKind kind, std::string text,
                              ReplyDone done) {
    m_lookup.look_up(
        reference, receipt, client,
        [this, kind, text = std::move(text), done = std::move(done)](LookupResult found) mutable {
            if (auto unfound = unless_found(found)) return done(std::move(*unfound));
            store(std::move(*found.view), found.delay, kind, std::move(text), std::move(done));
        });
}

void ComplainantReplies::consent(std::string_view reference, std::string_view receipt,
                                 std::string_view client, bool given, ReplyDone done) {
    m_lookup.look_up(
        reference, receipt, client,
        [this, given, done = std::move(done)](LookupResult found) mutable {
            using Outcome = ReplyResult::Outcome;
            if (auto unfound = unless_found(found)) return done(std::move(*unfound));
            const auto delay = found.delay;
            auto shared = std::make_shared<StatusView>(std::move(*found.view));
            if (shared->complaint.confidentiality != "confidential") {
                return done(reply_result(Outcome::invalid, delay, std::move(*shared)));
            }
            const domain::Timestamp now = m_now();
            domain::AuditEvent audit{
                .at = now,
                .actor = "complainant",
                .action = given ? "identity.consent_given" : "identity.consent_withdrawn",
                .object = "complaint:" + shared->complaint.reference,
                .reason = {},
                .details = {}};
            m_correspondence.record_consent(
                {shared->complaint.id, given, now}, std::move(audit),
                [this, shared, delay,
                 done = std::move(done)](util::Expected<bool>&& stored) mutable {
                    if (!stored) {
                        auto failed = reply_result(Outcome::failed, delay);
                        failed.failure = stored.error();
                        return done(std::move(failed));
                    }
                    m_lookup.read_again(
                        *shared, [delay, done = std::move(done)](LookupResult again) mutable {
                            if (again.outcome != LookupResult::Outcome::found) {
                                auto failed = reply_result(Outcome::failed, delay);
                                failed.failure = std::move(again.failure);
                                return done(std::move(failed));
                            }
                            done(reply_result(Outcome::added, delay, std::move(again.view)));
                        });
                });
        });
}

void ComplainantReplies::store(StatusView found, std::chrono::milliseconds delay,
                               domain::MessageKind kind, std::string text, ReplyDone done) {
    using Outcome = ReplyResult::Outcome;
    if (const auto problem = check_reply(text)) {
        auto invalid = reply_result(Outcome::invalid, delay, std::move(found));
        invalid.problem = problem;
        return done(std::move(invalid));
    }
    const bool reconsideration = kind == domain::MessageKind::reconsideration;
    if (reconsideration && !(found.outcome && found.outcome->may_reconsider)) {
        return done(reply_result(Outcome::not_reconsiderable, delay, std::move(found)));
    }
    if (found.messages.size() >= storage::k_messages_per_complaint_max) {
        return done(reply_result(Outcome::full, delay, std::move(found)));
    }
    const domain::Timestamp now = m_now();
    storage::ComplainantMessageRecord record{
        .complaint_id = found.complaint.id,
        .kind = kind,
        .at = now,
        .today = domain::iso_date(m_lookup.today()),
        .sealed_text = crypto::seal(m_keys.content, util::trim(text))};
    domain::AuditEvent audit{.at = now,
                             .actor = "complainant",
                             .action = "message.received",
                             .object = "complaint:" + found.complaint.reference,
                             .reason = {},
                             .details = "kind=" + std::string(domain::message_kind_name(kind))};
    // Kept to answer with when the store refuses, and to read the complaint again.
    auto shared = std::make_shared<StatusView>(std::move(found));
    m_correspondence.post_complainant_message(
        std::move(record), std::move(audit),
        [this, shared, delay, reconsideration,
         done = std::move(done)](util::Expected<std::int64_t>&& stored) mutable {
            if (!stored) {
                if (stored.error().code == util::ErrorCode::conflict) {
                    return done(
                        reply_result(reconsideration ? Outcome::not_reconsiderable : Outcome::full,
                                     delay, std::move(*shared)));
                }
                auto failed = reply_result(Outcome::failed, delay);
                failed.failure = stored.error();
                return done(std::move(failed));
            }
            m_lookup.read_again(
                *shared, [delay, done = std::move(done)](LookupResult again) mutable {
                    if (again.outcome != LookupResult::Outcome::found) {
                        auto failed = reply_result(Outcome::failed, delay);
                        failed.failure = std::move(again.failure);
                        return done(std::move(failed));
                    }
                    done(reply_result(Outcome::added, delay, std::move(again.view)));
                });
        });
}

}  // namespace redress::intake
