// Byte scans for the VADER-compatible tokenizer (VADERText in PerceiveKit): finding where
// words start and end under Python's `str.split()` and counting "!" and "?", 64 bytes at a
// time with SSE2 on x86_64 and with 8-byte words elsewhere. Plain functions over caller-owned
// buffers: no allocation, no state.
#ifndef PERCEIVE_SCAN_H
#define PERCEIVE_SCAN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// What `pc_split` found besides the words' spans.
typedef struct pc_split_counts {
    uint32_t words;         ///< number of words (pairs written to `bounds`)
    uint32_t exclamations;  ///< number of "!" bytes in the text
    uint32_t questions;     ///< number of "?" bytes in the text
} pc_split_counts;

/// Splits the UTF-8 text `text[0 ..< n]` as Python's `str.split()` does: a word is a maximal
/// run of characters that are not whitespace (`str.isspace()`: U+0009–U+000D, U+001C–U+0020,
/// U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000). Writes word
/// `k`'s byte range as `bounds[2k] ..< bounds[2k + 1]` (on a little-endian machine, the pair read
/// as one `uint64_t` has the start in its low half); `bounds` needs room for `n + 5` entries
/// (a few past the last word's may be overwritten).
/// Counts the bytes "!" and "?" on the way. Reads `text` in blocks of 64 bytes: it must be
/// readable up to `n` rounded up to a multiple of 64 (the bytes from `n` on are ignored); `n`
/// must be below 2³². Uses SSE2 on x86_64, else `pc_split_portable`.
pc_split_counts pc_split(const uint8_t *text, size_t n, uint32_t *bounds);

/// `pc_split` with 8-byte words instead of vector instructions: what `pc_split` runs where
/// SSE2 is missing, exported so that tests can pin both to the same reference.
pc_split_counts pc_split_portable(const uint8_t *text, size_t n, uint32_t *bounds);

/// Copies `source[0 ..< n]` to `destination` and tells whether every byte is ASCII (below 0x80).
int pc_copy_ascii(const uint8_t *source, size_t n, uint8_t *destination);

#ifdef __cplusplus
}
#endif

#endif
