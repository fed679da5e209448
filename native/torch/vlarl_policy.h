/*
 * vlarl_policy.h - C entry points of the TinyVLA policy (module kind "tinyvla") that the
 * generic vt_ API lacks (prefix vp_). dev.vlarl.bindings.VlarlPolicy mirrors it.
 *
 * The policy is created with vt_module_create("tinyvla", config) and freed with
 * vt_module_free; its base saves/loads with vt_module_save/vt_module_load. Status codes
 * and the per-thread message are those of the torch shim (vp_last_error == vt_last_error).
 *
 * Shapes (B batch, K chunk, D action dims, L instruction length):
 *   image uint8[B, H, W, 3]; state float32[B, S]; instruction int32[B, L] (0 = padding);
 *   slots int32[B]: each row's adapter slot, -1 = base only.
 */
#ifndef VLARL_POLICY_H
#define VLARL_POLICY_H

#include <stdint.h>

#include "vl_status.h"
#include "vlarl_torch.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct vp_trainer vp_trainer;

/* Message of the last failed call on this thread (shared with vt_last_error). */
const char* vp_last_error(void);

/* ---- task adapters ---------------------------------------------------------------- */

/* Adds a LoRA adapter for a new task (B = 0: the task starts as the base); *slot gets
 * its slot. The adapter starts frozen. A task name already present is an error. */
int vp_add_task(vt_module* m, const char* task, int32_t* slot);
/* Drops a task's adapter; its slot becomes invalid (rows using it are an error). */
int vp_remove_task(vt_module* m, const char* task);
/* The slot of a task; an unknown task is an error naming the known ones. */
int vp_task_slot(vt_module* m, const char* task, int32_t* slot);
/* Parameters of one task's adapter. */
int vp_adapter_num_parameters(vt_module* m, const char* task, int64_t* out);
/* What trains: the base (train_base != 0) and/or one task's adapter (task "" or NULL:
 * none). Everything else is frozen. Create trainers after this call. */
int vp_set_trainable(vt_module* m, int32_t train_base, const char* task);
/* One adapter as its own file (libtorch archive); loading checks names and shapes and
 * adds the task first when the policy lacks it. */
int vp_save_adapter(vt_module* m, const char* task, const char* path);
int vp_load_adapter(vt_module* m, const char* task, const char* path);

/* ---- acting ----------------------------------------------------------------------- */

/* Seeds the generator used for sampled decoding. */
int vp_seed(vt_module* m, uint64_t seed);
/* One forward without autograd, then decoding per (row, step, dim): temperature <= 0
 * greedy (argmax), otherwise sampling from softmax(logits / temperature). Writes the
 * tokens int32[B, K, D] and, when logprob is not NULL, log p(token) float32[B, K, D]
 * under the tempered distribution (the distribution it was sampled from). */
int vp_act(vt_module* m, vt_tensor* image, vt_tensor* state, vt_tensor* instruction, vt_tensor* slots,
           double temperature, vt_tensor* tokens, vt_tensor* logprob);

/* ---- supervised training ----------------------------------------------------------- */

/* AdamW over the parameters trainable now (see vp_set_trainable). config: lr, beta1,
 * beta2, eps, weight_decay, clip (global grad-norm clip, <= 0 none), label_sigma (0:
 * one-hot targets; > 0: each target is a Gaussian over the bins around the expert's bin,
 * std label_sigma bins, cut at the range and renormalised). */
int vp_trainer_create(vt_module* m, const char* config, vp_trainer** out);
int vp_trainer_free(vp_trainer* t);
/* One fused step: forward, mean cross-entropy over all action tokens (targets
 * int32[B, K, D] in [0, 256)), backward, clip, AdamW step. Writes the loss, the token
 * accuracy (argmax == target) and the gradient norm before clipping. A non-finite loss
 * or gradient skips the update and is VL_ERR_NUMERIC. */
int vp_train_step(vp_trainer* t, vt_tensor* image, vt_tensor* state, vt_tensor* instruction, vt_tensor* slots,
                  vt_tensor* targets, double* loss, double* accuracy, double* grad_norm);
/* vp_train_step plus the auxiliary head's loss (a policy created with aux = A > 0):
 * aux_target float32[B, A], aux_mask float32[B] (1: the row has a target, 0: none); the
 * optimised loss is the token loss + aux_weight * the mean over masked rows of the Huber
 * loss (threshold 1) summed over the A outputs. Writes the token loss (as vp_train_step)
 * and the auxiliary loss before weighting. */
int vp_train_step_aux(vp_trainer* t, vt_tensor* image, vt_tensor* state, vt_tensor* instruction, vt_tensor* slots,
                      vt_tensor* targets, vt_tensor* aux_target, vt_tensor* aux_mask, double aux_weight,
                      double* loss, double* accuracy, double* grad_norm, double* aux_loss);
/* Mean cross-entropy and token accuracy without updating (validation). */
int vp_eval_loss(vt_module* m, vt_tensor* image, vt_tensor* state, vt_tensor* instruction, vt_tensor* slots,
                 vt_tensor* targets, double* loss, double* accuracy);
/* Optimiser state (moments, step counts) for resuming. */
int vp_trainer_save(vp_trainer* t, const char* path);
int vp_trainer_load(vp_trainer* t, const char* path);
/* Changes the learning rate (schedules). */
int vp_trainer_set_lr(vp_trainer* t, double lr);

#ifdef __cplusplus
}
#endif
#endif
