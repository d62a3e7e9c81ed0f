#pragma once
// The real redress server as a child process, for integration tests: `redress serve` on a
// free loopback port with its own data folder. Everything it logs (stdout and stderr) is
// kept, so that a test can show it on failure or check what it must never contain.

#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "support/data_folder_database.hpp"
#include "support/temp_folder.hpp"

namespace redress::testing {

class ServerProcess {
  public:
    static constexpr std::chrono::seconds k_start_timeout{20};
    static constexpr std::chrono::seconds k_stop_timeout{10};

    // Starts a server in a fresh temporary folder (removed by the destructor); `flags` are
    // added to `redress serve`, e.g. {"--server-max-body-bytes", "4096"}.
    explicit ServerProcess(std::vector<std::string> flags = {})
        : m_temp(std::in_place), m_data_dir(m_temp->path() / "data"), m_flags(std::move(flags)) {
        start();
    }

    // Starts a server in a fresh temporary folder under an open-file limit of its own (the
    // test's own limit is left alone), as `ulimit -n` or systemd's LimitNOFILE= would set it.
    ServerProcess(std::vector<std::string> flags, rlimit open_files)
        : m_temp(std::in_place),
          m_data_dir(m_temp->path() / "data"),
          m_flags(std::move(flags)),
          m_open_files(open_files) {
        start();
    }

    // Starts a server on `data_dir`, which outlives it (to restart on the same data).
    ServerProcess(std::filesystem::path data_dir, std::vector<std::string> flags)
        : m_data_dir(std::move(data_dir)), m_flags(std::move(flags)) {
        start();
    }

    // Starts a server on `data_dir` as the user `uid` and group `gid` (from a test running as
    // root), as a deployment runs it under an account of its own that other programs of that
    // account (a mail server's pipe to `redress ingest-email`) share the data folder with.
    ServerProcess(std::filesystem::path data_dir, std::vector<std::string> flags, uid_t uid,
                  gid_t gid)
        : m_data_dir(std::move(data_dir)), m_flags(std::move(flags)), m_user({uid, gid}) {
        start();
    }

    ~ServerProcess() {
        if (m_pid > 0) stop();
        if (m_reader.joinable()) m_reader.join();
    }
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    unsigned short port() const { return m_port; }
    pid_t pid() const { return m_pid; }
    const std::filesystem::path& data_dir() const { return m_data_dir; }

    // Everything the server has written so far.
    std::string log() const {
        std::lock_guard lock(m_mutex);
        return m_log;
    }

    // SIGTERM, then waits up to k_stop_timeout (SIGKILL after that). Returns the exit code,
    // or 128 + the signal number when a signal ended it; -1 when it was not running.
    int stop() { return end(SIGTERM); }

    // SIGKILL at once, as a crash or power cut would; returns 128 + SIGKILL.
    int kill() { return end(SIGKILL); }

  private:
    void start() {
        int pipe_fds[2];
        if (::pipe2(pipe_fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");

        std::vector<std::string> args{REDRESS_BINARY, "serve",  "--listen",
                                      "127.0.0.1:0",  "--data", m_data_dir.string()};
        args.insert(args.end(), m_flags.begin(), m_flags.end());
        std::vector<char*> argv;
        for (auto& arg : args) argv.push_back(arg.data());
        argv.push_back(nullptr);
        // The environment is made before fork: the child may only make async-signal-safe
        // calls. The database the folder's data is in comes last, so that it wins.
        std::vector<std::string> environment;
        for (char** variable = environ; *variable != nullptr; ++variable) {
            if (!std::string_view(*variable).starts_with("REDRESS_STORAGE_DATABASE=")) {
                environment.emplace_back(*variable);
            }
        }
        environment.push_back(database_environment(m_data_dir));
        std::vector<char*> envp;
        for (auto& variable : environment) envp.push_back(variable.data());
        envp.push_back(nullptr);

        const pid_t parent = ::getpid();
        const pid_t child = ::fork();
        if (child < 0) throw std::runtime_error("fork failed");
        if (child == 0) {
            // Only async-signal-safe calls from here on. The server dies with the test.
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (::getppid() != parent) ::_exit(126);
            if (m_open_files && ::setrlimit(RLIMIT_NOFILE, &*m_open_files) != 0) ::_exit(125);
            if (m_user && (::setgroups(0, nullptr) != 0 || ::setgid(m_user->second) != 0 ||
                           ::setuid(m_user->first) != 0)) {
                ::_exit(124);
            }
            ::dup2(pipe_fds[1], STDOUT_FILENO);
            ::dup2(pipe_fds[1], STDERR_FILENO);
            ::execve(argv[0], argv.data(), envp.data());
            ::_exit(127);
        }
        ::close(pipe_fds[1]);
        m_pid = child;
        m_reader = std::thread([this, fd = pipe_fds[0]] { read_output(fd); });

        std::unique_lock lock(m_mutex);
        const bool ready = m_changed.wait_for(
            lock, k_start_timeout, [this] { return m_output_closed || parse_port().has_value(); });
        const auto port = parse_port();
        if (!ready || !port) {
            const std::string log = m_log;
            lock.unlock();
            end(SIGKILL);
            throw std::runtime_error("redress did not start serving within " +
                                     std::to_string(k_start_timeout.count()) + " s; its log:\n" +
                                     log);
        }
        m_port = *port;
    }

    void read_output(int fd) {
        char buffer[4096];
        for (;;) {
            const ssize_t got = ::read(fd, buffer, sizeof buffer);
            if (got < 0 && errno == EINTR) continue;
            std::lock_guard lock(m_mutex);
            if (got <= 0) {
                m_output_closed = true;
                m_changed.notify_all();
                break;
            }
            m_log.append(buffer, static_cast<std::size_t>(got));
            m_changed.notify_all();
        }
        ::close(fd);
    }

    // The port of "serving on http://127.0.0.1:PORT/", once the line is complete.
    std::optional<unsigned short> parse_port() const {
        static constexpr std::string_view k_marker = "serving on http://";
        const auto at = m_log.find(k_marker);
        if (at == std::string::npos) return std::nullopt;
        const auto slash = m_log.find('/', at + k_marker.size());
        if (slash == std::string::npos) return std::nullopt;
        const std::string host = m_log.substr(at + k_marker.size(), slash - at - k_marker.size());
        const auto colon = host.rfind(':');
        if (colon == std::string::npos) return std::nullopt;
        try {
            const int port = std::stoi(host.substr(colon + 1));
            if (port <= 0 || port > 65535) return std::nullopt;
            return static_cast<unsigned short>(port);
        } catch (const std::exception&) {
            return std::nullopt;
        }
    }

    int end(int signal) {
        if (m_pid <= 0) return -1;
        ::kill(m_pid, signal);
        int status = 0;
        const auto deadline = std::chrono::steady_clock::now() + k_stop_timeout;
        pid_t done = 0;
        while ((done = ::waitpid(m_pid, &status, WNOHANG)) == 0 &&
               std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        if (done == 0) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, &status, 0);
        }
        m_pid = -1;
        if (m_reader.joinable()) m_reader.join();  // the pipe closes with the process
        if (WIFEXITED(status)) return WEXITSTATUS(status);
        if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
        return -1;
    }

    std::optional<TempFolder> m_temp;
    std::filesystem::path m_data_dir;
    std::vector<std::string> m_flags;
    std::optional<rlimit> m_open_files;
    std::optional<std::pair<uid_t, gid_t>> m_user;
    pid_t m_pid = -1;
    unsigned short m_port = 0;

    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::string m_log;
    bool m_output_closed = false;
    std::thread m_reader;
};

}  // namespace redress::testing
