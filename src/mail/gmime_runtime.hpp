#pragma once
// GMime (and libxml2, whose HTML parser reads HTML bodies) set up once per process, and an
// owning handle for GObjects, so that every object made while reading a message is released
// on every path.
//
// Thread safety: g_mime_init() itself is not thread-safe, so ensure_mail_libraries() runs it
// once under std::call_once; it is never undone (g_mime_shutdown would break other threads).
// After that GMime may be used from several threads at once as long as each thread works on
// its own objects (parser, stream, message): GMime's shared state (the charset and iconv
// caches) is locked inside GMime, its objects are not. read_message makes all of its objects
// itself and shares none, so it may run on any number of threads. libxml2 likewise needs
// xmlInitParser() once before concurrent use, then one document per thread.

#include <glib-object.h>

#include <memory>

namespace redress::mail {

void ensure_mail_libraries();

struct GObjectRelease {
    void operator()(void* object) const {
        if (object != nullptr) g_object_unref(object);
    }
};

template <typename T>
using GObjectHandle = std::unique_ptr<T, GObjectRelease>;

}  // namespace redress::mail
