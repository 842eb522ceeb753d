#pragma once
// Counting heap allocations: the benchmarks' `allocs_per_iter` counters and the real-time tests.
#include <cstddef>

namespace strideload_bench {

/// How many times the program has allocated from the heap so far: every call of a global operator
/// new or new[] (plain, nothrow, aligned, aligned nothrow), from any thread or library. The
/// replacements live in allocation_counter.cpp, which must be linked into the program once. Read
/// it before and after the timed loop; the difference divided by the iterations is the count per
/// iteration (Google Benchmark itself does not allocate inside `for (auto _ : state)`).
std::size_t allocations() noexcept;

}  // namespace strideload_bench
