#include "cli/verify_command.hpp"

#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <iterator>

#include "crypto/signature.hpp"
#include "domain/calendar.hpp"
#include "intake/confirmation_signing.hpp"

namespace redress::cli {
namespace {

std::string read_all(std::istream& in) {
    // Read one byte past the most a confirmation may be, so that a longer one is refused.
    std::string text(domain::k_max_confirmation_text + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    return text;
}

}  // namespace

void add_verify_options(CLI::App& command, VerifyOptions& options) {
    command
        .add_option("--public-key", options.public_keys,
                    "A public key of the deployment, base64 as published (repeat for several)")
        ->required()
        ->allow_extra_args(false);
    command.add_option("file", options.file, "The confirmation (default: standard input)");
}

int verify_confirmation(const VerifyOptions& options) {
    std::vector<intake::PublishedKey> keys;
    for (const auto& text : options.public_keys) {
        const auto key = crypto::public_key_from_base64(text);
        if (!key) {
            std::cerr << fmt::format("'{}' is not an Ed25519 public key in base64\n", text);
            return 2;
        }
        keys.push_back({0, crypto::signing_key_id(*key), *key, false});
    }
    std::string text;
    if (options.file.empty() || options.file == "-") {
        text = read_all(std::cin);
    } else {
        std::ifstream in(options.file, std::ios::binary);
        if (!in) {
            std::cerr << fmt::format("cannot read {}\n", options.file);
            return 2;
        }
        text = read_all(in);
    }
    const auto verification = intake::verify_confirmation(text, keys);
    const auto& confirmation = verification.confirmation;
    switch (verification.verdict) {
        case intake::Verdict::genuine:
            std::cout << "genuine: signed by key " << confirmation.key_id << '\n';
            break;
        case intake::Verdict::altered:
            std::cout << "ALTERED: the signature of key " << confirmation.key_id
                      << " does not match; something in it was changed\n";
            return 1;
        case intake::Verdict::unknown_key:
            std::cout << "UNKNOWN KEY: signed with key " << confirmation.key_id
                      << ", which is none of the keys given\n";
            return 1;
        case intake::Verdict::unreadable:
            std::cout << "UNREADABLE: no complete confirmation found\n";
            return 1;
    }
    std::cout << "received at: " << domain::iso_timestamp(confirmation.received_at) << '\n';
    for (const auto& reference : confirmation.references) {
        std::cout << "reference: " << reference << '\n';
    }
    std::cout << "filing digest: " << confirmation.filing_digest << '\n';
    return 0;
}

}  // namespace redress::cli
