#pragma once
// An expected failure as a value: a code a caller can branch on, and a message for logs.
// Messages shown to users come from the message catalogue, never from here.

#include <expected>
#include <string>
#include <utility>

namespace redress::util {

enum class ErrorCode {
    invalid_input,  // the caller sent something malformed
    not_found,      // no such object (or the caller may not know whether it exists)
    conflict,       // the object exists in a state that forbids the operation
    forbidden,      // the caller may see the object but not do this to it
    unavailable,    // a dependency (disk, database) failed; retrying later may work
    internal,       // a bug or an impossible state
};

struct Error {
    ErrorCode code;
    std::string message;  // for logs; never contains complainant data
};

template <typename T>
using Expected = std::expected<T, Error>;

inline std::unexpected<Error> fail(ErrorCode code, std::string message) {
    return std::unexpected<Error>(Error{code, std::move(message)});
}

}  // namespace redress::util
