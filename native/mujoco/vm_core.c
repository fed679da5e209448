/*
 * vm_core.c - error hook, models, data, stepping and struct layouts of libvlarl_mujoco.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <mujoco/mjxmacro.h>

#include "vm_internal.h"

/* ---- per-thread state, error hook, lock --------------------------------------------- */

static _Thread_local char vm_error_text[2048];
static _Thread_local char vm_warning_text[1024];
static _Thread_local vm_frame* vm_top;
/* Shared by every guarded call, exclusive while a model compiles. Writer-preferring, so a
 * load is not starved by threads that step back to back (guarded calls never nest, which
 * this kind of lock requires). */
static pthread_rwlock_t vm_lock;
static atomic_llong vm_live[4];

int vm_fail(int code, const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(vm_error_text, sizeof vm_error_text, fmt, ap);
    va_end(ap);
    return code;
}

void vm_count_handle(int kind, int delta) {
    atomic_fetch_add(&vm_live[kind], delta);
}

static void vm_error_hook(const char* msg) {
    snprintf(vm_error_text, sizeof vm_error_text, "%s", msg ? msg : "(no message)");
    vm_frame* f = vm_top;
    if (f != NULL) longjmp(f->jb, 1);
    /* Not inside a vm_ call: nothing to unwind to. Say so; MuJoCo then carries on as it
     * does with any hook that returns. */
    fprintf(stderr, "vlarl: MuJoCo error outside a vm_ call (cannot be unwound): %s\n", vm_error_text);
}

static void vm_warning_hook(const char* msg) {
    snprintf(vm_warning_text, sizeof vm_warning_text, "%s", msg ? msg : "");
}

static void vm_install_hooks(void) {
    mju_user_error = vm_error_hook;
    mju_user_warning = vm_warning_hook;
}

__attribute__((constructor)) static void vm_on_load(void) {
    pthread_rwlockattr_t attr;
    pthread_rwlockattr_init(&attr);
    pthread_rwlockattr_setkind_np(&attr, PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP);
    pthread_rwlock_init(&vm_lock, &attr);
    pthread_rwlockattr_destroy(&attr);
    vm_install_hooks();
}

void vm_guard_enter(vm_frame* f, int mode) {
    if (mode == VM_EXCLUSIVE)
        pthread_rwlock_wrlock(&vm_lock);
    else
        pthread_rwlock_rdlock(&vm_lock);
    f->prev = vm_top;
    vm_top = f;
}

void vm_guard_leave(vm_frame* f, int mode) {
    (void)mode;
    vm_top = f->prev;
    pthread_rwlock_unlock(&vm_lock);
}

const char* vm_last_error(void) {
    return vm_error_text;
}

const char* vm_last_warning(void) {
    return vm_warning_text;
}

int32_t vm_mj_version(void) {
    return mj_version();
}

int32_t vm_mj_header_version(void) {
    return mjVERSION_HEADER;
}

int64_t vm_live_handles(int32_t kind) {
    if (kind < 0 || kind >= 4) return -1;
    return atomic_load(&vm_live[kind]);
}

int vm_force_error(const char* message) {
    volatile int rc = VL_OK;
    VM_GUARD_BEGIN(VM_SHARED)
    mju_error(message ? message : "forced error");
    VM_GUARD_END(rc)
    if (rc == VL_OK) return vm_fail(VL_ERR_INTERNAL, "mju_error returned: the error hook is not installed");
    return rc;
}

/* ---- layouts ------------------------------------------------------------------------ */

typedef struct {
    const char* type;
    const char* field;
    int64_t offset;
} vm_field;

#define VM_F(T, NAME) {#T, #NAME, (int64_t)offsetof(T, NAME)},
#define VM_FP(T, PREFIX, NAME) {#T, PREFIX #NAME, (int64_t)offsetof(T, NAME)},

static const vm_field vm_fields[] = {
/* mjModel: sizes, array pointers, options, a few visual / statistic fields */
#define X(NAME) VM_F(mjModel, NAME)
    MJMODEL_INTS
#undef X
#define X(TYPE, NAME, NR, NC) VM_F(mjModel, NAME)
    MJMODEL_POINTERS
#undef X
#define X(TYPE, NAME) {"mjModel", "opt." #NAME, (int64_t)offsetof(mjModel, opt.NAME)},
    MJOPTION_SCALARS
#undef X
#define X(NAME, N) {"mjModel", "opt." #NAME, (int64_t)offsetof(mjModel, opt.NAME)},
    MJOPTION_VECTORS
#undef X
    {"mjModel", "opt", (int64_t)offsetof(mjModel, opt)},
    {"mjModel", "vis", (int64_t)offsetof(mjModel, vis)},
    {"mjModel", "stat", (int64_t)offsetof(mjModel, stat)},
    {"mjModel", "vis.global.offwidth", (int64_t)offsetof(mjModel, vis.global.offwidth)},
    {"mjModel", "vis.global.offheight", (int64_t)offsetof(mjModel, vis.global.offheight)},
    {"mjModel", "vis.quality.offsamples", (int64_t)offsetof(mjModel, vis.quality.offsamples)},
    {"mjModel", "stat.extent", (int64_t)offsetof(mjModel, stat.extent)},
    {"mjModel", "stat.center", (int64_t)offsetof(mjModel, stat.center)},
    {"mjModel", "stat.meansize", (int64_t)offsetof(mjModel, stat.meansize)},
/* mjData */
#define X(TYPE, NAME, NR, NC) VM_F(mjData, NAME)
    MJDATA_POINTERS
#undef X
#define X(TYPE, NAME) VM_F(mjData, NAME)
    MJDATA_SCALAR
#undef X
#define X(TYPE, NAME, NR, NC) VM_F(mjData, NAME)
    MJDATA_VECTOR
#undef X
    VM_F(mjWarningStat, lastinfo)
    VM_F(mjWarningStat, number)
    VM_F(mjContact, dist)
    VM_F(mjContact, pos)
    VM_F(mjContact, frame)
    VM_F(mjContact, friction)
    VM_F(mjContact, dim)
    VM_F(mjContact, geom1)
    VM_F(mjContact, geom2)
    VM_F(mjContact, exclude)
    VM_F(mjContact, efc_address)
    VM_F(mjvCamera, type)
    VM_F(mjvCamera, fixedcamid)
    VM_F(mjvCamera, trackbodyid)
    VM_F(mjvCamera, lookat)
    VM_F(mjvCamera, distance)
    VM_F(mjvCamera, azimuth)
    VM_F(mjvCamera, elevation)
};

typedef struct {
    const char* type;
    int64_t size;
} vm_size;

static const vm_size vm_sizes[] = {
    {"mjModel", sizeof(mjModel)},     {"mjData", sizeof(mjData)},         {"mjOption", sizeof(mjOption)},
    {"mjVisual", sizeof(mjVisual)},   {"mjStatistic", sizeof(mjStatistic)}, {"mjContact", sizeof(mjContact)},
    {"mjWarningStat", sizeof(mjWarningStat)}, {"mjvScene", sizeof(mjvScene)}, {"mjvCamera", sizeof(mjvCamera)},
    {"mjvOption", sizeof(mjvOption)}, {"mjrContext", sizeof(mjrContext)}, {"mjtNum", sizeof(mjtNum)},
};

int vm_sizeof(const char* type, int64_t* out) {
    VM_REQUIRE(type != NULL && out != NULL, "vm_sizeof: null argument");
    for (size_t i = 0; i < sizeof vm_sizes / sizeof vm_sizes[0]; i++) {
        if (strcmp(vm_sizes[i].type, type) == 0) {
            *out = vm_sizes[i].size;
            return VL_OK;
        }
    }
    char known[512] = "";
    for (size_t i = 0; i < sizeof vm_sizes / sizeof vm_sizes[0]; i++) {
        strncat(known, i ? ", " : "", sizeof known - strlen(known) - 1);
        strncat(known, vm_sizes[i].type, sizeof known - strlen(known) - 1);
    }
    return vm_fail(VL_ERR_INVALID_ARGUMENT, "vm_sizeof: unknown struct '%s' (known: %s)", type, known);
}

int vm_offsetof(const char* type, const char* field, int64_t* out) {
    VM_REQUIRE(type != NULL && field != NULL && out != NULL, "vm_offsetof: null argument");
    int type_known = 0;
    for (size_t i = 0; i < sizeof vm_fields / sizeof vm_fields[0]; i++) {
        if (strcmp(vm_fields[i].type, type) != 0) continue;
        type_known = 1;
        if (strcmp(vm_fields[i].field, field) == 0) {
            *out = vm_fields[i].offset;
            return VL_OK;
        }
    }
    if (!type_known) return vm_fail(VL_ERR_INVALID_ARGUMENT, "vm_offsetof: unknown struct '%s'", type);
    return vm_fail(VL_ERR_INVALID_ARGUMENT, "vm_offsetof: %s has no exported field '%s'", type, field);
}

#define VM_TYPECODE(T) \
    _Generic((T*)0, mjtNum*: VM_TYPE_F64, float*: VM_TYPE_F32, int*: VM_TYPE_I32, mjtByte*: VM_TYPE_U8, \
             char*: VM_TYPE_CHAR, default: VM_TYPE_STRUCT)

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-variable"
int vm_model_array(const mjModel* m, const char* name, void** ptr, int64_t* rows, int64_t* cols,
                   int32_t* elem_type) {
    VM_REQUIRE(m != NULL && name != NULL && ptr && rows && cols && elem_type, "vm_model_array: null argument");
    MJMODEL_POINTERS_PREAMBLE(m)
#define X(TYPE, NAME, NR, NC)               \
    if (strcmp(name, #NAME) == 0) {         \
        *ptr = (void*)m->NAME;              \
        *rows = m->NR;                      \
        *cols = (NC);                       \
        *elem_type = VM_TYPECODE(TYPE);     \
        return VL_OK;                       \
    }
    MJMODEL_POINTERS
#undef X
    return vm_fail(VL_ERR_INVALID_ARGUMENT, "vm_model_array: mjModel has no array '%s'", name);
}

int vm_data_array(const mjModel* m, const mjData* d, const char* name, void** ptr, int64_t* rows,
                  int64_t* cols, int32_t* elem_type) {
    VM_REQUIRE(m != NULL && d != NULL && name != NULL && ptr && rows && cols && elem_type,
               "vm_data_array: null argument");
    MJDATA_POINTERS_PREAMBLE(m)
#define X(TYPE, NAME, NR, NC)               \
    if (strcmp(name, #NAME) == 0) {         \
        *ptr = (void*)d->NAME;              \
        *rows = m->NR;                      \
        *cols = (NC);                       \
        *elem_type = VM_TYPECODE(TYPE);     \
        return VL_OK;                       \
    }
    MJDATA_POINTERS
#undef X
    return vm_fail(VL_ERR_INVALID_ARGUMENT, "vm_data_array: mjData has no array '%s'", name);
}
#pragma GCC diagnostic pop

/* ---- models ------------------------------------------------------------------------- */

_Static_assert((int)VM_OBJ_BODY == (int)mjOBJ_BODY && (int)VM_OBJ_JOINT == (int)mjOBJ_JOINT && (int)VM_OBJ_DOF == (int)mjOBJ_DOF &&
                   (int)VM_OBJ_GEOM == (int)mjOBJ_GEOM && (int)VM_OBJ_SITE == (int)mjOBJ_SITE && (int)VM_OBJ_CAMERA == (int)mjOBJ_CAMERA &&
                   (int)VM_OBJ_LIGHT == (int)mjOBJ_LIGHT && (int)VM_OBJ_MESH == (int)mjOBJ_MESH &&
                   (int)VM_OBJ_MATERIAL == (int)mjOBJ_MATERIAL && (int)VM_OBJ_TENDON == (int)mjOBJ_TENDON &&
                   (int)VM_OBJ_ACTUATOR == (int)mjOBJ_ACTUATOR && (int)VM_OBJ_SENSOR == (int)mjOBJ_SENSOR && (int)VM_OBJ_KEY == (int)mjOBJ_KEY,
               "enum vm_obj must match mjtObj");
_Static_assert(VM_STEP_WARN_BADQACC == 1 << mjWARN_BADQACC && VM_STEP_WARN_BADCTRL == 1 << mjWARN_BADCTRL &&
                   mjNWARNING == 8,
               "enum vm_step_flag must match mjtWarning");

/* Compiles under the exclusive lock: MuJoCo's compiler swaps the global error hook. */
static int vm_load(const char* filename, const mjVFS* vfs, mjModel** out) {
    char err[1024] = "";
    mjModel* volatile m = NULL;
    volatile int rc = VL_OK;
    VM_GUARD_BEGIN(VM_EXCLUSIVE)
    m = mj_loadXML(filename, vfs, err, sizeof err);
    VM_GUARD_END(rc)
    vm_install_hooks(); /* the compiler restores them; be sure */
    if (rc != VL_OK) return rc;
    if (m == NULL) return vm_fail(VL_ERR_BACKEND, "%s", err[0] ? err : "MuJoCo could not load the model");
    vm_count_handle(VM_LIVE_MODELS, 1);
    *out = m;
    return VL_OK;
}

int vm_model_from_xml_string(const char* xml, mjModel** out) {
    VM_REQUIRE(xml != NULL && out != NULL, "vm_model_from_xml_string: null argument");
    *out = NULL;
    size_t len = strlen(xml);
    VM_REQUIRE(len > 0, "vm_model_from_xml_string: empty MJCF text");
    VM_REQUIRE(len < (size_t)INT32_MAX, "vm_model_from_xml_string: MJCF text too large (%zu bytes)", len);
    mjVFS* vfs = (mjVFS*)malloc(sizeof(mjVFS));
    if (vfs == NULL) return vm_fail(VL_ERR_OUT_OF_MEMORY, "vm_model_from_xml_string: no memory for the VFS");
    mj_defaultVFS(vfs);
    const char* name = "vlarl_model.xml";
    if (mj_makeEmptyFileVFS(vfs, name, (int)len) != 0) {
        free(vfs);
        return vm_fail(VL_ERR_OUT_OF_MEMORY, "vm_model_from_xml_string: MuJoCo could not make a VFS file");
    }
    memcpy(vfs->filedata[vfs->nfile - 1], xml, len);
    int rc = vm_load(name, vfs, out);
    mj_deleteVFS(vfs);
    free(vfs);
    return rc;
}

int vm_model_from_xml_file(const char* path, mjModel** out) {
    VM_REQUIRE(path != NULL && out != NULL, "vm_model_from_xml_file: null argument");
    *out = NULL;
    if (access(path, R_OK) != 0) return vm_fail(VL_ERR_IO, "cannot read MJCF file '%s': %s", path, strerror(errno));
    return vm_load(path, NULL, out);
}

int vm_model_free(mjModel* m) {
    if (m == NULL) return VL_OK;
    mj_deleteModel(m);
    vm_count_handle(VM_LIVE_MODELS, -1);
    return VL_OK;
}

int vm_model_copy(const mjModel* m, mjModel** out) {
    VM_REQUIRE(m != NULL && out != NULL, "vm_model_copy: null argument");
    *out = NULL;
    mjModel* volatile c = NULL;
    volatile int rc = VL_OK;
    VM_GUARD_BEGIN(VM_SHARED)
    c = mj_copyModel(NULL, m);
    VM_GUARD_END(rc)
    if (rc != VL_OK) return rc;
    if (c == NULL) return vm_fail(VL_ERR_OUT_OF_MEMORY, "mj_copyModel failed");
    vm_count_handle(VM_LIVE_MODELS, 1);
    *out = c;
    return VL_OK;
}

static int vm_obj_count(const mjModel* m, int32_t t) {
    switch (t) {
        case mjOBJ_BODY: return m->nbody;
        case mjOBJ_JOINT: return m->njnt;
        case mjOBJ_DOF: return m->nv;
        case mjOBJ_GEOM: return m->ngeom;
        case mjOBJ_SITE: return m->nsite;
        case mjOBJ_CAMERA: return m->ncam;
        case mjOBJ_LIGHT: return m->nlight;
        case mjOBJ_MESH: return m->nmesh;
        case mjOBJ_MATERIAL: return m->nmat;
        case mjOBJ_TENDON: return m->ntendon;
        case mjOBJ_ACTUATOR: return m->nu;
        case mjOBJ_SENSOR: return m->nsensor;
        case mjOBJ_KEY: return m->nkey;
        default: return -1;
    }
}

int vm_count(const mjModel* m, int32_t obj_type, int32_t* out) {
    VM_REQUIRE(m != NULL && out != NULL, "vm_count: null argument");
    int n = vm_obj_count(m, obj_type);
    VM_REQUIRE(n >= 0, "unknown object type %d (see enum vm_obj)", obj_type);
    *out = n;
    return VL_OK;
}

int vm_name2id(const mjModel* m, int32_t obj_type, const char* name, int32_t* out) {
    VM_REQUIRE(m != NULL && name != NULL && out != NULL, "vm_name2id: null argument");
    VM_REQUIRE(vm_obj_count(m, obj_type) >= 0, "unknown object type %d (see enum vm_obj)", obj_type);
    *out = mj_name2id(m, obj_type, name);
    return VL_OK;
}

int vm_id2name(const mjModel* m, int32_t obj_type, int32_t id, const char** out) {
    VM_REQUIRE(m != NULL && out != NULL, "vm_id2name: null argument");
    int n = vm_obj_count(m, obj_type);
    VM_REQUIRE(n >= 0, "unknown object type %d (see enum vm_obj)", obj_type);
    VM_REQUIRE(id >= 0 && id < n, "id %d out of range: the model has %d objects of type %d", id, n, obj_type);
    *out = mj_id2name(m, obj_type, id);
    return VL_OK;
}

/* ---- data --------------------------------------------------------------------------- */

int vm_data_create(const mjModel* m, mjData** out) {
    VM_REQUIRE(m != NULL && out != NULL, "vm_data_create: null argument");
    *out = NULL;
    mjData* volatile d = NULL;
    volatile int rc = VL_OK;
    VM_GUARD_BEGIN(VM_SHARED)
    d = mj_makeData(m);
    if (d != NULL) mj_forward(m, d);
    VM_GUARD_END(rc)
    if (rc != VL_OK) {
        if (d != NULL) mj_deleteData(d);
        return rc;
    }
    if (d == NULL) return vm_fail(VL_ERR_OUT_OF_MEMORY, "mj_makeData failed (nstack=%d)", m->nstack);
    vm_count_handle(VM_LIVE_DATAS, 1);
    *out = d;
    return VL_OK;
}

int vm_data_free(mjData* d) {
    if (d == NULL) return VL_OK;
    mj_deleteData(d);
    vm_count_handle(VM_LIVE_DATAS, -1);
    return VL_OK;
}

int vm_data_copy(const mjModel* m, mjData* dst, const mjData* src) {
    VM_REQUIRE(m != NULL && dst != NULL && src != NULL, "vm_data_copy: null argument");
    VM_REQUIRE(dst->nstack == src->nstack && dst->nbuffer == src->nbuffer,
               "vm_data_copy: the two mjData belong to different models");
    volatile int rc = VL_OK;
    VM_GUARD_BEGIN(VM_SHARED)
    mj_copyData(dst, m, src);
    VM_GUARD_END(rc)
    return rc;
}

int vm_reset(const mjModel* m, mjData* d) {
    VM_REQUIRE(m != NULL && d != NULL, "vm_reset: null argument");
    volatile int rc = VL_OK;
    VM_GUARD_BEGIN(VM_SHARED)
    mj_resetData(m, d);
    mj_forward(m, d);
    VM_GUARD_END(rc)
    return rc;
}

int vm_reset_keyframe(const mjModel* m, mjData* d, int32_t key) {
    VM_REQUIRE(m != NULL && d != NULL, "vm_reset_keyframe: null argument");
    VM_REQUIRE(key >= 0 && key < m->nkey, "keyframe %d out of range: the model has %d", key, m->nkey);
    volatile int rc = VL_OK;
    VM_GUARD_BEGIN(VM_SHARED)
    mj_resetDataKeyframe(m, d, key);
    mj_forward(m, d);
    VM_GUARD_END(rc)
    return rc;
}

int vm_forward(const mjModel* m, mjData* d) {
    VM_REQUIRE(m != NULL && d != NULL, "vm_forward: null argument");
    volatile int rc = VL_OK;
    VM_GUARD_BEGIN(VM_SHARED)
    mj_forward(m, d);
    VM_GUARD_END(rc)
    return rc;
}

static int vm_all_finite(const mjtNum* x, int n) {
    for (int i = 0; i < n; i++)
        if (!isfinite(x[i])) return 0;
    return 1;
}

#define VM_BAD_WARNINGS(d)                                                                   \
    ((d)->warning[mjWARN_BADQPOS].number + (d)->warning[mjWARN_BADQVEL].number +              \
     (d)->warning[mjWARN_BADQACC].number + (d)->warning[mjWARN_BADCTRL].number)

/* The substep loop; runs inside a guard.
 *
 * MuJoCo's warning counters cannot be compared before / after: for bad qpos / qvel / qacc
 * it resets the mjData (which zeroes the counters) and then counts 1, so a second bad step
 * looks unchanged. The counters are therefore zeroed for the call, read as "raised during
 * this call", and the earlier counts added back. Zeroing also makes MuJoCo announce each
 * new warning again (it only calls the warning hook when a counter is 0), so
 * vm_last_warning stays current. */
static void vm_step_inner(const mjModel* m, mjData* d, int32_t nsteps, int32_t* flags) {
    int saved[mjNWARNING];
    for (int i = 0; i < mjNWARNING; i++) {
        saved[i] = d->warning[i].number;
        d->warning[i].number = 0;
    }
    for (int32_t s = 0; s < nsteps; s++) {
        mj_step(m, d);
        if (VM_BAD_WARNINGS(d) != 0) break;
    }
    int32_t f = 0;
    for (int i = 0; i < mjNWARNING; i++) {
        if (d->warning[i].number != 0) f |= 1 << i;
        d->warning[i].number += saved[i];
    }
    if (!vm_all_finite(d->qpos, m->nq) || !vm_all_finite(d->qvel, m->nv) || !vm_all_finite(d->qacc, m->nv) ||
        !vm_all_finite(d->act, m->na))
        f |= VM_STEP_NONFINITE;
    *flags = f;
}

int vm_step(const mjModel* m, mjData* d, int32_t nsteps, int32_t* out_flags) {
    VM_REQUIRE(m != NULL && d != NULL, "vm_step: null argument");
    VM_REQUIRE(nsteps >= 0, "vm_step: nsteps must be >= 0, got %d", nsteps);
    int32_t flags = 0;
    volatile int rc = VL_OK;
    VM_GUARD_BEGIN(VM_SHARED)
    vm_step_inner(m, d, nsteps, &flags);
    VM_GUARD_END(rc)
    if (out_flags != NULL) *out_flags = rc == VL_OK ? flags : 0; /* flags is indeterminate after a longjmp */
    return rc;
}

int vm_step_batch(const mjModel* const* models, mjData* const* datas, int32_t n, int32_t nsteps,
                  int32_t* out_flags) {
    VM_REQUIRE(models != NULL && datas != NULL, "vm_step_batch: null argument");
    VM_REQUIRE(n >= 0 && nsteps >= 0, "vm_step_batch: n and nsteps must be >= 0 (got %d, %d)", n, nsteps);
    for (int32_t i = 0; i < n; i++)
        VM_REQUIRE(models[i] != NULL && datas[i] != NULL, "vm_step_batch: null model or data at index %d", i);
    volatile int32_t at = 0;
    volatile int rc = VL_OK;
    VM_GUARD_BEGIN(VM_SHARED)
    for (int32_t i = 0; i < n; i++) {
        at = i;
        int32_t flags = 0;
        vm_step_inner(models[i], datas[i], nsteps, &flags);
        if (out_flags != NULL) out_flags[i] = flags;
    }
    VM_GUARD_END(rc)
    if (rc != VL_OK) {
        char msg[sizeof vm_error_text];
        snprintf(msg, sizeof msg, "%s", vm_error_text);
        return vm_fail(rc, "vm_step_batch: pair %d: %s", (int)at, msg);
    }
    return VL_OK;
}
