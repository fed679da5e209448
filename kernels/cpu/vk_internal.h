/* vk_internal.h - shared by the CPU kernel translation units (not part of the ABI). */
#ifndef VK_INTERNAL_H
#define VK_INTERNAL_H

#include <stdint.h>

#include "vlarl_kernels.h"

/* Largest row the CPU kernels accept (one row of exponentials lives on the stack). */
#define VK_MAX_V 4096
/* Block width of the sampling scan (identical on CPU and GPU). */
#define VK_BLOCK 16
/* The log-ratio clamp of the GRPO loss (veRL's). */
#define VK_LOG_RATIO_CLAMP 20.0

/* Per-thread error state (vk_dispatch.c). */
void vk_set_error(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
void vk_set_bad_index(int64_t row);

/* One code path: the three kernels compiled for one instruction set. Arguments are
 * validated by the dispatcher; a path only reports bad rows (non-finite logits or a
 * token out of range), through the two indices. */
typedef struct vk_impl {
    void (*sample)(const float* logits, int64_t T, int32_t V, float temperature, uint64_t seed,
                   uint64_t offset, int64_t* tokens, float* log_probs, int32_t threads,
                   int64_t* bad_row);
    void (*log_prob)(const float* logits, const int64_t* tokens, int64_t T, int32_t V,
                     float temperature, float* log_probs, int32_t threads, int64_t* bad_row,
                     int64_t* bad_token);
    void (*grpo_loss)(const float* logits, const int64_t* tokens, const float* old_logp,
                      const float* advantages, const uint8_t* mask, int64_t T, int32_t V,
                      float temperature, float clip_low, float clip_high, float* grad,
                      float* log_probs, double* loss, double* clip_frac, int32_t threads,
                      int64_t* bad_row, int64_t* bad_token);
    void (*stream_scale)(const float* src, float* dst, int64_t n, float scale, int32_t threads);
} vk_impl;

extern const vk_impl vk_impl_scalar;
#ifdef VK_HAVE_AVX2
extern const vk_impl vk_impl_avx2;
#endif
#ifdef VK_HAVE_AVX512
extern const vk_impl vk_impl_avx512;
#endif

/* Philox4x32-10 (Random123), the same rounds as kernels/cuda/vk_philox.cuh. */
static inline void vk_philox4x32_10(const uint32_t ctr_in[4], uint32_t k0, uint32_t k1, uint32_t out[4]) {
    uint32_t c0 = ctr_in[0], c1 = ctr_in[1], c2 = ctr_in[2], c3 = ctr_in[3];
    for (int r = 0; r < 10; r++) {
        uint64_t p0 = (uint64_t)0xD2511F53u * c0;
        uint64_t p1 = (uint64_t)0xCD9E8D57u * c2;
        uint32_t hi0 = (uint32_t)(p0 >> 32), lo0 = (uint32_t)p0;
        uint32_t hi1 = (uint32_t)(p1 >> 32), lo1 = (uint32_t)p1;
        c0 = hi1 ^ c1 ^ k0;
        c1 = lo1;
        c2 = hi0 ^ c3 ^ k1;
        c3 = lo0;
        k0 += 0x9E3779B9u;
        k1 += 0xBB67AE85u;
    }
    out[0] = c0; out[1] = c1; out[2] = c2; out[3] = c3;
}

/* The uniform in [0, 1) that row n = offset + t draws (24 bits of the first word). */
static inline float vk_uniform(uint64_t seed, uint64_t n) {
    uint32_t ctr[4] = {(uint32_t)n, (uint32_t)(n >> 32), 0u, 0u};
    uint32_t r[4];
    vk_philox4x32_10(ctr, (uint32_t)seed, (uint32_t)(seed >> 32), r);
    return (float)(r[0] >> 8) * 0x1.0p-24f;
}

#endif
