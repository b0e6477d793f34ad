# The Debian packages, made by CPack from the two install components
# (packaging/CMakeLists.txt): `assay`, the reviewer's workstation, and
# `assay-marketplace`, the reference server. `./dev package` runs cpack in
# the build root and leaves both in BUILD/packages/. Included last from the
# top CMakeLists.txt: CPack reads the install rules of the whole tree.
include(GNUInstallDirs)

# Debian policy: /usr/share/doc/PACKAGE/copyright (DEP-5) and changelog.gz in
# each package. Installed by the components themselves, so an installation
# from `cmake --install` carries its licence too.
set(assay_changelog_gz ${CMAKE_CURRENT_BINARY_DIR}/packaging/changelog.gz)
add_custom_command(OUTPUT ${assay_changelog_gz}
    COMMAND ${CMAKE_COMMAND} -DINPUT=${PROJECT_SOURCE_DIR}/CHANGELOG.md -DOUTPUT=${assay_changelog_gz}
            -P ${PROJECT_SOURCE_DIR}/packaging/gzip-file.cmake
    DEPENDS ${PROJECT_SOURCE_DIR}/CHANGELOG.md ${PROJECT_SOURCE_DIR}/packaging/gzip-file.cmake
    COMMENT "Compressing CHANGELOG.md for the packages' changelog.gz"
    VERBATIM)
add_custom_target(assay_package_docs DEPENDS ${assay_changelog_gz})
add_dependencies(assay-marketplace assay_package_docs)

set(assay_components marketplace)
if(TARGET assay)
    list(PREPEND assay_components assay)
endif()
foreach(component IN LISTS assay_components)
    if(component STREQUAL "assay")
        set(package assay)
    else()
        set(package assay-marketplace)
    endif()
    install(FILES ${PROJECT_SOURCE_DIR}/packaging/copyright ${assay_changelog_gz}
            DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/${package} COMPONENT ${component})
endforeach()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME assay)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "The Assay developers")
set(CPACK_PACKAGE_CONTACT "The Assay developers <assay@users.noreply.github.com>")
set(CPACK_PACKAGE_HOMEPAGE_URL ${ASSAY_DOCS_URL})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR}/packages)
# The programs without their debug info: the dev preset builds with -g1.
set(CPACK_STRIP_FILES ON)
# The tests register no install rules, but only these two are packages.
set(CPACK_COMPONENTS_ALL ${assay_components})
set(CPACK_DEB_COMPONENT_INSTALL ON)
# `./dev package` builds just the programs and their data (assay_install_data,
# assay_package_docs) before cpack; without this, cpack would build the
# whole tree with its tests first.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${CPACK_PACKAGE_CONTACT})
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The libraries each program links, with their versions, from dpkg-shlibdeps.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# What cpack itself reads besides the CPACK_* variables (which alone reach
# it from here), in a file it includes:
#  - no package summary: CPackDeb would put project(DESCRIPTION) above each
#    package's own description below, whose first line is its summary;
#  - (CPackDeb asks file(1) which installed files are programs to hand to
#    dpkg-shlibdeps: the build root has it.)
set(cpack_project_config "unset(CPACK_PACKAGE_DESCRIPTION_SUMMARY)\n")
find_program(ASSAY_FILE_PROGRAM file)
if(NOT ASSAY_FILE_PROGRAM)
    message(STATUS "file(1) not found: cpack cannot compute the packages' dependencies (Debian: file)")
endif()
set(CPACK_PROJECT_CONFIG_FILE ${PROJECT_BINARY_DIR}/packaging/CPackProject.cmake)
file(CONFIGURE OUTPUT ${CPACK_PROJECT_CONFIG_FILE} CONTENT "${cpack_project_config}")

set(CPACK_DEBIAN_ASSAY_PACKAGE_NAME assay)
set(CPACK_DEBIAN_ASSAY_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_ASSAY_DESCRIPTION "Security review workstation for app marketplaces
Assay is the workstation of the reviewers of an app marketplace's Security
Program: partners answer a security questionnaire and attach evidence;
reviewers read every answer against the rubric, then grant a Security Badge
or reject it with reasons.

It keeps a local, verified copy of the submissions that works offline, shows
HTML, PDF, image, source and log evidence as hostile content and scans it for
secrets, and records verdicts in two stages, review and security.

The reference marketplace server, for `assay --demo`, is in the package
assay-marketplace.")
# What assay loads at run time that dpkg-shlibdeps cannot see, as it reads
# only the programs' DT_NEEDED libraries, not Qt's plugins or helpers:
#   libqt6sql6-sqlite         the QSQLITE driver plugin: the profile's cache
#                             is opened through it (models/CacheConnection);
#   libqt6webenginecore6-bin  QtWebEngineProcess, the Chromium process that
#                             renders HTML and SVG evidence (libqt6webenginecore6
#                             pulls in its resources, libqt6webengine6-data,
#                             but not this helper; Debian's symbols file for
#                             the library names it today, which is luck, not
#                             a promise);
#   qt6-image-formats-plugins the WebP image plugin: image/webp evidence
#                             (PNG and BMP are built into QtGui; the JPEG and
#                             GIF plugins and the xcb and offscreen platforms
#                             come with libqt6gui6, a library dependency).
# The clean-root install test (tests/packaging/installed.sh) installs with
# --no-install-recommends and exercises the first two (without either, a
# step fails); WebP evidence it does not view.
# SVG evidence is drawn by Chromium and the icon by QSvgRenderer (linked), so
# no Qt SVG plugin is needed; libqt6gui6 recommends qt6-svg-plugins and
# qt6-wayland for the desktop, and libqt6keychain1 a Secret Service.
set(CPACK_DEBIAN_ASSAY_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6webenginecore6-bin, qt6-image-formats-plugins")
# HTTPS to a marketplace checks its certificate against the system's CAs.
set(CPACK_DEBIAN_ASSAY_PACKAGE_RECOMMENDS "ca-certificates")
set(CPACK_DEBIAN_ASSAY_PACKAGE_SUGGESTS "assay-marketplace")

set(CPACK_DEBIAN_MARKETPLACE_PACKAGE_NAME assay-marketplace)
set(CPACK_DEBIAN_MARKETPLACE_PACKAGE_SECTION net)
set(CPACK_DEBIAN_MARKETPLACE_DESCRIPTION "Reference marketplace server for Assay
assay-marketplace serves the marketplace API that Assay syncs with, from a
SQLite store, with seeded demo data and demo users: for demos
(`assay --demo` runs it from beside assay), development and tests.")
# Its store is opened through the QSQLITE driver plugin (server/ServerStore).
# The seeded PNG and PDF evidence is drawn under the offscreen platform
# plugin, which libqt6gui6 (a library dependency) carries.
set(CPACK_DEBIAN_MARKETPLACE_PACKAGE_DEPENDS "libqt6sql6-sqlite")

include(CPack)
