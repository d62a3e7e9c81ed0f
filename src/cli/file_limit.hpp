#pragma once
// Every connection holds a file descriptor, and the usual soft limit (1024) is far below a
// few thousand connections: at start-up the soft limit is raised toward the hard one, and
// the connection cap is lowered to what fits if that is not enough.

#include <cstddef>

namespace redress::cli {

struct FileLimit {
    std::size_t before = 0;  // soft limit found
    std::size_t now = 0;     // soft limit after raising it
};

// Raises the soft RLIMIT_NOFILE to `wanted`, or as far as the hard limit allows.
FileLimit raise_file_limit(std::size_t wanted);

// The soft limit raise_file_limit asks for, given the limits found (SIZE_MAX: unlimited):
// `wanted` or as much of it as `hard` allows, and never less than `soft`.
std::size_t soft_limit_for(std::size_t wanted, std::size_t soft, std::size_t hard);

// The connection cap that fits in `limit` descriptors with `reserved` kept for everything
// else (database files, the listening socket, the event loop's own).
std::size_t connections_that_fit(std::size_t wanted, std::size_t limit, std::size_t reserved);

}  // namespace redress::cli
