/*
 * vlarl_grpo.h - the composite libtorch path for the token kernels (prefix vg_), the
 * reference the fused kernels (kernels/vlarl_kernels.h) are tested and benchmarked
 * against, and a selectable path for the trainer. Part of libvlarl_torch.
 *
 * Written as a PyTorch user would: log_softmax / gather / exp / clamp / maximum / mean
 * and autograd, with out= variants and a per-thread workspace wherever an op has one,
 * so the comparison is against libtorch at its best. Works on CPU and (in a CUDA build
 * of libtorch) CUDA tensors alike.
 *
 * Tensors (vt_tensor*, see vlarl_torch.h):
 *   logits float32[T, V]; tokens int64[T]; log_probs, old_logp, advantages float32[T];
 *   mask bool or uint8 [T]; grad float32[T, V].
 * Numerics: those of vlarl_kernels.h ("Numerics"): log-ratio clamped to [-20, 20], ratio
 * exp(log-ratio), loss max(-A r, -A clamp(r, 1 - clip_low, 1 + clip_high)), token-mean
 * over valid tokens with denominator max(1, valid count), clip fraction = share of
 * valid tokens with the clipped branch strictly larger.
 * Errors go through vt_last_error() (same library, same per-thread message).
 */
#ifndef VLARL_GRPO_H
#define VLARL_GRPO_H

#include <stdint.h>

#include "vl_status.h"
#include "vlarl_torch.h"

#ifdef __cplusplus
extern "C" {
#endif

/* tokens = multinomial(softmax(logits / temperature), 1); log_probs (may be NULL) =
 * log_softmax(logits / temperature) gathered at tokens. Uses libtorch's default
 * generator (vt_manual_seed). */
int vg_sample(vt_tensor* logits, float temperature, vt_tensor* tokens, vt_tensor* log_probs);

/* log_probs = log_softmax(logits / temperature).gather(1, tokens). */
int vg_log_prob(vt_tensor* logits, vt_tensor* tokens, float temperature, vt_tensor* log_probs);

/* GRPO clipped-ratio loss and its gradient by autograd; grad receives dLoss/dlogits,
 * log_probs (may be NULL) the new log-probs; *loss and *clip_frac the scalars. */
int vg_grpo_loss(vt_tensor* logits, vt_tensor* tokens, vt_tensor* old_logp, vt_tensor* advantages,
                 vt_tensor* mask, float temperature, float clip_low, float clip_high, vt_tensor* grad,
                 vt_tensor* log_probs, double* loss, double* clip_frac);

/* Whether this libtorch has CUDA and a device (0 / 1). */
int vg_cuda_available(int32_t* out);
/* A copy of t on `device` (-1 = CPU, d >= 0 = cuda:d), as a new handle. */
int vg_tensor_to_device(vt_tensor* t, int32_t device, vt_tensor** out);
/* libtorch's current CUDA stream on `device` (a CUstream); VL_ERR_UNSUPPORTED in a build
 * without CUDA headers or without a device. */
int vg_cuda_current_stream(int32_t device, void** out);
/* Waits for all work on `device`. */
int vg_cuda_synchronize(int32_t device);

#ifdef __cplusplus
}
#endif
#endif
