// vt_internal.h - C++ side of the torch shim, shared by every translation unit that
// adds module kinds (the MLP here, the TinyVLA policy in native/policy).
//
// A module kind registers a factory under a name; vt_module_create looks it up. The
// boundary macros VT_TRY / VT_CATCH turn every C++ exception into a vl_status plus a
// per-thread message, so nothing ever unwinds into the JVM.
#pragma once

#include <torch/torch.h>

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "vlarl_torch.h"

struct vt_tensor {
    at::Tensor t;
};

namespace vt {

// Thrown for bad input that names what is wrong (maps to VL_ERR_INVALID_ARGUMENT).
struct InvalidArgument : std::runtime_error {
    using std::runtime_error::runtime_error;
};
// Maps to VL_ERR_IO.
struct IoError : std::runtime_error {
    using std::runtime_error::runtime_error;
};
// Maps to VL_ERR_NUMERIC.
struct NumericError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Parsed "key=value;key=value" (',' also separates). Every lookup marks the key as
// used; check_all_used() reports keys nobody asked for (typos).
class Config {
public:
    explicit Config(const char* text);
    bool has(const std::string& key) const;
    int64_t get_int(const std::string& key, int64_t fallback) const;
    double get_double(const std::string& key, double fallback) const;
    std::string get_string(const std::string& key, const std::string& fallback) const;
    void check_all_used(const std::string& what) const;
    const std::map<std::string, std::string>& entries() const { return kv_; }

private:
    std::map<std::string, std::string> kv_;
    mutable std::set<std::string> used_;
};

// A module kind. forward() takes and returns tensors; net() exposes the torch module
// for parameters, save/load and train/eval.
class Module {
public:
    virtual ~Module() = default;
    virtual std::vector<at::Tensor> forward(const std::vector<at::Tensor>& inputs) = 0;
    virtual torch::nn::Module& net() = 0;
    // Named operations beyond forward (e.g. "add_task"); the default knows none.
    virtual void call(const std::string& method, const Config& args);
    // Parameters an optimiser should update (default: those that require grad).
    virtual std::vector<at::Tensor> trainable_parameters();
};

using Factory = std::function<std::unique_ptr<Module>(const Config&)>;

// Registers a module kind; call from a static initialiser (see VT_REGISTER_MODULE).
bool register_module(const std::string& kind, Factory factory);
std::vector<std::string> module_kinds();

void set_last_error(const std::string& message);
void count_handle(int kind, int delta);

// Tensor handle helpers.
inline at::Tensor& unwrap(vt_tensor* t) {
    if (t == nullptr) throw InvalidArgument("null tensor handle");
    return t->t;
}
vt_tensor* wrap(at::Tensor t);

at::ScalarType to_scalar_type(int32_t dtype);
int32_t from_scalar_type(at::ScalarType type);
std::vector<int64_t> to_shape(const int64_t* shape, int32_t ndim);

}  // namespace vt

// The module handle (defined here so that other C entry points, e.g. vlarl_policy.h's,
// can reach the module kind behind it).
struct vt_module {
    std::unique_ptr<vt::Module> impl;
};

#define VT_REGISTER_MODULE(kind, factory) \
    static const bool vt_registered_##factory = ::vt::register_module(kind, factory)

// Wrap the body of every extern "C" function: return VT_TRY { ... } VT_CATCH
#define VT_TRY try
#define VT_CATCH                                                            \
    catch (const ::vt::InvalidArgument& e) {                                 \
        ::vt::set_last_error(e.what());                                      \
        return VL_ERR_INVALID_ARGUMENT;                                      \
    }                                                                        \
    catch (const ::vt::IoError& e) {                                         \
        ::vt::set_last_error(e.what());                                      \
        return VL_ERR_IO;                                                    \
    }                                                                        \
    catch (const ::vt::NumericError& e) {                                    \
        ::vt::set_last_error(e.what());                                      \
        return VL_ERR_NUMERIC;                                               \
    }                                                                        \
    catch (const c10::Error& e) {                                            \
        ::vt::set_last_error(e.what_without_backtrace());                    \
        return VL_ERR_BACKEND;                                               \
    }                                                                        \
    catch (const std::bad_alloc&) {                                          \
        ::vt::set_last_error("out of memory");                               \
        return VL_ERR_OUT_OF_MEMORY;                                         \
    }                                                                        \
    catch (const std::exception& e) {                                        \
        ::vt::set_last_error(e.what());                                      \
        return VL_ERR_INTERNAL;                                              \
    }                                                                        \
    catch (...) {                                                            \
        ::vt::set_last_error("unknown C++ exception");                       \
        return VL_ERR_INTERNAL;                                              \
    }
