#pragma once
// Counts heap allocations, for the benchmarks' allocs_per_iter counter and the real-time tests.
// The program links allocation_counter.cpp, which replaces the global operator new (every
// overload) with one that counts and then allocates as usual.
#include <cstddef>

namespace strideload_bench {

/// Heap allocations made through operator new since the program started.
std::size_t allocations();

}  // namespace strideload_bench
