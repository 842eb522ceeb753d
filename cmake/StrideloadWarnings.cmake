# Warnings for strideload's own targets (tests, examples, benchmarks): on, and errors.
# Consumers of the INTERFACE target are not affected.
function(strideload_set_warnings target)
  strideload_set_sanitizers(${target})
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                             -Wno-sign-conversion -Werror)
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
      # GCC reports copies of a disengaged std::optional<boost::units::quantity> as "maybe
      # uninitialized": a known false positive (GCC bug 80635).
      target_compile_options(${target} PRIVATE -Wno-maybe-uninitialized)
    endif()
  elseif(MSVC)
    target_compile_options(${target} PRIVATE /W4 /WX)
  endif()
endfunction()

# With STRIDELOAD_SANITIZERS=ON, our own targets run under ASan and UBSan, with no recovery:
# any finding fails the test. With STRIDELOAD_TSAN=ON, under ThreadSanitizer (a data race is
# reported; TSAN_OPTIONS=halt_on_error=1 makes it fail the run, as .ci/run sets).
function(strideload_set_sanitizers target)
  if(STRIDELOAD_SANITIZERS)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-sanitize-recover=all
                                             -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined -fno-sanitize-recover=all)
  elseif(STRIDELOAD_TSAN)
    target_compile_options(${target} PRIVATE -fsanitize=thread -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=thread)
  endif()
endfunction()
