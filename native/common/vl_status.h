/*
 * vl_status.h - the status convention shared by every vlarl shim.
 *
 * Every fallible C function of a vlarl shim returns one of these codes. On a
 * non-zero code the shim keeps a message for the calling thread, read with the
 * shim's own `*_last_error()` function; Java turns code + message into a typed
 * exception (dev.vlarl.bindings.NativeException and subclasses).
 */
#ifndef VL_STATUS_H
#define VL_STATUS_H

enum vl_status {
    VL_OK = 0,
    VL_ERR_INVALID_ARGUMENT = 1, /* bad shape, dtype, null handle, unknown name */
    VL_ERR_BACKEND = 2,          /* libtorch / MuJoCo / CUDA reported an error   */
    VL_ERR_IO = 3,               /* file missing, unreadable, corrupt            */
    VL_ERR_OUT_OF_MEMORY = 4,
    VL_ERR_NUMERIC = 5,          /* NaN or Inf where a finite value is required  */
    VL_ERR_UNSUPPORTED = 6,      /* not built in, no device, wrong platform      */
    VL_ERR_INTERNAL = 99         /* anything else: a bug in vlarl                */
};

#endif
