#pragma once
// A private Postfix for end-to-end tests of the email channel, from Debian's postfix package:
// its own configuration, queue and data folders in a folder of its own under /tmp, taking
// mail by SMTP on one loopback port and delivering what is addressed to one recipient through
// a pipe(8) transport to a command the test gives, as a deployment would hand mail to
// `redress ingest-email`. It relays nothing and looks nothing up in DNS; the system's own
// Postfix (/etc/postfix) is neither read nor touched. Stopped with `postfix -c DIR stop` by
// the destructor, which waits for its master process to be gone.
//
// Postfix's master starts as root (it drops to mail_owner), so this needs root, as CI runs;
// pipe(8) runs the command as an unprivileged user (never root), `nobody` unless told.

#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "support/loopback_port.hpp"

namespace redress::testing {

inline constexpr const char* k_postfix = "/usr/sbin/postfix";
inline constexpr const char* k_curl = "/usr/bin/curl";

// Runs `args` (no shell), its standard input from `input` when given (a file), and waits for
// it; its exit code (128 + the signal when one ended it) and everything it wrote.
struct CommandResult {
    int exit_code = -1;
    std::string output;
};
inline CommandResult run_program(const std::vector<std::string>& args,
                                 const std::filesystem::path& output_file,
                                 const std::optional<std::filesystem::path>& input = {}) {
    std::vector<std::string> copy = args;
    std::vector<char*> argv;
    for (auto& arg : copy) argv.push_back(arg.data());
    argv.push_back(nullptr);
    const std::string output_name = output_file.string();
    const std::string input_name = input ? input->string() : std::string("/dev/null");
    const pid_t child = ::fork();
    if (child < 0) throw std::runtime_error("fork failed");
    if (child == 0) {
        const int out = ::open(output_name.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int in = ::open(input_name.c_str(), O_RDONLY);
        if (out < 0 || in < 0) ::_exit(126);
        ::dup2(in, STDIN_FILENO);
        ::dup2(out, STDOUT_FILENO);
        ::dup2(out, STDERR_FILENO);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    CommandResult result;
    if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) result.exit_code = 128 + WTERMSIG(status);
    std::ifstream written(output_file);
    std::stringstream text;
    text << written.rdbuf();
    result.output = text.str();
    return result;
}

class PostfixInstance {
  public:
    struct Options {
        // The one address it delivers; mail to any other is refused at RCPT.
        std::string recipient = "intake@redress.test";
        // A shell command line (/bin/sh runs it) that reads one message on its standard input
        // and exits 0 once it has it; 75 (EX_TEMPFAIL) makes Postfix keep it and try again.
        // $REDRESS_SCRATCH names scratch() in it.
        std::string command;
        // Whom pipe(8) runs the command as: not root, not postfix.
        std::string user = "nobody";
    };

    // Whether one can be started here: root, and Debian's postfix package installed.
    static bool available() { return ::geteuid() == 0 && std::filesystem::exists(k_postfix); }

    explicit PostfixInstance(Options options) : m_options(std::move(options)) {
        std::string name = std::filesystem::temp_directory_path() / "redress-postfix-XXXXXX";
        if (::mkdtemp(name.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        m_folder = name;
        try {
            start();
        } catch (...) {
            std::error_code ignored;
            std::filesystem::remove_all(m_folder, ignored);
            throw;
        }
    }
    ~PostfixInstance() {
        stop();
        std::error_code ignored;
        std::filesystem::remove_all(m_folder, ignored);
    }
    PostfixInstance(const PostfixInstance&) = delete;
    PostfixInstance& operator=(const PostfixInstance&) = delete;

    unsigned short port() const { return m_port; }
    const std::string& recipient() const { return m_options.recipient; }

    // A folder (0700) the command's user owns: where a command may write what it is given.
    const std::filesystem::path& scratch() const { return m_scratch; }

    // Postfix's own log (its maillog_file): what it took, delivered, deferred or refused.
    std::string log() const {
        std::ifstream in(m_folder / "data" / "maillog");
        std::stringstream text;
        text << in.rdbuf();
        return text.str();
    }

    // Sends the message in `message_file` to the recipient by SMTP with curl, from `sender`;
    // curl's exit code (0 once Postfix has queued it) and what curl said.
    CommandResult send(const std::filesystem::path& message_file,
                       const std::string& sender = "sender@example.org") const {
        return run_program(
            {k_curl, "--silent", "--show-error", "--max-time", "30",
             "smtp://127.0.0.1:" + std::to_string(m_port), "--mail-from", sender, "--mail-rcpt",
             m_options.recipient, "--upload-file", message_file.string()},
            m_folder / "curl.out");
    }

    // Stops it: `postfix -c DIR stop`, then waits up to 10 s for its master to be gone
    // (SIGKILL to that PID after that). Nothing when it is not running.
    void stop() {
        if (m_master <= 0) return;
        run_program({k_postfix, "-c", (m_folder / "conf").string(), "stop"}, m_folder / "stop.out");
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (::kill(m_master, 0) == 0 && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        if (::kill(m_master, 0) == 0) ::kill(m_master, SIGKILL);
        m_master = -1;
    }

  private:
    void start() {
        // getpwnam answers in storage of its own that its next call overwrites.
        const passwd* found = ::getpwnam(m_options.user.c_str());
        if (found == nullptr) throw std::runtime_error("no user " + m_options.user);
        const passwd user = *found;
        found = ::getpwnam("postfix");
        if (found == nullptr) throw std::runtime_error("no user postfix");
        const passwd owner = *found;
        // Postfix's daemons, running as postfix, reach the queue through this folder.
        ::chmod(m_folder.c_str(), 0755);
        const auto conf = m_folder / "conf";
        const auto queue = m_folder / "queue";
        const auto data = m_folder / "data";
        m_scratch = m_folder / "scratch";
        for (const auto& folder : {conf, queue, data, m_scratch}) {
            std::filesystem::create_directory(folder);
        }
        if (::chown(data.c_str(), owner.pw_uid, owner.pw_gid) != 0 ||
            ::chown(m_scratch.c_str(), user.pw_uid, user.pw_gid) != 0) {
            throw std::runtime_error("cannot give Postfix's folders to their users");
        }
        ::chmod(m_scratch.c_str(), 0700);

        // The command, as a script pipe(8) can run (its argv= takes no quoting).
        const auto deliver = m_folder / "deliver";
        std::ofstream(deliver) << "#!/bin/sh\nREDRESS_SCRATCH='" << m_scratch.string()
                               << "'\nexport REDRESS_SCRATCH\n"
                               << m_options.command << "\n";
        ::chmod(deliver.c_str(), 0755);

        m_port = free_port();
        const std::string domain = m_options.recipient.substr(m_options.recipient.find('@') + 1);
        std::ofstream(conf / "main.cf")
            << "compatibility_level = 3.6\n"
            << "queue_directory = " << queue.string() << "\n"
            << "data_directory = " << data.string() << "\n"
            << "command_directory = /usr/sbin\n"
            << "daemon_directory = /usr/lib/postfix/sbin\n"
            << "meta_directory = /etc/postfix\n"
            << "shlib_directory = /usr/lib/postfix\n"
            << "mail_owner = postfix\n"
            << "setgid_group = postdrop\n"
            << "maillog_file_prefixes = " << m_folder.string() << "\n"
            << "maillog_file = " << (data / "maillog").string() << "\n"
            << "myhostname = mx." << domain << "\n"
            << "mydomain = " << domain << "\n"
            << "myorigin = " << domain << "\n"
            << "mydestination = " << domain << "\n"
            << "inet_interfaces = 127.0.0.1\n"
            << "inet_protocols = ipv4\n"
            << "mynetworks = 127.0.0.1/32\n"
            // Takes mail for the one recipient, relays none, and goes nowhere else.
            << "smtpd_relay_restrictions = reject_unauth_destination\n"
            << "local_recipient_maps = inline:{ " << m_options.recipient << "=ok }\n"
            << "transport_maps = inline:{ " << m_options.recipient << "=intake: }\n"
            << "default_transport = error:this test's Postfix relays nothing\n"
            << "intake_destination_recipient_limit = 1\n"
            << "smtp_dns_support_level = disabled\n"
            << "disable_dns_lookups = yes\n"
            << "alias_maps =\n"
            << "alias_database =\n"
            << "biff = no\n"
            << "master_service_disable =\n";
        // Nothing chrooted (the folder holds no copy of /etc), one SMTP listener on the port.
        std::ofstream(conf / "master.cf")
            << "127.0.0.1:" << m_port << " inet n - n - - smtpd\n"
            << "pickup unix n - n 60 1 pickup\n"
            << "cleanup unix n - n - 0 cleanup\n"
            << "qmgr unix n - n 300 1 qmgr\n"
            << "rewrite unix - - n - - trivial-rewrite\n"
            << "bounce unix - - n - 0 bounce\n"
            << "defer unix - - n - 0 bounce\n"
            << "trace unix - - n - 0 bounce\n"
            << "verify unix - - n - 1 verify\n"
            << "flush unix n - n 1000? 0 flush\n"
            << "proxymap unix - - n - - proxymap\n"
            << "showq unix n - n - - showq\n"
            << "error unix - - n - - error\n"
            << "retry unix - - n - - error\n"
            << "discard unix - - n - - discard\n"
            << "anvil unix - - n - 1 anvil\n"
            << "scache unix - - n - 1 scache\n"
            << "postlog unix-dgram n - n - 1 postlogd\n"
            << "intake unix - n n - - pipe flags=q user=" << m_options.user
            << " argv=" << deliver.string() << "\n";

        const auto started =
            run_program({k_postfix, "-c", conf.string(), "start"}, m_folder / "start.out");
        if (started.exit_code != 0) {
            throw std::runtime_error("postfix did not start (" + std::to_string(started.exit_code) +
                                     "): " + started.output + "\n" + log());
        }
        std::ifstream pid_file(queue / "pid" / "master.pid");
        pid_file >> m_master;
        if (m_master <= 0 || !wait_listening(m_port, std::chrono::seconds(20))) {
            stop();
            throw std::runtime_error("postfix does not take connections on port " +
                                     std::to_string(m_port) + "\n" + log());
        }
    }

    Options m_options;
    std::filesystem::path m_folder;
    std::filesystem::path m_scratch;
    unsigned short m_port = 0;
    pid_t m_master = -1;
};

}  // namespace redress::testing
