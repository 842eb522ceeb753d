#pragma once
/// @file version.hpp
/// strideload's version; CMakeLists.txt reads it from here, so it is stated once.

/// Major version: changes break the API.
#define STRIDELOAD_VERSION_MAJOR 0
/// Minor version: additions.
#define STRIDELOAD_VERSION_MINOR 1
/// Patch version: fixes.
#define STRIDELOAD_VERSION_PATCH 0

namespace strideload {
/// Version as "major.minor.patch".
constexpr const char* version = "0.1.0";
}  // namespace strideload
