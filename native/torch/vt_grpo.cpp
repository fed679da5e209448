// vt_grpo.cpp - the composite libtorch token kernels (vlarl_grpo.h): the reference and
// selectable path next to the fused kernels in kernels/. Read top to bottom; the GRPO
// loss is vg_grpo_loss, in CleanRL's named steps.
#include "vlarl_grpo.h"

#include "vt_internal.h"

#if __has_include(<c10/cuda/CUDAStream.h>) && __has_include(<cuda_runtime_api.h>) && defined(VLARL_TORCH_CUDA)
#include <c10/cuda/CUDAFunctions.h>
#include <c10/cuda/CUDAStream.h>
#define VG_HAVE_CUDA 1
#endif

namespace {

using vt::InvalidArgument;

// Scratch tensors reused across calls on one thread (resize_ keeps the storage when it
// is large enough), so the composite path allocates nothing in steady state except
// what autograd allocates itself.
struct Workspace {
    at::Tensor z, lsm, probs, tok2d;
};

Workspace& workspace(const at::Tensor& like) {
    thread_local Workspace cpu;
    thread_local Workspace other;
    return like.is_cpu() ? cpu : other;
}

at::Tensor& scratch(at::Tensor& slot, const at::Tensor& like, at::IntArrayRef shape, at::ScalarType type) {
    if (!slot.defined() || slot.device() != like.device() || slot.scalar_type() != type) {
        slot = at::empty(shape, like.options().dtype(type));
    } else {
        slot.resize_(shape);
    }
    return slot;
}

void check_logits(const at::Tensor& logits) {
    if (logits.dim() != 2 || logits.scalar_type() != at::kFloat)
        throw InvalidArgument("logits must be float32[T, V], got " + std::string(c10::toString(logits.scalar_type())) +
                              c10::str(logits.sizes()));
}

void check_vec(const at::Tensor& v, int64_t T, at::ScalarType type, const char* name) {
    if (v.dim() != 1 || v.size(0) != T || v.scalar_type() != type)
        throw InvalidArgument(std::string(name) + " must be " + c10::toString(type) + "[" + std::to_string(T) + "], got " +
                              c10::toString(v.scalar_type()) + c10::str(v.sizes()));
}

void check_temperature(float t) {
    if (!(t > 0.0f) || !std::isfinite(t)) throw InvalidArgument("temperature must be finite and > 0, got " + std::to_string(t));
}

// NaN or +-Inf in a row that is used (mask: the valid rows; undefined: every row) is
// reported with the first such row, as the fused kernels do.
void check_finite(const at::Tensor& logits, const at::Tensor& mask) {
    at::Tensor bad = at::isfinite(logits).all(1).logical_not_();
    if (mask.defined()) bad.logical_and_(mask);
    if (bad.any().item<bool>()) {
        throw vt::NumericError("non-finite logit (NaN or Inf) in row " + std::to_string(bad.nonzero()[0][0].item<int64_t>()));
    }
}

}  // namespace

extern "C" {

int vg_sample(vt_tensor* logits_h, float temperature, vt_tensor* tokens_h, vt_tensor* log_probs_h) {
    VT_TRY {
        const at::Tensor& logits = vt::unwrap(logits_h);
        at::Tensor& tokens = vt::unwrap(tokens_h);
        check_logits(logits);
        check_temperature(temperature);
        const int64_t T = logits.size(0);
        check_vec(tokens, T, at::kLong, "tokens");
        at::NoGradGuard no_grad;
        check_finite(logits, at::Tensor());
        Workspace& ws = workspace(logits);
        at::Tensor& z = scratch(ws.z, logits, logits.sizes(), at::kFloat);
        at::div_out(z, logits, temperature);
        at::Tensor& probs = scratch(ws.probs, logits, logits.sizes(), at::kFloat);
        at::softmax_out(probs, z, 1);
        at::Tensor& tok2d = scratch(ws.tok2d, logits, {T, 1}, at::kLong);
        at::multinomial_out(tok2d, probs, 1);
        tokens.copy_(tok2d.view({T}));
        if (log_probs_h != nullptr) {
            at::Tensor& lp = vt::unwrap(log_probs_h);
            check_vec(lp, T, at::kFloat, "log_probs");
            at::Tensor& lsm = scratch(ws.lsm, logits, logits.sizes(), at::kFloat);
            at::log_softmax_out(lsm, z, 1);
            auto lp2d = lp.view({T, 1});
            at::gather_out(lp2d, lsm, 1, tok2d);
        }
        return VL_OK;
    }
    VT_CATCH
}

int vg_log_prob(vt_tensor* logits_h, vt_tensor* tokens_h, float temperature, vt_tensor* log_probs_h) {
    VT_TRY {
        const at::Tensor& logits = vt::unwrap(logits_h);
        const at::Tensor& tokens = vt::unwrap(tokens_h);
        at::Tensor& lp = vt::unwrap(log_probs_h);
        check_logits(logits);
        check_temperature(temperature);
        const int64_t T = logits.size(0);
        check_vec(tokens, T, at::kLong, "tokens");
        check_vec(lp, T, at::kFloat, "log_probs");
        at::NoGradGuard no_grad;
        check_finite(logits, at::Tensor());
        Workspace& ws = workspace(logits);
        at::Tensor& z = scratch(ws.z, logits, logits.sizes(), at::kFloat);
        at::div_out(z, logits, temperature);
        at::Tensor& lsm = scratch(ws.lsm, logits, logits.sizes(), at::kFloat);
        at::log_softmax_out(lsm, z, 1);
        auto lp2d = lp.view({T, 1});
        at::gather_out(lp2d, lsm, 1, tokens.view({T, 1}));
        return VL_OK;
    }
    VT_CATCH
}

int vg_grpo_loss(vt_tensor* logits_h, vt_tensor* tokens_h, vt_tensor* old_logp_h, vt_tensor* advantages_h,
                 vt_tensor* mask_h, float temperature, float clip_low, float clip_high, vt_tensor* grad_h,
                 vt_tensor* log_probs_h, double* loss_out, double* clip_frac_out) {
    VT_TRY {
        const at::Tensor& logits = vt::unwrap(logits_h);
        const at::Tensor& tokens = vt::unwrap(tokens_h);
        const at::Tensor& old_logp = vt::unwrap(old_logp_h);
        const at::Tensor& advantages = vt::unwrap(advantages_h);
        const at::Tensor& mask = vt::unwrap(mask_h);
        at::Tensor& grad = vt::unwrap(grad_h);
        check_logits(logits);
        check_temperature(temperature);
        const int64_t T = logits.size(0);
        check_vec(tokens, T, at::kLong, "tokens");
        check_vec(old_logp, T, at::kFloat, "old_logp");
        check_vec(advantages, T, at::kFloat, "advantages");
        if (mask.dim() != 1 || mask.size(0) != T || (mask.scalar_type() != at::kBool && mask.scalar_type() != at::kByte))
            throw InvalidArgument("mask must be bool or uint8 [" + std::to_string(T) + "]");
        if (grad.sizes() != logits.sizes() || grad.scalar_type() != at::kFloat)
            throw InvalidArgument("grad must be float32" + c10::str(logits.sizes()));
        if (!(clip_low >= 0.0f && clip_low < 1.0f && clip_high >= 0.0f))
            throw InvalidArgument("clip_low must be in [0, 1) and clip_high >= 0");
        if (loss_out == nullptr || clip_frac_out == nullptr) throw InvalidArgument("loss and clip_frac must not be NULL");
        const at::Tensor valid = mask.to(at::kBool);
        check_finite(logits, valid);

        torch::AutoGradMode enable_grad(true);
        at::Tensor x = logits.detach().requires_grad_(true);
        at::Tensor log_prob = at::log_softmax(x / temperature, 1).gather(1, tokens.view({T, 1})).squeeze(1);
        at::Tensor log_ratio = at::clamp(log_prob - old_logp, -20.0, 20.0);
        at::Tensor ratio = at::exp(log_ratio);
        at::Tensor pg_losses1 = -advantages * ratio;
        at::Tensor pg_losses2 = -advantages * at::clamp(ratio, 1.0 - clip_low, 1.0 + clip_high);
        at::Tensor pg_losses = at::maximum(pg_losses1, pg_losses2);
        at::Tensor m = mask.to(at::kFloat);
        at::Tensor n_valid = m.sum().clamp_min(1.0);
        at::Tensor loss = (pg_losses * m).sum() / n_valid;
        at::Tensor clip_frac = (at::gt(pg_losses2, pg_losses1).to(at::kFloat) * m).sum() / n_valid;
        loss.backward();
        grad.copy_(x.grad());

        if (log_probs_h != nullptr) {
            at::Tensor& lp = vt::unwrap(log_probs_h);
            check_vec(lp, T, at::kFloat, "log_probs");
            lp.copy_(log_prob.detach().masked_fill(valid.logical_not(), 0.0f));
        }
        *loss_out = loss.item<double>();
        *clip_frac_out = clip_frac.item<double>();
        return VL_OK;
    }
    VT_CATCH
}

int vg_cuda_available(int32_t* out) {
    VT_TRY {
        if (out == nullptr) throw InvalidArgument("out is NULL");
        *out = torch::cuda::is_available() ? 1 : 0;
        return VL_OK;
    }
    VT_CATCH
}

int vg_tensor_to_device(vt_tensor* t, int32_t device, vt_tensor** out) {
    VT_TRY {
        if (out == nullptr) throw InvalidArgument("out is NULL");
        const at::Tensor& src = vt::unwrap(t);
        if (device >= 0 && !torch::cuda::is_available())
            throw InvalidArgument("cuda:" + std::to_string(device) + " requested but this libtorch has no CUDA device");
        at::Device dev = device < 0 ? at::Device(at::kCPU) : at::Device(at::kCUDA, static_cast<c10::DeviceIndex>(device));
        *out = vt::wrap(src.detach().to(dev, /*non_blocking=*/false, /*copy=*/true).contiguous());
        return VL_OK;
    }
    VT_CATCH
}

int vg_cuda_current_stream(int32_t device, void** out) {
    VT_TRY {
        if (out == nullptr) throw InvalidArgument("out is NULL");
#ifdef VG_HAVE_CUDA
        if (!torch::cuda::is_available()) {
            vt::set_last_error("no CUDA device");
            return VL_ERR_UNSUPPORTED;
        }
        *out = reinterpret_cast<void*>(c10::cuda::getCurrentCUDAStream(static_cast<c10::DeviceIndex>(device)).stream());
        return VL_OK;
#else
        (void)device;
        vt::set_last_error("libvlarl_torch was built without CUDA headers: no CUDA stream to expose");
        return VL_ERR_UNSUPPORTED;
#endif
    }
    VT_CATCH
}

int vg_cuda_synchronize(int32_t device) {
    VT_TRY {
#ifdef VG_HAVE_CUDA
        if (torch::cuda::is_available()) {
            c10::cuda::device_synchronize();
            return VL_OK;
        }
#endif
        (void)device;
        vt::set_last_error("no CUDA device");
        return VL_ERR_UNSUPPORTED;
    }
    VT_CATCH
}

}  // extern "C"
