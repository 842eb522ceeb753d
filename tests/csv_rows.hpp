#pragma once
// The numeric rows of one of the CSV files in tests/data/, for the tests that compare the model
// with measured curves.

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace strideload_test {

/// Every row after the header line of tests/data/`name`, each cell as a number, in file order.
inline std::vector<std::vector<double>> csv_rows(const std::string& name) {
  std::ifstream in(std::string(STRIDELOAD_TEST_DATA) + "/" + name);
  REQUIRE(in.good());
  std::string line;
  std::getline(in, line);  // the header
  std::vector<std::vector<double>> rows;
  while (std::getline(in, line)) {
    std::stringstream cells(line);
    std::vector<double> row;
    for (std::string cell; std::getline(cells, cell, ',');) row.push_back(std::stod(cell));
    rows.push_back(row);
  }
  return rows;
}

}  // namespace strideload_test
