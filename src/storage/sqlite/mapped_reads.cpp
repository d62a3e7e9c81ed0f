#include "storage/sqlite/mapped_reads.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <new>
#include <string>

#include "storage/sqlite/wrapping_vfs.hpp"

namespace redress::storage::sqlite {

namespace {

constexpr const char* k_vfs_name = "redress-mapped-reads";

// One mapping of a database file, shared by every reading connection of the process.
struct FileMap {
    const unsigned char* base = nullptr;  // nullptr: the file could not be mapped
    std::size_t length = 0;
};

// Maps `path` for `wanted` bytes, once per process: later calls get the first mapping,
// whatever they want. Never unmapped, and its descriptor never closed (mapped_reads.hpp).
const FileMap* map_file(const std::string& path, std::int64_t wanted) {
    static std::mutex mutex;
    static std::map<std::string, FileMap> maps;
    std::lock_guard lock(mutex);
    if (auto found = maps.find(path); found != maps.end()) {
        return found->second.base != nullptr ? &found->second : nullptr;
    }
    FileMap& map = maps[path];  // a failure is kept too: not tried again
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return nullptr;
    const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const auto length = (static_cast<std::size_t>(wanted) + page - 1) / page * page;
    void* base = ::mmap(nullptr, length, PROT_READ, MAP_SHARED | MAP_NORESERVE, fd, 0);
    if (base == MAP_FAILED) return nullptr;
    map.base = static_cast<const unsigned char*>(base);
    map.length = length;
    return &map;
}

// A main database file: SQLite's view of it (`base`), the default VFS's file (`real`, in
// the bytes SQLite allocated after this object), the shared mapping once mmap_size asked
// for one, and the file's size when last looked at.
struct MappedFile {
    sqlite3_file base;
    sqlite3_file* real = nullptr;
    std::string path;
    const FileMap* map = nullptr;
    sqlite3_int64 size = 0;  // pages wholly below it are served from `map`
};

constexpr std::size_t k_real_offset = wrapped_file_offset(sizeof(MappedFile));

MappedFile& mapped(sqlite3_file* file) {
    return *reinterpret_cast<MappedFile*>(file);
}

sqlite3_file* real(sqlite3_file* file) {
    return mapped(file).real;
}

void look_at_size(MappedFile& file) {
    sqlite3_int64 size = 0;
    if (file.real->pMethods->xFileSize(file.real, &size) == SQLITE_OK) file.size = size;
}

int fetch(sqlite3_file* file, sqlite3_int64 offset, int amount, void** page) {
    MappedFile& f = mapped(file);
    const sqlite3_int64 end = offset + amount;
    if (f.map != nullptr && offset >= 0 && end <= f.size &&
        static_cast<std::uint64_t>(end) <= f.map->length) {
        *page = const_cast<unsigned char*>(f.map->base) + offset;
        return SQLITE_OK;
    }
    return f.real->pMethods->xFetch(f.real, offset, amount, page);
}

int unfetch(sqlite3_file* file, sqlite3_int64 offset, void* page) {
    MappedFile& f = mapped(file);
    if (page == nullptr) {
        // SQLite lets go of every mapped page: the database changed, and may have grown.
        look_at_size(f);
        return f.real->pMethods->xUnfetch(f.real, offset, nullptr);
    }
    const auto* byte = static_cast<const unsigned char*>(page);
    if (f.map != nullptr && byte >= f.map->base && byte < f.map->base + f.map->length) {
        return SQLITE_OK;  // the shared mapping stays
    }
    return f.real->pMethods->xUnfetch(f.real, offset, page);
}

int control(sqlite3_file* file, int operation, void* argument) {
    MappedFile& f = mapped(file);
    if (operation == SQLITE_FCNTL_MMAP_SIZE) {
        // The size PRAGMA mmap_size asked for, before the default VFS caps it (-1: a query).
        const auto wanted = *static_cast<sqlite3_int64*>(argument);
        if (wanted == 0) f.map = nullptr;
        if (wanted > 0) {
            f.map = map_file(f.path, wanted);
            look_at_size(f);
        }
    }
    return f.real->pMethods->xFileControl(f.real, operation, argument);
}

int close_file(sqlite3_file* file) {
    MappedFile& f = mapped(file);
    const int closed = f.real->pMethods->xClose(f.real);
    f.~MappedFile();
    return closed;
}

// The rest is the default VFS's own, for the file it opened.
int read_file(sqlite3_file* file, void* data, int amount, sqlite3_int64 offset) {
    return real(file)->pMethods->xRead(real(file), data, amount, offset);
}
int write_file(sqlite3_file* file, const void* data, int amount, sqlite3_int64 offset) {
    return real(file)->pMethods->xWrite(real(file), data, amount, offset);
}
int truncate_file(sqlite3_file* file, sqlite3_int64 size) {
    return real(file)->pMethods->xTruncate(real(file), size);
}
int sync_file(sqlite3_file* file, int flags) {
    return real(file)->pMethods->xSync(real(file), flags);
}
int file_size(sqlite3_file* file, sqlite3_int64* size) {
    return real(file)->pMethods->xFileSize(real(file), size);
}
int lock_file(sqlite3_file* file, int level) {
    return real(file)->pMethods->xLock(real(file), level);
}
int unlock_file(sqlite3_file* file, int level) {
    return real(file)->pMethods->xUnlock(real(file), level);
}
int check_reserved_lock(sqlite3_file* file, int* out) {
    return real(file)->pMethods->xCheckReservedLock(real(file), out);
}
int sector_size(sqlite3_file* file) {
    return real(file)->pMethods->xSectorSize(real(file));
}
int device_characteristics(sqlite3_file* file) {
    return real(file)->pMethods->xDeviceCharacteristics(real(file));
}
int shm_map(sqlite3_file* file, int region, int size, int extend, void volatile** out) {
    return real(file)->pMethods->xShmMap(real(file), region, size, extend, out);
}
int shm_lock(sqlite3_file* file, int offset, int count, int flags) {
    return real(file)->pMethods->xShmLock(real(file), offset, count, flags);
}
void shm_barrier(sqlite3_file* file) {
    real(file)->pMethods->xShmBarrier(real(file));
}
int shm_unmap(sqlite3_file* file, int delete_flag) {
    return real(file)->pMethods->xShmUnmap(real(file), delete_flag);
}

const sqlite3_io_methods k_methods = {
    .iVersion = 3,
    .xClose = close_file,
    .xRead = read_file,
    .xWrite = write_file,
    .xTruncate = truncate_file,
    .xSync = sync_file,
    .xFileSize = file_size,
    .xLock = lock_file,
    .xUnlock = unlock_file,
    .xCheckReservedLock = check_reserved_lock,
    .xFileControl = control,
    .xSectorSize = sector_size,
    .xDeviceCharacteristics = device_characteristics,
    .xShmMap = shm_map,
    .xShmLock = shm_lock,
    .xShmBarrier = shm_barrier,
    .xShmUnmap = shm_unmap,
    .xFetch = fetch,
    .xUnfetch = unfetch,
};

int open_file(sqlite3_vfs* vfs, sqlite3_filename name, sqlite3_file* file, int flags,
              int* out_flags) {
    sqlite3_vfs* underlying = wrapped_vfs(vfs);
    // Any other file is the default VFS's alone, in the same bytes (ours are as large).
    if ((flags & SQLITE_OPEN_MAIN_DB) == 0 || name == nullptr) {
        return underlying->xOpen(underlying, name, file, flags, out_flags);
    }
    MappedFile* f = nullptr;
    try {
        f = new (file) MappedFile();
        f->path = name;
    } catch (const std::bad_alloc&) {
        if (f != nullptr) f->~MappedFile();
        file->pMethods = nullptr;
        return SQLITE_NOMEM;
    }
    f->base.pMethods = nullptr;  // until the real file is open: no xClose on failure
    int opened = open_wrapped_file(vfs, name, file, k_real_offset, flags, out_flags, f->real);
    // Version 3 (shared memory, fetches) is what this file forwards; every build has it.
    if (opened == SQLITE_OK && f->real->pMethods->iVersion < 3) {
        f->real->pMethods->xClose(f->real);
        opened = SQLITE_CANTOPEN;
    }
    if (opened != SQLITE_OK) {
        f->~MappedFile();
        file->pMethods = nullptr;
        return opened;
    }
    f->base.pMethods = &k_methods;
    return SQLITE_OK;
}

}  // namespace

const char* mapped_reads_vfs() {
    static sqlite3_vfs vfs;
    static const char* name = register_wrapping_vfs(vfs, k_vfs_name, k_real_offset, open_file);
    return name;
}

}  // namespace redress::storage::sqlite
