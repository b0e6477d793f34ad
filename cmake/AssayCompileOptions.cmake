# Compile options every Assay target gets through assay_set_options().

# Qt's own strictness: no implicit conversions between char* / QByteArray /
# QString / QUrl, so every encoding decision is visible in the code.
set(ASSAY_QT_DEFINITIONS
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_KEYWORDS
    QT_NO_FOREACH
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_UP_TO=0x060500
)

set(ASSAY_WARNINGS -Wall -Wextra -Wpedantic -Wnon-virtual-dtor -Woverloaded-virtual
    -Wcast-align -Wnull-dereference -Wimplicit-fallthrough)
if(ASSAY_WERROR)
    list(APPEND ASSAY_WARNINGS -Werror)
endif()

if(ASSAY_SANITIZE)
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()

function(assay_set_options target)
    target_compile_definitions(${target} PRIVATE ${ASSAY_QT_DEFINITIONS})
    target_compile_options(${target} PRIVATE ${ASSAY_WARNINGS})
endfunction()
