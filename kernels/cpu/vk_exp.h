/* vk_exp.h - the float32 exponential polynomial (Cephes expf), shared by the vector
 * paths: x = n ln2 + r, |r| <= ln2/2, exp(r) by a degree-7 polynomial, times 2^n.
 * Relative error about 1.5e-7 over [-87, 0]; inputs below -87.3 give ~1e-38 (the
 * kernels only ever pass z - max z <= 0). */
#ifndef VK_EXP_H
#define VK_EXP_H
#define VK_EXP_LO -87.3f
#define VK_LOG2E 1.44269504088896341f
#define VK_LN2_HI 0.693359375f
#define VK_LN2_LO -2.12194440e-4f
#define VK_P0 1.9875691500e-4f
#define VK_P1 1.3981999507e-3f
#define VK_P2 8.3334519073e-3f
#define VK_P3 4.1665795894e-2f
#define VK_P4 1.6666665459e-1f
#define VK_P5 5.0000001201e-1f
#endif
