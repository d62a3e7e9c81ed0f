#pragma once
// Slows the guessing of passwords and second-factor codes without ever locking anyone out:
// each failed sign-in step counts against the account's user name and against the client's
// address (util/failure_delays.hpp). Someone hammering a colleague's user name can make
// them wait seconds, never keep them out. Its settings are `staff.sign_in_*`, which start
// higher than a status look-up's: a person signing in fails rarely, and a password guess is
// worth more.

#include "util/failure_delays.hpp"

namespace redress::staff {

using SignInThrottleSettings = util::DelaySettings;
using SignInThrottle = util::FailureDelays;

}  // namespace redress::staff
