#pragma once
// `redress ingest-email`: a mail server's pipe transport hands one message on standard
// input, and it is kept in the data folder's spool (inbound/mail_spool.hpp) for the running
// server to take in. Exit 0 once the message is durable; 75 (EX_TEMPFAIL) when it could not
// be kept, so that the mail server tries again later. It never opens the database, so it
// may run while `redress serve` does, as any user that can write the spool folder (run it
// as redress's own user). With --maildir, every message of a Maildir (new/ and cur/) is
// spooled the same way and the count printed.

#include <CLI/CLI.hpp>
#include <string>

namespace redress::cli {

struct IngestOptions {
    std::string data_dir = "data";
    std::string maildir;
    std::size_t max_message_mib = 0;  // 0: the setting mail.max_message_mib, else 25
};

void add_ingest_options(CLI::App& command, IngestOptions& options);
int ingest_email(const IngestOptions& options);

}  // namespace redress::cli
