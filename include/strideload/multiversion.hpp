#pragma once
/// @file multiversion.hpp
/// Functions over whole blocks of samples compiled twice, for the baseline x86-64 and for AVX2,
/// the better one picked when the program starts.
///
/// Why: the library's flags target every x86-64 (two doubles per instruction), while most
/// processors that run it have AVX2 (four). Without FMA the two versions round alike, so results
/// are bitwise the same on every processor.

/// Marks a function over whole blocks of samples. With GCC on x86-64 ELF systems (Linux) and no
/// AVX2 in the build's own flags, the function is also compiled for AVX2, and the program's loader
/// picks that version where the processor has AVX2 (GCC's target_clones). Elsewhere it does
/// nothing, and under AddressSanitizer and ThreadSanitizer too: the loader runs the choice before
/// the sanitizer has started, which crashes ThreadSanitizer.
#if defined(__x86_64__) && defined(__ELF__) && defined(__GNUC__) && !defined(__clang__) && \
    !defined(__AVX2__) && !defined(__SANITIZE_THREAD__) && !defined(__SANITIZE_ADDRESS__)
#define STRIDELOAD_BLOCK_KERNEL __attribute__((target_clones("avx2", "default")))
#else
#define STRIDELOAD_BLOCK_KERNEL
#endif
