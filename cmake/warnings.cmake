function(redress_warnings target)
    target_compile_options(${target} PRIVATE
        -Wall -Wextra -Wpedantic -Wconversion -Wshadow -Wold-style-cast
        -Wnon-virtual-dtor -Woverloaded-virtual)
    if(REDRESS_WARNINGS_AS_ERRORS)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()

if(REDRESS_SANITIZE)
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()

# Coverage instrumentation for libFuzzer in every library; the fuzzers link the fuzzer itself.
if(REDRESS_FUZZ)
    add_compile_options(-fsanitize=fuzzer-no-link)
endif()
