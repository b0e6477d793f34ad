# The clang-tidy pass (.clang-tidy at the top, tests/lint/run-tidy.py) as the
# test 'clang_tidy' with the label 'lint', so ./dev test runs it; ./dev lint
# runs it by hand. Call after every target is defined.
#
# clang-tidy reads compile_commands.json and parses each source as the
# compiler does, including the moc output that sources #include: the
# autogen step of every target is all it needs built
# (the target assay_lint_prerequisites).

function(assay_collect_targets dir out)
    get_property(targets DIRECTORY ${dir} PROPERTY BUILDSYSTEM_TARGETS)
    get_property(subdirs DIRECTORY ${dir} PROPERTY SUBDIRECTORIES)
    foreach(sub IN LISTS subdirs)
        assay_collect_targets(${sub} sub_targets)
        list(APPEND targets ${sub_targets})
    endforeach()
    set(${out} ${targets} PARENT_SCOPE)
endfunction()

function(assay_add_lint)
    assay_collect_targets(${PROJECT_SOURCE_DIR} targets)
    add_custom_target(assay_lint_prerequisites)
    foreach(t IN LISTS targets)
        get_target_property(automoc ${t} AUTOMOC)
        if(automoc)
            add_dependencies(assay_lint_prerequisites ${t}_autogen)
        endif()
    endforeach()

    find_program(ASSAY_CLANG_TIDY NAMES clang-tidy)
    find_package(Python3 COMPONENTS Interpreter)
    if(NOT ASSAY_CLANG_TIDY OR NOT Python3_Interpreter_FOUND)
        message(STATUS "clang-tidy or python3 not found: no clang_tidy test (Debian: clang-tidy)")
        return()
    endif()
    # Whole tree is slow on two cores (README, "The clang-tidy pass"): the
    # test checks what differs from the last tidy-clean tree (.clang-tidy-clean).
    add_test(NAME clang_tidy
             COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tests/lint/run-tidy.py
                     --source ${PROJECT_SOURCE_DIR} --build ${CMAKE_BINARY_DIR} --changed)
    # It runs two clang-tidy at once: ctest counts it as two, so the timing
    # tests beside it do not fight it for the cores.
    set_tests_properties(clang_tidy PROPERTIES LABELS lint TIMEOUT 3600 PROCESSORS 2)
endfunction()
