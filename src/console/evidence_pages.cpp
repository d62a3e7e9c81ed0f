#include "console/evidence_pages.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <charconv>
#include <memory>

#include "domain/reference.hpp"
#include "intake/evidence_intake.hpp"
#include "intake/image_metadata.hpp"
#include "web/messages.hpp"

namespace redress::console {

namespace {

std::string hex(const domain::Sha256& digest) {
    std::string text;
    text.reserve(64);
    for (const auto byte : digest) text += fmt::format("{:02x}", byte);
    return text;
}

std::string readable_size(std::uint64_t bytes) {
    if (bytes < 1024) return fmt::format("{} B", bytes);
    if (bytes < 1024 * 1024) return fmt::format("{:.1f} KiB", static_cast<double>(bytes) / 1024);
    return fmt::format("{:.1f} MiB", static_cast<double>(bytes) / (1024 * 1024));
}

std::optional<std::int64_t> file_id(std::string_view text) {
    std::int64_t id = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (error != std::errc{} || end != text.data() + text.size() || id <= 0) return std::nullopt;
    return id;
}

// What the complaint a member asked for, and its files, are read with.
struct Found {
    storage::StaffComplaint complaint;
    std::vector<domain::Evidence> files;
};

}  // namespace

void EvidencePages::add_routes(StaffRoutes& routes) {
    using domain::Role;
    using http::Method;
    const auto working =
        Access::roles({Role::intake_officer, Role::investigator, Role::supervisor});
    routes.add(Method::get, "/staff/complaints/{reference}/evidence", working,
               [this](Visit visit, http::Responder respond) {
                   list(std::move(visit), std::move(respond));
               });
    routes.add(Method::get, "/staff/complaints/{reference}/evidence/{file}", working,
               [this](Visit visit, http::Responder respond) {
                   download(std::move(visit), Copy::original, std::move(respond));
               });
    routes.add(Method::get, "/staff/complaints/{reference}/evidence/{file}/without-metadata",
               working, [this](Visit visit, http::Responder respond) {
                   download(std::move(visit), Copy::without_metadata, std::move(respond));
               });
}

http::Response EvidencePages::failure(const util::Error& error) const {
    return m_view.failure(error, {"evidence", "staff.triage.forbidden",
                                  "staff.triage.conflict.title", "staff.triage.conflict.message"});
}

// The complaint as the member may read it (triage's check: recusal, office), then its files.
template <typename Then>
void with_files(const WorkPages& work, const Visit& visit, http::Responder respond, Then then,
                const std::function<http::Response(const util::Error&)>& failure) {
    std::string reference(visit.request.parameter("reference"));
    if (!domain::may_be_reference(reference)) {
        respond(failure(util::Error{util::ErrorCode::not_found, "no such complaint"}));
        return;
    }
    const auto& parts = work.parts();
    parts.triage.complaint(
        visit.signed_in.member, reference,
        [&parts, reference, then = std::move(then), failure,
         respond = std::move(respond)](util::Expected<storage::StaffComplaint> complaint) mutable {
            if (!complaint) {
                respond.render([failure, error = complaint.error()] { return failure(error); });
                return;
            }
            auto found = std::make_shared<Found>(Found{std::move(*complaint), {}});
            parts.evidence_store.evidence_of(
                reference, [found, then = std::move(then), failure, respond = std::move(respond)](
                               util::Expected<std::vector<domain::Evidence>>&& files) mutable {
                    if (!files) {
                        respond.render([failure, error = files.error()] { return failure(error); });
                        return;
                    }
                    found->files.swap(*files);
                    then(found, std::move(respond));
                });
        });
}

void EvidencePages::list(Visit visit, http::Responder respond) const {
    with_files(
        m_work, visit, std::move(respond),
        [this](std::shared_ptr<Found> found, http::Responder reply) {
            reply.render([this, found] { return list_page(found->complaint, found->files); });
        },
        [this](const util::Error& error) { return failure(error); });
}

void EvidencePages::download(Visit visit, Copy copy, http::Responder respond) const {
    const auto id = file_id(visit.request.parameter("file"));
    if (!id) {
        respond(failure(util::Error{util::ErrorCode::not_found, "no such file"}));
        return;
    }
    const std::string actor = "staff:" + visit.signed_in.member.username;
    with_files(
        m_work, visit, std::move(respond),
        [this, id = *id, copy, actor](std::shared_ptr<Found> found, http::Responder reply) {
            const auto file = std::ranges::find(found->files, id, &domain::Evidence::id);
            // A file of another complaint is answered as one that does not exist.
            if (file == found->files.end() ||
                (copy == Copy::without_metadata && !intake::metadata_removable(file->media_type))) {
                reply.render([this] {
                    return failure(util::Error{util::ErrorCode::not_found, "no such file"});
                });
                return;
            }
            const auto& work = m_work.parts();
            domain::AuditEvent audit;
            audit.at = work.now();
            audit.actor = actor;
            audit.action = "evidence.downloaded";
            audit.object = "complaint:" + found->complaint.reference;
            audit.details = fmt::format("file={} copy={}", file->id,
                                        copy == Copy::original ? "original" : "without-metadata");
            const auto chosen = static_cast<std::size_t>(file - found->files.begin());
            // The file leaves only once its download is on the record.
            work.audit_trail.record_audit(
                std::move(audit), [this, found, chosen, copy, reply = std::move(reply)](
                                      util::Expected<std::int64_t> recorded) mutable {
                    reply.render([this, found, chosen, copy, recorded] {
                        if (!recorded) return failure(recorded.error());
                        return attachment(found->complaint, found->files[chosen], copy);
                    });
                });
        },
        [this](const util::Error& error) { return failure(error); });
}

http::Response EvidencePages::list_page(const storage::StaffComplaint& complaint,
                                        const std::vector<domain::Evidence>& files) const {
    const auto& evidence = m_work.parts().evidence;
    const auto& catalogue = m_view.catalogue();
    return m_view.page(
        200, "staff/evidence.tpl", "staff.evidence.title", [&](web::Dictionary& page) {
            page.SetValue("REFERENCE", complaint.reference);
            for (const auto& file : files) {
                auto* row = page.AddSectionDictionary("FILE");
                const std::string name = evidence.given_name(file);
                if (name.empty()) {
                    row->SetValue("NAME", web::tstr(catalogue.text("staff.evidence.unnamed")));
                } else {
                    row->SetValue("NAME", name);
                }
                row->SetIntValue("ID", static_cast<long>(file.id));
                row->SetValue("TYPE", file.media_type);
                row->SetValue("SIZE", readable_size(file.size));
                row->SetValue("SHA256", hex(file.sha256));
                row->SetValue("ADDED_AT", domain::iso_timestamp(file.added_at));
                row->SetValue(
                    "SOURCE",
                    web::tstr(catalogue.text("staff.evidence.source." +
                                             std::string(domain::source_name(file.source)))));
                if (intake::metadata_removable(file.media_type)) row->ShowSection("CLEANABLE");
            }
            page.ShowSection(files.empty() ? "EMPTY" : "LIST");
        });
}

http::Response EvidencePages::attachment(const storage::StaffComplaint& complaint,
                                         const domain::Evidence& file, Copy copy) const {
    auto original = m_work.parts().evidence.original(file);
    if (!original) {
        // Missing or altered: say so to the member, and to whoever keeps the server.
        spdlog::error("console: evidence file {} of {} cannot be given: {}", file.id,
                      complaint.reference, original.error().message);
        return m_view.problem(500, "staff.evidence.unreadable.title",
                              "staff.evidence.unreadable.message");
    }
    std::string body = std::move(*original);
    if (copy == Copy::without_metadata) {
        auto cleaned = intake::without_identifying_metadata(body);
        if (!cleaned) {
            spdlog::warn("console: no copy without metadata of evidence file {}: {}", file.id,
                         cleaned.error().message);
            return m_view.problem(422, "staff.evidence.not_cleanable.title",
                                  "staff.evidence.not_cleanable.message");
        }
        body = std::move(*cleaned);
    }
    // A name the server makes: the complainant's own may say anything.
    const std::string name = fmt::format("{}-evidence-{}{}.{}", complaint.reference, file.id,
                                         copy == Copy::original ? "" : "-without-metadata",
                                         domain::extension_for(file.media_type));
    http::Response response;
    response.body = std::move(body);
    response.headers.set("Content-Type", "application/octet-stream");
    response.headers.set("Content-Disposition", "attachment; filename=\"" + name + "\"");
    // Should a browser open it anyway, it runs nothing and loads nothing.
    response.headers.set("Content-Security-Policy", "sandbox; default-src 'none'");
    if (copy == Copy::original) response.headers.set("X-Redress-SHA256", hex(file.sha256));
    return response;
}

}  // namespace redress::console
