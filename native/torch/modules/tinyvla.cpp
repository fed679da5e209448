// tinyvla.cpp - module kind "tinyvla": a small hybrid ViT (conv stem + patches) and a
// transformer over [image, state, instruction, action queries] with per-task LoRA
// adapters on every adaptable linear layer. See tinyvla.h for shapes.
#include "tinyvla.h"

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

namespace vt::tinyvla {

namespace {
std::string shape_str(const at::Tensor& t) { return c10::str(t.sizes()); }

void check_input(const at::Tensor& t, const char* name, at::ScalarType type, std::vector<int64_t> shape) {
    if (!t.defined()) throw InvalidArgument(std::string(name) + " is missing");
    if (t.scalar_type() != type)
        throw InvalidArgument(std::string(name) + " must be " + c10::toString(type) + ", got " +
                              c10::toString(t.scalar_type()));
    bool ok = t.dim() == static_cast<int64_t>(shape.size());
    for (size_t i = 0; ok && i < shape.size(); ++i)
        if (shape[i] >= 0 && t.size(i) != shape[i]) ok = false;
    if (!ok) {
        std::string want = "[";
        for (size_t i = 0; i < shape.size(); ++i)
            want += (i ? ", " : "") + (shape[i] < 0 ? std::string("B") : std::to_string(shape[i]));
        throw InvalidArgument(std::string(name) + " must have shape " + want + "], got " + shape_str(t));
    }
}
}  // namespace

BaseNet::BaseNet(const Sizes& s) {
    if (s.image % s.patch != 0) throw InvalidArgument("image size must be a multiple of patch");
    if (s.patch % 4 != 0) throw InvalidArgument("patch must be a multiple of 4 (stem stride)");
    if (s.dim % s.heads != 0) throw InvalidArgument("dim must be a multiple of heads");
    if (s.stem_convs != 1 && s.stem_convs != 2) throw InvalidArgument("stem_convs must be 1 or 2");
    // Stem: downsample 4x (one 4x4/4 conv, or two 3x3/2 convs), then a (patch/4)x(patch/4)
    // conv with that stride: one token per patch.
    if (s.stem_convs == 1) {
        stem1 = register_module("stem1", torch::nn::Conv2d(torch::nn::Conv2dOptions(3, s.stem, 4).stride(4)));
    } else {
        int64_t half = std::max<int64_t>(1, s.stem / 2);
        stem0 = register_module("stem0", torch::nn::Conv2d(torch::nn::Conv2dOptions(3, half, 3).stride(2).padding(1)));
        stem1 = register_module("stem1", torch::nn::Conv2d(torch::nn::Conv2dOptions(half, s.stem, 3).stride(2).padding(1)));
    }
    stem2 = register_module("stem2", torch::nn::Conv2d(
                                         torch::nn::Conv2dOptions(s.stem, s.dim, s.patch / 4).stride(s.patch / 4)));
    state_proj = register_module("state_proj", torch::nn::Linear(s.state_dim, s.dim));
    if (s.keypoints < 0) throw InvalidArgument("keypoints must be >= 0");
    if (s.keypoints > 0) {
        kp_conv = register_module("kp_conv", torch::nn::Conv2d(torch::nn::Conv2dOptions(s.stem, s.keypoints, 1)));
        kp_proj = register_module("kp_proj", torch::nn::Linear(2 * s.keypoints, s.dim));
        int64_t side = s.image / 4;  // the stem's output side
        auto c = (torch::arange(side, torch::kFloat) + 0.5) * (2.0 / side) - 1.0;
        kp_grid_x = register_buffer("kp_grid_x", c.repeat({side}));                 // x varies fastest
        kp_grid_y = register_buffer("kp_grid_y", c.repeat_interleave(side));
    }
    words = register_module("words", torch::nn::Embedding(s.vocab, s.dim));
    pos = register_parameter("pos", torch::randn({1, s.tokens(), s.dim}) * 0.02);
    queries = register_parameter("queries", torch::randn({s.chunk * s.action_dim, s.dim}) * 0.02);
    auto linear = [&](const std::string& name, int64_t in, int64_t out) {
        auto wt = torch::empty({out, in});
        torch::nn::init::kaiming_uniform_(wt, std::sqrt(5.0));
        double bound = 1.0 / std::sqrt(static_cast<double>(in));
        w.push_back(register_parameter(name + "_w", wt));
        b.push_back(register_parameter(name + "_b", torch::empty({out}).uniform_(-bound, bound)));
    };
    for (int64_t l = 0; l < s.layers; ++l) {
        std::string p = "block" + std::to_string(l);
        ln1.push_back(register_module(p + "_ln1", torch::nn::LayerNorm(torch::nn::LayerNormOptions({s.dim}))));
        ln2.push_back(register_module(p + "_ln2", torch::nn::LayerNorm(torch::nn::LayerNormOptions({s.dim}))));
        linear(p + "_qkv", s.dim, 3 * s.dim);
        linear(p + "_proj", s.dim, s.dim);
        linear(p + "_fc1", s.dim, s.ffn);
        linear(p + "_fc2", s.ffn, s.dim);
    }
    ln_f = register_module("ln_f", torch::nn::LayerNorm(torch::nn::LayerNormOptions({s.dim})));
    linear("head", s.dim, s.bins);
    // last, so the other parameters start the same with or without it
    if (s.aux < 0) throw InvalidArgument("aux must be >= 0");
    if (s.aux > 0) aux_head = register_module("aux_head", torch::nn::Linear(s.dim, s.aux));
}

Adapter::Adapter(const BaseNet& base, int64_t rank, int64_t stem_channels, int64_t keypoints, int64_t hand_crop, int64_t dim) {
    if (hand_crop > 0) {
        constexpr int64_t c0 = 16, c1 = 32, kps = 16;
        hand0 = register_module("hand0", torch::nn::Conv2d(torch::nn::Conv2dOptions(3, c0, 3).stride(2).padding(1)));
        hand1 = register_module("hand1", torch::nn::Conv2d(torch::nn::Conv2dOptions(c0, c1, 3).stride(1).padding(1)));
        hand_kp = register_module("hand_kp", torch::nn::Conv2d(torch::nn::Conv2dOptions(c1, kps, 1)));
        hand_proj = register_module("hand_proj", torch::nn::Linear(2 * kps + c1, dim));
        torch::nn::init::zeros_(hand_proj->weight);
        torch::nn::init::zeros_(hand_proj->bias);
        int64_t side = (hand_crop + 1) / 2;
        auto c = (torch::arange(side, torch::kFloat) + 0.5) * (2.0 / side) - 1.0;
        hand_grid_x = register_buffer("hand_grid_x", c.repeat({side}));
        hand_grid_y = register_buffer("hand_grid_y", c.repeat_interleave(side));
    }
    if (stem_channels > 0) {
        stem_scale = register_parameter("stem_scale", torch::zeros({stem_channels}));
        stem_shift = register_parameter("stem_shift", torch::zeros({stem_channels}));
        if (keypoints > 0) {
            auto at = torch::empty({rank, stem_channels});
            torch::nn::init::kaiming_uniform_(at, std::sqrt(5.0));
            kp_a = register_parameter("kp_A", at);
            kp_b = register_parameter("kp_B", torch::zeros({keypoints, rank}));
        }
    }
    // Standard LoRA init: A small random, B zero, so a new adapter starts as the base.
    for (size_t i = 0; i < base.w.size(); ++i) {
        int64_t out = base.w[i].size(0), in = base.w[i].size(1);
        auto at = torch::empty({rank, in});
        torch::nn::init::kaiming_uniform_(at, std::sqrt(5.0));
        a.push_back(register_parameter("l" + std::to_string(i) + "_A", at));
        b.push_back(register_parameter("l" + std::to_string(i) + "_B", torch::zeros({out, rank})));
    }
}

TinyVla::TinyVla(const Config& c) {
    s_.image = c.get_int("image", s_.image);
    s_.patch = c.get_int("patch", s_.patch);
    s_.stem = c.get_int("stem", s_.stem);
    s_.stem_convs = c.get_int("stem_convs", s_.stem_convs);
    s_.keypoints = c.get_int("keypoints", s_.keypoints);
    s_.state_dim = c.get_int("state_dim", s_.state_dim);
    s_.chunk = c.get_int("chunk", s_.chunk);
    s_.action_dim = c.get_int("action_dim", s_.action_dim);
    s_.bins = c.get_int("bins", s_.bins);
    s_.vocab = c.get_int("vocab", s_.vocab);
    s_.max_instr = c.get_int("max_instr", s_.max_instr);
    s_.dim = c.get_int("dim", s_.dim);
    s_.layers = c.get_int("layers", s_.layers);
    s_.heads = c.get_int("heads", s_.heads);
    s_.ffn = c.get_int("ffn", s_.ffn);
    s_.lora_rank = c.get_int("lora_rank", s_.lora_rank);
    s_.lora_alpha = c.get_double("lora_alpha", s_.lora_alpha);
    s_.lora_head = c.get_int("lora_head", 1) != 0;
    s_.lora_stem = c.get_int("lora_stem", 0) != 0;
    s_.hand_crop = c.get_int("hand_crop", 0);
    if (s_.hand_crop < 0 || s_.hand_crop > s_.image)
        throw InvalidArgument("hand_crop must be in [0, image], got " + std::to_string(s_.hand_crop));
    if (s_.hand_crop > 0) {
        std::stringstream ps(c.get_string("crop_proj", ""));
        size_t n = 0;
        double v;
        while (n < 12 && ps >> v) s_.crop_proj[n++] = v;
        std::string rest;
        if (n != 12 || (ps >> rest))
            throw InvalidArgument("hand_crop needs crop_proj: the camera's 3x4 projection as 12 numbers separated by spaces");
    } else {
        c.get_string("crop_proj", "");  // ignored without a hand view
    }
    s_.aux = c.get_int("aux", 0);
    int64_t seed = c.get_int("seed", 0);
    c.check_all_used("tinyvla config");
    for (int64_t v : {s_.image, s_.patch, s_.stem, s_.state_dim, s_.chunk, s_.action_dim, s_.bins, s_.vocab,
                      s_.max_instr, s_.dim, s_.layers, s_.heads, s_.ffn, s_.lora_rank})
        if (v <= 0) throw InvalidArgument("tinyvla sizes must be positive");
    lora_scale_ = s_.lora_alpha / static_cast<double>(s_.lora_rank);
    torch::manual_seed(static_cast<uint64_t>(seed));
    base_ = std::make_shared<BaseNet>(s_);
    if (s_.hand_crop > 0)
        crop_proj_ = torch::tensor(std::vector<double>(s_.crop_proj.begin(), s_.crop_proj.end()), torch::kFloat).view({3, 4});
    gen_ = at::make_generator<at::CPUGeneratorImpl>(static_cast<uint64_t>(seed) + 1);
}

std::vector<at::Tensor> TinyVla::forward(const std::vector<at::Tensor>& in) {
    if (in.size() != 3 && in.size() != 4)
        throw InvalidArgument("tinyvla takes (image, state, instruction[, adapter slots]), got " +
                              std::to_string(in.size()) + " inputs");
    return {logits(in[0], in[1], in[2], in.size() == 4 ? in[3] : at::Tensor())};
}

at::Tensor TinyVla::lin(const at::Tensor& x, size_t layer, const Groups& groups, int32_t single) const {
    auto y = at::linear(x, base_->w[layer], base_->b[layer]);
    bool adapt = s_.lora_head || layer + 1 < base_->w.size();
    if (!adapt) return y;
    return add_low_rank(y, x, groups, single, [layer](const Adapter& ad) { return std::make_pair(ad.a[layer], ad.b[layer]); });
}

at::Tensor TinyVla::add_low_rank(at::Tensor y, const at::Tensor& x, const Groups& groups, int32_t single,
                                 const Factors& factors) const {
    if (single >= 0) {
        auto [a, b] = factors(*adapters_[single]);
        return y + at::linear(at::linear(x, a), b) * lora_scale_;
    }
    // Mixed batch: each task's rows through its own adapter, added back by row index.
    for (const auto& [slot, rows] : groups) {
        auto [a, b] = factors(*adapters_[slot]);
        y = y.index_add(0, rows, at::linear(at::linear(x.index_select(0, rows), a), b) * lora_scale_);
    }
    return y;
}

at::Tensor TinyVla::hand_token(Adapter& ad, const at::Tensor& image, const at::Tensor& state) const {
    // The gripper's grid position: homogeneous projection of state[:, 0:3] (metres, table frame).
    const int64_t R = image.size(0);
    const auto& P = crop_proj_;
    auto xyz1 = torch::cat({state.narrow(1, 0, 3), torch::ones({R, 1})}, 1);  // [R, 4]
    auto uvw = torch::matmul(xyz1, P.t());                                      // [R, 3]
    auto w = uvw.narrow(1, 2, 1).clamp_min(1e-3);
    auto centre = (uvw.narrow(1, 0, 2) / w).clamp(-1.5, 1.5).detach();          // [R, 2] (x, y)
    // Affine sampling grid: output [-1, 1]^2 -> centre + (crop / image) * output, bilinear.
    const double sc = static_cast<double>(s_.hand_crop) / static_cast<double>(s_.image);
    auto theta = torch::zeros({R, 2, 3});
    theta.select(2, 2).copy_(centre);
    theta.select(1, 0).select(1, 0).fill_(sc);
    theta.select(1, 1).select(1, 1).fill_(sc);
    auto grid = torch::nn::functional::affine_grid(theta, {R, 3, s_.hand_crop, s_.hand_crop}, false);
    auto crop = torch::nn::functional::grid_sample(
        image, grid, torch::nn::functional::GridSampleFuncOptions().mode(torch::kBilinear).padding_mode(torch::kZeros).align_corners(false));
    auto f = torch::gelu(ad.hand0->forward(crop));
    f = torch::gelu(ad.hand1->forward(f));                                     // [R, c1, side, side]
    auto heat = torch::softmax(ad.hand_kp->forward(f).flatten(2), -1);         // [R, kps, side*side]
    auto kx = torch::matmul(heat, ad.hand_grid_x), ky = torch::matmul(heat, ad.hand_grid_y);
    auto pooled = f.mean({2, 3});
    return ad.hand_proj->forward(torch::cat({kx, ky, pooled}, 1)).unsqueeze(1);
}

at::Tensor TinyVla::logits(const at::Tensor& image, const at::Tensor& state, const at::Tensor& instr,
                           const at::Tensor& slots, at::Tensor* aux_out) {
    check_input(image, "image", at::kByte, {-1, s_.image, s_.image, 3});
    int64_t B = image.size(0);
    if (B == 0) throw InvalidArgument("empty batch");
    check_input(state, "state", at::kFloat, {B, s_.state_dim});
    check_input(instr, "instruction", at::kInt, {B, s_.max_instr});
    if (!torch::isfinite(state).all().item<bool>()) {
        auto bad = (~torch::isfinite(state)).any(1).nonzero();
        throw InvalidArgument("state contains NaN or Inf (batch row " + std::to_string(bad[0].item<int64_t>()) + ")");
    }
    if (instr.min().item<int32_t>() < 0 || instr.max().item<int32_t>() >= s_.vocab)
        throw InvalidArgument("instruction token id out of range [0, " + std::to_string(s_.vocab) + ")");

    // Which adapter each row uses: -1 base only; one task for all rows is the fast path.
    int32_t single = -1;
    std::vector<std::pair<int32_t, at::Tensor>> groups;
    if (slots.defined()) {
        check_input(slots, "adapter slots", at::kInt, {B});
        auto sc = slots.contiguous();
        const int32_t* p = sc.data_ptr<int32_t>();
        std::map<int32_t, std::vector<int64_t>> rows;
        for (int64_t i = 0; i < B; ++i) {
            int32_t s = p[i];
            if (s < -1 || s >= static_cast<int32_t>(adapters_.size()) || (s >= 0 && !adapters_[s]))
                throw InvalidArgument("adapter slot " + std::to_string(s) + " (batch row " + std::to_string(i) +
                                      ") is not a task of this policy (tasks: " + task_names() + ")");
            if (s >= 0) rows[s].push_back(i);
        }
        if (rows.size() == 1 && static_cast<int64_t>(rows.begin()->second.size()) == B) {
            single = rows.begin()->first;
        } else {
            for (auto& [s, r] : rows) groups.emplace_back(s, torch::tensor(r, torch::kLong));
        }
    }

    auto& n = *base_;
    const int64_t d = s_.dim, h = s_.heads, hd = d / h, Q = s_.chunk * s_.action_dim;
    // Image tokens: uint8 NHWC -> float NCHW in [-0.5, 0.5] -> stem -> [B, P, d].
    auto x = image.permute({0, 3, 1, 2}).to(at::kFloat).div(255.0).sub(0.5);
    const at::Tensor image_f = x;
    if (n.stem0) x = torch::gelu(n.stem0->forward(x));
    x = torch::gelu(n.stem1->forward(x));
    const bool adapt_stem = s_.lora_stem && (single >= 0 || !groups.empty());
    if (adapt_stem) {
        // FiLM per row: x * (1 + scale) + shift, each row with its task's adapter (base rows: identity)
        const int64_t C = s_.stem;
        at::Tensor scale, shift;
        if (single >= 0) {
            scale = adapters_[single]->stem_scale.view({1, C, 1, 1});
            shift = adapters_[single]->stem_shift.view({1, C, 1, 1});
        } else {
            scale = torch::zeros({B, C});
            shift = torch::zeros({B, C});
            for (const auto& [slot, rows] : groups) {
                const auto& ad = *adapters_[slot];
                scale = scale.index_copy(0, rows, ad.stem_scale.unsqueeze(0).expand({rows.size(0), C}));
                shift = shift.index_copy(0, rows, ad.stem_shift.unsqueeze(0).expand({rows.size(0), C}));
            }
            scale = scale.view({B, C, 1, 1});
            shift = shift.view({B, C, 1, 1});
        }
        x = x * (1 + scale) + shift;
    }
    at::Tensor kp;
    if (s_.keypoints > 0) {
        // [B, Kp, H*W] heat maps -> softmax over pixels -> expected coordinates [B, 2 Kp]
        auto logit = n.kp_conv->forward(x).flatten(2);  // [B, Kp, H*W]
        if (adapt_stem) {
            // low-rank update of the 1x1 keypoint conv, over the channels of every pixel
            auto per_pixel = [](const at::Tensor& t) { return t.flatten(2).transpose(1, 2); };  // [B, H*W, channels]
            logit = add_low_rank(per_pixel(logit), per_pixel(x), groups, single,
                                 [](const Adapter& ad) { return std::make_pair(ad.kp_a, ad.kp_b); })
                        .transpose(1, 2);
        }
        auto heat = torch::softmax(logit, -1);
        auto kx = torch::matmul(heat, n.kp_grid_x), ky = torch::matmul(heat, n.kp_grid_y);
        kp = n.kp_proj->forward(torch::cat({kx, ky}, 1)).unsqueeze(1);
    }
    x = n.stem2->forward(x).flatten(2).transpose(1, 2);
    auto st = n.state_proj->forward(state).unsqueeze(1);
    auto ids = instr.to(at::kLong);
    auto words = n.words->forward(ids);
    auto q = n.queries.unsqueeze(0).expand({B, Q, d});
    auto seq = (kp.defined() ? torch::cat({x, kp, st, words, q}, 1) : torch::cat({x, st, words, q}, 1)) + n.pos;
    // Hand view: one more token after the queries, each adapted row through its adapter's
    // encoder; rows without an adapter get a masked zero token (the base alone is unchanged).
    const int64_t T0 = seq.size(1);
    at::Tensor hand_rows;  // bool[B]: rows whose hand token is real (undefined: all of them)
    if (s_.hand_crop > 0 && (single >= 0 || !groups.empty())) {
        at::Tensor tok;
        if (single >= 0) {
            tok = hand_token(*adapters_[single], image_f, state);
        } else {
            tok = torch::zeros({B, 1, d});
            hand_rows = torch::zeros({B}, torch::kBool);
            for (const auto& [slot, rows] : groups) {
                tok = tok.index_copy(0, rows, hand_token(*adapters_[slot], image_f.index_select(0, rows), state.index_select(0, rows)));
                hand_rows.index_fill_(0, rows, true);
            }
        }
        seq = torch::cat({seq, tok}, 1);
    }
    const int64_t T = seq.size(1);
    // Padding instruction tokens (id 0) are masked as keys.
    auto pad = torch::zeros({B, T}, torch::kBool);
    pad.narrow(1, s_.instr_start(), s_.max_instr).copy_(ids.eq(0));
    if (hand_rows.defined()) pad.select(1, T0).copy_(hand_rows.logical_not());
    auto mask = torch::zeros({B, 1, 1, T}).masked_fill(pad.view({B, 1, 1, T}), -1e9);

    size_t li = 0;
    for (int64_t l = 0; l < s_.layers; ++l) {
        auto hln = n.ln1[l]->forward(seq);
        auto qkv = lin(hln, li++, groups, single).view({B, T, 3, h, hd}).permute({2, 0, 3, 1, 4});
        auto att = torch::matmul(qkv[0], qkv[1].transpose(-2, -1)) / std::sqrt(static_cast<double>(hd)) + mask;
        auto o = torch::matmul(torch::softmax(att, -1), qkv[2]).transpose(1, 2).reshape({B, T, d});
        seq = seq + lin(o, li++, groups, single);
        auto f = torch::gelu(lin(n.ln2[l]->forward(seq), li++, groups, single));
        seq = seq + lin(f, li++, groups, single);
    }
    if (aux_out != nullptr) {
        if (!n.aux_head) throw InvalidArgument("this policy has no auxiliary head (config aux=0)");
        *aux_out = n.aux_head->forward(n.ln_f->forward(seq.select(1, s_.instr_start() - 1)));  // the state token
    }
    auto out = n.ln_f->forward(seq.narrow(1, T0 - Q, Q));
    return lin(out, li, groups, single).view({B, s_.chunk, s_.action_dim, s_.bins});
}

std::vector<at::Tensor> TinyVla::trainable_parameters() {
    std::vector<at::Tensor> out;
    for (auto& p : base_->parameters())
        if (p.requires_grad()) out.push_back(p);
    for (auto& a : adapters_)
        if (a)
            for (auto& p : a->parameters())
                if (p.requires_grad()) out.push_back(p);
    return out;
}

int32_t TinyVla::add_task(const std::string& name) {
    if (name.empty()) throw InvalidArgument("task name must not be empty");
    for (const auto& n : names_)
        if (n == name) throw InvalidArgument("task '" + name + "' already has an adapter");
    auto ad = std::make_shared<Adapter>(*base_, s_.lora_rank, s_.lora_stem ? s_.stem : 0, s_.keypoints, s_.hand_crop, s_.dim);
    for (auto& p : ad->parameters()) p.set_requires_grad(false);  // frozen until set_trainable
    adapters_.push_back(ad);
    names_.push_back(name);
    return static_cast<int32_t>(adapters_.size() - 1);
}

void TinyVla::remove_task(const std::string& name) {
    int32_t s = slot(name);
    adapters_[s].reset();
    names_[s].clear();
}

int32_t TinyVla::slot(const std::string& name) const {
    for (size_t i = 0; i < names_.size(); ++i)
        if (!name.empty() && names_[i] == name) return static_cast<int32_t>(i);
    throw InvalidArgument("unknown task '" + name + "' (tasks: " + task_names() + ")");
}

std::string TinyVla::task_names() const {
    std::string out;
    for (const auto& n : names_)
        if (!n.empty()) out += (out.empty() ? "" : ", ") + n;
    return out.empty() ? "none" : out;
}

void TinyVla::set_trainable(bool base, const std::string& task) {
    int32_t train_slot = task.empty() ? -1 : slot(task);
    for (auto& p : base_->parameters()) p.set_requires_grad(base);
    for (size_t i = 0; i < adapters_.size(); ++i)
        if (adapters_[i])
            for (auto& p : adapters_[i]->parameters()) p.set_requires_grad(static_cast<int32_t>(i) == train_slot);
}

void TinyVla::call(const std::string& method, const Config& args) {
    if (method == "add_task") {
        add_task(args.get_string("task", ""));
    } else if (method == "remove_task") {
        remove_task(args.get_string("task", ""));
    } else if (method == "set_trainable") {
        set_trainable(args.get_int("base", 0) != 0, args.get_string("task", ""));
    } else {
        throw InvalidArgument("tinyvla has no operation '" + method + "' (valid: add_task, remove_task, set_trainable)");
    }
    args.check_all_used("tinyvla " + method + " argument");
}

TinyVla& from_handle(vt_module* m) {
    if (m == nullptr || !m->impl) throw InvalidArgument("null module handle");
    auto* p = dynamic_cast<TinyVla*>(m->impl.get());
    if (p == nullptr) throw InvalidArgument("module is not a tinyvla policy");
    return *p;
}

namespace {
std::unique_ptr<vt::Module> make_tinyvla(const Config& c) { return std::make_unique<TinyVla>(c); }
}  // namespace

VT_REGISTER_MODULE("tinyvla", make_tinyvla);

}  // namespace vt::tinyvla
