#pragma once
// What the status look-up and a complainant's posts through the API share: the reference
// and receipt read from the request (the receipt from the body, else from
// X-Redress-Receipt, never the URL), and the answers a look-up ends in. An unknown
// reference and a wrong receipt get one and the same 404, so that neither can be probed.

#include <string>
#include <string_view>

#include "api/json_reader.hpp"
#include "http/message.hpp"
#include "i18n/catalogue.hpp"
#include "intake/status_lookup.hpp"
#include "util/error.hpp"

namespace redress::api {

// The header that may carry the receipt instead of the body; never the URL, so that it
// stays out of logs and browser history.
inline constexpr std::string_view k_receipt_header = "X-Redress-Receipt";

struct Credentials {
    std::string reference;
    std::string receipt;
};

// Reads "reference" and "receipt" with `in`, the receipt else from the header; each one
// missing is reported as required.
Credentials read_credentials(ObjectReader& in, const http::Request& request);

// 500, or 503 when storage is unavailable; the failure is logged (it carries no complainant
// data: util::Error's contract).
http::Response failure_response(const util::Error& failure, const i18n::Catalogue& messages,
                                std::string_view what);

// The answer to a look-up: 200 with the status, 404 alike for an unknown reference and a
// wrong receipt, 503 busy with Retry-After, or a failure.
http::Response status_response(const intake::LookupResult& result, const i18n::Catalogue& messages);

}  // namespace redress::api
