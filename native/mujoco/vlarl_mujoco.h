/*
 * vlarl_mujoco.h - plain C ABI over MuJoCo 2.2.2 and offscreen EGL rendering (prefix vm_).
 *
 * This header is the contract: dev.vlarl.bindings.VlarlMujoco mirrors it one to one.
 *
 * Conventions
 *  - Every fallible function returns a vl_status code (vl_status.h). On failure the
 *    message (MuJoCo's own text for a model that does not compile or for mju_error) is
 *    kept per thread and read with vm_last_error().
 *  - MuJoCo's error hook is replaced when this library loads: mju_error inside any vm_
 *    call unwinds (setjmp/longjmp) to that call, which returns VL_ERR_BACKEND. It never
 *    exits the process. MuJoCo warnings are recorded (vm_last_warning), not printed.
 *    Call MuJoCo only through this shim: an mju_error raised outside a vm_ call cannot be
 *    unwound (it is printed to stderr and MuJoCo carries on, as with any returning hook).
 *  - After VL_ERR_BACKEND from vm_step / vm_forward the mjData may be half-updated:
 *    the caller must reset it (vm_reset) or discard it before using it again.
 *  - Handles are owned by the caller and released with the matching *_free function,
 *    which accepts NULL. mjModel / mjData are MuJoCo's own structs: Java reads their
 *    fields at offsets it gets from vm_offsetof, never from typed-in numbers.
 *  - Thread safety: distinct mjData may be stepped on distinct threads at once (one
 *    model may be shared). Loading a model briefly excludes all other vm_ calls, because
 *    MuJoCo 2.2.2's compiler swaps the process-wide error hook while it runs.
 *  - A vm_gl context is borrowed by each call that draws: made current on the calling
 *    thread for the call and released after (what was current before is put back), so
 *    any thread may render, one at a time per context; two threads drawing with one
 *    context at once get an error, not a crash (a vm_renderer itself is for one thread at
 *    a time: its camera and scene are state). vm_gl_make_current keeps it current on a
 *    thread (saving two eglMakeCurrent per frame) until vm_gl_release_current there.
 */
#ifndef VLARL_MUJOCO_H
#define VLARL_MUJOCO_H

#include <stddef.h>
#include <stdint.h>

#include "vl_status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct mjModel_ mjModel;
typedef struct mjData_ mjData;
typedef struct vm_gl vm_gl;
typedef struct vm_renderer vm_renderer;

/* Object types for name lookup: the values of MuJoCo's mjtObj (checked at build time). */
enum vm_obj {
    VM_OBJ_BODY = 1,
    VM_OBJ_JOINT = 3,
    VM_OBJ_DOF = 4,
    VM_OBJ_GEOM = 5,
    VM_OBJ_SITE = 6,
    VM_OBJ_CAMERA = 7,
    VM_OBJ_LIGHT = 8,
    VM_OBJ_MESH = 9,
    VM_OBJ_MATERIAL = 13,
    VM_OBJ_TENDON = 17,
    VM_OBJ_ACTUATOR = 18,
    VM_OBJ_SENSOR = 19,
    VM_OBJ_KEY = 23
};

/* Element types of the arrays returned by vm_model_array / vm_data_array. */
enum vm_type {
    VM_TYPE_F64 = 0,     /* mjtNum (double)                         */
    VM_TYPE_F32 = 1,     /* float                                   */
    VM_TYPE_I32 = 2,     /* int                                     */
    VM_TYPE_U8 = 3,      /* mjtByte                                 */
    VM_TYPE_CHAR = 4,    /* char                                    */
    VM_TYPE_STRUCT = 5   /* a struct (mjContact): see vm_sizeof     */
};

/* Bits of a step's instability flags (vm_step). Bit i < 8 means MuJoCo raised warning i
 * (mjtWarning) during the call; those marked "resets" make MuJoCo reset the mjData. */
enum vm_step_flag {
    VM_STEP_WARN_INERTIA = 1 << 0,     /* near-singular inertia                    */
    VM_STEP_WARN_CONTACTFULL = 1 << 1, /* contact buffer full                      */
    VM_STEP_WARN_CNSTRFULL = 1 << 2,   /* constraint buffer full                   */
    VM_STEP_WARN_VGEOMFULL = 1 << 3,   /* visual geom buffer full                  */
    VM_STEP_WARN_BADQPOS = 1 << 4,     /* bad number in qpos (resets)              */
    VM_STEP_WARN_BADQVEL = 1 << 5,     /* bad number in qvel (resets)              */
    VM_STEP_WARN_BADQACC = 1 << 6,     /* bad number in qacc (resets)              */
    VM_STEP_WARN_BADCTRL = 1 << 7,     /* bad number in ctrl                       */
    VM_STEP_NONFINITE = 1 << 16,       /* NaN/Inf in qpos, qvel, qacc or act after */
    VM_STEP_UNSTABLE_MASK = (1 << 4) | (1 << 5) | (1 << 6) | (1 << 7) | (1 << 16)
};

/* Camera argument of vm_render: an id >= 0 names a model camera; VM_CAMERA_FREE uses the
 * free-camera parameters (or MuJoCo's default free camera when they are NULL). */
#define VM_CAMERA_FREE (-1)

/* Options of a renderer (vm_renderer_set_flag). Values below 100 are MuJoCo's scene
 * rendering flags (mjtRndFlag, checked at build time); the rest are vlarl's. */
enum vm_render_flag {
    VM_RND_SHADOW = 0,       /* shadows (default on; the shadow pass costs most of a frame on a
                              * CPU renderer: turn it off, or shrink <quality shadowsize>)  */
    VM_RND_WIREFRAME = 1,
    VM_RND_REFLECTION = 2,   /* reflections (default on)                                     */
    VM_RND_ADDITIVE = 3,
    VM_RND_SKYBOX = 4,       /* skybox (default on)                                          */
    VM_RND_FOG = 5,
    VM_RND_HAZE = 6,
    VM_RND_SEGMENT = 7,      /* segmentation colours instead of shading                      */
    VM_RND_IDCOLOR = 8,      /* with SEGMENT: colour = scene geom index + 1 (r + 256 g + 65536 b); 
                              * vm_render_segmentation maps it to model geom ids          */
    VM_RND_CULL_FACE = 9,
    VM_RENDER_DEPTH_METRES = 100, /* out_depth in metres from the camera plane instead of
                                   * OpenGL's [0, 1] (default off)                          */
    VM_RENDER_GEOMGROUP_0 = 200   /* + g, g in 0..5: geom group g visible (default: 0-2 on) */
};

/* Kinds counted by vm_live_handles. */
enum vm_handle_kind {
    VM_LIVE_MODELS = 0,
    VM_LIVE_DATAS = 1,
    VM_LIVE_GL = 2,
    VM_LIVE_RENDERERS = 3
};

/* ---- runtime -------------------------------------------------------------------- */

/* Message of the last failed call on this thread ("" if none). Valid until the next
 * failing call on the same thread. */
const char* vm_last_error(void);
/* Text of the last MuJoCo warning raised on this thread ("" if none). */
const char* vm_last_warning(void);
/* MuJoCo's library version (e.g. 222) and the header version the shim was built with. */
int32_t vm_mj_version(void);
int32_t vm_mj_header_version(void);
/* Handles alive right now, per enum vm_handle_kind. */
int64_t vm_live_handles(int32_t kind);
/* Calls mju_error(message) inside a guarded call: always returns VL_ERR_BACKEND with
 * MuJoCo's text. For tests of the error hook. */
int vm_force_error(const char* message);

/* ---- struct layouts (from the installed headers, with sizeof / offsetof) ---------- */

/* Size of a MuJoCo struct: "mjModel", "mjData", "mjOption", "mjVisual", "mjStatistic",
 * "mjContact", "mjWarningStat", "mjvScene", "mjvCamera", "mjvOption", "mjrContext". */
int vm_sizeof(const char* type, int64_t* out);
/* Byte offset of a field. mjModel: every int size (nq, nv, ...), every array pointer
 * (body_pos, geom_rgba, ...), "opt.<field>" (opt.timestep, opt.gravity, ...),
 * "vis.global.offwidth", "vis.global.offheight", "vis.quality.offsamples", "stat.extent",
 * "stat.center". mjData: every array pointer, nstack, pstack, ncon, ne, nefc, time,
 * energy, warning. mjWarningStat: lastinfo, number. mjContact: dist, pos, frame, geom1,
 * geom2. */
int vm_offsetof(const char* type, const char* field, int64_t* out);

/* ---- models --------------------------------------------------------------------- */

/* Compiles MJCF text (self-contained: files it names are looked up on disk relative to
 * the working directory). A model that does not compile gives VL_ERR_BACKEND with
 * MuJoCo's message. */
int vm_model_from_xml_string(const char* xml, mjModel** out);
/* Compiles an MJCF file (assets relative to the file, as MuJoCo does). A missing file is
 * VL_ERR_IO. */
int vm_model_from_xml_file(const char* path, mjModel** out);
int vm_model_free(mjModel* m);
/* A deep copy of m (for per-environment changes such as colours or friction). */
int vm_model_copy(const mjModel* m, mjModel** out);
/* Address and shape of a model array by its mjModel field name (e.g. "geom_rgba":
 * ngeom x 4, VM_TYPE_F32). rows x cols elements of *elem_type. */
int vm_model_array(const mjModel* m, const char* name, void** ptr, int64_t* rows, int64_t* cols,
                   int32_t* elem_type);
/* Id of the named object of type enum vm_obj, -1 when there is none. */
int vm_name2id(const mjModel* m, int32_t obj_type, const char* name, int32_t* out);
/* Name of object id (NULL when it has none). Unknown ids are VL_ERR_INVALID_ARGUMENT. */
int vm_id2name(const mjModel* m, int32_t obj_type, int32_t id, const char** out);
/* Number of objects of a type (nbody, ngeom, ...). */
int vm_count(const mjModel* m, int32_t obj_type, int32_t* out);

/* ---- data ----------------------------------------------------------------------- */

/* A new mjData for m, reset to the model's initial state and run through mj_forward. */
int vm_data_create(const mjModel* m, mjData** out);
int vm_data_free(mjData* d);
/* Copies the full state of src into dst (same model). */
int vm_data_copy(const mjModel* m, mjData* dst, const mjData* src);
/* Address and shape of a data array by its mjData field name (e.g. "xpos": nbody x 3). */
int vm_data_array(const mjModel* m, const mjData* d, const char* name, void** ptr, int64_t* rows,
                  int64_t* cols, int32_t* elem_type);
/* mj_resetData, then mj_forward (positions, sensors, xpos valid right away). */
int vm_reset(const mjModel* m, mjData* d);
/* mj_resetDataKeyframe(key), then mj_forward. */
int vm_reset_keyframe(const mjModel* m, mjData* d, int32_t key);
int vm_forward(const mjModel* m, mjData* d);
/* Runs nsteps of mj_step. *out_flags (may be NULL) receives enum vm_step_flag bits.
 * Stepping stops early after the substep in which an instability (a bit of
 * VM_STEP_UNSTABLE_MASK) appeared, so the state that caused it is not stepped further;
 * instability is not an error: the call returns VL_OK with the flags set. */
int vm_step(const mjModel* m, mjData* d, int32_t nsteps, int32_t* out_flags);
/* vm_step over n (model, data) pairs in order; models[i] may repeat. out_flags (may be
 * NULL) holds n entries. Stops at the first pair that fails (its index is in the
 * message); the pairs before it were stepped. */
int vm_step_batch(const mjModel* const* models, mjData* const* datas, int32_t n, int32_t nsteps,
                  int32_t* out_flags);

/* ---- offscreen GL context (EGL) ------------------------------------------------- */

/* An offscreen OpenGL context through EGL (not left current on any thread).
 * Displays tried in order: the EGL device platform (NVIDIA, or the GPU named by
 * VLARL_EGL_DEVICE=<index> or MUJOCO_EGL_DEVICE_ID=<index>), Mesa's surfaceless platform,
 * the default display. VLARL_EGL_PLATFORM=device|surfaceless|default allows only one. */
int vm_gl_create(vm_gl** out);
int vm_gl_free(vm_gl* gl);
int vm_gl_make_current(vm_gl* gl);
int vm_gl_release_current(vm_gl* gl);
/* One line naming the EGL platform, vendor and GL renderer, e.g.
 * "egl=surfaceless vendor=Mesa Project gl=4.5 (Compatibility Profile) Mesa 22.3.6 renderer=llvmpipe". */
int vm_gl_describe(vm_gl* gl, const char** out);
/* The EGLDisplay and EGLContext behind gl, for callers that query EGL themselves
 * (dev.vlarl.bindings.Egl). Not to be destroyed or made current elsewhere. */
int vm_gl_egl_handles(vm_gl* gl, void** display, void** context);

/* ---- rendering ------------------------------------------------------------------ */

/* A renderer for m of width x height pixels in gl (scene of max_geom geoms, <= 0 for
 * 1000). Raises m's offscreen buffer size (vis.global.offwidth/offheight) if smaller. */
int vm_renderer_create(vm_gl* gl, const mjModel* m, int32_t width, int32_t height, int32_t max_geom,
                       vm_renderer** out);
int vm_renderer_free(vm_renderer* r);
/* Sets a renderer option (enum vm_render_flag) to value (0 off, otherwise on). */
int vm_renderer_set_flag(vm_renderer* r, int32_t flag, int32_t value);
/* Renders d into out_rgb: uint8[height, width, 3], row 0 at the TOP of the image, caller
 * owned. camera: a model camera id, or VM_CAMERA_FREE with free_camera = double[6]
 * {lookat x, y, z, distance, azimuth deg, elevation deg} (NULL: MuJoCo's default free
 * camera). out_depth (may be NULL): float[height, width] of OpenGL depth in [0, 1]
 * (or metres, see VM_RENDER_DEPTH_METRES), same row order. Borrows the renderer's GL context for the call. */
int vm_render(vm_renderer* r, mjData* d, int32_t camera, const double* free_camera, uint8_t* out_rgb,
              float* out_depth);
/* Renders which model geom each pixel shows: out_geom int32[height, width] (row 0 at the
 * top) holds a geom id, or -1 for background and for non-geom decorations. Camera as in
 * vm_render. With multisampling (<quality offsamples> > 0) pixels on object edges can
 * blend ids: use offsamples="0" where edges matter. */
int vm_render_segmentation(vm_renderer* r, mjData* d, int32_t camera, const double* free_camera,
                           int32_t* out_geom);

#ifdef __cplusplus
}
#endif
#endif
