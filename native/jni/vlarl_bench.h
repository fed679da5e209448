/*
 * vlarl_bench.h - trivial C functions for measuring the cost of a downcall (prefix vb_).
 *
 * This header is the contract: dev.vlarl.bindings.VlarlBench mirrors it one to one, and
 * dev.vlarl.bench.JniBench declares the JNI twins (Java_dev_vlarl_bench_JniBench_*) that
 * libvlarl_bench also exports. The functions do as little as possible, so that what a
 * benchmark measures is the crossing itself. They never fail and never call back into
 * Java, so every one of them is safe to link with Linker.Option.critical.
 *
 * vb_torch_sum_f32 lives in the optional libvlarl_bench_torch (built when libtorch is):
 * it wraps caller memory as a tensor, sums it with libtorch and drops the tensor, all in
 * one call, so that a heap array can be handed to libtorch for exactly one call.
 */
#ifndef VLARL_BENCH_H
#define VLARL_BENCH_H

#include <stdint.h>

#include "vl_status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Does nothing. */
void vb_noop(void);
/* Does nothing with two arguments (a pointer-sized and an int-sized one). */
void vb_noop_args(int64_t a, int32_t b);
/* Sum of n bytes (unsigned), so that reading the buffer cannot be skipped. */
int64_t vb_sum_bytes(const uint8_t* data, int64_t n);

/* libvlarl_bench_torch: *out = libtorch's sum of n float32 at data (from_blob, no copy).
 * Returns a vl_status; the message of a failure is read with vb_torch_last_error(). */
int vb_torch_sum_f32(const float* data, int64_t n, double* out);
const char* vb_torch_last_error(void);

#ifdef __cplusplus
}
#endif
#endif
