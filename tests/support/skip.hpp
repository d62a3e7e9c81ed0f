#pragma once
// A test that cannot run here (a tool or a server missing) says so with REDRESS_SKIP(), and
// ctest reports it as skipped by the marker the message begins with (tests/CMakeLists.txt).
// GoogleTest also prints "[  SKIPPED ]" for every test of a suite whose SetUpTestSuite
// failed; matching that instead would report a broken set-up as skipped, never as failed.

#include <gtest/gtest.h>

#define REDRESS_SKIP() GTEST_SKIP() << "redress-skip: "
