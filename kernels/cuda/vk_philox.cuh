// vk_philox.cuh - Philox4x32-10 (Random123), the same rounds as kernels/cpu/vk_internal.h,
// and the (seed, row) -> uniform mapping documented in vlarl_kernels.h.
#pragma once
#include <stdint.h>

__device__ __forceinline__ void vk_philox4x32_10(uint32_t c[4], uint32_t k0, uint32_t k1) {
#pragma unroll
    for (int r = 0; r < 10; r++) {
        uint32_t hi0 = __umulhi(0xD2511F53u, c[0]), lo0 = 0xD2511F53u * c[0];
        uint32_t hi1 = __umulhi(0xCD9E8D57u, c[2]), lo1 = 0xCD9E8D57u * c[2];
        uint32_t n0 = hi1 ^ c[1] ^ k0, n2 = hi0 ^ c[3] ^ k1;
        c[0] = n0; c[1] = lo1; c[2] = n2; c[3] = lo0;
        k0 += 0x9E3779B9u;
        k1 += 0xBB67AE85u;
    }
}

// u in [0, 1) for row n = offset + t: 24 bits of the first output word.
__device__ __forceinline__ float vk_uniform(unsigned long long seed, unsigned long long n) {
    uint32_t c[4] = {(uint32_t)n, (uint32_t)(n >> 32), 0u, 0u};
    vk_philox4x32_10(c, (uint32_t)seed, (uint32_t)(seed >> 32));
    return (float)(c[0] >> 8) * 0x1.0p-24f;
}
