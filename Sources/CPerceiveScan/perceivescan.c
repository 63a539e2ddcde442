// See perceivescan.h. Both versions build, per 64-byte block of the text, one bit per byte:
// whether the byte is whitespace, and whether it is non-ASCII; a word starts at a non-whitespace
// byte after whitespace (or at the text's start) and ends at a whitespace byte after a word (or
// at the text's end). Bytes of multi-byte whitespace are found from their first byte, looked at
// only in blocks with non-ASCII bytes.
#include "perceivescan.h"

// __builtin_memcpy and __builtin_memset (clang, gcc): no libc header needed.
#define memcpy __builtin_memcpy
#define memset __builtin_memset

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// Bit `i` set: byte `i` of the block is whitespace (`ws`), non-ASCII (`high`), "!" or "?".
typedef struct block_masks {
    uint64_t ws, high, exclamations, questions;
} block_masks;

/// Python's `str.isspace()` for the code point whose UTF-8 encoding starts with the non-ASCII
/// byte at `text[i]`: its byte length, or 0 when it is no whitespace (or runs past `n`).
static inline unsigned whitespace_length(const uint8_t *text, size_t i, size_t n) {
    uint8_t b = text[i];
    if (b == 0xC2) {
        return i + 1 < n && (text[i + 1] == 0x85 || text[i + 1] == 0xA0) ? 2 : 0;
    }
    if (b < 0xE1 || b > 0xE3 || i + 2 >= n) return 0;
    uint32_t c = (uint32_t)(b & 0x0F) << 12 | (uint32_t)(text[i + 1] & 0x3F) << 6 | (uint32_t)(text[i + 2] & 0x3F);
    if ((text[i + 1] & 0xC0) != 0x80 || (text[i + 2] & 0xC0) != 0x80) return 0;
    int space = c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
                c == 0x205F || c == 0x3000;
    return space ? 3 : 0;
}

/// Lead bytes of multi-byte whitespace (0xC2 and 0xE1–0xE3) in the 64 bytes at `block`.
static inline uint64_t lead_bytes_portable(const uint8_t *block) {
    uint64_t lead = 0;
    for (unsigned i = 0; i < 64; i++) {
        uint8_t b = block[i];
        if (b == 0xC2 || (b >= 0xE1 && b <= 0xE3)) lead |= (uint64_t)1 << i;
    }
    return lead;
}

/// Adds multi-byte whitespace to `m->ws` for the block at `text + base` (`*carry`: its bytes
/// that fall into the next block, as bits of that block).
static inline void add_multibyte_whitespace(const uint8_t *text, size_t base, size_t n, uint64_t lead, block_masks *m,
                                            uint64_t *carry) {
    while (lead) {
        unsigned i = (unsigned)__builtin_ctzll(lead);
        lead &= lead - 1;
        unsigned length = whitespace_length(text, base + i, n);
        if (length == 0) continue;
        unsigned last = i + length;   // one past the whitespace's last byte, ≤ 66
        if (last <= 64) {
            m->ws |= (last == 64 ? ~(uint64_t)0 : ((uint64_t)1 << last) - 1) & ~(((uint64_t)1 << i) - 1);
        } else {
            m->ws |= ~(((uint64_t)1 << i) - 1);
            *carry |= ((uint64_t)1 << (last - 64)) - 1;
        }
    }
}

static inline uint32_t popcount64(uint64_t x) {
    return (uint32_t)__builtin_popcountll(x);
}

/// Appends `base + i` for every set bit `i` of `bits` to `out`; returns the new end. Four at a
/// time, with no branch per bit: up to three entries past the new end are written too (with
/// `base + 63`; the next block overwrites them).
static inline uint32_t *emit(uint32_t *out, uint64_t bits, uint32_t base) {
    if (bits == 0) return out;
    uint32_t *end = out + popcount64(bits);
    const uint64_t last = (uint64_t)1 << 63;   // keeps the bit scan defined once `bits` is 0
    do {
        out[0] = base + (uint32_t)__builtin_ctzll(bits | last);
        bits &= bits - 1;
        out[1] = base + (uint32_t)__builtin_ctzll(bits | last);
        bits &= bits - 1;
        out[2] = base + (uint32_t)__builtin_ctzll(bits | last);
        bits &= bits - 1;
        out[3] = base + (uint32_t)__builtin_ctzll(bits | last);
        bits &= bits - 1;
        out += 4;
    } while (out < end);
    return end;
}

/// The split over the masks of each block: `MASKS(p)` gives the `block_masks` of the 64 bytes
/// at `p`, `LEAD(p)` the lead bytes of multi-byte whitespace among them. A bit of `edges` is
/// set where whitespace and word meet (a word's first byte, or the whitespace byte after its
/// last): starts and ends alternate, a start first, so they go to `bounds` in the order found.
#define SPLIT_BODY(MASKS, LEAD)                                                                        \
    pc_split_counts counts = {0, 0, 0};                                                                \
    uint32_t *found = bounds;  /* the end of the entries written: starts and ends */              \
    uint64_t before = 1;       /* bit 0: the byte before the block is whitespace */                   \
    uint64_t carry = 0;        /* multi-byte whitespace running into this block */                    \
    for (size_t base = 0; base < n; base += 64) {                                                      \
        const uint8_t *p = text + base;                                                                \
        block_masks m = MASKS(p);                                                                      \
        if (n - base < 64) {   /* the last, short block: its bytes from n on count as spaces */       \
            uint64_t past = ~(uint64_t)0 << (n - base);                                                \
            m.ws |= past;                                                                              \
            m.high &= ~past;                                                                           \
            m.exclamations &= ~past;                                                                   \
            m.questions &= ~past;                                                                      \
        }                                                                                              \
        m.ws |= carry;                                                                                 \
        carry = 0;                                                                                     \
        if (m.high) add_multibyte_whitespace(text, base, n, LEAD(p) & m.high, &m, &carry);            \
        if (m.exclamations) counts.exclamations += popcount64(m.exclamations);                         \
        if (m.questions) counts.questions += popcount64(m.questions);                                  \
        uint64_t edges = m.ws ^ (m.ws << 1 | before);                                                  \
        found = emit(found, edges, (uint32_t)base);                                                    \
        before = m.ws >> 63;                                                                           \
    }                                                                                                  \
    uint32_t entries = (uint32_t)(found - bounds);                                                     \
    if (entries & 1) bounds[entries++] = (uint32_t)n;   /* the last word runs to the text's end */  \
    counts.words = entries / 2;                                                                        \
    return counts;

/// 0x80 in each byte of `w` at or above `lo` (for bytes below 0x80; `lo` ≤ 0x80).
#define SWAR_AT_LEAST(x7, lo) (((x7) + 0x0101010101010101ULL * (0x80 - (lo))) & 0x8080808080808080ULL)

/// The high bits of the eight bytes of `m` (each 0x80 or 0), as eight bits.
static inline uint64_t gather_high_bits(uint64_t m) {
    return ((m >> 7) * 0x0102040810204080ULL) >> 56;
}

static inline uint64_t load64(const uint8_t *p) {
    uint64_t w;
    memcpy(&w, p, 8);
    return w;
}

static inline block_masks masks_portable(const uint8_t *p) {
    block_masks m = {0, 0, 0, 0};
    const uint64_t highs = 0x8080808080808080ULL, ones = 0x0101010101010101ULL;
    for (unsigned k = 0; k < 8; k++) {
        uint64_t w = load64(p + 8 * k);
        uint64_t x7 = w & ~highs;   // the low seven bits of each byte
        uint64_t ascii = ~w & highs;
        uint64_t ws = ascii & ((SWAR_AT_LEAST(x7, 0x09) & ~SWAR_AT_LEAST(x7, 0x0E)) |
                               (SWAR_AT_LEAST(x7, 0x1C) & ~SWAR_AT_LEAST(x7, 0x21)));
        // A byte equal to c: its XOR with c is zero, i.e. not at least 1 (and ASCII).
        uint64_t xe = (w ^ (ones * 0x21)) & ~highs, xq = (w ^ (ones * 0x3F)) & ~highs;
        uint64_t e = ascii & ~SWAR_AT_LEAST(xe, 0x01), q = ascii & ~SWAR_AT_LEAST(xq, 0x01);
        m.ws |= gather_high_bits(ws) << (8 * k);
        m.high |= gather_high_bits(w & highs) << (8 * k);
        m.exclamations |= gather_high_bits(e) << (8 * k);
        m.questions |= gather_high_bits(q) << (8 * k);
    }
    return m;
}

pc_split_counts pc_split_portable(const uint8_t *text, size_t n, uint32_t *bounds) {
    SPLIT_BODY(masks_portable, lead_bytes_portable)
}

#if defined(__SSE2__)

static inline block_masks masks_sse2(const uint8_t *p) {
    block_masks m = {0, 0, 0, 0};
    // x + 0x77 maps 0x09–0x0D, and x + 0x64 maps 0x1C–0x20, to 0x80–0x84 (the smallest signed
    // bytes, below −123); no other byte lands there.
    const __m128i shift1 = _mm_set1_epi8(0x77), shift2 = _mm_set1_epi8(0x64), limit = _mm_set1_epi8((char)0x85);
    const __m128i exclamation = _mm_set1_epi8('!'), question = _mm_set1_epi8('?');
    __m128i v[4];
    __m128i high = _mm_setzero_si128(), marks = _mm_setzero_si128();
    for (unsigned k = 0; k < 4; k++) {
        v[k] = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * k));
        __m128i ws = _mm_or_si128(_mm_cmplt_epi8(_mm_add_epi8(v[k], shift1), limit), _mm_cmplt_epi8(_mm_add_epi8(v[k], shift2), limit));
        m.ws |= (uint64_t)(uint16_t)_mm_movemask_epi8(ws) << (16 * k);
        high = _mm_or_si128(high, v[k]);
        marks = _mm_or_si128(marks, _mm_or_si128(_mm_cmpeq_epi8(v[k], exclamation), _mm_cmpeq_epi8(v[k], question)));
    }
    // Most blocks are ASCII, and most have neither mark: one test each, the bits only then.
    if (_mm_movemask_epi8(high)) {
        for (unsigned k = 0; k < 4; k++) m.high |= (uint64_t)(uint16_t)_mm_movemask_epi8(v[k]) << (16 * k);
    }
    if (_mm_movemask_epi8(marks)) {
        for (unsigned k = 0; k < 4; k++) {
            m.exclamations |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v[k], exclamation)) << (16 * k);
            m.questions |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v[k], question)) << (16 * k);
        }
    }
    return m;
}

static inline uint64_t lead_bytes_sse2(const uint8_t *p) {
    uint64_t lead = 0;
    // 0xC2, or 0xE1–0xE3: x − 0x61 is 0x80–0x82 (below −125 signed) exactly for those.
    const __m128i c2 = _mm_set1_epi8((char)0xC2), shift = _mm_set1_epi8((char)(0x100 - 0x61)), limit = _mm_set1_epi8((char)0x83);
    for (unsigned k = 0; k < 4; k++) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * k));
        __m128i l = _mm_or_si128(_mm_cmpeq_epi8(v, c2), _mm_cmplt_epi8(_mm_add_epi8(v, shift), limit));
        lead |= (uint64_t)(uint16_t)_mm_movemask_epi8(l) << (16 * k);
    }
    return lead;
}

pc_split_counts pc_split(const uint8_t *text, size_t n, uint32_t *bounds) {
    SPLIT_BODY(masks_sse2, lead_bytes_sse2)
}

int pc_copy_ascii(const uint8_t *source, size_t n, uint8_t *destination) {
    __m128i high = _mm_setzero_si128();
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(source + i));
        high = _mm_or_si128(high, v);
        _mm_storeu_si128((__m128i *)(void *)(destination + i), v);
    }
    if (i < n && n >= 16) {   // the last 16 bytes, overlapping bytes already copied
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(source + n - 16));
        high = _mm_or_si128(high, v);
        _mm_storeu_si128((__m128i *)(void *)(destination + n - 16), v);
        i = n;
    }
    uint64_t rest = 0;
    if (i + 8 <= n) {
        rest = load64(source + i);
        memcpy(destination + i, &rest, 8);
        i += 8;
    }
    for (; i < n; i++) {
        destination[i] = source[i];
        rest |= source[i];
    }
    return _mm_movemask_epi8(high) == 0 && (rest & 0x8080808080808080ULL) == 0;
}

#else

pc_split_counts pc_split(const uint8_t *text, size_t n, uint32_t *bounds) {
    return pc_split_portable(text, n, bounds);
}

int pc_copy_ascii(const uint8_t *source, size_t n, uint8_t *destination) {
    uint64_t high = 0;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w = load64(source + i);
        high |= w;
        memcpy(destination + i, &w, 8);
    }
    for (; i < n; i++) {
        destination[i] = source[i];
        high |= source[i];
    }
    return (high & 0x8080808080808080ULL) == 0;
}

#endif
