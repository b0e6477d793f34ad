# assay_add_test(NAME SOURCES src... LIBRARIES lib... [LABELS l...] [GUI] [WEBENGINE]
#                [WRAPPER command...])
#
# One Qt Test binary per class or feature. Tests run headless and isolated:
# offscreen platform, XDG folders under the build tree so a test never reads
# or writes the user's real profile, settings or syntax definitions. A
# WRAPPER runs the test binary (its path is the wrapper's last argument).
function(assay_add_test name)
    cmake_parse_arguments(T "GUI;WEBENGINE" "TIMEOUT" "SOURCES;LIBRARIES;LABELS;DEPENDS;WRAPPER" ${ARGN})
    qt_add_executable(${name} ${T_SOURCES})
    set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)
    target_link_libraries(${name} PRIVATE Qt6::Test ${T_LIBRARIES})
    assay_set_options(${name})
    add_test(NAME ${name} COMMAND ${T_WRAPPER} $<TARGET_FILE:${name}>)
    set(home ${CMAKE_BINARY_DIR}/test-home/${name})
    set(env
        QT_QPA_PLATFORM=offscreen
        HOME=${home}
        XDG_DATA_HOME=${home}/data
        XDG_CONFIG_HOME=${home}/config
        XDG_CACHE_HOME=${home}/cache
        # The system's shared data (the MIME database QMimeDatabase detects
        # evidence with), never a user's.
        XDG_DATA_DIRS=${home}/share:/usr/local/share:/usr/share
        ASSAY_BIN_DIR=${CMAKE_BINARY_DIR}/bin
        ASSAY_TEST_BIN_DIR=${CMAKE_BINARY_DIR}/tests
        ASSAY_SOURCE_DIR=${PROJECT_SOURCE_DIR}
        ASAN_OPTIONS=detect_leaks=0
    )
    if(T_WEBENGINE)
        # Chromium's sandbox cannot run as root; CI runs as root. Tests only.
        list(APPEND env QTWEBENGINE_DISABLE_SANDBOX=1)
    endif()
    set(labels ${T_LABELS})
    if(NOT T_GUI AND NOT T_WEBENGINE)
        list(APPEND labels nogui)
    endif()
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES ENVIRONMENT "${env}" LABELS "${labels}" TIMEOUT ${T_TIMEOUT})
    if(T_DEPENDS)
        add_dependencies(${name} ${T_DEPENDS})
    endif()
endfunction()
