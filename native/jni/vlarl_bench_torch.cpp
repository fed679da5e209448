// libvlarl_bench_torch: vb_torch_sum_f32 (see vlarl_bench.h). One call wraps the caller's
// floats as a tensor without a copy, sums them and drops the tensor, so that the memory
// may be a heap array pinned by Linker.Option.critical(true) for just that call.
#include "vlarl_bench.h"

#include <torch/torch.h>

#include <exception>
#include <string>

namespace {
thread_local std::string last_error;
}

extern "C" const char* vb_torch_last_error(void) { return last_error.c_str(); }

extern "C" int vb_torch_sum_f32(const float* data, int64_t n, double* out) {
    try {
        if (data == nullptr || out == nullptr) {
            last_error = "vb_torch_sum_f32: null data or out pointer";
            return VL_ERR_INVALID_ARGUMENT;
        }
        if (n < 0) {
            last_error = "vb_torch_sum_f32: negative length " + std::to_string(n);
            return VL_ERR_INVALID_ARGUMENT;
        }
        // from_blob does not copy and does not free: the tensor dies before we return.
        auto t = torch::from_blob(const_cast<float*>(data), {n}, torch::kFloat32);
        *out = t.sum().item<double>();
        return VL_OK;
    } catch (const std::exception& e) {
        last_error = e.what();
        return VL_ERR_BACKEND;
    } catch (...) {
        last_error = "vb_torch_sum_f32: unknown C++ exception";
        return VL_ERR_INTERNAL;
    }
}
