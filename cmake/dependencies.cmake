# Every dependency comes from Debian's packages (scripts/install-dependencies lists them).
find_package(Threads REQUIRED)
find_package(Boost 1.81.0 EXACT CONFIG REQUIRED COMPONENTS url json)
find_package(SQLite3 REQUIRED)
find_package(tomlplusplus REQUIRED)
find_package(fmt REQUIRED)
find_package(spdlog REQUIRED)
find_package(CLI11 CONFIG REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(GTest REQUIRED)
find_package(CURL REQUIRED)        # SMTP for mail to complainants (outbound/)
find_package(PostgreSQL REQUIRED)  # libpq: the PostgreSQL backend (storage/postgresql/)
find_package(PkgConfig REQUIRED)
pkg_check_modules(sodium REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(ctemplate REQUIRED IMPORTED_TARGET libctemplate)
pkg_check_modules(libcrypto REQUIRED IMPORTED_TARGET libcrypto)    # HMAC-SHA1 for TOTP
pkg_check_modules(qrencode REQUIRED IMPORTED_TARGET libqrencode)   # QR codes of TOTP secrets
pkg_check_modules(libmagic REQUIRED IMPORTED_TARGET libmagic)      # evidence types, by content
pkg_check_modules(exiv2 REQUIRED IMPORTED_TARGET exiv2)            # image metadata removed
# A memory allocator made for many threads allocating small objects: it takes a tenth
# off the CPU time of a filing (bench/README.md). Not with sanitizers, which bring their own.
if(NOT REDRESS_SANITIZE)
    pkg_check_modules(tcmalloc REQUIRED IMPORTED_TARGET libtcmalloc_minimal)
endif()
# Google's cctz reads the system's time zone database (libstdc++ 12 has no std::chrono::
# locate_zone). Debian ships neither a CMake nor a pkg-config file for it.
find_path(CCTZ_INCLUDE_DIR cctz/time_zone.h REQUIRED)
find_library(CCTZ_LIBRARY cctz REQUIRED)
add_library(cctz::cctz UNKNOWN IMPORTED)
set_target_properties(cctz::cctz PROPERTIES
    IMPORTED_LOCATION "${CCTZ_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${CCTZ_INCLUDE_DIR}")
