#pragma once

// The database file mapped into memory whole for the reading connections, past the 2 GiB
// that SQLite maps itself.
//
// A reader of a mapped page uses it in place, out of the operating system's cache; a
// reader of an unmapped page copies it by a system call into its own page cache, which
// SQLite empties whenever another connection has written. Debian's SQLite maps at most
// 2 GiB of a file (SQLITE_MAX_MMAP_SIZE), and a database of a million complaints is
// several: most look-ups then paid a system call and a copy for most of the pages they
// touched, again after every write. This VFS, the default one with the main database
// file's page fetches (xFetch) served from one mapping of the file that every reading
// connection of the process shares, maps as much as `PRAGMA mmap_size` asks for (read
// from the request before SQLite caps it). A page past the file's size as last seen, or
// past the mapping, is fetched by the default VFS as before.
//
// The mapping and the descriptor it was made from are kept until the process ends:
// closing any descriptor of a file drops every POSIX lock the process holds on it, SQLite's
// own among them. Address space, not memory: nothing is read until it is used.
//
// Every other file (the -wal and -shm files, temporary files) is opened by the default VFS
// itself, untouched, and so is a main database file that no mmap_size asks to map.

namespace redress::storage::sqlite {

// The name to open a read-only connection with (sqlite3_open_v2's last argument), the VFS
// registered on first use; nullptr (SQLite's default VFS) if it could not be registered.
const char* mapped_reads_vfs();

}  // namespace redress::storage::sqlite
