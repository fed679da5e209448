// tinyvla.h - the TinyVLA-style policy (module kind "tinyvla"), shared by the module
// registration (tinyvla.cpp) and the policy's extra C entry points (vlarl_policy.cpp).
//
// Shapes, B = batch, K = chunk steps, D = action dims, V = bins (256):
//   inputs  image uint8[B, H, W, 3], state float32[B, S], instruction int32[B, L]
//           (0 = padding), optional adapter slot int32[B] (-1 = base only)
//   output  logits float32[B, K, D, V]
// Sequence: [image patch tokens, state token, instruction tokens, K*D action queries];
// every query attends to everything (parallel decoding: one forward per chunk).
//
// The base (net()) and the per-task LoRA adapters are separate torch modules, so the
// base saves and loads alone (vt_module_save) and each adapter as its own small file.
#pragma once

#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "../vt_internal.h"

namespace vt::tinyvla {

struct Sizes {
    int64_t image = 128, patch = 16, stem = 32;  // image side, patch side, stem channels
    // Stem convolutions before the patch embedding: 1 = one 4x4/4 conv (a plain patchifier);
    // 2 = two 3x3/2 convs (stem/2 then stem channels; "early convolutions"), which localise
    // objects within a patch much better for a few MFLOP more.
    int64_t stem_convs = 2;
    // Spatial-softmax keypoints (Levine et al. 2016; robomimic, Diffusion Policy): a 1x1 conv
    // over the stem's feature map gives `keypoints` heat maps; each map's softmax over the
    // pixels gives an expected (x, y) in [-1, 1]; all 2 * keypoints coordinates become one
    // token. Object positions as numbers, which the action queries read off directly. 0: none.
    int64_t keypoints = 32;
    int64_t state_dim = 8, chunk = 8, action_dim = 4, bins = 256;
    int64_t vocab = 512, max_instr = 16;
    int64_t dim = 128, layers = 4, heads = 4, ffn = 256;
    int64_t lora_rank = 8;
    double lora_alpha = 16.0;
    bool lora_head = true;  // also adapt the output head
    // Adapters also adapt the stem: per task, a scale and shift of each of the `stem`
    // channels after the stem's convolutions (FiLM, identity at init), before the keypoints
    // and the patch embedding read them, and a low-rank update of the keypoint convolution.
    bool lora_stem = false;
    // Hand view (0 = off): each adapter also encodes a hand_crop x hand_crop pixel crop of the
    // camera image centred on the gripper's projected position (a "virtual wrist camera": the
    // object beside the fingers at full resolution, where the stem sees it 4x coarser) into one
    // extra token after the action queries. The position comes from the state's gripper x, y, z
    // through crop_proj, the camera's 3x4 projection (rows: grid x * w, grid y * w, w, with grid
    // coordinates in [-1, 1], x right, y down), a calibration the bundle carries.
    int64_t hand_crop = 0;
    std::array<double, 12> crop_proj{};
    // Auxiliary output (0 = none): a linear head on the state token's final hidden that
    // predicts `aux` numbers per observation (vlarl: where the gripper's next grip event - the
    // next grasp or release - happens, relative to the gripper, in cm). Trained with the base
    // (vp_train_step_aux) so that the image features must locate the objects; acting ignores it.
    int64_t aux = 0;
    int64_t patches() const { return (image / patch) * (image / patch); }
    int64_t keypoint_tokens() const { return keypoints > 0 ? 1 : 0; }
    // first instruction token's index in the sequence
    int64_t instr_start() const { return patches() + keypoint_tokens() + 1; }
    int64_t tokens() const { return instr_start() + max_instr + chunk * action_dim; }
};

// The shared base: parameters only, the forward lives in TinyVla.
struct BaseNet : torch::nn::Module {
    explicit BaseNet(const Sizes& s);
    torch::nn::Conv2d stem0{nullptr}, stem1{nullptr}, stem2{nullptr};  // stem0 only with stem_convs = 2
    torch::nn::Linear state_proj{nullptr};
    torch::nn::Conv2d kp_conv{nullptr};  // keypoints > 0 only
    torch::nn::Linear kp_proj{nullptr};
    at::Tensor kp_grid_x, kp_grid_y;     // buffers: pixel-centre coordinates in [-1, 1]
    torch::nn::Embedding words{nullptr};
    at::Tensor pos, queries;
    std::vector<torch::nn::LayerNorm> ln1, ln2;
    torch::nn::LayerNorm ln_f{nullptr};
    torch::nn::Linear aux_head{nullptr};  // aux > 0 only
    // Adaptable linear layers, in a fixed order: per block qkv, proj, fc1, fc2; then head.
    std::vector<at::Tensor> w, b;
};

// One task's LoRA factors, one (A[r, in], B[out, r]) pair per adaptable layer; with
// stem_channels > 0 also the stem's FiLM (scale - 1 and shift per channel, zeros at init)
// and, with keypoints > 0, LoRA factors of the keypoint convolution (kp_a[r, stem],
// kp_b[keypoints, r]: new heat maps for the task's objects).
struct Adapter : torch::nn::Module {
    Adapter(const BaseNet& base, int64_t rank, int64_t stem_channels, int64_t keypoints, int64_t hand_crop, int64_t dim);
    std::vector<at::Tensor> a, b;
    at::Tensor stem_scale, stem_shift;  // undefined without stem adaptation
    at::Tensor kp_a, kp_b;              // undefined without stem adaptation or keypoints
    // Hand-view encoder (hand_crop > 0 only): two convs, spatial-softmax keypoints and the
    // channels' mean over the crop, projected to one token (projection zero at init).
    torch::nn::Conv2d hand0{nullptr}, hand1{nullptr}, hand_kp{nullptr};
    torch::nn::Linear hand_proj{nullptr};
    at::Tensor hand_grid_x, hand_grid_y;
};

class TinyVla : public vt::Module {
public:
    explicit TinyVla(const Config& c);
    std::vector<at::Tensor> forward(const std::vector<at::Tensor>& inputs) override;
    torch::nn::Module& net() override { return *base_; }
    std::vector<at::Tensor> trainable_parameters() override;
    void call(const std::string& method, const Config& args) override;

    const Sizes& sizes() const { return s_; }
    // Logits float32[B, K, D, V]; slots may be undefined (base only). With aux_out (and
    // sizes().aux > 0), also the auxiliary prediction float32[B, aux].
    at::Tensor logits(const at::Tensor& image, const at::Tensor& state, const at::Tensor& instr,
                      const at::Tensor& slots, at::Tensor* aux_out = nullptr);

    int32_t add_task(const std::string& name);
    void remove_task(const std::string& name);
    int32_t slot(const std::string& name) const;  // throws for an unknown task
    std::string task_names() const;
    Adapter& adapter(const std::string& name) { return *adapters_.at(slot(name)); }
    // Base trainable or frozen; which task's adapter trains ("" = none).
    void set_trainable(bool base, const std::string& task);
    // The sampling generator (seeded with vp_seed; used by vp_act).
    at::Generator& generator() { return gen_; }

private:
    using Groups = std::vector<std::pair<int32_t, at::Tensor>>;
    // Which low-rank factors (A[r, in], B[out, r]) of an adapter an update uses.
    using Factors = std::function<std::pair<at::Tensor, at::Tensor>(const Adapter&)>;
    at::Tensor lin(const at::Tensor& x, size_t layer, const Groups& groups, int32_t single) const;
    // y + B (A x) * lora_scale for every row of x ([B, ..., in]), each row with its own
    // adapter's factors: one adapter for all rows (single >= 0) or per group of rows.
    // The hand-view token [rows, 1, d] of the given rows through one adapter's encoder.
    at::Tensor hand_token(Adapter& ad, const at::Tensor& image, const at::Tensor& state) const;
    at::Tensor add_low_rank(at::Tensor y, const at::Tensor& x, const Groups& groups, int32_t single,
                            const Factors& factors) const;
    Sizes s_;
    double lora_scale_;
    at::Tensor crop_proj_;  // float[3, 4] (hand_crop > 0 only)
    std::shared_ptr<BaseNet> base_;
    std::vector<std::shared_ptr<Adapter>> adapters_;  // by slot; null = removed
    std::vector<std::string> names_;                   // by slot; "" = removed
    at::Generator gen_;
};

// The TinyVla behind a module handle, or InvalidArgument naming the module's problem.
TinyVla& from_handle(vt_module* m);

}  // namespace vt::tinyvla
