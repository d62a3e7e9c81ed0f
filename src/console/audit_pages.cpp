#include "console/audit_pages.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <charconv>

#include "http/form_data.hpp"
#include "staff/audit_verification.hpp"

namespace redress::console {

namespace {

constexpr std::size_t k_max_audit_query_fields = 2;

// The first 8 bytes of a hash, in hex: enough to compare with `redress audit verify`.
std::string short_hash(const domain::ChainHash& hash) {
    std::string text;
    for (std::size_t i = 0; i < 8; ++i) text += fmt::format("{:02x}", hash[i]);
    return text;
}

std::optional<std::int64_t> parse_sequence(std::string_view text) {
    std::int64_t value = 0;
    const auto* end = text.data() + text.size();
    if (text.empty() || text.size() > 18) return std::nullopt;
    const auto [last, error] = std::from_chars(text.data(), end, value);
    if (error != std::errc() || last != end || value < 1) return std::nullopt;
    return value;
}

}  // namespace

void AuditPages::add_routes(StaffRoutes& routes) {
    routes.add(http::Method::get, "/staff/audit", Access::roles({domain::Role::auditor}),
               [this](Visit visit, http::Responder respond) {
                   trail(std::move(visit), std::move(respond));
               });
}

void AuditPages::trail(Visit visit, http::Responder respond) const {
    const auto fields = http::FormData::parse(visit.request.query, k_max_audit_query_fields);
    const std::string_view before_text = fields ? fields->get("before") : std::string_view();
    const auto before = parse_sequence(before_text);
    if (!fields || (!before_text.empty() && !before)) {
        respond(m_view.page(
            400, "staff/problem.tpl", "staff.queue.bad_filter.title", [&](web::Dictionary& page) {
                page.SetValue("MESSAGE",
                              web::tstr(m_view.catalogue().text("staff.audit.bad_position")));
            }));
        return;
    }
    if (before) {
        show(*before, std::move(respond));
        return;
    }
    m_trail.audit_head([this, respond = std::move(respond)](
                           util::Expected<domain::AuditEntry>&& head) mutable {
        if (!head) {
            spdlog::error("console: audit head: {}", head.error().message);
            respond(m_view.problem(503, "staff.unavailable.title", "staff.unavailable.message"));
            return;
        }
        show(head->sequence + 1, std::move(respond));
    });
}

void AuditPages::show(std::int64_t before, http::Responder respond) const {
    const std::int64_t after =
        std::max<std::int64_t>(0, before - 1 - static_cast<std::int64_t>(k_audit_page_entries));
    const auto count = static_cast<std::size_t>(std::max<std::int64_t>(0, before - 1 - after));
    m_trail.audit_entries(after, count,
                          [this, before, respond = std::move(respond)](
                              util::Expected<std::vector<domain::AuditEntry>>&& entries) mutable {
                              respond.render([this, before, entries = std::move(entries)] {
                                  if (!entries) {
                                      spdlog::error("console: audit entries: {}",
                                                    entries.error().message);
                                      return m_view.problem(503, "staff.unavailable.title",
                                                            "staff.unavailable.message");
                                  }
                                  return trail_page(*entries, before - 1);
                              });
                          });
}

http::Response AuditPages::trail_page(const std::vector<domain::AuditEntry>& entries,
                                      std::int64_t last) const {
    return m_view.page(200, "staff/audit.tpl", "staff.audit.title", [&](web::Dictionary& page) {
        // Checked oldest first, shown newest first.
        std::vector<bool> intact(entries.size(), true);
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const auto& entry = entries[i];
            intact[i] = staff::entry_matches_its_hash(entry) &&
                        (i == 0 || (entries[i - 1].hash == entry.previous &&
                                    entries[i - 1].sequence + 1 == entry.sequence));
        }
        bool all_intact = true;
        for (std::size_t i = entries.size(); i-- > 0;) {
            const auto& entry = entries[i];
            auto* row = page.AddSectionDictionary("ENTRY");
            row->SetValue("SEQUENCE", std::to_string(entry.sequence));
            row->SetValue("AT", domain::iso_timestamp(entry.event.at));
            row->SetValue("ACTOR", entry.event.actor);
            row->SetValue("ACTION", entry.event.action);
            row->SetValue("OBJECT", entry.event.object);
            row->SetValue("REASON", entry.event.reason);
            row->SetValue("DETAILS", entry.event.details);
            row->SetValue("HASH", short_hash(entry.hash));
            if (!intact[i]) {
                row->ShowSection("BROKEN");
                all_intact = false;
            }
        }
        page.ShowSection(entries.empty() ? "EMPTY" : "LIST");
        if (!entries.empty()) page.ShowSection(all_intact ? "INTACT" : "NOT_INTACT");
        page.SetValue("LAST", std::to_string(last));
        if (!entries.empty() && entries.front().sequence > 1) {
            page.SetValueAndShowSection("OLDER_BEFORE", std::to_string(entries.front().sequence),
                                        "OLDER");
        }
    });
}

}  // namespace redress::console
