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
    # Executables linked at a fixed address: the dynamic loader's relocation of a sanitized
    # position-independent executable took a third of each start (about 0.3 s), paid by each
    # of the thousands of redress processes the tests start.
    add_link_options(-fsanitize=address,undefined -no-pie)
endif()

# Coverage instrumentation for libFuzzer in every library; the fuzzers link the fuzzer itself.
if(REDRESS_FUZZ)
    add_compile_options(-fsanitize=fuzzer-no-link)
endif()
