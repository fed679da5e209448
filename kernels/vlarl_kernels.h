/*
 * vlarl_kernels.h - fused CPU kernels over action-token logits (prefix vk_).
 *
 * This header is the contract: dev.vlarl.bindings.VlarlKernels mirrors it one to one.
 * The CUDA kernels in kernels/cuda/ compute the same three things with the same
 * numerical choices (see "Numerics" below).
 *
 * Shapes and types (all memory row-major, contiguous, caller-owned):
 *   logits      float32[T, V]   raw policy logits (V = 256 action bins in vlarl)
 *   tokens      int64[T]        token ids in [0, V)
 *   log_probs   float32[T]      log softmax(logits / temperature) at the token
 *   old_logp    float32[T]      log-probs of the rollout policy at the same tokens
 *   advantages  float32[T]      per-token advantage (GRPO: the trajectory's advantage)
 *   mask        uint8[T]        1 = valid token, 0 = padding (a torch bool tensor)
 *   grad        float32[T, V]   dLoss/dlogits
 *
 * Threads: every kernel takes `threads` (>= 1); rows are split into `threads`
 * contiguous blocks run by OpenMP. 1 and 2 are the settings vlarl uses.
 *
 * Numerics (pinned by tests in dev.vlarl.kernels):
 *  - z = logits / temperature; log-softmax as z - max(z) - log(sum exp(z - max(z))),
 *    exponentials in float32 (vector polynomial exp, relative error < 5e-7), sums in
 *    float32 per row.
 *  - GRPO loss, per valid token i (veRL's compute_policy_loss, token-mean):
 *      log_ratio_i = clamp(logp_i - old_logp_i, -20, 20)
 *      ratio_i     = exp(log_ratio_i)
 *      pg1_i = -A_i * ratio_i,  pg2_i = -A_i * clamp(ratio_i, 1 - clip_low, 1 + clip_high)
 *      loss_i = max(pg1_i, pg2_i)
 *    loss      = sum_i mask_i * loss_i / N,  N = max(1, number of valid tokens)
 *    clip_frac = (number of valid i with pg2_i > pg1_i) / N
 *    The gradient is that of loss: for a valid token with pg1_i >= pg2_i and an
 *    unclamped log-ratio, dloss/dlogp_i = -A_i * ratio_i / N, else 0; then
 *    dloss/dlogits_ij = dloss/dlogp_i * (onehot_ij - softmax(z_i)_j) / temperature.
 *    Masked tokens get exactly 0 in every gradient entry and are not read; so do rows
 *    whose dloss/dlogp is 0 (clipped, clamped, zero advantage).
 *    A gradient of >= 8 MiB at a 64-byte aligned address is written with streaming
 *    (non-temporal) stores: it would not stay in cache, and this skips the read for
 *    ownership of each line. Smaller ones are written normally and stay in cache.
 *    Loss and clip fraction are accumulated in double.
 *  - Non-finite logits (NaN, +-Inf) in a row the kernel reads make it return
 *    VL_ERR_NUMERIC; vk_last_bad_index() gives the first such row, and the message
 *    names it. Outputs for that row are written as 0 (grad) / NaN (log-prob).
 *
 * Sampling RNG (identical on CPU and GPU):
 *  Philox4x32-10 with key (k0, k1) = (seed & 0xffffffff, seed >> 32) and, for token row
 *  t, counter (c0, c1, c2, c3) = (n & 0xffffffff, n >> 32, 0, 0) where n = offset + t.
 *  The first output word r0 gives u = (r0 >> 8) * 2^-24 in [0, 1). The token is the
 *  smallest k with  sum_{j<=k} e_j > u * S  (e_j = exp(z_j - max z), S = sum e_j), found
 *  by 16-wide blocks: block sums first, then within the block. Equal (seed, offset) give
 *  the same u bit for bit on every device; the token can differ between devices only
 *  when u * S falls within float rounding of a block boundary (probability ~1e-6).
 *  Callers advance `offset` by T after each call to get fresh numbers.
 */
#ifndef VLARL_KERNELS_H
#define VLARL_KERNELS_H

#include <stdint.h>

#include "vl_status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* enum vk_isa: the exponential / reduction code path */
enum vk_isa {
    VK_ISA_AUTO = 0,   /* best the CPU supports (AVX-512 > AVX2 > scalar) */
    VK_ISA_SCALAR = 1,
    VK_ISA_AVX2 = 2,   /* AVX2 + FMA */
    VK_ISA_AVX512 = 3  /* AVX-512 F/DQ/BW/VL */
};

/* Message of the last failed call on this thread ("" if none). */
const char* vk_last_error(void);
/* First bad row of the last VL_ERR_NUMERIC on this thread (-1 if none). */
int64_t vk_last_bad_index(void);
/* Selects the code path for all later calls (VK_ISA_AUTO: best available). A path the
 * CPU lacks is VL_ERR_UNSUPPORTED. */
int vk_set_isa(int32_t isa);
/* The path in use (never VK_ISA_AUTO) and its name ("avx512", "avx2", "scalar"). */
int32_t vk_isa(void);
const char* vk_isa_name(int32_t isa);
/* Whether the CPU (and this build) can run a path. */
int32_t vk_isa_supported(int32_t isa);

/* Samples one token per row from softmax(logits / temperature) (see "Sampling RNG"),
 * writing tokens[T] and their log-probs log_probs[T] (log_probs may be NULL). */
int vk_sample(const float* logits, int64_t T, int32_t V, float temperature, uint64_t seed,
              uint64_t offset, int64_t* tokens, float* log_probs, int32_t threads);

/* log_probs[t] = log softmax(logits[t] / temperature)[tokens[t]]. */
int vk_log_prob(const float* logits, const int64_t* tokens, int64_t T, int32_t V,
                float temperature, float* log_probs, int32_t threads);

/* GRPO clipped-ratio loss, forward and backward in one pass over the logits (see
 * "Numerics"). grad gets dLoss/dlogits for every row; log_probs (may be NULL) gets the
 * new log-probs of valid rows (0 for masked rows); loss and clip_frac are scalars. */
int vk_grpo_loss(const float* logits, const int64_t* tokens, const float* old_logp,
                 const float* advantages, const uint8_t* mask, int64_t T, int32_t V,
                 float temperature, float clip_low, float clip_high, float* grad,
                 float* log_probs, double* loss, double* clip_frac, int32_t threads);

/* The physical bound the loss is compared against: dst[i] = src[i] * scale over n floats,
 * one read pass and one write pass, split like the kernels and written like the loss
 * writes its gradient (streaming stores when dst is 64-byte aligned and >= 8 MiB). */
int vk_stream_scale(const float* src, float* dst, int64_t n, float scale, int32_t threads);

/* Philox4x32-10 of (counter, key), for tests: writes 4 words to out. */
int vk_philox4x32(uint32_t c0, uint32_t c1, uint32_t c2, uint32_t c3, uint32_t k0, uint32_t k1,
                  uint32_t* out);

#ifdef __cplusplus
}
#endif
#endif
