/* vk_exp.h - the float32 exponential of the vector paths: x = n ln2 + r with n the nearest
 * integer to x / ln2 (|r| <= ln2/2), exp(r) by its degree-6 Taylor polynomial in Horner form
 * (truncation error <= 0.3466^7 / 7! = 1.2e-7 relative), times 2^n. r = x - n ln2 uses ln2
 * rounded to float (error n * 1.9e-9). Measured against double exp: max relative error
 * 2.7e-7 on [-20, 0], 4.5e-7 on [-87, 0]. The kernels only pass z - max z <= 0 (never
 * +-Inf: rows with a non-finite logit are rejected first). 9 vector operations. */
#ifndef VK_EXP_H
#define VK_EXP_H
#define VK_EXP_LO -87.3f
#define VK_LOG2E 1.44269504088896341f
#define VK_LN2 0.693147180559945309f
#define VK_C6 (1.0f / 720.0f)
#define VK_C5 (1.0f / 120.0f)
#define VK_C4 (1.0f / 24.0f)
#define VK_C3 (1.0f / 6.0f)
#define VK_C2 0.5f
#endif
