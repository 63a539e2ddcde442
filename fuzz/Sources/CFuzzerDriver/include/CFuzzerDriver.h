// libFuzzer's entry point for programs that have their own main (LLVM's
// compiler-rt/lib/fuzzer/FuzzerInterface.h). Weak, so that the fuzz package also links
// without -sanitize=fuzzer: the symbol is then NULL.
#ifndef PERCEIVE_FUZZER_DRIVER_H
#define PERCEIVE_FUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv,
                        int (*callback)(const uint8_t *data, size_t size)) __attribute__((weak));

/// Whether libFuzzer is linked in (a build with -sanitize=fuzzer).
static inline int perceive_fuzzer_linked(void) { return LLVMFuzzerRunDriver != 0; }

#endif
