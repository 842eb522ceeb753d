# `cmake --build build --target docs`: the API reference with Doxygen (Debian's doxygen
# package), README.md as the main page and the guides in docs/ as pages. Warnings are errors
# (docs/Doxyfile.in), so an undocumented public item fails the build.
find_package(Doxygen QUIET)
if(DOXYGEN_FOUND)
  set(STRIDELOAD_DOCS_OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/docs)
  configure_file(${PROJECT_SOURCE_DIR}/docs/Doxyfile.in ${CMAKE_CURRENT_BINARY_DIR}/Doxyfile @ONLY)
  add_custom_target(docs
    COMMAND Doxygen::doxygen ${CMAKE_CURRENT_BINARY_DIR}/Doxyfile
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    COMMENT "API reference in ${STRIDELOAD_DOCS_OUTPUT}/html/index.html"
    VERBATIM)
elseif(strideload_is_top_level)
  message(STATUS "Doxygen not found: no docs target (apt-get install doxygen)")
endif()
