#include "intake/account_sealing.hpp"

#include <nlohmann/json.hpp>

#include "crypto/secret_box.hpp"
#include "util/json_text.hpp"

namespace redress::intake {
namespace {

using nlohmann::json;

}  // namespace

std::string account_record(const domain::Filing& filing) {
    const auto& i = filing.incident;
    util::JsonText account;
    account.open_object("incident")
        .text("date", i.date)
        .text("date_precision", i.date_precision)
        .text("time", i.time)
        .text("when_description", i.when_description)
        .text("place", i.place)
        .text("city", i.city)
        .text("region", i.region)
        .text("narrative", i.narrative)
        .text("injuries", i.injuries)
        .texts("categories", i.categories)
        .close();
    account.open_list("subjects");
    for (const auto& s : filing.subjects) {
        account.open_object()
            .text("name", s.name)
            .text("badge", s.badge)
            .text("agency", s.agency)
            .text("component", s.component)
            .text("unit", s.unit)
            .text("description", s.description)
            .text("uniform", s.uniform)
            .text("vehicle", s.vehicle)
            .close();
    }
    return account.take();
}

std::vector<std::uint8_t> seal_account(const domain::Filing& filing, const crypto::Key& key) {
    return crypto::seal(key, account_record(filing));
}

util::Expected<std::size_t> seal_clear_accounts(storage::Store& store, const crypto::Key& key) {
    constexpr std::size_t k_batch = 1000;
    std::size_t sealed_count = 0;
    for (;;) {
        auto clear = store.unsealed_accounts(k_batch);
        if (!clear) return std::unexpected(clear.error());
        if (clear->empty()) return sealed_count;
        std::vector<storage::SealedAccount> sealed;
        sealed.reserve(clear->size());
        for (auto& account : *clear) {
            domain::Filing filing;
            filing.incident = std::move(account.incident);
            filing.subjects = std::move(account.subjects);
            sealed.push_back(
                {account.filing_id, seal_account(filing, key), filing.subjects.size()});
        }
        if (auto replaced = store.seal_accounts(sealed); !replaced) {
            return std::unexpected(replaced.error());
        }
        sealed_count += sealed.size();
    }
}

util::Expected<Account> open_account(const std::vector<std::uint8_t>& sealed,
                                     const crypto::Key& key) {
    auto text = crypto::open(key, sealed);
    if (!text) return std::unexpected(text.error());
    const auto record = json::parse(*text, nullptr, false);
    if (record.is_discarded() || !record.is_object()) {
        return util::fail(util::ErrorCode::internal, "sealed account is not JSON");
    }
    Account account;
    if (const auto it = record.find("incident"); it != record.end() && it->is_object()) {
        auto& i = account.incident;
        i.date = it->value("date", "");
        i.date_precision = it->value("date_precision", "");
        i.time = it->value("time", "");
        i.when_description = it->value("when_description", "");
        i.place = it->value("place", "");
        i.city = it->value("city", "");
        i.region = it->value("region", "");
        i.narrative = it->value("narrative", "");
        i.injuries = it->value("injuries", "");
        i.categories = it->value("categories", std::vector<std::string>{});
    }
    if (const auto it = record.find("subjects"); it != record.end() && it->is_array()) {
        for (const auto& s : *it) {
            account.subjects.push_back({s.value("name", ""), s.value("badge", ""),
                                        s.value("agency", ""), s.value("component", ""),
                                        s.value("unit", ""), s.value("description", ""),
                                        s.value("uniform", ""), s.value("vehicle", "")});
        }
    }
    return account;
}

}  // namespace redress::intake
