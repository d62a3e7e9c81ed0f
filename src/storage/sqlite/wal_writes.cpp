#include "storage/sqlite/wal_writes.hpp"

#include <sqlite3.h>

#include <cstddef>
#include <new>
#include <vector>

#include "storage/sqlite/wrapping_vfs.hpp"

namespace redress::storage::sqlite {

namespace {

constexpr const char* k_vfs_name = "redress-wal-gathering";

// The most gathered into one write: the default VFS writes at most this much in one call
// (it masks a larger count to its low 17 bits), 31 frames of a 4 KiB page.
constexpr std::size_t k_most_gathered = 0x1ffff;

// A -wal file: SQLite's view of it and the default VFS's (`file`), and the appends not yet
// written.
struct GatheredWal {
    WrappedFile file;
    std::vector<unsigned char> pending;
    sqlite3_int64 pending_offset = 0;
};

constexpr std::size_t k_real_offset = wrapped_file_offset(sizeof(GatheredWal));

GatheredWal& gathered(sqlite3_file* file) {
    return *reinterpret_cast<GatheredWal*>(file);
}

// Writes what was gathered, as one write at the offset of its first byte.
int write_pending(GatheredWal& wal) {
    if (wal.pending.empty()) return SQLITE_OK;
    const int result =
        wal.file.real->pMethods->xWrite(wal.file.real, wal.pending.data(),
                                        static_cast<int>(wal.pending.size()), wal.pending_offset);
    // Written or failed, it is no longer pending: SQLite fails the commit on an error, and
    // frames it never synced are ignored by its recovery.
    wal.pending.clear();
    return result;
}

int close_wal(sqlite3_file* file) {
    GatheredWal& wal = gathered(file);
    const int written = write_pending(wal);
    const int closed = wal.file.real->pMethods->xClose(wal.file.real);
    wal.~GatheredWal();
    return written != SQLITE_OK ? written : closed;
}

int read_wal(sqlite3_file* file, void* data, int amount, sqlite3_int64 offset) {
    if (const int written = write_pending(gathered(file)); written != SQLITE_OK) return written;
    return real_file(file)->pMethods->xRead(real_file(file), data, amount, offset);
}

int write_wal(sqlite3_file* file, const void* data, int amount, sqlite3_int64 offset) {
    GatheredWal& wal = gathered(file);
    const bool follows =
        offset == wal.pending_offset + static_cast<sqlite3_int64>(wal.pending.size());
    const auto size = static_cast<std::size_t>(amount);
    if (!wal.pending.empty() && (!follows || wal.pending.size() + size > k_most_gathered)) {
        // A frame rewritten in place (or a new header), or no room: what came before is
        // written first, so that the file sees the writes in SQLite's order.
        if (const int written = write_pending(wal); written != SQLITE_OK) return written;
    }
    if (size > k_most_gathered)
        return wal.file.real->pMethods->xWrite(wal.file.real, data, amount, offset);
    if (wal.pending.empty()) wal.pending_offset = offset;
    const auto* bytes = static_cast<const unsigned char*>(data);
    try {
        wal.pending.insert(wal.pending.end(), bytes, bytes + size);
    } catch (const std::bad_alloc&) {
        if (const int written = write_pending(wal); written != SQLITE_OK) return written;
        return wal.file.real->pMethods->xWrite(wal.file.real, data, amount, offset);
    }
    return SQLITE_OK;
}

int truncate_wal(sqlite3_file* file, sqlite3_int64 size) {
    if (const int written = write_pending(gathered(file)); written != SQLITE_OK) return written;
    return real_file(file)->pMethods->xTruncate(real_file(file), size);
}

int sync_wal(sqlite3_file* file, int flags) {
    if (const int written = write_pending(gathered(file)); written != SQLITE_OK) return written;
    return real_file(file)->pMethods->xSync(real_file(file), flags);
}

int wal_size(sqlite3_file* file, sqlite3_int64* size) {
    if (const int written = write_pending(gathered(file)); written != SQLITE_OK) return written;
    return real_file(file)->pMethods->xFileSize(real_file(file), size);
}

int control_wal(sqlite3_file* file, int operation, void* argument) {
    // Some look at or change the file's size (a size hint, the journal size limit).
    if (const int written = write_pending(gathered(file)); written != SQLITE_OK) return written;
    return forward::control(file, operation, argument);
}

// Version 1: a -wal file has no shared memory and is never mapped.
const sqlite3_io_methods k_wal_methods = {
    .iVersion = 1,
    .xClose = close_wal,
    .xRead = read_wal,
    .xWrite = write_wal,
    .xTruncate = truncate_wal,
    .xSync = sync_wal,
    .xFileSize = wal_size,
    .xLock = forward::lock,
    .xUnlock = forward::unlock,
    .xCheckReservedLock = forward::check_reserved_lock,
    .xFileControl = control_wal,
    .xSectorSize = forward::sector_size,
    .xDeviceCharacteristics = forward::device_characteristics,
    .xShmMap = nullptr,
    .xShmLock = nullptr,
    .xShmBarrier = nullptr,
    .xShmUnmap = nullptr,
    .xFetch = nullptr,
    .xUnfetch = nullptr,
};

int open_file(sqlite3_vfs* vfs, sqlite3_filename name, sqlite3_file* file, int flags,
              int* out_flags) {
    sqlite3_vfs* underlying = wrapped_vfs(vfs);
    // Any other file is the default VFS's alone, in the same bytes (ours are as large).
    if ((flags & SQLITE_OPEN_WAL) == 0) {
        return underlying->xOpen(underlying, name, file, flags, out_flags);
    }
    auto* wal = new (file) GatheredWal();
    wal->file.base.pMethods = nullptr;  // until the real file is open: no xClose on failure
    const int opened =
        open_wrapped_file(vfs, name, file, k_real_offset, flags, out_flags, wal->file.real);
    if (opened != SQLITE_OK) {
        wal->~GatheredWal();
        file->pMethods = nullptr;
        return opened;
    }
    wal->file.base.pMethods = &k_wal_methods;
    return SQLITE_OK;
}

}  // namespace

const char* wal_gathering_vfs() {
    static sqlite3_vfs vfs;
    static const char* name = register_wrapping_vfs(vfs, k_vfs_name, k_real_offset, open_file);
    return name;
}

}  // namespace redress::storage::sqlite
