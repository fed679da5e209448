// vlarl_torch.cpp - the C ABI of vlarl_torch.h over libtorch.
#include <ATen/Parallel.h>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <mutex>
#include <sstream>

#include "vt_internal.h"

struct vt_optim {
    std::unique_ptr<torch::optim::Optimizer> opt;
    std::vector<at::Tensor> params;
};

namespace vt {

namespace {
thread_local std::string g_last_error;
std::atomic<int64_t> g_live[3];

std::map<std::string, Factory>& registry() {
    static std::map<std::string, Factory> r;
    return r;
}
std::mutex& registry_mutex() {
    static std::mutex m;
    return m;
}

std::string trim(const std::string& s) {
    size_t b = s.find_first_not_of(" \t\n");
    size_t e = s.find_last_not_of(" \t\n");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

std::string join(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
    return out;
}
}  // namespace

void set_last_error(const std::string& message) { g_last_error = message; }
void count_handle(int kind, int delta) { g_live[kind].fetch_add(delta, std::memory_order_relaxed); }

vt_tensor* wrap(at::Tensor t) {
    auto* h = new vt_tensor{std::move(t)};
    count_handle(0, 1);
    return h;
}

Config::Config(const char* text) {
    if (text == nullptr) return;
    std::string s(text);
    for (char& c : s)
        if (c == ',') c = ';';
    std::stringstream ss(s);
    std::string item;
    while (std::getline(ss, item, ';')) {
        item = trim(item);
        if (item.empty()) continue;
        auto eq = item.find('=');
        if (eq == std::string::npos) throw InvalidArgument("config entry '" + item + "' is not key=value");
        kv_[trim(item.substr(0, eq))] = trim(item.substr(eq + 1));
    }
}

bool Config::has(const std::string& key) const { return kv_.count(key) > 0; }

int64_t Config::get_int(const std::string& key, int64_t fallback) const {
    used_.insert(key);
    auto it = kv_.find(key);
    if (it == kv_.end()) return fallback;
    char* end = nullptr;
    long long v = std::strtoll(it->second.c_str(), &end, 10);
    if (end == it->second.c_str() || *end != '\0')
        throw InvalidArgument("config key '" + key + "': '" + it->second + "' is not an integer");
    return v;
}

double Config::get_double(const std::string& key, double fallback) const {
    used_.insert(key);
    auto it = kv_.find(key);
    if (it == kv_.end()) return fallback;
    char* end = nullptr;
    double v = std::strtod(it->second.c_str(), &end);
    if (end == it->second.c_str() || *end != '\0')
        throw InvalidArgument("config key '" + key + "': '" + it->second + "' is not a number");
    return v;
}

std::string Config::get_string(const std::string& key, const std::string& fallback) const {
    used_.insert(key);
    auto it = kv_.find(key);
    return it == kv_.end() ? fallback : it->second;
}

void Config::check_all_used(const std::string& what) const {
    std::vector<std::string> unknown;
    for (const auto& kv : kv_)
        if (!used_.count(kv.first)) unknown.push_back(kv.first);
    if (!unknown.empty()) {
        std::vector<std::string> known(used_.begin(), used_.end());
        throw InvalidArgument("unknown " + what + " key(s): " + join(unknown) + " (valid: " + join(known) + ")");
    }
}

void Module::call(const std::string& method, const Config&) {
    throw InvalidArgument("module has no operation '" + method + "'");
}

std::vector<at::Tensor> Module::trainable_parameters() {
    std::vector<at::Tensor> out;
    for (auto& p : net().parameters())
        if (p.requires_grad()) out.push_back(p);
    return out;
}

bool register_module(const std::string& kind, Factory factory) {
    std::lock_guard<std::mutex> lock(registry_mutex());
    registry()[kind] = std::move(factory);
    return true;
}

std::vector<std::string> module_kinds() {
    std::lock_guard<std::mutex> lock(registry_mutex());
    std::vector<std::string> out;
    for (const auto& kv : registry()) out.push_back(kv.first);
    return out;
}

at::ScalarType to_scalar_type(int32_t dtype) {
    switch (dtype) {
        case VT_FLOAT32: return at::kFloat;
        case VT_FLOAT64: return at::kDouble;
        case VT_INT32: return at::kInt;
        case VT_INT64: return at::kLong;
        case VT_UINT8: return at::kByte;
        case VT_BOOL: return at::kBool;
        default: throw InvalidArgument("unknown dtype code " + std::to_string(dtype));
    }
}

int32_t from_scalar_type(at::ScalarType type) {
    switch (type) {
        case at::kFloat: return VT_FLOAT32;
        case at::kDouble: return VT_FLOAT64;
        case at::kInt: return VT_INT32;
        case at::kLong: return VT_INT64;
        case at::kByte: return VT_UINT8;
        case at::kBool: return VT_BOOL;
        default: throw InvalidArgument(std::string("dtype not exposed to Java: ") + c10::toString(type));
    }
}

std::vector<int64_t> to_shape(const int64_t* shape, int32_t ndim) {
    if (ndim < 0 || ndim > 16) throw InvalidArgument("ndim must be in [0, 16], got " + std::to_string(ndim));
    if (ndim > 0 && shape == nullptr) throw InvalidArgument("null shape");
    std::vector<int64_t> out(shape, shape + ndim);
    for (int64_t d : out)
        if (d < 0) throw InvalidArgument("negative dimension in shape");
    return out;
}

// ---- built-in module kind: a plain MLP (tests, benchmarks, examples) ----------------

namespace {
struct MlpNet : torch::nn::Module {
    torch::nn::Sequential seq;
    MlpNet(int64_t in, int64_t hidden, int64_t out, int64_t layers) {
        int64_t width = in;
        for (int64_t i = 0; i < layers; ++i) {
            seq->push_back(torch::nn::Linear(width, hidden));
            seq->push_back(torch::nn::GELU());
            width = hidden;
        }
        seq->push_back(torch::nn::Linear(width, out));
        register_module("seq", seq);
    }
};

class Mlp : public Module {
public:
    explicit Mlp(const Config& c)
        : net_(std::make_shared<MlpNet>(c.get_int("in", 4), c.get_int("hidden", 32), c.get_int("out", 1),
                                        c.get_int("layers", 2))) {
        c.check_all_used("mlp config");
    }
    std::vector<at::Tensor> forward(const std::vector<at::Tensor>& in) override {
        if (in.size() != 1) throw InvalidArgument("mlp takes 1 input, got " + std::to_string(in.size()));
        return {net_->seq->forward(in[0])};
    }
    torch::nn::Module& net() override { return *net_; }

private:
    std::shared_ptr<MlpNet> net_;
};

std::unique_ptr<Module> make_mlp(const Config& c) { return std::make_unique<Mlp>(c); }
}  // namespace

VT_REGISTER_MODULE("mlp", make_mlp);

}  // namespace vt

using vt::unwrap;

extern "C" {

const char* vt_last_error(void) { return vt::g_last_error.c_str(); }

const char* vt_version(void) { return TORCH_VERSION; }

int vt_set_num_threads(int32_t n) {
    VT_TRY {
        if (n < 0) throw vt::InvalidArgument("thread count must be >= 0");
        if (n > 0) at::set_num_threads(n);
        return VL_OK;
    }
    VT_CATCH
}

int vt_get_num_threads(int32_t* out) {
    VT_TRY {
        *out = at::get_num_threads();
        return VL_OK;
    }
    VT_CATCH
}

int vt_cpu_capability(const char** out) {
    VT_TRY {
        // libtorch does not export get_cpu_capability(); this mirrors its rule
        // (ATen/native/DispatchStub.cpp, 1.13): the ATEN_CPU_CAPABILITY variable wins,
        // otherwise AVX2 when the CPU has AVX2 and FMA (AVX-512 is opt-in only).
        const char* env = std::getenv("ATEN_CPU_CAPABILITY");
        std::string e = env ? env : "";
        if (e == "avx512" && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
            __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq")) {
            *out = "AVX512";
        } else if (e == "default") {
            *out = "DEFAULT";
        } else if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
            *out = "AVX2";
        } else {
            *out = "DEFAULT";
        }
        return VL_OK;
    }
    VT_CATCH
}

int64_t vt_live_handles(int32_t kind) {
    if (kind < 0 || kind > 2) return -1;
    return vt::g_live[kind].load(std::memory_order_relaxed);
}

int vt_manual_seed(uint64_t seed) {
    VT_TRY {
        torch::manual_seed(seed);
        return VL_OK;
    }
    VT_CATCH
}

int vt_tensor_from_blob(void* data, const int64_t* shape, int32_t ndim, int32_t dtype, vt_tensor** out) {
    VT_TRY {
        if (data == nullptr) throw vt::InvalidArgument("from_blob: null data pointer");
        auto t = torch::from_blob(data, vt::to_shape(shape, ndim), torch::TensorOptions().dtype(vt::to_scalar_type(dtype)));
        *out = vt::wrap(std::move(t));
        return VL_OK;
    }
    VT_CATCH
}

int vt_tensor_zeros(const int64_t* shape, int32_t ndim, int32_t dtype, vt_tensor** out) {
    VT_TRY {
        *out = vt::wrap(torch::zeros(vt::to_shape(shape, ndim), torch::TensorOptions().dtype(vt::to_scalar_type(dtype))));
        return VL_OK;
    }
    VT_CATCH
}

int vt_tensor_free(vt_tensor* t) {
    VT_TRY {
        if (t != nullptr) {
            delete t;
            vt::count_handle(0, -1);
        }
        return VL_OK;
    }
    VT_CATCH
}

int vt_tensor_data(vt_tensor* t, void** out) {
    VT_TRY {
        auto& x = unwrap(t);
        if (!x.is_contiguous()) throw vt::InvalidArgument("tensor is not contiguous");
        *out = x.data_ptr();
        return VL_OK;
    }
    VT_CATCH
}

int vt_tensor_ndim(vt_tensor* t, int32_t* out) {
    VT_TRY {
        *out = static_cast<int32_t>(unwrap(t).dim());
        return VL_OK;
    }
    VT_CATCH
}

int vt_tensor_shape(vt_tensor* t, int64_t* out, int32_t cap) {
    VT_TRY {
        auto sizes = unwrap(t).sizes();
        for (int32_t i = 0; i < cap && i < static_cast<int32_t>(sizes.size()); ++i) out[i] = sizes[i];
        return VL_OK;
    }
    VT_CATCH
}

int vt_tensor_dtype(vt_tensor* t, int32_t* out) {
    VT_TRY {
        *out = vt::from_scalar_type(unwrap(t).scalar_type());
        return VL_OK;
    }
    VT_CATCH
}

int vt_tensor_numel(vt_tensor* t, int64_t* out) {
    VT_TRY {
        *out = unwrap(t).numel();
        return VL_OK;
    }
    VT_CATCH
}

int vt_tensor_copy_(vt_tensor* dst, vt_tensor* src) {
    VT_TRY {
        torch::NoGradGuard no_grad;
        unwrap(dst).copy_(unwrap(src));
        return VL_OK;
    }
    VT_CATCH
}

int vt_tensor_affine_(vt_tensor* t, double mul, double add) {
    VT_TRY {
        torch::NoGradGuard no_grad;
        unwrap(t).mul_(mul).add_(add);
        return VL_OK;
    }
    VT_CATCH
}

int vt_tensor_sum(vt_tensor* t, double* out) {
    VT_TRY {
        *out = unwrap(t).sum().item<double>();
        return VL_OK;
    }
    VT_CATCH
}

int vt_matmul(vt_tensor* a, vt_tensor* b, vt_tensor** out) {
    VT_TRY {
        *out = vt::wrap(torch::matmul(unwrap(a), unwrap(b)));
        return VL_OK;
    }
    VT_CATCH
}

int vt_tensor_clone(vt_tensor* t, vt_tensor** out) {
    VT_TRY {
        *out = vt::wrap(unwrap(t).detach().clone());
        return VL_OK;
    }
    VT_CATCH
}

int vt_tensor_grad(vt_tensor* t, vt_tensor** out) {
    VT_TRY {
        auto g = unwrap(t).grad();
        *out = g.defined() ? vt::wrap(g) : nullptr;
        return VL_OK;
    }
    VT_CATCH
}

int vt_backward(vt_tensor* loss) {
    VT_TRY {
        auto& l = unwrap(loss);
        if (l.numel() != 1) throw vt::InvalidArgument("backward needs a scalar loss, got shape " + c10::str(l.sizes()));
        l.backward();
        return VL_OK;
    }
    VT_CATCH
}

int vt_backward_with_grad(vt_tensor* t, vt_tensor* grad) {
    VT_TRY {
        auto& x = unwrap(t);
        auto& g = unwrap(grad);
        if (x.sizes() != g.sizes())
            throw vt::InvalidArgument("gradient shape " + c10::str(g.sizes()) + " does not match tensor shape " + c10::str(x.sizes()));
        x.backward(g);
        return VL_OK;
    }
    VT_CATCH
}

int vt_module_create(const char* kind, const char* config, vt_module** out) {
    VT_TRY {
        if (kind == nullptr) throw vt::InvalidArgument("null module kind");
        vt::Factory factory;
        {
            std::lock_guard<std::mutex> lock(vt::registry_mutex());
            auto it = vt::registry().find(kind);
            if (it != vt::registry().end()) factory = it->second;
        }
        if (!factory) {
            std::string known;
            for (const auto& k : vt::module_kinds()) known += (known.empty() ? "" : ", ") + k;
            throw vt::InvalidArgument(std::string("unknown module kind '") + kind + "' (registered: " + known + ")");
        }
        vt::Config cfg(config);
        auto impl = factory(cfg);
        *out = new vt_module{std::move(impl)};
        vt::count_handle(1, 1);
        return VL_OK;
    }
    VT_CATCH
}

int vt_module_free(vt_module* m) {
    VT_TRY {
        if (m != nullptr) {
            delete m;
            vt::count_handle(1, -1);
        }
        return VL_OK;
    }
    VT_CATCH
}

static vt::Module& unwrap_module(vt_module* m) {
    if (m == nullptr || !m->impl) throw vt::InvalidArgument("null module handle");
    return *m->impl;
}

int vt_module_forward(vt_module* m, vt_tensor* const* inputs, int32_t n_in, vt_tensor** outputs, int32_t cap,
                      int32_t* n_out) {
    VT_TRY {
        auto& mod = unwrap_module(m);
        std::vector<at::Tensor> in;
        in.reserve(n_in);
        for (int32_t i = 0; i < n_in; ++i) in.push_back(unwrap(inputs[i]));
        auto out = mod.forward(in);
        *n_out = static_cast<int32_t>(out.size());
        for (int32_t i = 0; i < cap && i < static_cast<int32_t>(out.size()); ++i) outputs[i] = vt::wrap(out[i]);
        return VL_OK;
    }
    VT_CATCH
}

int vt_module_forward_into(vt_module* m, vt_tensor* const* inputs, int32_t n_in, vt_tensor* const* outputs,
                           int32_t n_out) {
    VT_TRY {
        auto& mod = unwrap_module(m);
        c10::InferenceMode guard;
        std::vector<at::Tensor> in;
        in.reserve(n_in);
        for (int32_t i = 0; i < n_in; ++i) in.push_back(unwrap(inputs[i]));
        auto out = mod.forward(in);
        if (static_cast<int32_t>(out.size()) != n_out)
            throw vt::InvalidArgument("module produced " + std::to_string(out.size()) + " outputs, caller gave " +
                                      std::to_string(n_out));
        for (int32_t i = 0; i < n_out; ++i) {
            auto& dst = unwrap(outputs[i]);
            if (dst.sizes() != out[i].sizes())
                throw vt::InvalidArgument("output " + std::to_string(i) + " has shape " + c10::str(out[i].sizes()) +
                                          ", caller's tensor has " + c10::str(dst.sizes()));
            dst.copy_(out[i]);
        }
        return VL_OK;
    }
    VT_CATCH
}

int vt_module_call(vt_module* m, const char* method, const char* args) {
    VT_TRY {
        if (method == nullptr) throw vt::InvalidArgument("null method name");
        unwrap_module(m).call(method, vt::Config(args));
        return VL_OK;
    }
    VT_CATCH
}

int vt_module_train(vt_module* m, int32_t training) {
    VT_TRY {
        unwrap_module(m).net().train(training != 0);
        return VL_OK;
    }
    VT_CATCH
}

int vt_module_num_parameters(vt_module* m, int32_t trainable_only, int64_t* out) {
    VT_TRY {
        auto& mod = unwrap_module(m);
        int64_t n = 0;
        if (trainable_only) {
            for (auto& p : mod.trainable_parameters()) n += p.numel();
        } else {
            for (auto& p : mod.net().parameters()) n += p.numel();
        }
        *out = n;
        return VL_OK;
    }
    VT_CATCH
}

int vt_module_save(vt_module* m, const char* path) {
    VT_TRY {
        if (path == nullptr) throw vt::InvalidArgument("null path");
        torch::serialize::OutputArchive archive;
        unwrap_module(m).net().save(archive);
        archive.save_to(std::string(path));
        return VL_OK;
    }
    VT_CATCH
}

int vt_module_load(vt_module* m, const char* path) {
    VT_TRY {
        if (path == nullptr) throw vt::InvalidArgument("null path");
        {
            std::ifstream probe(path, std::ios::binary);
            if (!probe) throw vt::IoError(std::string("cannot open module file '") + path + "'");
        }
        auto& mod = unwrap_module(m);
        torch::serialize::InputArchive archive;
        try {
            archive.load_from(std::string(path));
        } catch (const c10::Error& e) {
            throw vt::IoError(std::string("module file '") + path + "' is corrupt or not a libtorch archive: " +
                              e.what_without_backtrace());
        }
        // libtorch's load() silently takes the file's shapes (it uses set_), so shapes are
        // checked here and the module is restored on any mismatch.
        torch::NoGradGuard no_grad;
        auto named = mod.net().named_parameters(true);
        auto buffers = mod.net().named_buffers(true);
        std::vector<std::pair<std::string, at::Tensor>> all;
        for (auto& kv : named) all.emplace_back(kv.key(), kv.value());
        for (auto& kv : buffers) all.emplace_back(kv.key(), kv.value());
        std::vector<at::Tensor> saved;
        for (auto& kv : all) saved.push_back(kv.second.clone());
        auto restore = [&]() {
            for (size_t i = 0; i < all.size(); ++i) all[i].second.set_(saved[i]);
        };
        try {
            mod.net().load(archive);
        } catch (const c10::Error& e) {
            restore();
            throw vt::IoError(std::string("module file '") + path + "' does not match this model: " +
                              e.what_without_backtrace());
        }
        for (size_t i = 0; i < all.size(); ++i) {
            if (all[i].second.sizes() != saved[i].sizes()) {
                std::string msg = std::string("module file '") + path + "' does not match this model: '" + all[i].first +
                                  "' has shape " + c10::str(all[i].second.sizes()) + " in the file, " +
                                  c10::str(saved[i].sizes()) + " in the model";
                restore();
                throw vt::InvalidArgument(msg);
            }
        }
        return VL_OK;
    }
    VT_CATCH
}

int vt_optim_create(vt_module* m, const char* kind, const char* config, vt_optim** out) {
    VT_TRY {
        auto& mod = unwrap_module(m);
        std::string k = kind == nullptr ? "" : kind;
        vt::Config c(config);
        auto params = mod.trainable_parameters();
        std::unique_ptr<torch::optim::Optimizer> opt;
        if (k == "adamw") {
            torch::optim::AdamWOptions o(c.get_double("lr", 1e-3));
            o.betas({c.get_double("beta1", 0.9), c.get_double("beta2", 0.999)});
            o.eps(c.get_double("eps", 1e-8));
            o.weight_decay(c.get_double("weight_decay", 0.01));
            opt = std::make_unique<torch::optim::AdamW>(params, o);
        } else if (k == "sgd") {
            torch::optim::SGDOptions o(c.get_double("lr", 1e-2));
            o.momentum(c.get_double("momentum", 0.0));
            opt = std::make_unique<torch::optim::SGD>(params, o);
        } else {
            throw vt::InvalidArgument("unknown optimiser '" + k + "' (valid: adamw, sgd)");
        }
        c.check_all_used(k + " optimiser config");
        *out = new vt_optim{std::move(opt), std::move(params)};
        vt::count_handle(2, 1);
        return VL_OK;
    }
    VT_CATCH
}

int vt_optim_free(vt_optim* o) {
    VT_TRY {
        if (o != nullptr) {
            delete o;
            vt::count_handle(2, -1);
        }
        return VL_OK;
    }
    VT_CATCH
}

static vt_optim& unwrap_optim(vt_optim* o) {
    if (o == nullptr || !o->opt) throw vt::InvalidArgument("null optimiser handle");
    return *o;
}

int vt_optim_zero_grad(vt_optim* o) {
    VT_TRY {
        unwrap_optim(o).opt->zero_grad();
        return VL_OK;
    }
    VT_CATCH
}

int vt_optim_step(vt_optim* o, double max_norm, double* grad_norm) {
    VT_TRY {
        auto& opt = unwrap_optim(o);
        double norm;
        if (max_norm > 0) {
            norm = torch::nn::utils::clip_grad_norm_(opt.params, max_norm);
        } else {
            double sq = 0;
            for (auto& p : opt.params)
                if (p.grad().defined()) sq += p.grad().pow(2).sum().item<double>();
            norm = std::sqrt(sq);
        }
        if (!std::isfinite(norm)) throw vt::NumericError("gradient norm is not finite (" + std::to_string(norm) + "); step skipped");
        opt.opt->step();
        if (grad_norm != nullptr) *grad_norm = norm;
        return VL_OK;
    }
    VT_CATCH
}

int vt_cross_entropy(vt_tensor* logits, vt_tensor* targets, vt_tensor** out) {
    VT_TRY {
        *out = vt::wrap(torch::nn::functional::cross_entropy(unwrap(logits), unwrap(targets)));
        return VL_OK;
    }
    VT_CATCH
}

int vt_mse(vt_tensor* a, vt_tensor* b, vt_tensor** out) {
    VT_TRY {
        *out = vt::wrap(torch::mse_loss(unwrap(a), unwrap(b)));
        return VL_OK;
    }
    VT_CATCH
}

}  // extern "C"
