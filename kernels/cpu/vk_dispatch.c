/* vk_dispatch.c - the vk_ ABI: argument checks, run-time choice of the code path
 * (AVX-512 > AVX2 > scalar, by __builtin_cpu_supports), per-thread error state. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "vk_internal.h"

static __thread char vk_msg[512];
static __thread int64_t vk_bad_index = -1;

void vk_set_error(const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(vk_msg, sizeof vk_msg, fmt, ap);
    va_end(ap);
}

void vk_set_bad_index(int64_t row) { vk_bad_index = row; }

const char* vk_last_error(void) { return vk_msg; }
int64_t vk_last_bad_index(void) { return vk_bad_index; }

int32_t vk_isa_supported(int32_t isa) {
    switch (isa) {
    case VK_ISA_AUTO:
    case VK_ISA_SCALAR:
        return 1;
#ifdef VK_HAVE_AVX2
    case VK_ISA_AVX2:
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#endif
#ifdef VK_HAVE_AVX512
    case VK_ISA_AVX512:
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq")
               && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vl")
               && __builtin_cpu_supports("fma");
#endif
    default:
        return 0;
    }
}

static int32_t vk_best_isa(void) {
    if (vk_isa_supported(VK_ISA_AVX512)) return VK_ISA_AVX512;
    if (vk_isa_supported(VK_ISA_AVX2)) return VK_ISA_AVX2;
    return VK_ISA_SCALAR;
}

/* 0 = not chosen yet; read and written atomically (a plain int is enough on x86-64). */
static volatile int32_t vk_current = 0;

int32_t vk_isa(void) {
    int32_t isa = vk_current;
    if (isa == 0) vk_current = isa = vk_best_isa();
    return isa;
}

const char* vk_isa_name(int32_t isa) {
    switch (isa) {
    case VK_ISA_AUTO: return "auto";
    case VK_ISA_SCALAR: return "scalar";
    case VK_ISA_AVX2: return "avx2";
    case VK_ISA_AVX512: return "avx512";
    default: return "unknown";
    }
}

int vk_set_isa(int32_t isa) {
    if (isa < VK_ISA_AUTO || isa > VK_ISA_AVX512) {
        vk_set_error("vk_set_isa: unknown code path %d (0 auto, 1 scalar, 2 avx2, 3 avx512)", isa);
        return VL_ERR_INVALID_ARGUMENT;
    }
    if (!vk_isa_supported(isa)) {
        vk_set_error("vk_set_isa: %s is not supported by this CPU or build", vk_isa_name(isa));
        return VL_ERR_UNSUPPORTED;
    }
    vk_current = isa == VK_ISA_AUTO ? vk_best_isa() : isa;
    return VL_OK;
}

static const vk_impl* vk_impl_now(void) {
    switch (vk_isa()) {
#ifdef VK_HAVE_AVX512
    case VK_ISA_AVX512: return &vk_impl_avx512;
#endif
#ifdef VK_HAVE_AVX2
    case VK_ISA_AVX2: return &vk_impl_avx2;
#endif
    default: return &vk_impl_scalar;
    }
}

#define VK_REQUIRE(cond, ...)                  \
    do {                                       \
        if (!(cond)) {                         \
            vk_set_error(__VA_ARGS__);         \
            return VL_ERR_INVALID_ARGUMENT;    \
        }                                      \
    } while (0)

static int vk_check_common(const char* fn, const float* logits, int64_t T, int32_t V,
                           float temperature, int32_t threads) {
    VK_REQUIRE(T >= 0, "%s: T = %lld must be >= 0", fn, (long long)T);
    VK_REQUIRE(V > 0 && V % VK_BLOCK == 0 && V <= VK_MAX_V,
               "%s: V = %d must be a positive multiple of %d and at most %d", fn, V, VK_BLOCK, VK_MAX_V);
    VK_REQUIRE(T == 0 || logits != NULL, "%s: logits is NULL", fn);
    VK_REQUIRE(temperature > 0.0f && isfinite(temperature),
               "%s: temperature = %g must be finite and > 0", fn, (double)temperature);
    VK_REQUIRE(threads >= 1 && threads <= 256, "%s: threads = %d must be in [1, 256]", fn, threads);
    return VL_OK;
}

/* Turns the rows a path flagged into a status (token errors first: they are the caller's bug). */
static int vk_report(const char* fn, int64_t bad_row, int64_t bad_token, const int64_t* tokens) {
    if (bad_token != INT64_MAX) {
        vk_set_bad_index(bad_token);
        vk_set_error("%s: token %lld at row %lld is out of range", fn, (long long)tokens[bad_token],
                     (long long)bad_token);
        return VL_ERR_INVALID_ARGUMENT;
    }
    if (bad_row != INT64_MAX) {
        vk_set_bad_index(bad_row);
        vk_set_error("%s: non-finite logit (NaN or Inf) in row %lld", fn, (long long)bad_row);
        return VL_ERR_NUMERIC;
    }
    vk_set_bad_index(-1);
    return VL_OK;
}

int vk_sample(const float* logits, int64_t T, int32_t V, float temperature, uint64_t seed,
              uint64_t offset, int64_t* tokens, float* log_probs, int32_t threads) {
    int st = vk_check_common("vk_sample", logits, T, V, temperature, threads);
    if (st) return st;
    VK_REQUIRE(T == 0 || tokens != NULL, "vk_sample: tokens is NULL");
    int64_t bad = INT64_MAX;
    if (T > 0) vk_impl_now()->sample(logits, T, V, temperature, seed, offset, tokens, log_probs, threads, &bad);
    return vk_report("vk_sample", bad, INT64_MAX, tokens);
}

int vk_log_prob(const float* logits, const int64_t* tokens, int64_t T, int32_t V,
                float temperature, float* log_probs, int32_t threads) {
    int st = vk_check_common("vk_log_prob", logits, T, V, temperature, threads);
    if (st) return st;
    VK_REQUIRE(T == 0 || (tokens != NULL && log_probs != NULL), "vk_log_prob: tokens or log_probs is NULL");
    int64_t bad = INT64_MAX, badtok = INT64_MAX;
    if (T > 0) vk_impl_now()->log_prob(logits, tokens, T, V, temperature, log_probs, threads, &bad, &badtok);
    return vk_report("vk_log_prob", bad, badtok, tokens);
}

int vk_grpo_loss(const float* logits, const int64_t* tokens, const float* old_logp,
                 const float* advantages, const uint8_t* mask, int64_t T, int32_t V,
                 float temperature, float clip_low, float clip_high, float* grad,
                 float* log_probs, double* loss, double* clip_frac, int32_t threads) {
    int st = vk_check_common("vk_grpo_loss", logits, T, V, temperature, threads);
    if (st) return st;
    VK_REQUIRE(T == 0 || (tokens && old_logp && advantages && mask && grad),
               "vk_grpo_loss: tokens, old_logp, advantages, mask and grad must not be NULL");
    VK_REQUIRE(loss != NULL && clip_frac != NULL, "vk_grpo_loss: loss and clip_frac must not be NULL");
    VK_REQUIRE(clip_low >= 0.0f && clip_low < 1.0f && clip_high >= 0.0f && isfinite(clip_high),
               "vk_grpo_loss: clip_low = %g must be in [0, 1) and clip_high = %g finite and >= 0",
               (double)clip_low, (double)clip_high);
    int64_t bad = INT64_MAX, badtok = INT64_MAX;
    *loss = 0.0;
    *clip_frac = 0.0;
    if (T > 0)
        vk_impl_now()->grpo_loss(logits, tokens, old_logp, advantages, mask, T, V, temperature, clip_low,
                                 clip_high, grad, log_probs, loss, clip_frac, threads, &bad, &badtok);
    return vk_report("vk_grpo_loss", bad, badtok, tokens);
}

int vk_stream_scale(const float* src, float* dst, int64_t n, float scale, int32_t threads) {
    VK_REQUIRE(n >= 0 && (n == 0 || (src && dst)), "vk_stream_scale: bad buffers or n = %lld", (long long)n);
    VK_REQUIRE(threads >= 1 && threads <= 256, "vk_stream_scale: threads = %d must be in [1, 256]", threads);
    if (n > 0) vk_impl_now()->stream_scale(src, dst, n, scale, threads);
    return VL_OK;
}

int vk_philox4x32(uint32_t c0, uint32_t c1, uint32_t c2, uint32_t c3, uint32_t k0, uint32_t k1,
                  uint32_t* out) {
    VK_REQUIRE(out != NULL, "vk_philox4x32: out is NULL");
    uint32_t ctr[4] = {c0, c1, c2, c3};
    vk_philox4x32_10(ctr, k0, k1, out);
    return VL_OK;
}
