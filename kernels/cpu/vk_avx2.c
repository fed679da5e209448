/* vk_avx2.c - AVX2 + FMA path (8 lanes); compiled with -mavx2 -mfma. */
#include "vk_internal.h"

#include <immintrin.h>

#include "vk_exp.h"

typedef __m256 vf;

/* The clamp keeps 2^n a normal float for the exponent-bits construction; NaN passes it
 * (max returns its second operand when one is NaN) and stays NaN. */
static inline __m256 vk_exp_avx2(__m256 x) {
    x = _mm256_max_ps(_mm256_set1_ps(VK_EXP_LO), x);
    __m256 n = _mm256_round_ps(_mm256_mul_ps(x, _mm256_set1_ps(VK_LOG2E)),
                               _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m256 r = _mm256_fnmadd_ps(n, _mm256_set1_ps(VK_LN2), x);
    __m256 p = _mm256_fmadd_ps(_mm256_set1_ps(VK_P5), r, _mm256_set1_ps(VK_P4));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(VK_P3));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(VK_P2));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.0f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.0f));
    __m256i e = _mm256_slli_epi32(_mm256_add_epi32(_mm256_cvtps_epi32(n), _mm256_set1_epi32(127)), 23);
    return _mm256_mul_ps(p, _mm256_castsi256_ps(e));
}

static inline float vk_hsum_avx2(__m256 v) {
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    s = _mm_add_ss(s, _mm_movehdup_ps(s));
    return _mm_cvtss_f32(s);
}

static inline float vk_hmax_avx2(__m256 v) {
    __m128 s = _mm_max_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    s = _mm_max_ps(s, _mm_movehl_ps(s, s));
    s = _mm_max_ss(s, _mm_movehdup_ps(s));
    return _mm_cvtss_f32(s);
}

#define VK_W 8
#define VLOAD(p) _mm256_loadu_ps(p)
#define VSTORE(p, v) _mm256_storeu_ps((p), (v))
#define VSTORE_NT(p, v) _mm256_stream_ps((p), (v))
#define VK_SFENCE() _mm_sfence()
#define VSET1(x) _mm256_set1_ps(x)
#define VADD(a, b) _mm256_add_ps((a), (b))
#define VSUB(a, b) _mm256_sub_ps((a), (b))
#define VMUL(a, b) _mm256_mul_ps((a), (b))
#define VMAX(a, b) _mm256_max_ps((a), (b))
#define VFMA(a, b, c) _mm256_fmadd_ps((a), (b), (c))
#define VEXP(v) vk_exp_avx2(v)
#define VHSUM(v) vk_hsum_avx2(v)
#define VHMAX(v) vk_hmax_avx2(v)
#define VK_IMPL vk_impl_avx2

#include "vk_impl.inc"
