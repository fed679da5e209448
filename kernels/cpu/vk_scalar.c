/* vk_scalar.c - the portable path: one lane, libm's expf (the compiler may still
 * auto-vectorise the loops for the baseline ISA). */
#include "vk_internal.h"

#include <math.h>

typedef float vf;
#define VK_W 1
#define VLOAD(p) (*(p))
#define VSTORE(p, v) (*(p) = (v))
#define VSTORE_NT(p, v) (*(p) = (v))
#define VK_SFENCE() ((void)0)
#define VSET1(x) (x)
#define VADD(a, b) ((a) + (b))
#define VSUB(a, b) ((a) - (b))
#define VMUL(a, b) ((a) * (b))
#define VMAX(a, b) ((a) > (b) ? (a) : (b))
#define VFMA(a, b, c) fmaf((a), (b), (c))
#define VEXP(v) expf(v)
#define VHSUM(v) (v)
#define VHMAX(v) (v)
#define VK_IMPL vk_impl_scalar

#include "vk_impl.inc"
