/* vk_avx512.c - AVX-512 path (16 lanes, one sampling block per vector); compiled with
 * -mavx512f -mavx512dq -mavx512bw -mavx512vl -mfma. */
#include "vk_internal.h"

#include <immintrin.h>

#include "vk_exp.h"

typedef __m512 vf;

/* No clamp needed: vscalefps turns 2^n with n < -126 into a denormal or 0, and a NaN
 * input stays NaN. */
static inline __m512 vk_exp_avx512(__m512 x) {
    __m512 n = _mm512_roundscale_ps(_mm512_mul_ps(x, _mm512_set1_ps(VK_LOG2E)),
                                    _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m512 r = _mm512_fnmadd_ps(n, _mm512_set1_ps(VK_LN2), x);
    __m512 p = _mm512_fmadd_ps(_mm512_set1_ps(VK_P5), r, _mm512_set1_ps(VK_P4));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(VK_P3));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(VK_P2));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.0f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.0f));
    return _mm512_scalef_ps(p, n);
}

#define VK_W 16
#define VLOAD(p) _mm512_loadu_ps(p)
#define VSTORE(p, v) _mm512_storeu_ps((p), (v))
#define VSTORE_NT(p, v) _mm512_stream_ps((p), (v))
#define VK_SFENCE() _mm_sfence()
#define VSET1(x) _mm512_set1_ps(x)
#define VADD(a, b) _mm512_add_ps((a), (b))
#define VSUB(a, b) _mm512_sub_ps((a), (b))
#define VMUL(a, b) _mm512_mul_ps((a), (b))
#define VMAX(a, b) _mm512_max_ps((a), (b))
#define VFMA(a, b, c) _mm512_fmadd_ps((a), (b), (c))
#define VEXP(v) vk_exp_avx512(v)
#define VHSUM(v) _mm512_reduce_add_ps(v)
#define VHMAX(v) _mm512_reduce_max_ps(v)
#define VK_IMPL vk_impl_avx512
/* vk_exp_avx512 turns NaN and +Inf arguments into NaN or +Inf (and -Inf into 0: vscalefps
 * with a -Inf exponent gives 0 even for a NaN mantissa), so row_exp finds NaN and +Inf logits
 * from the exponential sum and -Inf ones from a running minimum: one VMIN per vector instead
 * of testing every logit with two operations. */
#define VK_EXP_FLAGS_NONFINITE 1
#define VMIN(a, b) _mm512_min_ps((a), (b))
#define VHMIN(v) _mm512_reduce_min_ps(v)

#include "vk_impl.inc"
