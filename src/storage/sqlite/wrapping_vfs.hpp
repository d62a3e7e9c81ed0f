#pragma once
// A VFS that is SQLite's default one except in how it opens files, for the VFSes of this
// folder that wrap some of the default VFS's files (wal_writes.hpp, mapped_reads.hpp). A
// wrapped file is an object of the wrapping VFS's own at the start of the bytes SQLite
// allocates for a file, then the default VFS's file.

#include <sqlite3.h>

#include <cstddef>

namespace redress::storage::sqlite {

// The start of every wrapping object: SQLite's view of the file (`base`), and the default
// VFS's file (`real`, in the bytes SQLite allocated after the wrapping object).
struct WrappedFile {
    sqlite3_file base;
    sqlite3_file* real = nullptr;
};

// The default VFS's file of a wrapped one, whose wrapping object starts with a WrappedFile.
inline sqlite3_file* real_file(sqlite3_file* file) {
    return reinterpret_cast<WrappedFile*>(file)->real;
}

// The methods a wrapping VFS leaves as they are: each calls the default VFS's file.
namespace forward {
int read(sqlite3_file* file, void* data, int amount, sqlite3_int64 offset);
int write(sqlite3_file* file, const void* data, int amount, sqlite3_int64 offset);
int truncate(sqlite3_file* file, sqlite3_int64 size);
int sync(sqlite3_file* file, int flags);
int file_size(sqlite3_file* file, sqlite3_int64* size);
int lock(sqlite3_file* file, int level);
int unlock(sqlite3_file* file, int level);
int check_reserved_lock(sqlite3_file* file, int* out);
int control(sqlite3_file* file, int operation, void* argument);
int sector_size(sqlite3_file* file);
int device_characteristics(sqlite3_file* file);
int shm_map(sqlite3_file* file, int region, int size, int extend, void volatile** out);
int shm_lock(sqlite3_file* file, int offset, int count, int flags);
void shm_barrier(sqlite3_file* file);
int shm_unmap(sqlite3_file* file, int delete_flag);
}  // namespace forward

// Where the default VFS's file starts after a wrapping object of `size` bytes.
constexpr std::size_t wrapped_file_offset(std::size_t size) {
    return (size + alignof(std::max_align_t) - 1) / alignof(std::max_align_t) *
           alignof(std::max_align_t);
}

using OpenFile = int (*)(sqlite3_vfs* vfs, sqlite3_filename name, sqlite3_file* file, int flags,
                         int* out_flags);

// Registers `vfs` under `name`: the default VFS, with files of `wrapped_offset` more bytes
// opened by `open`. nullptr when it could not be registered. Call once per `vfs`.
const char* register_wrapping_vfs(sqlite3_vfs& vfs, const char* name, std::size_t wrapped_offset,
                                  OpenFile open);

// The default VFS that `vfs` wraps, for its `open` to open files with.
sqlite3_vfs* wrapped_vfs(sqlite3_vfs* vfs);

// Opens `name` with the default VFS into the bytes of `file` from `wrapped_offset` on, and
// sets `real` to that file; closes what it opened on failure. For `open`, after it has
// made its own object at the start of `file`.
int open_wrapped_file(sqlite3_vfs* vfs, sqlite3_filename name, sqlite3_file* file,
                      std::size_t wrapped_offset, int flags, int* out_flags, sqlite3_file*& real);

}  // namespace redress::storage::sqlite
