# Install the headers and a CMake package so that find_package(strideload CONFIG) gives
# strideload::strideload, and a pkg-config file for other build systems.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(DIRECTORY include/strideload DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS strideload EXPORT strideloadTargets)
install(EXPORT strideloadTargets NAMESPACE strideload::
        DESTINATION ${CMAKE_INSTALL_DATADIR}/cmake/strideload)
configure_package_config_file(cmake/strideloadConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/strideloadConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_DATADIR}/cmake/strideload)
# Header-only: the version file must not pin the consumer's pointer size.
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/strideloadConfigVersion.cmake
  COMPATIBILITY SameMinorVersion ARCH_INDEPENDENT)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/strideloadConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/strideloadConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_DATADIR}/cmake/strideload)
configure_file(cmake/strideload.pc.in ${CMAKE_CURRENT_BINARY_DIR}/strideload.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/strideload.pc DESTINATION ${CMAKE_INSTALL_DATADIR}/pkgconfig)
