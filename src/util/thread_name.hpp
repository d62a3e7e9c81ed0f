#pragma once

#include <string_view>

namespace redress::util {

// Names the calling thread "redress-" and its role, as `top -H`, `ps -L`, perf and
// /proc/PID/task/*/comm show it, so that an operator (or bench/run) can tell the storage
// writer from the connections' threads. Linux keeps 15 bytes of a name; the rest is cut,
// and spaces become hyphens.
void name_this_thread(std::string_view role);

}  // namespace redress::util
