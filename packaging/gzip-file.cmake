# cmake -DINPUT=FILE -DOUTPUT=FILE.gz -P gzip-file.cmake
# Debian's /usr/share/doc/PACKAGE/changelog.gz, compressed at build time;
# no gzip(1) call, so the rule means the same wherever CMake runs.
file(ARCHIVE_CREATE OUTPUT "${OUTPUT}" PATHS "${INPUT}" FORMAT raw COMPRESSION GZip COMPRESSION_LEVEL 9)
