/* vk_exp.h - the float32 exponential of the vector paths: x = n ln2 + r with n the nearest
 * integer to x / ln2 (|r| <= ln2/2), exp(r) = 1 + r + r^2 (P2 + P3 r + P4 r^2 + P5 r^3) in
 * Horner form (5 FMAs), times 2^n. The P are a near-minimax fit of (exp(r) - 1 - r) / r^2 for
 * relative error on [-ln2/2, ln2/2] (iteratively reweighted least squares; 1.05e-7 in exact
 * arithmetic, below the degree-6 Taylor polynomial's 1.2e-7 with one FMA less). r = x - n ln2
 * uses ln2 rounded to float (error n * 1.9e-9). Against double exp, float32 with FMAs: max
 * relative error 2.1e-7 on [-20, 0], 4.0e-7 on [-87, 0] (the Taylor-6 version it replaced:
 * 2.6e-7 and 4.4e-7). The kernels only pass z - max z <= 0. 8 vector operations. */
#ifndef VK_EXP_H
#define VK_EXP_H
#define VK_EXP_LO -87.3f
#define VK_LOG2E 1.44269504088896341f
#define VK_LN2 0.693147180559945309f
#define VK_P5 8.312525069e-03f
#define VK_P4 4.189011352e-02f
#define VK_P3 1.666711446e-01f
#define VK_P2 4.999923179e-01f
#endif
