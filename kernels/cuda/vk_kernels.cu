// vk_kernels.cu - the CUDA versions of the three kernels of vlarl_kernels.h, with the same
// numerics. Built into vlarl_kernels.fatbin (sm_90 + compute_90 PTX) and launched from
// Java through the CUDA driver API (dev.vlarl.kernels.CudaTokenKernels): extern "C" names,
// plain pointer / scalar parameters, no CUDA runtime calls.
//
// Layout: one warp per row, blocks of VK_WARPS warps; lane l holds the elements
// j = l + 32 i (i < V / 32), so every load and store of a warp is 128 contiguous bytes.
// V must be a multiple of 32 and at most 32 * VK_MAXPER (= 256, vlarl's bins).
//
// Errors: rows with a non-finite logit or an out-of-range token are recorded in a
// vk_stats block (atomicMin of the row index); the host reads it after the stream work.
#include <stdint.h>

#include "vk_philox.cuh"

#define VK_MAXPER 8
#define VK_WARPS 8
#define VK_FULL 0xffffffffu
#define VK_LOG_RATIO_CLAMP 20.0

// Device-side bookkeeping of one call, 7 x 8 bytes (mirrored by CudaTokenKernels).
struct vk_stats {
    unsigned long long n_valid;    // valid tokens (GRPO)
    double loss_sum;               // sum of per-token losses (GRPO)
    unsigned long long clipped;    // tokens where the clipped branch won (GRPO)
    unsigned long long bad_row;    // first row with a non-finite logit, ~0 if none
    unsigned long long bad_token;  // first row with an out-of-range token, ~0 if none
    double loss;                   // loss_sum / max(1, n_valid)
    double clip_frac;              // clipped / max(1, n_valid)
};

__device__ __forceinline__ float warp_max(float v) {
#pragma unroll
    for (int o = 16; o > 0; o >>= 1) v = fmaxf(v, __shfl_xor_sync(VK_FULL, v, o));
    return v;
}

__device__ __forceinline__ float warp_sum(float v) {
#pragma unroll
    for (int o = 16; o > 0; o >>= 1) v += __shfl_xor_sync(VK_FULL, v, o);
    return v;
}

// Loads row x into z (= x / t, later z - max), e = exp(z - max z); returns false when
// a logit is not finite. *mz = max z, *sum = sum e.
__device__ __forceinline__ bool row_exp(const float* __restrict__ x, int per, int lane, float inv_t,
                                        float (&z)[VK_MAXPER], float (&e)[VK_MAXPER], float* mz_out,
                                        float* sum_out) {
    float xm = -3.402823466e38f;
    bool finite = true;
#pragma unroll
    for (int i = 0; i < VK_MAXPER; i++) {
        if (i < per) {
            float v = __ldg(x + lane + 32 * i);
            finite &= isfinite(v);
            xm = fmaxf(xm, v);
            z[i] = v;
        }
    }
    if (__any_sync(VK_FULL, !finite)) return false;
    float mz = warp_max(xm) * inv_t;
    float s = 0.0f;
#pragma unroll
    for (int i = 0; i < VK_MAXPER; i++) {
        if (i < per) {
            z[i] = fmaf(z[i], inv_t, -mz);
            e[i] = expf(z[i]);
            s += e[i];
        }
    }
    *mz_out = mz;
    *sum_out = warp_sum(s);
    return true;
}

// z[k] of the row, broadcast to the warp.
__device__ __forceinline__ float row_get(const float (&z)[VK_MAXPER], int per, int k) {
    float out = 0.0f;
#pragma unroll
    for (int i = 0; i < VK_MAXPER; i++)
        if (i < per && i == (k >> 5)) out = __shfl_sync(VK_FULL, z[i], k & 31);
    return out;
}

extern "C" __global__ void vk_stats_reset(vk_stats* st) {
    st->n_valid = 0;
    st->loss_sum = 0.0;
    st->clipped = 0;
    st->bad_row = ~0ull;
    st->bad_token = ~0ull;
    st->loss = 0.0;
    st->clip_frac = 0.0;
}

extern "C" __global__ void __launch_bounds__(32 * VK_WARPS)
vk_sample_kernel(const float* __restrict__ logits, long long T, int V, float inv_t,
                 unsigned long long seed, unsigned long long offset, long long* __restrict__ tokens,
                 float* __restrict__ log_probs, vk_stats* st) {
    const int lane = threadIdx.x & 31;
    const long long t = (long long)blockIdx.x * VK_WARPS + (threadIdx.x >> 5);
    if (t >= T) return;
    const int per = V >> 5;
    float z[VK_MAXPER], e[VK_MAXPER], mz, sum;
    if (!row_exp(logits + t * V, per, lane, inv_t, z, e, &mz, &sum)) {
        if (lane == 0) {
            atomicMin(&st->bad_row, (unsigned long long)t);
            tokens[t] = 0;
            if (log_probs) log_probs[t] = __int_as_float(0x7fc00000);
        }
        return;
    }
    // 16-wide block sums: lanes 0-15 hold block 2i, lanes 16-31 block 2i+1.
    float bs[VK_MAXPER];
#pragma unroll
    for (int i = 0; i < VK_MAXPER; i++) {
        if (i < per) {
            float v = e[i];
#pragma unroll
            for (int o = 8; o > 0; o >>= 1) v += __shfl_xor_sync(VK_FULL, v, o);
            bs[i] = v;
        }
    }
    // Sequential sum of block sums, in block order (as the CPU does).
    float total = 0.0f;
#pragma unroll
    for (int i = 0; i < VK_MAXPER; i++) {
        if (i < per) {
            total += __shfl_sync(VK_FULL, bs[i], 0);
            total += __shfl_sync(VK_FULL, bs[i], 16);
        }
    }
    const float target = vk_uniform(seed, offset + (unsigned long long)t) * total;
    int k = -1;
    float c = 0.0f;
#pragma unroll
    for (int i = 0; i < VK_MAXPER; i++) {
        if (i < per) {
#pragma unroll
            for (int h = 0; h < 2; h++) {
                float b = __shfl_sync(VK_FULL, bs[i], 16 * h);
                if (k < 0 && c + b > target) {
                    // inclusive scan inside the half-warp that holds this block
                    float v = e[i];
#pragma unroll
                    for (int o = 1; o < 16; o <<= 1) {
                        float u = __shfl_up_sync(VK_FULL, v, o, 16);
                        if ((lane & 15) >= o) v += u;
                    }
                    unsigned hit = __ballot_sync(VK_FULL, (lane >> 4) == h && c + v > target);
                    unsigned pos = __ballot_sync(VK_FULL, (lane >> 4) == h && e[i] > 0.0f);
                    int l = hit ? __ffs(hit) - 1 : 31 - __clz(pos);  // rounding: last positive
                    k = 32 * i + l;
                }
                c += b;
            }
        }
    }
    if (k < 0) {  // u * total rounded up to total: the last positive element
        for (int i = per - 1; i >= 0 && k < 0; i--) {
            unsigned pos = __ballot_sync(VK_FULL, e[i] > 0.0f);
            if (pos) k = 32 * i + 31 - __clz(pos);
        }
        if (k < 0) k = V - 1;
    }
    float zk = row_get(z, per, k);
    if (lane == 0) {
        tokens[t] = k;
        if (log_probs) log_probs[t] = zk - logf(total);
    }
}

extern "C" __global__ void __launch_bounds__(32 * VK_WARPS)
vk_log_prob_kernel(const float* __restrict__ logits, const long long* __restrict__ tokens, long long T,
                   int V, float inv_t, float* __restrict__ log_probs, vk_stats* st) {
    const int lane = threadIdx.x & 31;
    const long long t = (long long)blockIdx.x * VK_WARPS + (threadIdx.x >> 5);
    if (t >= T) return;
    const int per = V >> 5;
    const long long k = tokens[t];
    if (k < 0 || k >= V) {
        if (lane == 0) {
            atomicMin(&st->bad_token, (unsigned long long)t);
            log_probs[t] = __int_as_float(0x7fc00000);
        }
        return;
    }
    float z[VK_MAXPER], e[VK_MAXPER], mz, sum;
    if (!row_exp(logits + t * V, per, lane, inv_t, z, e, &mz, &sum)) {
        if (lane == 0) {
            atomicMin(&st->bad_row, (unsigned long long)t);
            log_probs[t] = __int_as_float(0x7fc00000);
        }
        return;
    }
    float zk = row_get(z, per, (int)k);
    if (lane == 0) log_probs[t] = zk - logf(sum);
}

extern "C" __global__ void vk_count_valid_kernel(const unsigned char* __restrict__ mask, long long T,
                                                 vk_stats* st) {
    unsigned long long n = 0;
    for (long long t = (long long)blockIdx.x * blockDim.x + threadIdx.x; t < T;
         t += (long long)gridDim.x * blockDim.x)
        n += mask[t] != 0;
#pragma unroll
    for (int o = 16; o > 0; o >>= 1) n += __shfl_xor_sync(VK_FULL, n, o);
    if ((threadIdx.x & 31) == 0 && n) atomicAdd(&st->n_valid, n);
}

extern "C" __global__ void __launch_bounds__(32 * VK_WARPS)
vk_grpo_loss_kernel(const float* __restrict__ logits, const long long* __restrict__ tokens,
                    const float* __restrict__ old_logp, const float* __restrict__ advantages,
                    const unsigned char* __restrict__ mask, long long T, int V, float inv_t,
                    float clip_low, float clip_high, float* __restrict__ grad,
                    float* __restrict__ log_probs, vk_stats* st) {
    __shared__ double s_loss[VK_WARPS];
    __shared__ unsigned long long s_clip[VK_WARPS];
    const int lane = threadIdx.x & 31, warp = threadIdx.x >> 5;
    const long long t = (long long)blockIdx.x * VK_WARPS + warp;
    const int per = V >> 5;
    double my_loss = 0.0;
    unsigned long long my_clip = 0;
    if (t < T) {
        float* g = grad + t * V;
        bool zero_row = true;
        const long long k = tokens[t];
        if (!mask[t]) {  // padding: never read, exactly zero gradient
            if (lane == 0 && log_probs) log_probs[t] = 0.0f;
        } else if (k < 0 || k >= V) {
            if (lane == 0) {
                atomicMin(&st->bad_token, (unsigned long long)t);
                if (log_probs) log_probs[t] = __int_as_float(0x7fc00000);
            }
        } else {
            float z[VK_MAXPER], e[VK_MAXPER], mz, sum;
            if (!row_exp(logits + t * V, per, lane, inv_t, z, e, &mz, &sum)) {
                if (lane == 0) {
                    atomicMin(&st->bad_row, (unsigned long long)t);
                    if (log_probs) log_probs[t] = __int_as_float(0x7fc00000);
                }
            } else {
                const double inv_n = 1.0 / (double)(st->n_valid > 0 ? st->n_valid : 1);
                float logp = row_get(z, per, (int)k) - logf(sum);
                double log_ratio = (double)logp - (double)old_logp[t];
                bool clamped = log_ratio < -VK_LOG_RATIO_CLAMP || log_ratio > VK_LOG_RATIO_CLAMP;
                log_ratio = fmin(fmax(log_ratio, -VK_LOG_RATIO_CLAMP), VK_LOG_RATIO_CLAMP);
                double ratio = exp(log_ratio);
                double adv = (double)advantages[t];
                double lo = 1.0 - (double)clip_low, hi = 1.0 + (double)clip_high;
                double pg_loss1 = -adv * ratio;
                double pg_loss2 = -adv * fmin(fmax(ratio, lo), hi);
                my_loss = fmax(pg_loss1, pg_loss2);
                my_clip = pg_loss2 > pg_loss1;
                double dlogp = (pg_loss1 >= pg_loss2 && !clamped) ? -adv * ratio * inv_n : 0.0;
                zero_row = dlogp == 0.0;  // clipped, clamped or zero advantage: exactly +0
                float cc = (float)(dlogp * (double)inv_t);
                float cs = -cc / sum;
#pragma unroll
                for (int i = 0; i < VK_MAXPER; i++) {
                    if (i < per && !zero_row) {
                        int j = lane + 32 * i;
                        g[j] = e[i] * cs + (j == k ? cc : 0.0f);
                    }
                }
                if (lane == 0 && log_probs) log_probs[t] = logp;
            }
        }
        if (zero_row) {
#pragma unroll
            for (int i = 0; i < VK_MAXPER; i++)
                if (i < per) g[lane + 32 * i] = 0.0f;
        }
    }
    if (lane == 0) {
        s_loss[warp] = my_loss;
        s_clip[warp] = my_clip;
    }
    __syncthreads();
    if (threadIdx.x == 0) {
        double l = 0.0;
        unsigned long long c = 0;
        for (int w = 0; w < VK_WARPS; w++) {
            l += s_loss[w];
            c += s_clip[w];
        }
        if (l != 0.0) atomicAdd(&st->loss_sum, l);
        if (c) atomicAdd(&st->clipped, c);
    }
}

extern "C" __global__ void vk_grpo_finish(vk_stats* st) {
    double inv_n = 1.0 / (double)(st->n_valid > 0 ? st->n_valid : 1);
    st->loss = st->loss_sum * inv_n;
    st->clip_frac = (double)st->clipped * inv_n;
}

// The device-to-device bound: dst = src * scale, float4 at a time (n % 4 == 0).
extern "C" __global__ void vk_stream_scale_kernel(const float4* __restrict__ src, float4* __restrict__ dst,
                                                  long long n4, float scale) {
    for (long long i = (long long)blockIdx.x * blockDim.x + threadIdx.x; i < n4;
         i += (long long)gridDim.x * blockDim.x) {
        float4 v = src[i];
        v.x *= scale; v.y *= scale; v.z *= scale; v.w *= scale;
        dst[i] = v;
    }
}
