add_library(centinela_warnings INTERFACE)
target_compile_options(centinela_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Wunused -Woverloaded-virtual -Wimplicit-fallthrough -Werror)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  # GCC 12 reports false positives in libstdc++ headers at -O2 (PR 105651, PR 106199).
  target_compile_options(centinela_warnings INTERFACE -Wno-restrict -Wno-dangling-reference -Wno-maybe-uninitialized -Wno-array-bounds -Wno-stringop-overflow)
endif()
