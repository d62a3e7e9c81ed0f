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

// A main database file: SQLite's view of it and the default VFS's (`file`), the shared
// mapping once mmap_size asked for one, and the file's size when last looked at.
struct MappedFile {
    WrappedFile file;
    std::string path;
    const FileMap* map = nullptr;
    sqlite3_int64 size = 0;  // pages wholly below it are served from `map`
};

constexpr std::size_t k_real_offset = wrapped_file_offset(sizeof(MappedFile));

MappedFile& mapped(sqlite3_file* file) {
    return *reinterpret_cast<MappedFile*>(file);
}

void look_at_size(MappedFile& f) {
    sqlite3_int64 size = 0;
    if (forward::file_size(&f.file.base, &size) == SQLITE_OK) f.size = size;
}

int fetch(sqlite3_file* file, sqlite3_int64 offset, int amount, void** page) {
    MappedFile& f = mapped(file);
    const sqlite3_int64 end = offset + amount;
    if (f.map != nullptr && offset >= 0 && end <= f.size &&
        static_cast<std::uint64_t>(end) <= f.map->length) {
        *page = const_cast<unsigned char*>(f.map->base) + offset;
        return SQLITE_OK;
    }
    return f.file.real->pMethods->xFetch(f.file.real, offset, amount, page);
}

int unfetch(sqlite3_file* file, sqlite3_int64 offset, void* page) {
    MappedFile& f = mapped(file);
    if (page == nullptr) {
        // SQLite lets go of every mapped page: the database changed, and may have grown.
        look_at_size(f);
        return f.file.real->pMethods->xUnfetch(f.file.real, offset, nullptr);
    }
    const auto* byte = static_cast<const unsigned char*>(page);
    if (f.map != nullptr && byte >= f.map->base && byte < f.map->base + f.map->length) {
        return SQLITE_OK;  // the shared mapping stays
    }
    return f.file.real->pMethods->xUnfetch(f.file.real, offset, page);
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
    return forward::control(file, operation, argument);
}

int close_file(sqlite3_file* file) {
    MappedFile& f = mapped(file);
    const int closed = f.file.real->pMethods->xClose(f.file.real);
    f.~MappedFile();
    return closed;
}

const sqlite3_io_methods k_methods = {
    .iVersion = 3,
    .xClose = close_file,
    // The rest is the default VFS's own, for the file it opened.
    .xRead = forward::read,
    .xWrite = forward::write,
    .xTruncate = forward::truncate,
    .xSync = forward::sync,
    .xFileSize = forward::file_size,
    .xLock = forward::lock,
    .xUnlock = forward::unlock,
    .xCheckReservedLock = forward::check_reserved_lock,
    .xFileControl = control,
    .xSectorSize = forward::sector_size,
    .xDeviceCharacteristics = forward::device_characteristics,
    .xShmMap = forward::shm_map,
    .xShmLock = forward::shm_lock,
    .xShmBarrier = forward::shm_barrier,
    .xShmUnmap = forward::shm_unmap,
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
    f->file.base.pMethods = nullptr;  // until the real file is open: no xClose on failure
    int opened = open_wrapped_file(vfs, name, file, k_real_offset, flags, out_flags, f->file.real);
    // Version 3 (shared memory, fetches) is what this file forwards; every build has it.
    if (opened == SQLITE_OK && f->file.real->pMethods->iVersion < 3) {
        f->file.real->pMethods->xClose(f->file.real);
        opened = SQLITE_CANTOPEN;
    }
    if (opened != SQLITE_OK) {
        f->~MappedFile();
        file->pMethods = nullptr;
        return opened;
    }
    f->file.base.pMethods = &k_methods;
    return SQLITE_OK;
}

}  // namespace

const char* mapped_reads_vfs() {
    static sqlite3_vfs vfs;
    static const char* name = register_wrapping_vfs(vfs, k_vfs_name, k_real_offset, open_file);
    return name;
}

}  // namespace redress::storage::sqlite
