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
    const std::size_t target = soft_limit_for(wanted, result.before, as_count(limit.rlim_max));
    if (target <= result.before) return result;
    rlimit raised = limit;
    raised.rlim_cur = static_cast<rlim_t>(target);
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0) result.now = target;
    return result;
}

std::size_t soft_limit_for(std::size_t wanted, std::size_t soft, std::size_t hard) {
    if (soft >= wanted) return soft;
    return std::max(soft, std::min(hard, wanted));
}

std::size_t connections_that_fit(std::size_t wanted, std::size_t limit, std::size_t reserved) {
    constexpr std::size_t k_fewest = 16;  // a server that can serve nobody helps nobody
    if (limit >= reserved + wanted) return wanted;
    return std::min(wanted, std::max(k_fewest, limit > reserved ? limit - reserved : 0));
}

}  // namespace redress::cli
