// The smallest program an adopter would write: analyse the default runner, print one metric.
// Built three ways by .ci/consumer-check (find_package, add_subdirectory, pkg-config).
#include <strideload/strideload.hpp>

#include <cstdio>

int main() {
  const strideload::Analysis a = strideload::analyze(strideload::Runner{}, strideload::Form{});
  std::printf("strideload %s: peak L5/S1 compression %.3f BW\n", strideload::version,
              a.lumbar.peak_compression_bw);
  return a.lumbar.peak_compression_bw > 0.0 ? 0 : 1;
}
