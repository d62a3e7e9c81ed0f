#pragma once
// A form as the browser posts it (application/x-www-form-urlencoded), for the console's
// form readers.

#include <gtest/gtest.h>

#include <string_view>

#include "http/form_data.hpp"

namespace redress::testing {

inline http::FormData form(std::string_view encoded) {
    auto parsed = http::FormData::parse(encoded);
    EXPECT_TRUE(parsed.has_value()) << encoded;
    return parsed ? *parsed : http::FormData{};
}

}  // namespace redress::testing
