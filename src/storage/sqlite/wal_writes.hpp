#pragma once

// The writer's write-ahead log, written in one system call per commit instead of two per
// page.
//
// SQLite writes each frame of a commit to the -wal file as two writes (its 24-byte header,
// then the page), and a group commit of a few dozen filings is a hundred frames or more:
// hundreds of system calls, a quarter of the writer thread's time. This VFS, the default
// one with the -wal file's writes gathered in memory, hands SQLite's appends to the kernel
// together, in one write, before anything that must see them: the sync that makes a commit
// durable, any read of the file, its size, a truncation, closing it. Durability is
// unchanged: a commit is acknowledged only after SQLite's sync of the -wal file returns,
// and the gathered frames are written before that sync starts; a crash before it loses
// only frames that no one was told about, which SQLite's recovery ignores (their checksums
// do not chain). Readers in other connections see a frame only after the commit's sync,
// since SQLite publishes new frames in the shared index after syncing them (synchronous =
// FULL, which storage/sqlite/durability.hpp requires).
//
// Every other file (the database, its shared-memory index, temporary files) is opened by
// the default VFS itself, untouched.

namespace redress::storage::sqlite {

// The name to open a read-write connection with (sqlite3_open_v2's last argument), the VFS
// registered on first use; nullptr (SQLite's default VFS) if it could not be registered.
const char* wal_gathering_vfs();

}  // namespace redress::storage::sqlite
