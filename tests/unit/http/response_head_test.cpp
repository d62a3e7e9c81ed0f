#include "http/response_head.hpp"

#include <gtest/gtest.h>

#include <string>

namespace redress::http {
namespace {

std::string head_of(const Response& response, unsigned version = 11, bool keep_alive = true) {
    std::string out = "left over from the previous response";
    EXPECT_TRUE(write_response_head(response, version, keep_alive, out));
    return out;
}

TEST(ResponseHead, StatusLineHeadersLengthAndBlankLine) {
    Response response = Response::text(404, "Not Found");
    EXPECT_EQ(head_of(response),
              "HTTP/1.1 404 Not Found\r\n"
              "Server: redress\r\n"
              "Content-Type: text/plain; charset=utf-8\r\n"
              "Content-Length: 9\r\n"
              "\r\n");
}

TEST(ResponseHead, ConnectionCloseWhenNotKeptAlive) {
    const std::string head = head_of(Response::text(200, "x"), 11, false);
    EXPECT_NE(head.find("\r\nConnection: close\r\n"), std::string::npos);
}

TEST(ResponseHead, Http10KeepAliveIsExplicit) {
    const std::string kept = head_of(Response::text(200, "x"), 10, true);
    EXPECT_TRUE(kept.starts_with("HTTP/1.0 200 OK\r\n"));
    EXPECT_NE(kept.find("Connection: keep-alive\r\n"), std::string::npos);
    const std::string closed = head_of(Response::text(200, "x"), 10, false);
    EXPECT_EQ(closed.find("Connection:"), std::string::npos);
}

TEST(ResponseHead, FramingHeadersFromHandlersAreDropped) {
    Response response = Response::text(200, "abc");
    response.headers.add("Content-Length", "999");
    response.headers.add("transfer-encoding", "chunked");
    response.headers.add("Connection", "keep-alive");
    const std::string head = head_of(response, 11, false);
    EXPECT_EQ(head.find("999"), std::string::npos);
    EXPECT_EQ(head.find("chunked"), std::string::npos);
    EXPECT_NE(head.find("Content-Length: 3\r\n"), std::string::npos);
    EXPECT_NE(head.find("Connection: close\r\n"), std::string::npos);
}

TEST(ResponseHead, NoContentHasNoLength) {
    Response response;
    response.status = 204;
    EXPECT_EQ(head_of(response).find("Content-Length"), std::string::npos);
    EXPECT_FALSE(status_allows_body(204));
    EXPECT_FALSE(status_allows_body(304));
    EXPECT_FALSE(status_allows_body(101));
    EXPECT_TRUE(status_allows_body(303));
}

TEST(ResponseHead, LineBreaksInValuesAreRefused) {
    for (const char* value : {"a\r\nSet-Cookie: x=1", "a\nb", "a\rb"}) {
        Response response = Response::redirect(value);
        std::string out;
        EXPECT_FALSE(write_response_head(response, 11, true, out)) << value;
    }
    Response with_nul;
    with_nul.headers.add("X-A", std::string("a\0b", 3));
    std::string out;
    EXPECT_FALSE(write_response_head(with_nul, 11, true, out));
}

TEST(ResponseHead, NamesMustBeTokens) {
    for (const char* name : {"", "Bad Name", "Bad:Name", "Bad\r\nName"}) {
        Response response;
        response.headers.add(name, "v");
        std::string out;
        EXPECT_FALSE(write_response_head(response, 11, true, out)) << name;
    }
}

TEST(ResponseHead, ReasonPhrases) {
    EXPECT_EQ(reason_phrase(303), "See Other");
    EXPECT_EQ(reason_phrase(431), "Request Header Fields Too Large");
    EXPECT_EQ(reason_phrase(299), "Unknown");
}

TEST(ResponseHead, OutOfRangeStatusBecomes500) {
    Response response;
    response.status = 42;
    EXPECT_TRUE(head_of(response).starts_with("HTTP/1.1 500 Internal Server Error\r\n"));
}

}  // namespace
}  // namespace redress::http
