#pragma once
// The route × caller table of the staff side: for every route the console declares, its
// access policy and the exact answer each kind of caller gets. Two tests read it:
//  - tests/unit/console/declared_routes_test.cpp builds the console as `redress serve` does
//    and fails when a route is declared that this table lacks (or the table names a route,
//    or a policy, the console does not declare). A new staff route cannot ship without a
//    row here;
//  - tests/integration/staff_access_test.cpp sends every probe as every caller to the real
//    server and asserts each cell: a new row cannot be added without an answer for each.
// A probe's target may hold placeholders, filled in by the integration test:
//   {a}        the reference of complainant A's complaint (office opr)
//   {b}        the reference of complainant B's complaint (office opr)
//   {c}        the reference of a third complaint, accepted at triage before the probes,
//              its case assigned to the investigator of opr (Caller::investigator_opr)
//   {case}     the id of that case
//   {d}        the reference of a fourth complaint, referred at triage to the external
//              office police before the probes (it has a referral packet)
//   {missing}  a well-formed reference that no complaint has
//   {nocase}   a well-formed case id that no case has
//   {user}     the staff id of the intake officer of opr (Caller::intake_opr)
//   {admin}    the staff id of the administrator (Caller::administrator)
//   {nouser}   a well-formed staff id that no member has
// Staff callers send their session cookie and, on a POST, their own anti-forgery token, so
// that what is tested is the route's policy and not the token. Anonymous callers and the
// complainants send no cookie at all: a complainant holds a reference and a receipt, never a
// staff session.

#include <array>
#include <cstddef>
#include <string_view>

namespace redress::testing {

enum class Caller : std::size_t {
    anonymous,
    complainant_a,
    complainant_b,
    intake_opr,        // intake officer of opr
    investigator_opr,  // investigator of opr, assigned the case of complaint C
    investigator_off,  // investigator of opr, assigned nothing
    intake_oig,        // intake officer of oig: staff of another office
    auditor,           // member of opr, auditor only
    custodian,         // member of opr, custodian only
    administrator,     // member of opr, administrator only
};
inline constexpr std::size_t k_callers = 10;
inline constexpr std::array<std::string_view, k_callers> k_caller_names{
    "anonymous",          "complainant A", "complainant B", "intake opr", "assigned investigator",
    "other investigator", "intake oig",    "auditor",       "custodian",  "administrator"};

// An answer: its status, and for a redirect where it leads ({a} etc. filled in).
struct Answer {
    int status = 0;
    std::string_view location;
};

struct Probe {
    std::string_view method;                // "GET" or "POST"
    std::string_view route;                 // the path as declared, with its {parameters}
    std::string_view policy;                // Access::describe() as declared, or "anyone"
    std::string_view target;                // what is requested, with the placeholders above
    std::array<Answer, k_callers> answers;  // by Caller
};

// The answers, short so that the table below reads as a table.
namespace answers {
inline constexpr Answer ok{200, {}};
inline constexpr Answer in{303, "/staff/sign-in"};             // sent to sign in
inline constexpr Answer no{403, {}};                           // refused
inline constexpr Answer nf{404, {}};                           // not found
inline constexpr Answer tr{303, "/staff/complaints/{b}"};      // triaged: to B's complaint
inline constexpr Answer un{422, {}};                           // refused for what the form holds
inline constexpr Answer bq{400, {}};                           // a malformed query
inline constexpr Answer cf{409, {}};                           // refused by a rule (a conflict)
inline constexpr Answer au{303, "/staff/admin/users/{user}"};  // changed: to the account's page
}  // namespace answers

// Posts carry an empty form, but for the triage post: a well-formed decision to accept, so
// that who may decide is what is tested. A post without a session is refused (403), never
// redirected. The sign-out probe ends each staff caller's session: the test sends it last.
// clang-format off
namespace table {
using namespace answers;
inline constexpr std::string_view k_working = "roles: intake_officer, investigator, supervisor";
inline constexpr std::string_view k_triaging = "roles: intake_officer, supervisor";
inline constexpr std::string_view k_concluding = "roles: investigator, supervisor";
inline constexpr std::string_view k_admin = "unlisted, roles: administrator";
inline const std::array k_staff_probes{
    // Columns: anonymous, complainant A, complainant B, intake officer of opr, the
    // investigator of opr assigned C's case, an investigator of opr assigned nothing, intake
    // officer of oig, auditor, custodian, administrator (see Caller).
    // The sign-in pages: open to anyone and the same for everyone (no session is read).
    // Without the cookie of the sign-in's first step, the later steps send back to it.
    //                                                                                                       anon A   B   in  inv inv in  aud cus adm
    //                                                                                                                opr C   -   oig
    Probe{"GET",  "/staff/sign-in",                       "anyone",    "/staff/sign-in",                     {ok, ok, ok, ok, ok, ok, ok, ok, ok, ok}},
    Probe{"POST", "/staff/sign-in",                       "anyone",    "/staff/sign-in",                     {no, no, no, no, no, no, no, no, no, no}},  // empty form: refused
    Probe{"GET",  "/staff/sign-in/code",                  "anyone",    "/staff/sign-in/code",                {in, in, in, in, in, in, in, in, in, in}},
    Probe{"POST", "/staff/sign-in/code",                  "anyone",    "/staff/sign-in/code",                {in, in, in, in, in, in, in, in, in, in}},
    Probe{"GET",  "/staff/sign-in/enrol",                 "anyone",    "/staff/sign-in/enrol",               {in, in, in, in, in, in, in, in, in, in}},
    Probe{"POST", "/staff/sign-in/enrol",                 "anyone",    "/staff/sign-in/enrol",               {in, in, in, in, in, in, in, in, in, in}},
    Probe{"GET",  "/staff/sign-in/password",              "anyone",    "/staff/sign-in/password",            {in, in, in, in, in, in, in, in, in, in}},
    Probe{"POST", "/staff/sign-in/password",              "anyone",    "/staff/sign-in/password",            {in, in, in, in, in, in, in, in, in, in}},
    // The home page: any signed-in member.
    Probe{"GET",  "/staff/",                              "any staff", "/staff/",                            {in, in, in, ok, ok, ok, ok, ok, ok, ok}},
    // The work list: working roles, by default of the first office the member works for;
    // an office they do not work for is answered like one that does not exist.
    Probe{"GET",  "/staff/queue",                         k_working,   "/staff/queue",                       {in, in, in, ok, ok, ok, ok, no, no, no}},
    Probe{"GET",  "/staff/queue",                         k_working,   "/staff/queue?office=opr",            {in, in, in, ok, ok, ok, nf, no, no, no}},
    Probe{"GET",  "/staff/queue",                         k_working,   "/staff/queue?office=oig",            {in, in, in, nf, nf, nf, ok, no, no, no}},
    Probe{"GET",  "/staff/queue",                         k_working,   "/staff/queue?office=nowhere",        {in, in, in, nf, nf, nf, nf, no, no, no}},
    Probe{"GET",  "/staff/queue",                         k_working,   "/staff/queue?office=opr&overdue=1",  {in, in, in, ok, ok, ok, nf, no, no, no}},
    Probe{"GET",  "/staff/queue",                         k_working,   "/staff/queue?overdue=soon",          {in, in, in, bq, bq, bq, bq, no, no, no}},
    // The overdue view: supervisors only, none of whom is among these callers (their own page
    // is tested in tests/integration/staff_triage_test.cpp).
    Probe{"GET",  "/staff/overdue",                       "roles: supervisor", "/staff/overdue",             {in, in, in, no, no, no, no, no, no, no}},
    Probe{"GET",  "/staff/overdue",                       "roles: supervisor", "/staff/overdue?office=oig",  {in, in, in, no, no, no, no, no, no, no}},
    // A complaint as staff see it: working roles of its office; anyone else allowed on the
    // route gets what a missing reference gets.
    Probe{"GET",  "/staff/complaints/{reference}",        k_working,   "/staff/complaints/{a}",              {in, in, in, ok, ok, ok, nf, no, no, no}},
    Probe{"GET",  "/staff/complaints/{reference}",        k_working,   "/staff/complaints/{missing}",        {in, in, in, nf, nf, nf, nf, no, no, no}},
    // Triage: intake officers and supervisors of the complaint's office. Only the intake
    // officer of opr gets through, and accepts B's complaint.
    Probe{"POST", "/staff/complaints/{reference}/triage", k_triaging,  "/staff/complaints/{missing}/triage", {no, no, no, nf, no, no, nf, no, no, no}},
    Probe{"POST", "/staff/complaints/{reference}/triage", k_triaging,  "/staff/complaints/{b}/triage",       {no, no, no, tr, no, no, nf, no, no, no}},
    // A complaint taken by phone or mail, entered by an intake officer or supervisor for an
    // office they take complaints for (by default their first); any other office is answered
    // like one that does not exist. The empty form is refused for what it lacks (422), and
    // nothing is filed.
    // Email not taken in: the deployment's, not an office's (it came to the deployment's
    // address), so every intake officer reads it; a message that is not there is missing.
    Probe{"GET",  "/staff/mail-quarantine",               k_triaging,  "/staff/mail-quarantine",             {in, in, in, ok, no, no, ok, no, no, no}},
    Probe{"GET",  "/staff/mail-quarantine/{mail}",        k_triaging,  "/staff/mail-quarantine/999999",      {in, in, in, nf, no, no, nf, no, no, no}},
    Probe{"GET",  "/staff/mail-quarantine/{mail}",        k_triaging,  "/staff/mail-quarantine/x",           {in, in, in, nf, no, no, nf, no, no, no}},
    Probe{"GET",  "/staff/intake/new",                    k_triaging,  "/staff/intake/new",                  {in, in, in, ok, no, no, ok, no, no, no}},
    Probe{"GET",  "/staff/intake/new",                    k_triaging,  "/staff/intake/new?office=opr",       {in, in, in, ok, no, no, nf, no, no, no}},
    Probe{"GET",  "/staff/intake/new",                    k_triaging,  "/staff/intake/new?office=oig",       {in, in, in, nf, no, no, ok, no, no, no}},
    Probe{"GET",  "/staff/intake/new",                    k_triaging,  "/staff/intake/new?office=nowhere",   {in, in, in, nf, no, no, nf, no, no, no}},
    Probe{"POST", "/staff/intake",                        k_triaging,  "/staff/intake?office=opr",           {no, no, no, un, no, no, nf, no, no, no}},
    Probe{"POST", "/staff/intake",                        k_triaging,  "/staff/intake?office=oig",           {no, no, no, nf, no, no, un, no, no, no}},
    Probe{"POST", "/staff/intake",                        k_triaging,  "/staff/intake",                      {no, no, no, un, no, no, un, no, no, no}},
    // Referrals received: working roles of the receiving office; none is waiting in this
    // test, so the list is empty, and an answer to a referral that does not exist is
    // answered like one to a missing reference.
    Probe{"GET",  "/staff/referrals",                     k_working,   "/staff/referrals",                   {in, in, in, ok, ok, ok, ok, no, no, no}},
    Probe{"GET",  "/staff/referrals",                     k_working,   "/staff/referrals?office=oig",        {in, in, in, nf, nf, nf, ok, no, no, no}},
    Probe{"POST", "/staff/complaints/{reference}/referral", k_triaging, "/staff/complaints/{missing}/referral", {no, no, no, nf, no, no, nf, no, no, no}},
    // Joining another complaint's case: intake officers and supervisors of the office; the
    // empty form names no complaint (422), and nothing changes.
    Probe{"POST", "/staff/complaints/{reference}/join",   k_triaging,  "/staff/complaints/{a}/join",         {no, no, no, un, no, no, nf, no, no, no}},
    Probe{"POST", "/staff/complaints/{reference}/join",   k_triaging,  "/staff/complaints/{missing}/join",   {no, no, no, nf, no, no, nf, no, no, no}},
    // The referral packet of a complaint referred to an external office: those who may read
    // the complaint; a complaint without one is answered like a missing one.
    Probe{"GET",  "/staff/complaints/{reference}/referral-packet", k_working, "/staff/complaints/{d}/referral-packet", {in, in, in, ok, ok, ok, nf, no, no, no}},
    Probe{"GET",  "/staff/complaints/{reference}/referral-packet", k_working, "/staff/complaints/{a}/referral-packet", {in, in, in, nf, nf, nf, nf, no, no, no}},
    Probe{"GET",  "/staff/complaints/{reference}/referral-packet", k_working, "/staff/complaints/{missing}/referral-packet", {in, in, in, nf, nf, nf, nf, no, no, no}},
    Probe{"GET",  "/staff/complaints/{reference}/referral-packet/download", k_working, "/staff/complaints/{d}/referral-packet/download", {in, in, in, ok, ok, ok, nf, no, no, no}},
    Probe{"GET",  "/staff/complaints/{reference}/referral-packet/download", k_working, "/staff/complaints/{missing}/referral-packet/download", {in, in, in, nf, nf, nf, nf, no, no, no}},
    // A complaint in a case: intake officers and supervisors of its office, and the
    // investigator assigned; another investigator of the office gets what a missing one gets.
    Probe{"GET",  "/staff/complaints/{reference}",        k_working,   "/staff/complaints/{c}",              {in, in, in, ok, ok, nf, nf, no, no, no}},
    // Its evidence files, read as the complaint is; a file it does not hold is missing.
    Probe{"GET",  "/staff/complaints/{reference}/evidence", k_working, "/staff/complaints/{c}/evidence",     {in, in, in, ok, ok, nf, nf, no, no, no}},
    Probe{"GET",  "/staff/complaints/{reference}/evidence", k_working, "/staff/complaints/{missing}/evidence", {in, in, in, nf, nf, nf, nf, no, no, no}},
    Probe{"GET",  "/staff/complaints/{reference}/evidence/{file}", k_working, "/staff/complaints/{c}/evidence/1", {in, in, in, nf, nf, nf, nf, no, no, no}},
    Probe{"GET",  "/staff/complaints/{reference}/evidence/{file}/without-metadata", k_working, "/staff/complaints/{c}/evidence/1/without-metadata", {in, in, in, nf, nf, nf, nf, no, no, no}},
    // Messages to the complainant: a blank message is refused as such (422) to those who
    // may write, and answered like a missing complaint to everyone else the route allows.
    Probe{"POST", "/staff/complaints/{reference}/messages", k_working, "/staff/complaints/{c}/messages",     {no, no, no, un, un, nf, nf, no, no, no}},
    Probe{"POST", "/staff/complaints/{reference}/messages", k_working, "/staff/complaints/{missing}/messages", {no, no, no, nf, nf, nf, nf, no, no, no}},
    // Cases: a member's own list; the case file for those who may read the case.
    Probe{"GET",  "/staff/cases",                         k_working,   "/staff/cases",                       {in, in, in, ok, ok, ok, ok, no, no, no}},
    Probe{"GET",  "/staff/cases/{case}",                  k_working,   "/staff/cases/{case}",                {in, in, in, ok, ok, nf, nf, no, no, no}},
    Probe{"GET",  "/staff/cases/{case}",                  k_working,   "/staff/cases/{nocase}",              {in, in, in, nf, nf, nf, nf, no, no, no}},
    Probe{"GET",  "/staff/cases/{case}",                  k_working,   "/staff/cases/not-a-number",          {in, in, in, nf, nf, nf, nf, no, no, no}},
    // Changes to a case, each posted with a form that is refused for what it holds (blank
    // or unknown values), so that nothing changes: 422 for those who may make the change,
    // 404 for those who may not read the case.
    Probe{"POST", "/staff/cases/{case}/assignment",       k_triaging,  "/staff/cases/{case}/assignment",     {no, no, no, un, no, no, nf, no, no, no}},
    Probe{"POST", "/staff/cases/{case}/notes",            k_working,   "/staff/cases/{case}/notes",          {no, no, no, un, un, nf, nf, no, no, no}},
    Probe{"POST", "/staff/cases/{case}/notes",            k_working,   "/staff/cases/{nocase}/notes",        {no, no, no, nf, nf, nf, nf, no, no, no}},
    Probe{"POST", "/staff/cases/{case}/tasks",            k_working,   "/staff/cases/{case}/tasks",          {no, no, no, un, un, nf, nf, no, no, no}},
    Probe{"POST", "/staff/cases/{case}/tasks/{task}/done", k_working,  "/staff/cases/{case}/tasks/999999/done", {no, no, no, nf, nf, nf, nf, no, no, no}},
    Probe{"POST", "/staff/cases/{case}/tasks/{task}/done", k_working,  "/staff/cases/{case}/tasks/x/done",   {no, no, no, nf, nf, nf, nf, no, no, no}},
    Probe{"POST", "/staff/cases/{case}/findings",         k_concluding, "/staff/cases/{case}/findings",      {no, no, no, no, un, nf, no, no, no, no}},
    Probe{"POST", "/staff/cases/{case}/closure",          k_concluding, "/staff/cases/{case}/closure",       {no, no, no, no, un, nf, no, no, no, no}},
    // Confidentiality. The identity's page, for those who may read the complaint; a blank
    // reason, recusal or naming is refused as such (422) to those who may make it, and
    // answered like a missing complaint to everyone else the route allows.
    Probe{"GET",  "/staff/complaints/{reference}/identity", k_working, "/staff/complaints/{c}/identity",     {in, in, in, ok, ok, nf, nf, no, no, no}},
    Probe{"GET",  "/staff/complaints/{reference}/identity", k_working, "/staff/complaints/{missing}/identity", {in, in, in, nf, nf, nf, nf, no, no, no}},
    Probe{"POST", "/staff/complaints/{reference}/identity", k_working, "/staff/complaints/{c}/identity",     {no, no, no, un, un, nf, nf, no, no, no}},
    Probe{"POST", "/staff/complaints/{reference}/recusal", k_working,  "/staff/complaints/{c}/recusal",      {no, no, no, un, un, nf, nf, no, no, no}},
    Probe{"POST", "/staff/complaints/{reference}/named-staff", k_triaging, "/staff/complaints/{c}/named-staff", {no, no, no, un, no, no, nf, no, no, no}},
    // The clocks: paused or resumed by those who write to the complainant; an unknown reason
    // is refused as such (422) to them, and answered like a missing complaint to the rest.
    Probe{"POST", "/staff/complaints/{reference}/clocks", k_working,  "/staff/complaints/{c}/clocks",       {no, no, no, un, un, nf, nf, no, no, no}},
    // Requests to open an identity: custodians only; one that does not exist (or is not of
    // their offices) is not found.
    Probe{"GET",  "/staff/identity-requests",             "roles: custodian", "/staff/identity-requests",    {in, in, in, no, no, no, no, no, ok, no}},
    Probe{"POST", "/staff/identity-requests/{request}",   "roles: custodian", "/staff/identity-requests/999999", {no, no, no, no, no, no, no, no, nf, no}},
    Probe{"POST", "/staff/identity-requests/{request}",   "roles: custodian", "/staff/identity-requests/x",  {no, no, no, no, no, no, no, no, nf, no}},
    // The audit trail: auditors only, the newest entries or those before a position.
    Probe{"GET",  "/staff/audit",                         "roles: auditor", "/staff/audit",                  {in, in, in, no, no, no, no, ok, no, no}},
    Probe{"GET",  "/staff/audit",                         "roles: auditor", "/staff/audit?before=3",         {in, in, in, no, no, no, no, ok, no, no}},
    Probe{"GET",  "/staff/audit",                         "roles: auditor", "/staff/audit?before=first",     {in, in, in, no, no, no, no, bq, no, no}},
    // Staff accounts: administrators only, and to everyone else, signed in or not, answered
    // as a path that does not exist (404). Posts that change nothing: an empty account
    // (422), no roles (422), disabling oneself or giving oneself a new set-up code (409),
    // enabling an enabled account (303, and no entry), an id no member has (404).
    Probe{"GET",  "/staff/admin/users",                   k_admin,     "/staff/admin/users",                 {nf, nf, nf, nf, nf, nf, nf, nf, nf, ok}},
    Probe{"POST", "/staff/admin/users",                   k_admin,     "/staff/admin/users",                 {nf, nf, nf, nf, nf, nf, nf, nf, nf, un}},
    Probe{"GET",  "/staff/admin/users/{id}",              k_admin,     "/staff/admin/users/{user}",          {nf, nf, nf, nf, nf, nf, nf, nf, nf, ok}},
    Probe{"GET",  "/staff/admin/users/{id}",              k_admin,     "/staff/admin/users/{nouser}",        {nf, nf, nf, nf, nf, nf, nf, nf, nf, nf}},
    Probe{"GET",  "/staff/admin/users/{id}",              k_admin,     "/staff/admin/users/x",               {nf, nf, nf, nf, nf, nf, nf, nf, nf, nf}},
    Probe{"POST", "/staff/admin/users/{id}/access",       k_admin,     "/staff/admin/users/{user}/access",   {nf, nf, nf, nf, nf, nf, nf, nf, nf, un}},
    Probe{"POST", "/staff/admin/users/{id}/disable",      k_admin,     "/staff/admin/users/{admin}/disable", {nf, nf, nf, nf, nf, nf, nf, nf, nf, cf}},
    Probe{"POST", "/staff/admin/users/{id}/disable",      k_admin,     "/staff/admin/users/{nouser}/disable", {nf, nf, nf, nf, nf, nf, nf, nf, nf, nf}},
    Probe{"POST", "/staff/admin/users/{id}/enable",       k_admin,     "/staff/admin/users/{user}/enable",   {nf, nf, nf, nf, nf, nf, nf, nf, nf, au}},
    Probe{"POST", "/staff/admin/users/{id}/second-factor-reset", k_admin, "/staff/admin/users/{nouser}/second-factor-reset", {nf, nf, nf, nf, nf, nf, nf, nf, nf, nf}},
    Probe{"POST", "/staff/admin/users/{id}/set-up-code",  k_admin,     "/staff/admin/users/{admin}/set-up-code", {nf, nf, nf, nf, nf, nf, nf, nf, nf, cf}},
    Probe{"POST", "/staff/admin/users/{id}/set-up-code",  k_admin,     "/staff/admin/users/{nouser}/set-up-code", {nf, nf, nf, nf, nf, nf, nf, nf, nf, nf}},
    // Sign-out: any signed-in member, with the form token.
    Probe{"POST", "/staff/sign-out",                      "any staff", "/staff/sign-out",                    {no, no, no, in, in, in, in, in, in, in}},
};
}  // namespace table
// clang-format on
using table::k_staff_probes;

}  // namespace redress::testing
