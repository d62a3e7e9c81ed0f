#include "console/intake_pages.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <memory>

#include "crypto/random.hpp"
#include "domain/calendar.hpp"
#include "web/field_text.hpp"
#include "web/filing_form.hpp"
#include "web/messages.hpp"
#include "web/pages.hpp"

namespace redress::console {

namespace {

constexpr std::array k_entry_channels{domain::Channel::phone, domain::Channel::mail};

// The entry's own fields, with the template's name for each one's section.
constexpr std::array k_entry_fields{
    std::pair{std::string_view("entry.channel"), std::string_view("CHANNEL")},
    std::pair{std::string_view("entry.contacted_date"), std::string_view("CONTACTED_DATE")},
    std::pair{std::string_view("entry.contacted_time"), std::string_view("CONTACTED_TIME")},
    std::pair{std::string_view("entry.language"), std::string_view("LANGUAGE")},
};

// The letter's words, from the complainant's catalogue (not the staff one): the template's
// name for each, and its message.
constexpr std::array k_letter_words{
    std::pair{"L_HEADING", "letter.heading"},
    std::pair{"L_DATE", "letter.date"},
    std::pair{"L_FILED_HEADING", "confirmation.filed.heading"},
    std::pair{"L_REFERENCE", "confirmation.reference"},
    std::pair{"L_NEXT", "confirmation.next"},
    std::pair{"L_RECEIPT_HEADING", "confirmation.receipt.heading"},
    std::pair{"L_RECEIPT_KEEP", "letter.receipt.keep"},
    std::pair{"L_RECEIPT_USE", "confirmation.receipt.use"},
    std::pair{"L_WHAT_NEXT", "letter.next"},
    std::pair{"L_PROOF_HEADING", "confirmation.proof.heading"},
    std::pair{"L_PROOF_INTRO", "letter.proof.intro"},
};

// The local time `at` reads in `zone`, "HH:MM".
std::string local_clock(const domain::TimeZone& zone, domain::Timestamp at) {
    const auto local = at + zone.offset_at(at);
    const std::chrono::hh_mm_ss clock(local - std::chrono::floor<std::chrono::days>(local));
    char text[6];
    std::snprintf(text, sizeof text, "%02d:%02d", static_cast<int>(clock.hours().count()),
                  static_cast<int>(clock.minutes().count()));
    return text;
}

std::string without_trailing_slash(std::string url) {
    while (!url.empty() && url.back() == '/') url.pop_back();
    return url;
}

}  // namespace

IntakePages::IntakePages(const WorkPages& work, const StaffView& view,
                         const i18n::Languages& languages, intake::Intake* intake,
                         std::string public_url)
    : m_work(work),
      m_view(view),
      m_languages(languages),
      m_intake(intake),
      m_public_url(without_trailing_slash(std::move(public_url))) {}

void IntakePages::add_routes(StaffRoutes& routes) {
    using domain::Role;
    using http::Method;
    const auto taking = Access::roles({Role::intake_officer, Role::supervisor});
    routes.add(Method::get, "/staff/intake/new", taking,
               [this](Visit visit, http::Responder respond) {
                   form(std::move(visit), std::move(respond));
               });
    routes.add(Method::post, "/staff/intake", taking, [this](Visit visit, http::Responder respond) {
        enter(std::move(visit), std::move(respond));
    });
}

std::string IntakePages::draw_mark() {
    std::array<std::uint8_t, 16> random{};
    crypto::fill_random(random);
    std::string mark;
    constexpr std::string_view k_hex = "0123456789abcdef";
    for (const auto byte : random) {
        mark += k_hex[byte >> 4];
        mark += k_hex[byte & 0xf];
    }
    return mark;
}

bool IntakePages::first_post(const std::string& mark) const {
    const std::lock_guard lock(m_marks_mutex);
    if (!m_marks.insert(mark).second) return false;
    m_marks_order.push_back(mark);
    if (m_marks_order.size() > k_remembered) {
        m_marks.erase(m_marks_order.front());
        m_marks_order.pop_front();
    }
    return true;
}

void IntakePages::forget_post(const std::string& mark) const {
    const std::lock_guard lock(m_marks_mutex);
    m_marks.erase(mark);  // its place in the order goes when it comes round
}

std::vector<std::string> IntakePages::languages() const {
    std::vector<std::string> tags;
    for (const auto& catalogue : m_languages.all()) tags.push_back(catalogue.language());
    return tags;
}

const domain::Office* IntakePages::office_of(const Visit& visit) const {
    const auto& member = visit.signed_in.member;
    const auto& deployment = m_work.parts().deployment;
    const auto query = http::FormData::parse(visit.request.query, 4);
    const std::string_view wanted = query ? query->get("office") : std::string_view();
    if (wanted.empty()) {
        for (const auto& office : member.offices) {
            const auto* known = deployment.find_office(office);
            if (known != nullptr && staff::may_triage(member, office)) return known;
        }
        return nullptr;
    }
    const auto* office = deployment.find_office(wanted);
    return office != nullptr && staff::may_triage(member, office->id) ? office : nullptr;
}

void IntakePages::form(Visit visit, http::Responder respond) const {
    const auto* office = office_of(visit);
    if (office == nullptr) {
        respond(m_view.problem(404, "staff.not_found.title", "staff.not_found.message"));
        return;
    }
    // Blank, but for what is nearly always so: filed with the office that takes it, in the
    // deployment's default language, today, now.
    const auto now = m_work.parts().now();
    const auto& zone = m_work.parts().deployment.time_zone;
    Typed typed;
    typed.filing.offices = {office->id};
    typed.entry.language = m_languages.fallback().language();
    typed.entry.contacted_date = domain::iso_date(zone.local_date(now));
    typed.entry.contacted_time = local_clock(zone, now);
    respond(form_page(200, visit, *office, typed));
}

void IntakePages::enter(Visit visit, http::Responder respond) const {
    const auto* office = office_of(visit);
    if (office == nullptr) {
        respond(m_view.problem(404, "staff.not_found.title", "staff.not_found.message"));
        return;
    }
    const auto& deployment = m_work.parts().deployment;
    auto typed = std::make_shared<Typed>();
    const auto tags = languages();
    typed->entry = read_entry_form(visit.form, tags, deployment.time_zone, m_work.parts().now());
    const bool known_language = std::ranges::find(tags, typed->entry.language) != tags.end();
    typed->filing = web::filing_from_form(
        visit.form, known_language ? typed->entry.language : m_languages.fallback().language());
    typed->subject_blocks = std::max<std::size_t>(1, typed->filing.subjects.size());
    typed->witness_blocks = std::max<std::size_t>(1, typed->filing.witnesses.size());

    const auto action = visit.form.get("action");
    if (action == "add_subject" || action == "add_witness") {
        auto& blocks = action == "add_subject" ? typed->subject_blocks : typed->witness_blocks;
        blocks = std::min(blocks + 1, web::k_max_blocks);
        respond(form_page(200, visit, *office, *typed));
        return;
    }
    if (m_intake == nullptr) {
        respond(m_view.problem(503, "staff.unavailable.title", "staff.unavailable.message"));
        return;
    }
    // The same checks as the public form's, and the entry's own: all of them at once.
    typed->errors = m_intake->preview(typed->filing).errors;
    typed->errors.insert(typed->errors.end(), typed->entry.problems.begin(),
                         typed->entry.problems.end());
    if (!typed->errors.empty()) {
        respond(form_page(422, visit, *office, *typed));
        return;
    }

    // A form posted again after it was filed (its mark is drawn anew whenever it is shown):
    // nothing is filed twice.
    const std::string mark(visit.form.get("entry.mark"));
    if (!mark.empty() && !first_post(mark)) {
        respond(m_view.problem(409, "staff.intake.again.title", "staff.intake.again.message"));
        return;
    }
    const auto& member = visit.signed_in.member;
    domain::StaffEntry entry{member.id, "staff:" + member.username, *typed->entry.contacted_at};
    auto shared = std::make_shared<Visit>(std::move(visit));
    m_intake->file(
        typed->filing, *typed->entry.read_channel,
        [this, shared, office, typed, mark, respond = std::move(respond)](
            std::expected<intake::Stored, intake::Refusal> stored) mutable {
            respond.render(
                [this, shared, office, typed, mark, stored = std::move(stored)]() mutable {
                    if (!stored) {
                        forget_post(mark);  // nothing was filed: the same form may be sent again
                        if (!stored.error().failure) {
                            // Valid a moment ago and not now: the day turned meanwhile.
                            typed->errors = std::move(stored.error().errors);
                            return form_page(422, *shared, *office, *typed);
                        }
                        spdlog::error("staff intake: {}", stored.error().failure->message);
                        return m_view.problem(503, "staff.unavailable.title",
                                              "staff.unavailable.message");
                    }
                    const auto filed = m_intake->confirm(std::move(*stored));
                    return letter_page(*office, typed->entry, filed);
                });
        },
        {}, std::move(entry));
}

http::Response IntakePages::form_page(int status, const Visit& visit, const domain::Office& office,
                                      const Typed& typed) const {
    const auto& catalogue = m_view.catalogue();
    const auto& deployment = m_work.parts().deployment;
    return m_view.page(
        status, "staff/intake.tpl", "staff.intake.title", [&](web::Dictionary& page) {
            page.SetValue("CSRF", visit.signed_in.form_token);
            page.SetValue("MARK", draw_mark());
            page.SetValue("OFFICE_ID", office.id);
            page.SetValue("OFFICE_NAME", m_work.office_name(office.id));

            // The filing's problems by its fields as the public form shows them, the entry's
            // by its own fields, in the staff catalogue's words; both in one summary.
            std::vector<domain::FieldError> filing_errors;
            std::vector<domain::FieldError> entry_errors;
            for (const auto& problem : typed.errors) {
                (problem.field.starts_with("entry.") ? entry_errors : filing_errors)
                    .push_back(problem);
            }
            const web::PageContext context{m_view.view(), catalogue, deployment, "/staff/"};
            const web::FormState state{.filing = typed.filing,
                                       .subject_blocks = typed.subject_blocks,
                                       .witness_blocks = typed.witness_blocks,
                                       .errors = filing_errors,
                                       .notice_key = "",
                                       .form_token = ""};
            web::fill_filing_fields(page, context, state);
            auto words = [&](const domain::FieldError& problem) {
                const std::string own = "staff.intake.error." + problem.code;
                return catalogue.has(own) ? std::string(catalogue.text(own))
                                          : web::error_text(catalogue, problem);
            };
            // One summary of both (the template opens and closes it around the two lists).
            if (!typed.errors.empty()) {
                page.ShowSection("ERRORS_OPEN");
                page.ShowSection("ERRORS_CLOSE");
            }
            for (const auto& problem : entry_errors) {
                auto* item = page.AddSectionDictionary("ENTRY_ITEM");
                item->SetValue("TARGET", web::field_id(problem.field));
                const std::string label = "staff.intake." +
                                          problem.field.substr(std::string_view("entry.").size()) +
                                          ".label";
                item->SetValue("FIELD_LABEL", web::tstr(catalogue.text(label)));
                item->SetValue("MESSAGE", words(problem));
            }

            for (const auto channel : k_entry_channels) {
                const auto name = domain::channel_name(channel);
                auto* item = page.AddSectionDictionary("CHANNEL_OPTION");
                item->SetValue("VALUE", web::tstr(name));
                item->SetValue("LABEL",
                               web::tstr(catalogue.text("staff.channel." + std::string(name))));
                if (typed.entry.channel == name) item->ShowSection("CHECKED");
            }
            page.SetValue("CONTACTED_DATE_VALUE", typed.entry.contacted_date);
            page.SetValue("CONTACTED_TIME_VALUE", typed.entry.contacted_time);
            for (const auto& language : m_languages.all()) {
                auto* item = page.AddSectionDictionary("LANGUAGE_OPTION");
                item->SetValue("VALUE", language.language());
                item->SetValue("LABEL", web::tstr(language.text("language.name")));
                if (language.language() == typed.entry.language) item->ShowSection("SELECTED");
            }
            for (const auto& [field, section] : k_entry_fields) {
                std::string text;
                for (const auto& problem : entry_errors) {
                    if (problem.field != field) continue;
                    if (!text.empty()) text += ' ';
                    text += words(problem);
                }
                if (text.empty()) continue;
                const std::string name(section);
                page.ShowSection(name + "_ERROR");
                page.SetValue(name + "_ERROR_TEXT", text);
            }
        });
}

http::Response IntakePages::letter_page(const domain::Office& office, const EntryForm& entry,
                                        const intake::Filed& filed) const {
    const auto* found = m_languages.find(entry.language);
    const auto& words = found != nullptr ? *found : m_languages.fallback();
    const auto& language = words.language();
    const auto& zone = m_work.parts().deployment.time_zone;
    return m_view.page(200, "staff/letter.tpl", "staff.letter.title", [&](web::Dictionary& page) {
        // The officer's part (not printed).
        page.SetValue("OFFICE_ID", office.id);
        for (const auto& complaint : filed.complaints) {
            page.AddSectionDictionary("STAFF_LINK")
                ->SetValue("REFERENCE", complaint.complaint.reference);
        }

        // The letter, in the complainant's language.
        page.SetValue("LETTER_LANG", language);
        page.SetValue("LETTER_DIR",
                      words.direction() == i18n::Direction::right_to_left ? "rtl" : "ltr");
        for (const auto& [name, key] : k_letter_words) {
            page.SetValue(name, web::tstr(words.text(key)));
        }
        page.SetValue("LETTER_OFFICE", office.name.in(language));
        if (!office.contact.postal_address.empty()) {
            page.SetValueAndShowSection("ADDRESS", office.contact.postal_address, "OFFICE_ADDRESS");
        }
        if (!office.contact.phone.empty()) {
            page.SetValueAndShowSection("PHONE", office.contact.phone, "OFFICE_PHONE");
        }
        page.SetValue("LETTER_DATE", domain::iso_date(zone.local_date(filed.received_at)));
        const auto contacted =
            domain::iso_date(zone.local_date(entry.contacted_at.value_or(filed.received_at)));
        page.SetValue("L_INTRO", web::fill(words.text(entry.read_channel == domain::Channel::mail
                                                          ? "letter.intro.mail"
                                                          : "letter.intro.phone"),
                                           {{"date", web::left_to_right(words, contacted)}}));
        for (const auto& complaint : filed.complaints) {
            auto* item = page.AddSectionDictionary("COMPLAINT");
            item->SetValue("OFFICE_NAME", complaint.office != nullptr
                                              ? complaint.office->name.in(language)
                                              : complaint.complaint.office_id);
            item->SetValue("REFERENCE", complaint.complaint.reference);
            web::add_next_step(*item, words, complaint.next_step);
        }
        for (const auto& group : web::receipt_groups(filed.receipt.text())) {
            page.AddSectionDictionary("RECEIPT_GROUP")->SetValue("GROUP", group);
        }
        const std::string status = m_public_url + "/status";
        const std::string verify = m_public_url + "/verify";
        page.SetValue("L_STATUS", web::fill(words.text("letter.status"),
                                            {{"address", web::left_to_right(words, status)}}));
        page.SetValue("L_VERIFY", web::fill(words.text("letter.verify"),
                                            {{"address", web::left_to_right(words, verify)}}));
        page.SetValue("PROOF", filed.confirmation.text());
    });
}

}  // namespace redress::console
