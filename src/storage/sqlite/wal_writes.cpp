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

// A -wal file: SQLite's view of it (`base`), the default VFS's file (`real`, in the bytes
// SQLite allocated after this object) and the appends not yet written.
struct GatheredWal {
    sqlite3_file base;
    sqlite3_file* real = nullptr;
    std::vector<unsigned char> pending;
    sqlite3_int64 pending_offset = 0;
};

constexpr std::size_t k_real_offset = wrapped_file_offset(sizeof(GatheredWal));

GatheredWal& gathered(sqlite3_file* file) {
    return *reinterpret_cast<GatheredWal*>(file);
}

sqlite3_file* real(sqlite3_file* file) {
    return gathered(file).real;
}

// Writes what was gathered, as one write at the offset of its first byte.
int write_pending(GatheredWal& wal) {
    if (wal.pending.empty()) return SQLITE_OK;
    const int result = wal.real->pMethods->xWrite(
        wal.real, wal.pending.data(), static_cast<int>(wal.pending.size()), wal.pending_offset);
    // Written or failed, it is no longer pending: SQLite fails the commit on an error, and
    // frames it never synced are ignored by its recovery.
    wal.pending.clear();
    return result;
}

int close_wal(sqlite3_file* file) {
    GatheredWal& wal = gathered(file);
    const int written = write_pending(wal);
    const int closed = wal.real->pMethods->xClose(wal.real);
    wal.~GatheredWal();
    return written != SQLITE_OK ? written : closed;
}

int read_wal(sqlite3_file* file, void* data, int amount, sqlite3_int64 offset) {
    if (const int written = write_pending(gathered(file)); written != SQLITE_OK) return written;
    return real(file)->pMethods->xRead(real(file), data, amount, offset);
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
    if (size > k_most_gathered) return wal.real->pMethods->xWrite(wal.real, data, amount, offset);
    if (wal.pending.empty()) wal.pending_offset = offset;
    const auto* bytes = static_cast<const unsigned char*>(data);
    try {
        wal.pending.insert(wal.pending.end(), bytes, bytes + size);
    } catch (const std::bad_alloc&) {
        if (const int written = write_pending(wal); written != SQLITE_OK) return written;
        return wal.real->pMethods->xWrite(wal.real, data, amount, offset);
    }
    return SQLITE_OK;
}

int truncate_wal(sqlite3_file* file, sqlite3_int64 size) {
    if (const int written = write_pending(gathered(file)); written != SQLITE_OK) return written;
    return real(file)->pMethods->xTruncate(real(file), size);
}

int sync_wal(sqlite3_file* file, int flags) {
    if (const int written = write_pending(gathered(file)); written != SQLITE_OK) return written;
    return real(file)->pMethods->xSync(real(file), flags);
}

int wal_size(sqlite3_file* file, sqlite3_int64* size) {
    if (const int written = write_pending(gathered(file)); written != SQLITE_OK) return written;
    return real(file)->pMethods->xFileSize(real(file), size);
}

// The rest is the default VFS's own, for the file it opened.
int lock_wal(sqlite3_file* file, int level) {
    return real(file)->pMethods->xLock(real(file), level);
}
int unlock_wal(sqlite3_file* file, int level) {
    return real(file)->pMethods->xUnlock(real(file), level);
}
int check_reserved_lock(sqlite3_file* file, int* out) {
    return real(file)->pMethods->xCheckReservedLock(real(file), out);
}
int control_wal(sqlite3_file* file, int operation, void* argument) {
    // Some look at or change the file's size (a size hint, the journal size limit).
    if (const int written = write_pending(gathered(file)); written != SQLITE_OK) return written;
    return real(file)->pMethods->xFileControl(real(file), operation, argument);
}
int sector_size(sqlite3_file* file) {
    return real(file)->pMethods->xSectorSize(real(file));
}
int device_characteristics(sqlite3_file* file) {
    return real(file)->pMethods->xDeviceCharacteristics(real(file));
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
    .xLock = lock_wal,
    .xUnlock = unlock_wal,
    .xCheckReservedLock = check_reserved_lock,
    .xFileControl = control_wal,
    .xSectorSize = sector_size,
    .xDeviceCharacteristics = device_characteristics,
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
    wal->base.pMethods = nullptr;  // until the real file is open: no xClose on failure
    const int opened =
        open_wrapped_file(vfs, name, file, k_real_offset, flags, out_flags, wal->real);
    if (opened != SQLITE_OK) {
        wal->~GatheredWal();
        file->pMethods = nullptr;
        return opened;
    }
    wal->base.pMethods = &k_wal_methods;
    return SQLITE_OK;
}

}  // namespace

const char* wal_gathering_vfs() {
    static sqlite3_vfs vfs;
    static const char* name = register_wrapping_vfs(vfs, k_vfs_name, k_real_offset, open_file);
    return name;
}

}  // namespace redress::storage::sqlite
