#pragma once
// The fuzz targets' assertion. Unlike assert it holds in every build type (NDEBUG included),
// and it aborts, which libFuzzer and the replay driver both report as a crash.

#include <cstdio>
#include <cstdlib>
#include <source_location>

namespace redress::fuzz {

inline void require(bool holds, const char* what,
                    std::source_location where = std::source_location::current()) {
    if (holds) return;
    std::fprintf(stderr, "%s:%u: property broken: %s\n", where.file_name(),
                 static_cast<unsigned>(where.line()), what);
    std::abort();
}

}  // namespace redress::fuzz
