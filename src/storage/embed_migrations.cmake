# cmake -DOUTPUT=<file.cpp> -DMIGRATIONS=<a.sql|b.sql|...> -DBACKEND=<sqlite|postgresql>
#       -P embed_migrations.cmake
# Writes a .cpp that defines redress::storage::<BACKEND>::embedded_migrations() (declared in
# storage/<BACKEND>/schema.hpp) from the listed NNNN_name.sql files, so the binary and the
# tests carry the schema and need no path at run time.
string(REPLACE "|" ";" migrations "${MIGRATIONS}")
set(delimiter "redress_sql")
set(entries "")
set(previous 0)
foreach(file IN LISTS migrations)
    get_filename_component(base "${file}" NAME)
    if(NOT base MATCHES "^([0-9]+)_([a-z0-9_]+)\\.sql$")
        message(FATAL_ERROR "${file}: a migration is named NNNN_name.sql")
    endif()
    set(name "${CMAKE_MATCH_2}")
    math(EXPR version "${CMAKE_MATCH_1}")
    if(NOT version GREATER previous)
        message(FATAL_ERROR "${file}: migrations must be listed in increasing order")
    endif()
    set(previous ${version})
    file(READ "${file}" sql)
    string(FIND "${sql}" ")${delimiter}\"" clash)
    if(NOT clash EQUAL -1)
        message(FATAL_ERROR "${file} contains the raw string delimiter )${delimiter}\"")
    endif()
    string(APPEND entries "    {${version}, \"${name}\", R\"${delimiter}(${sql})${delimiter}\"},\n")
endforeach()

file(WRITE "${OUTPUT}.tmp" "// Generated from migrations/${BACKEND} by embed_migrations.cmake; do not edit.
#include \"storage/${BACKEND}/schema.hpp\"

namespace redress::storage::${BACKEND} {

namespace {

constexpr sql::Migration k_migrations[] = {
${entries}};

}  // namespace

std::span<const sql::Migration> embedded_migrations() { return k_migrations; }

}  // namespace redress::storage::${BACKEND}
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
