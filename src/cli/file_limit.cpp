#include "cli/file_limit.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <limits>

namespace redress::cli {
namespace {

std::size_t as_count(rlim_t value) {
    if (value == RLIM_INFINITY) return std::numeric_limits<std::size_t>::max();
    return static_cast<std::size_t>(value);
}

}  // namespace

FileLimit raise_file_limit(std::size_t wanted) {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return {};
    FileLimit result{as_count(limit.rlim_cur), as_count(limit.rlim_cur)};
    if (result.before >= wanted) return result;
    const rlim_t target = limit.rlim_max == RLIM_INFINITY
                              ? static_cast<rlim_t>(wanted)
                              : std::min(limit.rlim_max, static_cast<rlim_t>(wanted));
    if (target <= limit.rlim_cur) return result;
    rlimit raised = limit;
    raised.rlim_cur = target;
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0) result.now = as_count(target);
    return result;
}

std::size_t connections_that_fit(std::size_t wanted, std::size_t limit, std::size_t reserved) {
    constexpr std::size_t k_fewest = 16;  // a server that can serve nobody helps nobody
    if (limit >= reserved + wanted) return wanted;
    return std::min(wanted, std::max(k_fewest, limit > reserved ? limit - reserved : 0));
}

}  // namespace redress::cli
