/*
 * vm_internal.h - shared by the translation units of libvlarl_mujoco.
 *
 * The guard: every vm_ entry point that can reach mju_error runs its MuJoCo calls between
 * VM_GUARD_BEGIN and VM_GUARD_END. The begin pushes a per-thread jump frame and takes the
 * process-wide lock (shared, or exclusive for model compilation); MuJoCo's error hook
 * (installed when the library loads) keeps the message and longjmps to the innermost
 * frame of the calling thread, so the entry point returns VL_ERR_BACKEND instead of the
 * process exiting. Locals changed inside the guarded block and read after it must be
 * volatile (setjmp rules); keep guarded blocks short and write results through pointers.
 */
#ifndef VM_INTERNAL_H
#define VM_INTERNAL_H

#include <setjmp.h>
#include <stdint.h>

#include <mujoco/mujoco.h>

#include "vlarl_mujoco.h"

typedef struct vm_frame {
    jmp_buf jb;
    struct vm_frame* prev;
} vm_frame;

enum { VM_SHARED = 0, VM_EXCLUSIVE = 1 };

void vm_guard_enter(vm_frame* f, int mode);
void vm_guard_leave(vm_frame* f, int mode);

/* rc must be a volatile int declared by the caller; it becomes VL_ERR_BACKEND when
 * MuJoCo raised an error inside the block. */
#define VM_GUARD_BEGIN(mode)              \
    {                                     \
        vm_frame vm_fr_;                  \
        const int vm_mode_ = (mode);      \
        vm_guard_enter(&vm_fr_, vm_mode_); \
        if (setjmp(vm_fr_.jb) == 0) {

#define VM_GUARD_END(rc)                  \
        } else {                          \
            (rc) = VL_ERR_BACKEND;        \
        }                                 \
        vm_guard_leave(&vm_fr_, vm_mode_); \
    }

/* Keeps a printf-style message for this thread and returns code. */
int vm_fail(int code, const char* fmt, ...) __attribute__((format(printf, 2, 3)));
void vm_count_handle(int kind, int delta);

#define VM_REQUIRE(cond, ...)                                   \
    do {                                                        \
        if (!(cond)) return vm_fail(VL_ERR_INVALID_ARGUMENT, __VA_ARGS__); \
    } while (0)

#endif
