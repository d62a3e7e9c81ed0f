#include "mail/gmime_runtime.hpp"

#include <gmime/gmime.h>
#include <libxml/parser.h>

#include <mutex>

namespace redress::mail {

void ensure_mail_libraries() {
    static std::once_flag once;
    std::call_once(once, [] {
        g_mime_init();
        xmlInitParser();
    });
}

}  // namespace redress::mail
