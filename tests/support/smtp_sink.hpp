#pragma once
// Postfix's smtp-sink on loopback, writing each message it takes to a file: the SMTP server
// the outbound mail of a test's `redress serve` goes to.

#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "support/loopback_port.hpp"

namespace redress::testing {

inline constexpr const char* k_smtp_sink = "/usr/sbin/smtp-sink";

// smtp-sink on 127.0.0.1:`port`, writing each message to a file in `folder`. As root it
// must drop to another user (-u nobody), who must then be able to write there.
class SmtpSink {
  public:
    // `folder` is ignored when running as root: the user smtp-sink drops to could not reach
    // a test's own (0700) folder, so the messages go to a folder of their own under /tmp.
    SmtpSink(std::filesystem::path folder, unsigned short port) : m_folder(std::move(folder)) {
        if (::geteuid() == 0) {
            std::string name = (std::filesystem::temp_directory_path() / "redress-sink-XXXXXX");
            if (::mkdtemp(name.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
            m_folder = name;
            m_own_folder = true;
        }
        std::filesystem::create_directories(m_folder);
        ::chmod(m_folder.c_str(), 0777);
        std::vector<std::string> args{k_smtp_sink};
        if (::geteuid() == 0) args.insert(args.end(), {"-u", "nobody"});
        args.insert(args.end(), {"-d", (m_folder / "%Y%m%d%H%M%S.").string(),
                                 "127.0.0.1:" + std::to_string(port), "16"});
        std::vector<char*> argv;
        for (auto& arg : args) argv.push_back(arg.data());
        argv.push_back(nullptr);
        m_pid = ::fork();
        if (m_pid == 0) {
            ::execv(argv[0], argv.data());
            ::_exit(127);
        }
        // Ready once it takes connections.
        if (!wait_listening(port, std::chrono::seconds(10))) {
            throw std::runtime_error("smtp-sink did not start");
        }
    }
    ~SmtpSink() {
        if (m_pid > 0) {
            ::kill(m_pid, SIGTERM);
            ::waitpid(m_pid, nullptr, 0);
        }
        std::error_code ignored;
        if (m_own_folder) std::filesystem::remove_all(m_folder, ignored);
    }
    SmtpSink(const SmtpSink&) = delete;
    SmtpSink& operator=(const SmtpSink&) = delete;

    // Every message taken so far, whole.
    std::vector<std::string> messages() const {
        std::vector<std::string> all;
        for (const auto& entry : std::filesystem::directory_iterator(m_folder)) {
            std::ifstream in(entry.path());
            std::stringstream text;
            text << in.rdbuf();
            all.push_back(text.str());
        }
        return all;
    }

    // The first message holding `part`, waiting for it up to `timeout`; none after that.
    std::optional<std::string> wait_for(
        std::string_view part, std::chrono::seconds timeout = std::chrono::seconds(30)) const {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (std::chrono::steady_clock::now() < deadline) {
            for (const auto& message : messages()) {
                if (message.find(part) != std::string::npos) return message;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return std::nullopt;
    }

  private:
    std::filesystem::path m_folder;
    bool m_own_folder = false;
    pid_t m_pid = -1;
};

}  // namespace redress::testing
