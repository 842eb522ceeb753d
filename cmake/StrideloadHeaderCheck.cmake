# Every public header must compile on its own, in C++17 and in C++20 (issue 7): one generated
# translation unit per header and standard, built as an object library with our warnings as
# errors. Each unit includes its header twice, so a missing `#pragma once` fails too.
# The units also feed clang-tidy (.ci/clang-tidy) through compile_commands.json.
option(STRIDELOAD_HEADER_CHECK "Compile each public header alone in C++17 and C++20" OFF)

if(STRIDELOAD_HEADER_CHECK)
  file(GLOB_RECURSE _strideload_headers RELATIVE ${PROJECT_SOURCE_DIR}/include
       CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/include/strideload/*.hpp)
  list(SORT _strideload_headers)
  foreach(std 17 20)
    set(_sources)
    foreach(header ${_strideload_headers})
      string(MAKE_C_IDENTIFIER ${header} _name)
      set(_tu ${CMAKE_CURRENT_BINARY_DIR}/header_check/cxx${std}/${_name}.cpp)
      # file(CONFIGURE) rewrites only on change, so reconfiguring does not rebuild.
      file(CONFIGURE OUTPUT ${_tu} CONTENT "#include <${header}>\n#include <${header}>\n")
      list(APPEND _sources ${_tu})
    endforeach()
    add_library(strideload_header_check_cxx${std} OBJECT ${_sources})
    target_link_libraries(strideload_header_check_cxx${std} PRIVATE strideload::strideload)
    set_target_properties(strideload_header_check_cxx${std} PROPERTIES
      CXX_STANDARD ${std} CXX_STANDARD_REQUIRED ON CXX_EXTENSIONS OFF)
    strideload_set_warnings(strideload_header_check_cxx${std})
  endforeach()
  list(LENGTH _strideload_headers _count)
  message(STATUS "Header check: ${_count} headers, each alone in C++17 and C++20")
endif()
