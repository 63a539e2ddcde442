// A small C face for the parts of ICU that Perceive uses: word and sentence boundaries over
// UTF-8 text, and case folding with NFKC normalization. Only stdint types and an opaque
// handle cross this header, so ICU's own headers (and its versioned symbol names) stay inside
// icushim.c and never meet the ICU that Foundation bundles.
#ifndef PERCEIVE_ICUSHIM_H
#define PERCEIVE_ICUSHIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An ICU word and sentence segmenter with its scratch buffers. Not thread-safe: use one per
/// thread. Opening one costs a few microseconds; reuse it.
typedef struct pc_segmenter pc_segmenter;

/// Rule-status ranges ICU reports for word segments.
enum {
    PC_WORD_NONE = 0,          ///< spaces, punctuation, symbols, emoji
    PC_WORD_NUMBER = 100,      ///< 100..199
    PC_WORD_LETTER = 200,      ///< 200..299
    PC_WORD_KANA = 300,        ///< 300..399
    PC_WORD_IDEO = 400,        ///< 400..499
};

/// Flags written by `pc_fold`.
enum {
    PC_FOLD_HAS_UPPER = 1,
    PC_FOLD_HAS_LOWER = 2,
};

/// Opens a segmenter for an ICU locale ("en", "ja", "th", "" for root). Returns NULL and sets
/// `*error_code` (an ICU UErrorCode, > 0) on failure.
pc_segmenter *pc_segmenter_open(const char *locale, int32_t *error_code);
void pc_segmenter_close(pc_segmenter *segmenter);

/// Splits `text` (UTF-8, `length` bytes; invalid sequences count as U+FFFD) into word-break
/// segments. For segment i, `ends[i]` is its end offset in bytes (the start is the previous
/// end, or 0) and `statuses[i]` its ICU rule status. `capacity` must be at least `length`.
/// Returns the number of segments, or -1 with `*error_code` set.
int32_t pc_word_segments(pc_segmenter *segmenter, const uint8_t *text, int32_t length,
                         int32_t *ends, int32_t *statuses, int32_t capacity,
                         int32_t *error_code);

/// Splits `text` into sentences; `ends` as for `pc_word_segments`.
int32_t pc_sentence_segments(pc_segmenter *segmenter, const uint8_t *text, int32_t length,
                             int32_t *ends, int32_t capacity, int32_t *error_code);

/// Case-folds `source` with ICU's NFKC_Casefold (NFKC, full case folding, default-ignorable
/// characters removed) and maps typographic apostrophes (U+2018, U+2019, U+02BC, U+FF07) to
/// U+0027, and drops emoji skin-tone modifiers. Writes UTF-8 to `out` and returns its length; when that exceeds `capacity`,
/// nothing useful is in `out`: call again with a larger buffer. `*flags` gets
/// PC_FOLD_HAS_UPPER / PC_FOLD_HAS_LOWER for the source's letters. Returns -1 on error.
int32_t pc_fold(pc_segmenter *segmenter, const uint8_t *source, int32_t length,
                uint8_t *out, int32_t capacity, int32_t *flags, int32_t *error_code);

/// The version of the ICU library in use, as "major.minor".
const char *pc_icu_version(void);

/// The number of locales ICU has data for, and the `index`-th of them ("en", "en_GB", "ja"…;
/// NULL when out of range).
int32_t pc_available_locale_count(void);
const char *pc_available_locale(int32_t index);

/// The language code of `locale` ("en" for "en-GB", "" when it has none) written to `out` as
/// a NUL-terminated string; returns its length, or -1 when it does not fit or ICU fails.
int32_t pc_locale_language(const char *locale, char *out, int32_t capacity);

#ifdef __cplusplus
}
#endif

#endif
