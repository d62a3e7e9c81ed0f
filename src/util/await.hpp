#pragma once
// Waits for an asynchronous call's answer, for code that may block (commands, start-up,
// a thread of its own). Never use it on an I/O thread.

#include <functional>
#include <future>
#include <memory>

#include "util/error.hpp"

namespace redress::util {

// `call` starts the work and hands it a completion; the answer given to that completion
// is returned.
template <typename T>
Expected<T> await(std::move_only_function<void(std::move_only_function<void(Expected<T>)>)> call) {
    auto promise = std::make_shared<std::promise<Expected<T>>>();
    auto future = promise->get_future();
    call([promise](Expected<T> result) { promise->set_value(std::move(result)); });
    return future.get();
}

}  // namespace redress::util
