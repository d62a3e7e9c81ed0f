#include "util/thread_name.hpp"

#include <pthread.h>

#include <algorithm>
#include <string>

namespace redress::util {

void name_this_thread(std::string_view role) {
    constexpr std::size_t k_kept = 15;  // Linux's TASK_COMM_LEN, less the terminating NUL
    std::string name = "redress-";
    name.append(role);
    if (name.size() > k_kept) name.resize(k_kept);
    std::replace(name.begin(), name.end(), ' ', '-');  // one word in ps and top
    // A name is a help, never a need: a failure changes nothing.
    (void)pthread_setname_np(pthread_self(), name.c_str());
}

}  // namespace redress::util
