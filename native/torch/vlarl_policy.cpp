// vlarl_policy.cpp - the C ABI of vlarl_policy.h over the tinyvla module kind.
#include "vlarl_policy.h"

#include <cmath>
#include <fstream>

#include "modules/tinyvla.h"
#include "vt_internal.h"

using vt::unwrap;
using vt::tinyvla::TinyVla;

struct vp_trainer {
    TinyVla* model;
    std::vector<at::Tensor> params;
    std::unique_ptr<torch::optim::AdamW> opt;
    double clip;
    double label_sigma;  // 0: one-hot targets; > 0: Gaussian over neighbouring bins (std in bins)
};

namespace {
std::string str(const char* s) { return s == nullptr ? std::string() : std::string(s); }

at::Tensor opt_tensor(vt_tensor* t) { return t == nullptr ? at::Tensor() : t->t; }

void require_file(const char* path, const std::string& what) {
    if (path == nullptr) throw vt::InvalidArgument("null path");
    std::ifstream probe(path, std::ios::binary);
    if (!probe) throw vt::IoError("cannot open " + what + " file '" + std::string(path) + "'");
}

// Loads a module's parameters from an archive, checking every name and shape before
// touching the module (so a mismatch leaves it unchanged).
void load_checked(torch::nn::Module& mod, const char* path, const std::string& what) {
    require_file(path, what);
    torch::serialize::InputArchive archive;
    try {
        archive.load_from(std::string(path));
    } catch (const c10::Error& e) {
        throw vt::IoError(what + " file '" + path + "' is corrupt or not a libtorch archive: " + e.what_without_backtrace());
    }
    std::vector<std::pair<at::Tensor, at::Tensor>> pending;
    for (auto& kv : mod.named_parameters(true)) {
        at::Tensor v;
        if (!archive.try_read(kv.key(), v))
            throw vt::InvalidArgument(what + " file '" + std::string(path) + "' lacks '" + kv.key() + "'");
        if (v.sizes() != kv.value().sizes())
            throw vt::InvalidArgument(what + " file '" + std::string(path) + "' does not match this model: '" + kv.key() +
                                      "' has shape " + c10::str(v.sizes()) + " in the file, " +
                                      c10::str(kv.value().sizes()) + " in the model");
        pending.emplace_back(kv.value(), v);
    }
    torch::NoGradGuard ng;
    for (auto& [dst, src] : pending) dst.copy_(src);
}

struct Loss {
    at::Tensor loss;
    double accuracy;
};

// Token cross-entropy. With label_sigma > 0 the target of a token is not one bin but a
// Gaussian over the bins around it (std label_sigma bins, cut at the range and renormalised):
// the bins are ordered, so a prediction one bin off is nearly right, and the soft target says
// so (as in "HL-Gauss" histogram losses). The reported accuracy is always exact-bin.
Loss token_loss(TinyVla& m, vt_tensor* image, vt_tensor* state, vt_tensor* instr, vt_tensor* slots,
                vt_tensor* targets, double label_sigma, at::Tensor* aux_out = nullptr) {
    auto logits = m.logits(unwrap(image), unwrap(state), unwrap(instr), opt_tensor(slots), aux_out);
    auto& tg = unwrap(targets);
    const auto& s = m.sizes();
    if (tg.scalar_type() != at::kInt || tg.dim() != 3 || tg.size(0) != logits.size(0) || tg.size(1) != s.chunk ||
        tg.size(2) != s.action_dim)
        throw vt::InvalidArgument("targets must be int32[B, " + std::to_string(s.chunk) + ", " +
                                  std::to_string(s.action_dim) + "], got " + c10::toString(tg.scalar_type()) +
                                  c10::str(tg.sizes()));
    auto t = tg.to(at::kLong).reshape({-1});
    if (t.min().item<int64_t>() < 0 || t.max().item<int64_t>() >= s.bins)
        throw vt::InvalidArgument("target token out of range [0, " + std::to_string(s.bins) + ")");
    auto flat = logits.reshape({-1, s.bins});
    at::Tensor loss;
    if (label_sigma > 0) {
        auto bins = torch::arange(s.bins, flat.options()).unsqueeze(0);
        auto d = bins - t.to(at::kFloat).unsqueeze(1);
        auto q = (d * d * (-0.5 / (label_sigma * label_sigma))).exp();
        q = q / q.sum(1, true);
        loss = -(q * torch::log_softmax(flat, 1)).sum(1).mean();
    } else {
        loss = torch::nn::functional::cross_entropy(flat, t);
    }
    double acc = flat.detach().argmax(1).eq(t).to(at::kFloat).mean().item<double>();
    return {loss, acc};
}

vp_trainer& unwrap_trainer(vp_trainer* t) {
    if (t == nullptr || !t->opt) throw vt::InvalidArgument("null trainer handle");
    return *t;
}

// Backward of `total`, the global-norm clip and the AdamW step; the gradient norm before
// clipping. A non-finite norm skips the update (NumericError).
double backward_and_step(vp_trainer& tr, const at::Tensor& total) {
    total.backward();
    double norm;
    if (tr.clip > 0) {
        norm = torch::nn::utils::clip_grad_norm_(tr.params, tr.clip);
    } else {
        double sq = 0;
        for (auto& p : tr.params)
            if (p.grad().defined()) sq += p.grad().pow(2).sum().item<double>();
        norm = std::sqrt(sq);
    }
    if (!std::isfinite(norm)) {
        tr.opt->zero_grad();
        throw vt::NumericError("gradient norm is not finite; step skipped");
    }
    tr.opt->step();
    return norm;
}
}  // namespace

extern "C" {

const char* vp_last_error(void) { return vt_last_error(); }

int vp_add_task(vt_module* m, const char* task, int32_t* slot) {
    VT_TRY {
        int32_t s = vt::tinyvla::from_handle(m).add_task(str(task));
        if (slot != nullptr) *slot = s;
        return VL_OK;
    }
    VT_CATCH
}

int vp_remove_task(vt_module* m, const char* task) {
    VT_TRY {
        vt::tinyvla::from_handle(m).remove_task(str(task));
        return VL_OK;
    }
    VT_CATCH
}

int vp_task_slot(vt_module* m, const char* task, int32_t* slot) {
    VT_TRY {
        *slot = vt::tinyvla::from_handle(m).slot(str(task));
        return VL_OK;
    }
    VT_CATCH
}

int vp_adapter_num_parameters(vt_module* m, const char* task, int64_t* out) {
    VT_TRY {
        int64_t n = 0;
        for (auto& p : vt::tinyvla::from_handle(m).adapter(str(task)).parameters()) n += p.numel();
        *out = n;
        return VL_OK;
    }
    VT_CATCH
}

int vp_set_trainable(vt_module* m, int32_t train_base, const char* task) {
    VT_TRY {
        vt::tinyvla::from_handle(m).set_trainable(train_base != 0, str(task));
        return VL_OK;
    }
    VT_CATCH
}

int vp_save_adapter(vt_module* m, const char* task, const char* path) {
    VT_TRY {
        if (path == nullptr) throw vt::InvalidArgument("null path");
        // Flat names ("hand0.weight"), as load_checked reads them; Module::save would nest
        // each submodule's parameters in an archive of its own.
        torch::serialize::OutputArchive archive;
        for (const auto& kv : vt::tinyvla::from_handle(m).adapter(str(task)).named_parameters(true))
            archive.write(kv.key(), kv.value());
        archive.save_to(std::string(path));
        return VL_OK;
    }
    VT_CATCH
}

int vp_load_adapter(vt_module* m, const char* task, const char* path) {
    VT_TRY {
        auto& model = vt::tinyvla::from_handle(m);
        require_file(path, "adapter");
        bool added = false;
        try {
            model.slot(str(task));
        } catch (const vt::InvalidArgument&) {
            model.add_task(str(task));
            added = true;
        }
        try {
            load_checked(model.adapter(str(task)), path, "adapter");
        } catch (...) {
            if (added) model.remove_task(str(task));
            throw;
        }
        return VL_OK;
    }
    VT_CATCH
}

int vp_seed(vt_module* m, uint64_t seed) {
    VT_TRY {
        auto& g = vt::tinyvla::from_handle(m).generator();
        std::lock_guard<std::mutex> lock(g.mutex());
        g.set_current_seed(seed);
        return VL_OK;
    }
    VT_CATCH
}

int vp_act(vt_module* m, vt_tensor* image, vt_tensor* state, vt_tensor* instruction, vt_tensor* slots,
           double temperature, vt_tensor* tokens, vt_tensor* logprob) {
    VT_TRY {
        auto& model = vt::tinyvla::from_handle(m);
        c10::InferenceMode guard;
        auto logits = model.logits(unwrap(image), unwrap(state), unwrap(instruction), opt_tensor(slots));
        auto& tok = unwrap(tokens);
        if (tok.scalar_type() != at::kInt || tok.sizes() != logits.sizes().slice(0, 3))
            throw vt::InvalidArgument("tokens must be int32" + c10::str(logits.sizes().slice(0, 3)) + ", got " +
                                      c10::toString(tok.scalar_type()) + c10::str(tok.sizes()));
        if (logprob != nullptr) {
            auto& lp = unwrap(logprob);
            if (lp.scalar_type() != at::kFloat || lp.sizes() != tok.sizes())
                throw vt::InvalidArgument("logprob must be float32" + c10::str(tok.sizes()) + ", got " +
                                          c10::toString(lp.scalar_type()) + c10::str(lp.sizes()));
        }
        at::Tensor chosen;
        at::Tensor scaled = temperature > 0 ? logits / temperature : logits;
        if (temperature > 0) {
            // Gumbel-max: argmax(logits / T + Gumbel noise) samples softmax(logits / T).
            auto u = at::empty(scaled.sizes(), scaled.options());
            u.uniform_(1e-10, 1.0, model.generator());  // uniform_ locks the generator itself
            chosen = (scaled - (-u.log()).log()).argmax(-1);
        } else {
            chosen = logits.argmax(-1);
        }
        tok.copy_(chosen);
        if (logprob != nullptr)
            unwrap(logprob).copy_(torch::log_softmax(scaled, -1).gather(-1, chosen.unsqueeze(-1)).squeeze(-1));
        return VL_OK;
    }
    VT_CATCH
}

int vp_trainer_create(vt_module* m, const char* config, vp_trainer** out) {
    VT_TRY {
        auto& model = vt::tinyvla::from_handle(m);
        vt::Config c(config);
        torch::optim::AdamWOptions o(c.get_double("lr", 1e-3));
        o.betas({c.get_double("beta1", 0.9), c.get_double("beta2", 0.999)});
        o.eps(c.get_double("eps", 1e-8));
        o.weight_decay(c.get_double("weight_decay", 0.01));
        double clip = c.get_double("clip", 1.0);
        double sigma = c.get_double("label_sigma", 0.0);
        if (!(sigma >= 0) || sigma > 64) throw vt::InvalidArgument("label_sigma must be in [0, 64] bins");
        c.check_all_used("trainer config");
        auto params = model.trainable_parameters();
        if (params.empty()) throw vt::InvalidArgument("nothing is trainable: call vp_set_trainable first");
        auto opt = std::make_unique<torch::optim::AdamW>(params, o);
        *out = new vp_trainer{&model, std::move(params), std::move(opt), clip, sigma};
        return VL_OK;
    }
    VT_CATCH
}

int vp_trainer_free(vp_trainer* t) {
    VT_TRY {
        delete t;
        return VL_OK;
    }
    VT_CATCH
}

int vp_train_step(vp_trainer* t, vt_tensor* image, vt_tensor* state, vt_tensor* instruction, vt_tensor* slots,
                  vt_tensor* targets, double* loss, double* accuracy, double* grad_norm) {
    VT_TRY {
        auto& tr = unwrap_trainer(t);
        tr.opt->zero_grad();
        auto l = token_loss(*tr.model, image, state, instruction, slots, targets, tr.label_sigma);
        double lv = l.loss.item<double>();
        if (!std::isfinite(lv)) throw vt::NumericError("loss is not finite; step skipped");
        double norm = backward_and_step(tr, l.loss);
        if (loss) *loss = lv;
        if (accuracy) *accuracy = l.accuracy;
        if (grad_norm) *grad_norm = norm;
        return VL_OK;
    }
    VT_CATCH
}

int vp_train_step_aux(vp_trainer* t, vt_tensor* image, vt_tensor* state, vt_tensor* instruction, vt_tensor* slots,
                      vt_tensor* targets, vt_tensor* aux_target, vt_tensor* aux_mask, double aux_weight, double* loss,
                      double* accuracy, double* grad_norm, double* aux_loss) {
    VT_TRY {
        auto& tr = unwrap_trainer(t);
        const int64_t A = tr.model->sizes().aux;
        if (A <= 0) throw vt::InvalidArgument("this policy has no auxiliary head (config aux=0): use vp_train_step");
        if (!(aux_weight >= 0) || !std::isfinite(aux_weight)) throw vt::InvalidArgument("aux_weight must be finite and >= 0");
        auto& at_ = unwrap(aux_target);
        auto& am = unwrap(aux_mask);
        const int64_t B = unwrap(image).dim() > 0 ? unwrap(image).size(0) : -1;
        if (at_.scalar_type() != at::kFloat || at_.dim() != 2 || at_.size(0) != B || at_.size(1) != A)
            throw vt::InvalidArgument("aux_target must be float32[" + std::to_string(B) + ", " + std::to_string(A) + "], got " +
                                      c10::toString(at_.scalar_type()) + c10::str(at_.sizes()));
        if (am.scalar_type() != at::kFloat || am.dim() != 1 || am.size(0) != B)
            throw vt::InvalidArgument("aux_mask must be float32[" + std::to_string(B) + "], got " +
                                      c10::toString(am.scalar_type()) + c10::str(am.sizes()));
        if (!torch::isfinite(at_).all().item<bool>() || !torch::isfinite(am).all().item<bool>())
            throw vt::InvalidArgument("aux_target or aux_mask contains NaN or Inf");
        tr.opt->zero_grad();
        at::Tensor pred;
        auto l = token_loss(*tr.model, image, state, instruction, slots, targets, tr.label_sigma, &pred);
        double lv = l.loss.item<double>();
        if (!std::isfinite(lv)) throw vt::NumericError("loss is not finite; step skipped");
        // Huber (1 unit) per number, summed over the aux outputs, mean over the masked rows.
        auto per_row = torch::nn::functional::smooth_l1_loss(
                           pred, at_, torch::nn::functional::SmoothL1LossFuncOptions().reduction(torch::kNone))
                           .sum(1);
        auto aux = (per_row * am).sum() / am.sum().clamp_min(1.0);
        double av = aux.item<double>();
        if (!std::isfinite(av)) throw vt::NumericError("auxiliary loss is not finite; step skipped");
        double norm = backward_and_step(tr, l.loss + aux * aux_weight);
        if (loss) *loss = lv;
        if (accuracy) *accuracy = l.accuracy;
        if (grad_norm) *grad_norm = norm;
        if (aux_loss) *aux_loss = av;
        return VL_OK;
    }
    VT_CATCH
}

int vp_eval_loss(vt_module* m, vt_tensor* image, vt_tensor* state, vt_tensor* instruction, vt_tensor* slots,
                 vt_tensor* targets, double* loss, double* accuracy) {
    VT_TRY {
        torch::NoGradGuard ng;
        auto l = token_loss(vt::tinyvla::from_handle(m), image, state, instruction, slots, targets, 0.0);
        if (loss) *loss = l.loss.item<double>();
        if (accuracy) *accuracy = l.accuracy;
        return VL_OK;
    }
    VT_CATCH
}

int vp_trainer_save(vp_trainer* t, const char* path) {
    VT_TRY {
        if (path == nullptr) throw vt::InvalidArgument("null path");
        torch::serialize::OutputArchive archive;
        unwrap_trainer(t).opt->save(archive);
        archive.save_to(std::string(path));
        return VL_OK;
    }
    VT_CATCH
}

int vp_trainer_load(vp_trainer* t, const char* path) {
    VT_TRY {
        auto& tr = unwrap_trainer(t);
        require_file(path, "optimiser state");
        torch::serialize::InputArchive archive;
        try {
            archive.load_from(std::string(path));
            tr.opt->load(archive);
        } catch (const c10::Error& e) {
            throw vt::IoError("optimiser state file '" + std::string(path) +
                              "' is corrupt or does not match this trainer: " + e.what_without_backtrace());
        }
        return VL_OK;
    }
    VT_CATCH
}

int vp_trainer_set_lr(vp_trainer* t, double lr) {
    VT_TRY {
        if (!(lr > 0)) throw vt::InvalidArgument("learning rate must be positive");
        for (auto& g : unwrap_trainer(t).opt->param_groups())
            static_cast<torch::optim::AdamWOptions&>(g.options()).lr(lr);
        return VL_OK;
    }
    VT_CATCH
}

}  // extern "C"
