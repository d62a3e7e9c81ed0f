#include "storage/sqlite/wrapping_vfs.hpp"

namespace redress::storage::sqlite {

namespace forward {

int read(sqlite3_file* file, void* data, int amount, sqlite3_int64 offset) {
    return real_file(file)->pMethods->xRead(real_file(file), data, amount, offset);
}
int write(sqlite3_file* file, const void* data, int amount, sqlite3_int64 offset) {
    return real_file(file)->pMethods->xWrite(real_file(file), data, amount, offset);
}
int truncate(sqlite3_file* file, sqlite3_int64 size) {
    return real_file(file)->pMethods->xTruncate(real_file(file), size);
}
int sync(sqlite3_file* file, int flags) {
    return real_file(file)->pMethods->xSync(real_file(file), flags);
}
int file_size(sqlite3_file* file, sqlite3_int64* size) {
    return real_file(file)->pMethods->xFileSize(real_file(file), size);
}
int lock(sqlite3_file* file, int level) {
    return real_file(file)->pMethods->xLock(real_file(file), level);
}
int unlock(sqlite3_file* file, int level) {
    return real_file(file)->pMethods->xUnlock(real_file(file), level);
}
int check_reserved_lock(sqlite3_file* file, int* out) {
    return real_file(file)->pMethods->xCheckReservedLock(real_file(file), out);
}
int control(sqlite3_file* file, int operation, void* argument) {
    return real_file(file)->pMethods->xFileControl(real_file(file), operation, argument);
}
int sector_size(sqlite3_file* file) {
    return real_file(file)->pMethods->xSectorSize(real_file(file));
}
int device_characteristics(sqlite3_file* file) {
    return real_file(file)->pMethods->xDeviceCharacteristics(real_file(file));
}
int shm_map(sqlite3_file* file, int region, int size, int extend, void volatile** out) {
    return real_file(file)->pMethods->xShmMap(real_file(file), region, size, extend, out);
}
int shm_lock(sqlite3_file* file, int offset, int count, int flags) {
    return real_file(file)->pMethods->xShmLock(real_file(file), offset, count, flags);
}
void shm_barrier(sqlite3_file* file) {
    real_file(file)->pMethods->xShmBarrier(real_file(file));
}
int shm_unmap(sqlite3_file* file, int delete_flag) {
    return real_file(file)->pMethods->xShmUnmap(real_file(file), delete_flag);
}

}  // namespace forward

sqlite3_vfs* wrapped_vfs(sqlite3_vfs* vfs) {
    return static_cast<sqlite3_vfs*>(vfs->pAppData);
}

int open_wrapped_file(sqlite3_vfs* vfs, sqlite3_filename name, sqlite3_file* file,
                      std::size_t wrapped_offset, int flags, int* out_flags, sqlite3_file*& real) {
    sqlite3_vfs* underlying = wrapped_vfs(vfs);
    auto* opened_file =
        reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(file) + wrapped_offset);
    opened_file->pMethods = nullptr;  // set by xOpen once there is something to close
    const int opened = underlying->xOpen(underlying, name, opened_file, flags, out_flags);
    if (opened != SQLITE_OK) {
        if (opened_file->pMethods != nullptr) opened_file->pMethods->xClose(opened_file);
        return opened;
    }
    real = opened_file;
    return SQLITE_OK;
}

const char* register_wrapping_vfs(sqlite3_vfs& vfs, const char* name, std::size_t wrapped_offset,
                                  OpenFile open) {
    sqlite3_vfs* underlying = sqlite3_vfs_find(nullptr);
    // Version 2 is what this VFS forwards (xCurrentTimeInt64); every build has it.
    if (underlying == nullptr || underlying->iVersion < 2) return nullptr;
    vfs = sqlite3_vfs{};
    vfs.iVersion = 2;
    vfs.szOsFile = static_cast<int>(wrapped_offset) + underlying->szOsFile;
    vfs.mxPathname = underlying->mxPathname;
    vfs.zName = name;
    vfs.pAppData = underlying;
    vfs.xOpen = open;
    vfs.xDelete = [](sqlite3_vfs* self, const char* path, int sync) {
        return wrapped_vfs(self)->xDelete(wrapped_vfs(self), path, sync);
    };
    vfs.xAccess = [](sqlite3_vfs* self, const char* path, int flags, int* out) {
        return wrapped_vfs(self)->xAccess(wrapped_vfs(self), path, flags, out);
    };
    vfs.xFullPathname = [](sqlite3_vfs* self, const char* path, int size, char* out) {
        return wrapped_vfs(self)->xFullPathname(wrapped_vfs(self), path, size, out);
    };
    vfs.xDlOpen = [](sqlite3_vfs* self, const char* path) {
        return wrapped_vfs(self)->xDlOpen(wrapped_vfs(self), path);
    };
    vfs.xDlError = [](sqlite3_vfs* self, int size, char* out) {
        wrapped_vfs(self)->xDlError(wrapped_vfs(self), size, out);
    };
    vfs.xDlSym = [](sqlite3_vfs* self, void* handle, const char* symbol) {
        return wrapped_vfs(self)->xDlSym(wrapped_vfs(self), handle, symbol);
    };
    vfs.xDlClose = [](sqlite3_vfs* self, void* handle) {
        wrapped_vfs(self)->xDlClose(wrapped_vfs(self), handle);
    };
    vfs.xRandomness = [](sqlite3_vfs* self, int size, char* out) {
        return wrapped_vfs(self)->xRandomness(wrapped_vfs(self), size, out);
    };
    vfs.xSleep = [](sqlite3_vfs* self, int microseconds) {
        return wrapped_vfs(self)->xSleep(wrapped_vfs(self), microseconds);
    };
    vfs.xCurrentTime = [](sqlite3_vfs* self, double* out) {
        return wrapped_vfs(self)->xCurrentTime(wrapped_vfs(self), out);
    };
    vfs.xGetLastError = [](sqlite3_vfs* self, int size, char* out) {
        return wrapped_vfs(self)->xGetLastError(wrapped_vfs(self), size, out);
    };
    vfs.xCurrentTimeInt64 = [](sqlite3_vfs* self, sqlite3_int64* out) {
        return wrapped_vfs(self)->xCurrentTimeInt64(wrapped_vfs(self), out);
    };
    return sqlite3_vfs_register(&vfs, 0) == SQLITE_OK ? name : nullptr;
}

}  // namespace redress::storage::sqlite
