#pragma once
// The copy of a complaint's timeline that its state row carries, so that a status look-up
// reads the state row alone and not the status events' index as well (a step down another
// B-tree per look-up). The status events stay the record. The filing writer writes the
// first event, 'received', with the state row; a trigger appends each later one in the
// transaction that writes it, whoever writes it (the migrations that added the copy:
// sqlite 0024, postgresql 0007); nothing else changes it. Each event is written as "<at> <status>
// <bytes>:<note>", one after another, oldest first: seconds since the epoch, the status's name, and
// the note's length in bytes then the note as written, so that any note, with spaces, colons or
// line breaks, reads back whole. The triggers and the migrations write this form in SQL, too.

#include <string>
#include <string_view>
#include <vector>

#include "domain/complaint_status.hpp"
#include "util/error.hpp"

namespace redress::storage::sql {

// One event as the copy holds it, to append to the state row's timeline.
std::string timeline_entry(domain::Timestamp at, domain::Status status, std::string_view note);

// The events of a state row's timeline, ordered by time (events of the same second in the
// order they were written, as the events' table orders them by id). Fails (internal) on
// text this form cannot read: a database written by something else.
util::Expected<std::vector<domain::TimelineEvent>> read_state_timeline(std::string_view text);

}  // namespace redress::storage::sql
