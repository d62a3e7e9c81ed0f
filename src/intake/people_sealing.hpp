#pragma once
// The personal data of a filing (the complainant's identity and contact, the person filed
// for, witnesses) sealed into one encrypted record, so that storage only ever holds it
// encrypted. Anonymous complainants keep no identity: their fields are left out.

#include <cstdint>
#include <string>
#include <vector>

#include "crypto/keys.hpp"
#include "domain/filing.hpp"

namespace redress::intake {

// The record as text (JSON), "" when there is nothing personal to keep: what is sealed,
// and what a confirmation's digest covers.
std::string people_record(const domain::Filing& filing);

// Empty when there is nothing personal to keep.
std::vector<std::uint8_t> seal_people(const domain::Filing& filing, const crypto::Key& key);

struct People {
    domain::Complainant complainant;
    domain::OnBehalf on_behalf;
    std::vector<domain::Witness> witnesses;
};

// Fails when the record was altered or sealed with another key.
util::Expected<People> open_people(const std::vector<std::uint8_t>& sealed, const crypto::Key& key);

}  // namespace redress::intake
