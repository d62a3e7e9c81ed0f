#pragma once
// Realistic filings for `redress synthesize`: what frightened complainants send, drawn from
// a seeded generator so that the same seed and number always give the same filing. About
// 2 KB of narrative in plain words, an identity kept confidential (or none, or open), one to
// three subjects, witnesses, sometimes a relative filing for someone detained. The texts are
// made up from fixed pools: no real person's data.

#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <string>
#include <string_view>

#include "domain/calendar.hpp"
#include "domain/deployment.hpp"
#include "domain/filing.hpp"

namespace redress::cli {

// SplitMix64: small, fast, and good enough to spread synthetic data; never for secrets.
class SyntheticRandom {
  public:
    explicit SyntheticRandom(std::uint64_t seed) : m_state(seed) {}
    // One stream per (seed, number), independent of the order numbers are drawn in.
    SyntheticRandom(std::uint64_t seed, std::uint64_t number, std::uint64_t stream);

    std::uint64_t next();
    std::uint64_t below(std::uint64_t bound) { return bound == 0 ? 0 : next() % bound; }
    // A number in [low, high].
    std::int64_t between(std::int64_t low, std::int64_t high);
    bool chance(double probability);
    template <typename Range>
    const auto& pick(const Range& from) {
        return from[below(std::size(from))];
    }
    std::string_view pick(std::initializer_list<std::string_view> from) {
        return *(from.begin() + below(from.size()));
    }

  private:
    std::uint64_t m_state;
};

// A filing received on `received_on`, its incident on or before that day, its categories
// from `deployment`'s and, now and then, an office of the deployment chosen by the
// complainant (else the routing rules pick). Always valid under the default limits.
domain::Filing synthetic_filing(SyntheticRandom& random, const domain::Deployment& deployment,
                                domain::Date received_on);

// Texts staff write, in the same plain words: a note on a case, a task's title, a message
// to the complainant, a complainant's reply, the reason for a referral or a closure at
// triage, a closure's text and remedy.
std::string synthetic_note(SyntheticRandom& random);
std::string synthetic_task(SyntheticRandom& random);
std::string synthetic_message(SyntheticRandom& random);
std::string synthetic_reply(SyntheticRandom& random);
std::string synthetic_referral_reason(SyntheticRandom& random, std::string_view to_office);
std::string synthetic_close_reason(SyntheticRandom& random);
std::string synthetic_closure(SyntheticRandom& random);
std::string synthetic_remedy(SyntheticRandom& random);

}  // namespace redress::cli
