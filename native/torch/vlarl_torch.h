/*
 * vlarl_torch.h - plain C ABI over libtorch (prefix vt_).
 *
 * This header is the contract: dev.vlarl.bindings.VlarlTorch mirrors it one to one.
 *
 * Conventions
 *  - Every fallible function returns a vl_status code (vl_status.h). On failure the
 *    message (libtorch's own text for a c10::Error) is kept per thread and read with
 *    vt_last_error(). No C++ exception ever crosses this boundary.
 *  - Handles (vt_tensor*, vt_module*, vt_optim*) are owned by the caller and released
 *    with the matching *_free function, which accepts NULL.
 *  - Shapes are int64_t arrays of length ndim; dtypes are enum vt_dtype.
 *  - vt_tensor_from_blob wraps caller-owned memory without a copy: the caller keeps the
 *    memory alive and unmoved for the tensor's lifetime.
 */
#ifndef VLARL_TORCH_H
#define VLARL_TORCH_H

#include <stddef.h>
#include <stdint.h>

#include "vl_status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct vt_tensor vt_tensor;
typedef struct vt_module vt_module;
typedef struct vt_optim vt_optim;

enum vt_dtype {
    VT_FLOAT32 = 0,
    VT_FLOAT64 = 1,
    VT_INT32 = 2,
    VT_INT64 = 3,
    VT_UINT8 = 4,
    VT_BOOL = 5
};

/* ---- runtime -------------------------------------------------------------------- */

/* Message of the last failed call on this thread ("" if none). Valid until the next
 * failing call on the same thread. */
const char* vt_last_error(void);
/* libtorch's version string, e.g. "1.13.1". */
const char* vt_version(void);
/* Intra-op threads used by libtorch (0 leaves the current setting). */
int vt_set_num_threads(int32_t n);
int vt_get_num_threads(int32_t* out);
/* The CPU kernel set ATen dispatches to: "DEFAULT", "AVX2", "AVX512". */
int vt_cpu_capability(const char** out);
/* Handles alive right now, per kind: 0 tensors, 1 modules, 2 optimisers. */
int64_t vt_live_handles(int32_t kind);
/* Manual seed for libtorch's generators. */
int vt_manual_seed(uint64_t seed);

/* ---- tensors -------------------------------------------------------------------- */

/* Wraps data (caller-owned, contiguous, row-major) without copying it. */
int vt_tensor_from_blob(void* data, const int64_t* shape, int32_t ndim, int32_t dtype,
                        vt_tensor** out);
/* A new tensor owning fresh, zeroed memory. */
int vt_tensor_zeros(const int64_t* shape, int32_t ndim, int32_t dtype, vt_tensor** out);
int vt_tensor_free(vt_tensor* t);
/* Address of the first element (the tensor must be contiguous). */
int vt_tensor_data(vt_tensor* t, void** out);
int vt_tensor_ndim(vt_tensor* t, int32_t* out);
/* Writes min(cap, ndim) sizes. */
int vt_tensor_shape(vt_tensor* t, int64_t* out, int32_t cap);
int vt_tensor_dtype(vt_tensor* t, int32_t* out);
int vt_tensor_numel(vt_tensor* t, int64_t* out);
/* Copies src into dst in place (shapes broadcastable, dtypes convertible). */
int vt_tensor_copy_(vt_tensor* dst, vt_tensor* src);
/* In place: t = t * mul + add. */
int vt_tensor_affine_(vt_tensor* t, double mul, double add);
/* Sum of all elements as a double. */
int vt_tensor_sum(vt_tensor* t, double* out);
/* out = a @ b (new tensor); a shape mismatch is reported, not thrown. */
int vt_matmul(vt_tensor* a, vt_tensor* b, vt_tensor** out);
/* A copy of t that owns its own memory (detached from autograd). */
int vt_tensor_clone(vt_tensor* t, vt_tensor** out);
/* Whether t tracks gradients; its gradient as a new handle (NULL if none). */
int vt_tensor_grad(vt_tensor* t, vt_tensor** out);

/* ---- autograd ------------------------------------------------------------------- */

/* Back-propagates from a scalar loss. */
int vt_backward(vt_tensor* loss);
/* Back-propagates `grad` (same shape as t) into the graph that produced t. */
int vt_backward_with_grad(vt_tensor* t, vt_tensor* grad);

/* ---- modules -------------------------------------------------------------------- */

/* Creates a module of a registered kind. config is "key=value" pairs separated by
 * ';' or ','; unknown kinds and keys are errors that name the valid ones.
 * Built in: "mlp" (in, hidden, out, layers). */
int vt_module_create(const char* kind, const char* config, vt_module** out);
int vt_module_free(vt_module* m);
/* Runs forward. Writes up to cap output handles (caller frees each); *n_out gets the
 * number of outputs the module produced. */
int vt_module_forward(vt_module* m, vt_tensor* const* inputs, int32_t n_in,
                      vt_tensor** outputs, int32_t cap, int32_t* n_out);
/* Inference without autograd: runs forward and copies output i into outputs[i]
 * (caller-owned, shapes must match), allocating no handles. For latency-bound loops. */
int vt_module_forward_into(vt_module* m, vt_tensor* const* inputs, int32_t n_in,
                           vt_tensor* const* outputs, int32_t n_out);
/* Kind-specific operation by name (e.g. a policy's "add_task"); args as in config. */
int vt_module_call(vt_module* m, const char* method, const char* args);
int vt_module_train(vt_module* m, int32_t training);
int vt_module_num_parameters(vt_module* m, int32_t trainable_only, int64_t* out);
/* Saves / loads all parameters and buffers (libtorch archive). Loading checks names
 * and shapes and reports a mismatch or a corrupt file. */
int vt_module_save(vt_module* m, const char* path);
int vt_module_load(vt_module* m, const char* path);

/* ---- optimisers ----------------------------------------------------------------- */

/* kind "adamw" (lr, beta1, beta2, eps, weight_decay) or "sgd" (lr, momentum) over
 * the module's trainable parameters. */
int vt_optim_create(vt_module* m, const char* kind, const char* config, vt_optim** out);
int vt_optim_free(vt_optim* o);
int vt_optim_zero_grad(vt_optim* o);
/* Clips the global gradient norm to max_norm (<= 0: no clipping), then steps.
 * *grad_norm (may be NULL) receives the norm before clipping. */
int vt_optim_step(vt_optim* o, double max_norm, double* grad_norm);

/* ---- losses (composite reference ops) ------------------------------------------- */

/* Mean cross-entropy of logits [N, C] (float32) against targets [N] (int64). */
int vt_cross_entropy(vt_tensor* logits, vt_tensor* targets, vt_tensor** out);
/* Mean squared error (scalar). */
int vt_mse(vt_tensor* a, vt_tensor* b, vt_tensor** out);

#ifdef __cplusplus
}
#endif
#endif
