#pragma once
// Complaints taken by phone or by mail: an intake officer (or supervisor) of an office
// enters, on the caller's or writer's behalf, the complaint form the public fills in, with
// the channel, when the office was contacted and the language the complainant used
// (GET /staff/intake/new?office=…, POST /staff/intake?office=…). It is filed as any other
// (intake::Intake::file), with who took it; the answer is the acknowledgment letter in the
// complainant's language: references, the receipt (shown this once, to be read out or
// printed now; never stored or logged), how to check the status, each office's next step
// and the signed proof of filing. An office the member may not take complaints for is
// answered like one that does not exist.

#include <deque>
#include <mutex>
#include <string>
#include <unordered_set>
#include <vector>

#include "console/entry_form.hpp"
#include "console/staff_routes.hpp"
#include "console/staff_view.hpp"
#include "console/work_pages.hpp"
#include "i18n/languages.hpp"
#include "intake/intake.hpp"

namespace redress::console {

class IntakePages {
  public:
    // All borrowed, and must outlive the routes. Without `intake` (a console built only to
    // list its routes) the posts are answered as unavailable. `public_url`: where the public
    // reaches this deployment, for the letter's status address ("" for the path alone).
    IntakePages(const WorkPages& work, const StaffView& view, const i18n::Languages& languages,
                intake::Intake* intake, std::string public_url);

    void add_routes(StaffRoutes& routes);

  private:
    // The form as typed, with what was wrong with it.
    struct Typed {
        domain::Filing filing;
        EntryForm entry;
        std::vector<domain::FieldError> errors;
        std::size_t subject_blocks = 1;
        std::size_t witness_blocks = 1;
    };

    void form(Visit visit, http::Responder respond) const;
    void enter(Visit visit, http::Responder respond) const;

    // The office of the query's `office`, or without one the member's first office they
    // take complaints for; nullptr when it is not one they take complaints for.
    const domain::Office* office_of(const Visit& visit) const;
    http::Response form_page(int status, const Visit& visit, const domain::Office& office,
                             const Typed& typed) const;
    http::Response letter_page(const domain::Office& office, const EntryForm& entry,
                               const intake::Filed& filed) const;
    std::vector<std::string> languages() const;

    // A form's mark, drawn when it is shown: a form posted again (the browser's reload or
    // back button on the letter) would file the same complaint twice, and is refused while
    // its mark is remembered (the latest k_remembered, in this process).
    static constexpr std::size_t k_remembered = 4096;
    static std::string draw_mark();
    // Whether `mark` was not posted before; remembers it.
    bool first_post(const std::string& mark) const;
    void forget_post(const std::string& mark) const;

    const WorkPages& m_work;
    const StaffView& m_view;
    const i18n::Languages& m_languages;
    intake::Intake* m_intake;
    std::string m_public_url;
    mutable std::mutex m_marks_mutex;
    mutable std::unordered_set<std::string> m_marks;
    mutable std::deque<std::string> m_marks_order;
};

}  // namespace redress::console
