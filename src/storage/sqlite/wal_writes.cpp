#include "storage/sqlite/wal_writes.hpp"

#include <sqlite3.h>

#include <cstddef>
#include <mutex>
#include <new>
#include <vector>

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

constexpr std::size_t k_real_offset = (sizeof(GatheredWal) + alignof(std::max_align_t) - 1) /
                                      alignof(std::max_align_t) * alignof(std::max_align_t);

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

sqlite3_vfs* default_vfs(sqlite3_vfs* vfs) {
    return static_cast<sqlite3_vfs*>(vfs->pAppData);
}

int open_file(sqlite3_vfs* vfs, sqlite3_filename name, sqlite3_file* file, int flags,
              int* out_flags) {
    sqlite3_vfs* underlying = default_vfs(vfs);
    // Any other file is the default VFS's alone, in the same bytes (ours are as large).
    if ((flags & SQLITE_OPEN_WAL) == 0) {
        return underlying->xOpen(underlying, name, file, flags, out_flags);
    }
    auto* wal = new (file) GatheredWal();
    wal->base.pMethods = nullptr;  // until the real file is open: no xClose on failure
    wal->real = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(file) + k_real_offset);
    wal->real->pMethods = nullptr;
    const int opened = underlying->xOpen(underlying, name, wal->real, flags, out_flags);
    if (opened != SQLITE_OK) {
        if (wal->real->pMethods != nullptr) wal->real->pMethods->xClose(wal->real);
        wal->~GatheredWal();
        file->pMethods = nullptr;
        return opened;
    }
    wal->base.pMethods = &k_wal_methods;
    return SQLITE_OK;
}

sqlite3_vfs make_vfs(sqlite3_vfs* underlying) {
    sqlite3_vfs vfs{};
    vfs.iVersion = 2;
    vfs.szOsFile = static_cast<int>(k_real_offset) + underlying->szOsFile;
    vfs.mxPathname = underlying->mxPathname;
    vfs.zName = k_vfs_name;
    vfs.pAppData = underlying;
    vfs.xOpen = open_file;
    vfs.xDelete = [](sqlite3_vfs* self, const char* name, int sync) {
        return default_vfs(self)->xDelete(default_vfs(self), name, sync);
    };
    vfs.xAccess = [](sqlite3_vfs* self, const char* name, int flags, int* out) {
        return default_vfs(self)->xAccess(default_vfs(self), name, flags, out);
    };
    vfs.xFullPathname = [](sqlite3_vfs* self, const char* name, int size, char* out) {
        return default_vfs(self)->xFullPathname(default_vfs(self), name, size, out);
    };
    vfs.xDlOpen = [](sqlite3_vfs* self, const char* name) {
        return default_vfs(self)->xDlOpen(default_vfs(self), name);
    };
    vfs.xDlError = [](sqlite3_vfs* self, int size, char* out) {
        default_vfs(self)->xDlError(default_vfs(self), size, out);
    };
    vfs.xDlSym = [](sqlite3_vfs* self, void* handle, const char* symbol) {
        return default_vfs(self)->xDlSym(default_vfs(self), handle, symbol);
    };
    vfs.xDlClose = [](sqlite3_vfs* self, void* handle) {
        default_vfs(self)->xDlClose(default_vfs(self), handle);
    };
    vfs.xRandomness = [](sqlite3_vfs* self, int size, char* out) {
        return default_vfs(self)->xRandomness(default_vfs(self), size, out);
    };
    vfs.xSleep = [](sqlite3_vfs* self, int microseconds) {
        return default_vfs(self)->xSleep(default_vfs(self), microseconds);
    };
    vfs.xCurrentTime = [](sqlite3_vfs* self, double* out) {
        return default_vfs(self)->xCurrentTime(default_vfs(self), out);
    };
    vfs.xGetLastError = [](sqlite3_vfs* self, int size, char* out) {
        return default_vfs(self)->xGetLastError(default_vfs(self), size, out);
    };
    vfs.xCurrentTimeInt64 = [](sqlite3_vfs* self, sqlite3_int64* out) {
        return default_vfs(self)->xCurrentTimeInt64(default_vfs(self), out);
    };
    return vfs;
}

}  // namespace

const char* wal_gathering_vfs() {
    static sqlite3_vfs vfs;
    static const char* name = nullptr;
    static std::once_flag registered;
    std::call_once(registered, [] {
        sqlite3_vfs* underlying = sqlite3_vfs_find(nullptr);
        // Version 2 is what this VFS forwards (xCurrentTimeInt64); every build has it.
        if (underlying == nullptr || underlying->iVersion < 2) return;
        vfs = make_vfs(underlying);
        if (sqlite3_vfs_register(&vfs, 0) == SQLITE_OK) name = k_vfs_name;
    });
    return name;
}

}  // namespace redress::storage::sqlite
