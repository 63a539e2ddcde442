#include "icushim.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/uversion.h>

struct pc_segmenter {
    UBreakIterator *words;
    UBreakIterator *sentences;
    const UNormalizer2 *nfkc_casefold;
    UChar *utf16;        /* scratch for pc_fold */
    int32_t utf16_capacity;
    UChar *folded;
    int32_t folded_capacity;
};

pc_segmenter *pc_segmenter_open(const char *locale, int32_t *error_code) {
    UErrorCode status = U_ZERO_ERROR;
    pc_segmenter *s = calloc(1, sizeof(pc_segmenter));
    if (s == NULL) {
        *error_code = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    s->words = ubrk_open(UBRK_WORD, locale, NULL, 0, &status);
    if (U_SUCCESS(status)) s->sentences = ubrk_open(UBRK_SENTENCE, locale, NULL, 0, &status);
    if (U_SUCCESS(status)) s->nfkc_casefold = unorm2_getNFKCCasefoldInstance(&status);
    if (U_FAILURE(status)) {
        *error_code = status;
        pc_segmenter_close(s);
        return NULL;
    }
    *error_code = 0;
    return s;
}

void pc_segmenter_close(pc_segmenter *s) {
    if (s == NULL) return;
    if (s->words) ubrk_close(s->words);
    if (s->sentences) ubrk_close(s->sentences);
    free(s->utf16);
    free(s->folded);
    free(s);
}

static int32_t segment(UBreakIterator *iterator, const uint8_t *text, int32_t length,
                       int32_t *ends, int32_t *statuses, int32_t capacity,
                       int32_t *error_code) {
    UErrorCode status = U_ZERO_ERROR;
    UText ut = UTEXT_INITIALIZER;
    utext_openUTF8(&ut, (const char *)text, length, &status);
    ubrk_setUText(iterator, &ut, &status);
    if (U_FAILURE(status)) {
        utext_close(&ut);
        *error_code = status;
        return -1;
    }
    int32_t count = 0;
    for (int32_t end = ubrk_next(iterator); end != UBRK_DONE; end = ubrk_next(iterator)) {
        if (count >= capacity) {
            utext_close(&ut);
            *error_code = U_BUFFER_OVERFLOW_ERROR;
            return -1;
        }
        ends[count] = end;
        if (statuses) statuses[count] = ubrk_getRuleStatus(iterator);
        count++;
    }
    utext_close(&ut);
    *error_code = 0;
    return count;
}

int32_t pc_word_segments(pc_segmenter *s, const uint8_t *text, int32_t length,
                         int32_t *ends, int32_t *statuses, int32_t capacity,
                         int32_t *error_code) {
    return segment(s->words, text, length, ends, statuses, capacity, error_code);
}

int32_t pc_sentence_segments(pc_segmenter *s, const uint8_t *text, int32_t length,
                             int32_t *ends, int32_t capacity, int32_t *error_code) {
    return segment(s->sentences, text, length, ends, NULL, capacity, error_code);
}

static int grow(UChar **buffer, int32_t *capacity, int32_t needed) {
    if (*capacity >= needed) return 1;
    int32_t size = needed < 64 ? 64 : needed * 2;
    UChar *grown = realloc(*buffer, (size_t)size * sizeof(UChar));
    if (grown == NULL) return 0;
    *buffer = grown;
    *capacity = size;
    return 1;
}

int32_t pc_fold(pc_segmenter *s, const uint8_t *source, int32_t length,
                uint8_t *out, int32_t capacity, int32_t *flags, int32_t *error_code) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t units = 0;
    /* A UTF-8 sequence never needs more UTF-16 units than it has bytes. */
    if (!grow(&s->utf16, &s->utf16_capacity, length + 1)) {
        *error_code = U_MEMORY_ALLOCATION_ERROR;
        return -1;
    }
    u_strFromUTF8WithSub(s->utf16, s->utf16_capacity, &units, (const char *)source, length,
                         0xFFFD, NULL, &status);
    if (U_FAILURE(status)) {
        *error_code = status;
        return -1;
    }
    int32_t f = 0;
    for (int32_t i = 0; i < units;) {
        UChar32 c;
        U16_NEXT(s->utf16, i, units, c);
        if (u_isUUppercase(c)) f |= PC_FOLD_HAS_UPPER;
        else if (u_isULowercase(c)) f |= PC_FOLD_HAS_LOWER;
    }
    *flags = f;
    /* NFKC_Casefold can expand; retry once with the exact size it asks for. */
    int32_t folded = 0;
    for (int attempt = 0; attempt < 2; attempt++) {
        if (!grow(&s->folded, &s->folded_capacity, attempt == 0 ? units * 3 + 8 : folded + 1)) {
            *error_code = U_MEMORY_ALLOCATION_ERROR;
            return -1;
        }
        status = U_ZERO_ERROR;
        folded = unorm2_normalize(s->nfkc_casefold, s->utf16, units, s->folded,
                                  s->folded_capacity, &status);
        if (status != U_BUFFER_OVERFLOW_ERROR) break;
    }
    if (U_FAILURE(status)) {
        *error_code = status;
        return -1;
    }
    /* Typographic apostrophes become U+0027; emoji skin-tone modifiers (U+1F3FB..U+1F3FF,
       UTF-16 D83C DFFB..DFFF) are dropped so that a toned emoji matches its base form. */
    int32_t kept = 0;
    for (int32_t i = 0; i < folded; i++) {
        UChar c = s->folded[i];
        if (c == 0x2018 || c == 0x2019 || c == 0x02BC || c == 0xFF07) c = 0x27;
        if (c == 0xD83C && i + 1 < folded && s->folded[i + 1] >= 0xDFFB && s->folded[i + 1] <= 0xDFFF) {
            i++;
            continue;
        }
        s->folded[kept++] = c;
    }
    folded = kept;
    int32_t written = 0;
    status = U_ZERO_ERROR;
    u_strToUTF8((char *)out, capacity, &written, s->folded, folded, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) {
        *error_code = 0;
        return written;
    }
    if (U_FAILURE(status)) {
        *error_code = status;
        return -1;
    }
    *error_code = 0;
    return written;
}

const char *pc_icu_version(void) {
    static char text[U_MAX_VERSION_STRING_LENGTH];
    UVersionInfo version;
    u_getVersion(version);
    snprintf(text, sizeof text, "%d.%d", version[0], version[1]);
    return text;
}

int32_t pc_available_locale_count(void) {
    return uloc_countAvailable();
}

const char *pc_available_locale(int32_t index) {
    if (index < 0 || index >= uloc_countAvailable()) return NULL;
    return uloc_getAvailable(index);
}

int32_t pc_locale_language(const char *locale, char *out, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = uloc_getLanguage(locale, out, capacity, &status);
    if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING || length >= capacity) return -1;
    return length;
}
