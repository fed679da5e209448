/*
 * vm_render.c - offscreen OpenGL context through EGL and MuJoCo's renderer (mjv_/mjr_).
 *
 * The context is created here in C, not from Java, so that the C benchmark loop
 * (vm_loop) and the JVM run the same code, and so that vm_render can make the context
 * current on the calling thread inside the same downcall that draws.
 *
 * MuJoCo 2.2.2 loads its GL entry points itself: it looks for a GL platform library
 * (libEGL / libGL / libGLX) already loaded in the process and asks it through
 * eglGetProcAddress. Linking this shim against libEGL puts it there.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <EGL/egl.h>
#include <EGL/eglext.h>

#include "vm_internal.h"

#ifndef EGL_PLATFORM_SURFACELESS_MESA
#define EGL_PLATFORM_SURFACELESS_MESA 0x31DD
#endif
#ifndef EGL_PLATFORM_DEVICE_EXT
#define EGL_PLATFORM_DEVICE_EXT 0x313F
#endif

#define GL_VENDOR_ 0x1F00
#define GL_RENDERER_ 0x1F01
#define GL_VERSION_ 0x1F02
typedef const unsigned char* (*vm_glGetString_fn)(unsigned int);

struct vm_gl {
    EGLDisplay dpy;
    EGLContext ctx;
    EGLSurface surface; /* EGL_NO_SURFACE unless the display lacks surfaceless contexts */
    char platform[64];
    char describe[768];
};

struct vm_renderer {
    vm_gl* gl;
    const mjModel* m;
    int width, height;
    mjvScene scn;
    mjvCamera cam;
    mjvOption opt;
    mjrContext con;
    unsigned char* row_tmp; /* one row of width * 4 bytes for the in-place flip */
    unsigned char* seg_rgb; /* width * height * 3, made on the first segmentation render */
    int depth_metres;
};

_Static_assert(VM_RND_SHADOW == (int)mjRND_SHADOW && VM_RND_SKYBOX == (int)mjRND_SKYBOX &&
                   VM_RND_IDCOLOR == (int)mjRND_IDCOLOR && VM_RND_CULL_FACE == (int)mjRND_CULL_FACE &&
                   mjNRNDFLAG == 10 && mjNGROUP == 6,
               "enum vm_render_flag must match mjtRndFlag");

static const char* vm_egl_error_name(EGLint e) {
    switch (e) {
        case EGL_SUCCESS: return "EGL_SUCCESS";
        case EGL_NOT_INITIALIZED: return "EGL_NOT_INITIALIZED";
        case EGL_BAD_ACCESS: return "EGL_BAD_ACCESS (context current on another thread?)";
        case EGL_BAD_ALLOC: return "EGL_BAD_ALLOC";
        case EGL_BAD_ATTRIBUTE: return "EGL_BAD_ATTRIBUTE";
        case EGL_BAD_CONFIG: return "EGL_BAD_CONFIG";
        case EGL_BAD_CONTEXT: return "EGL_BAD_CONTEXT";
        case EGL_BAD_CURRENT_SURFACE: return "EGL_BAD_CURRENT_SURFACE";
        case EGL_BAD_DISPLAY: return "EGL_BAD_DISPLAY";
        case EGL_BAD_MATCH: return "EGL_BAD_MATCH";
        case EGL_BAD_PARAMETER: return "EGL_BAD_PARAMETER";
        case EGL_BAD_SURFACE: return "EGL_BAD_SURFACE";
        case EGL_CONTEXT_LOST: return "EGL_CONTEXT_LOST";
        default: return "unknown EGL error";
    }
}

static int vm_has_ext(const char* list, const char* ext) {
    if (list == NULL) return 0;
    size_t n = strlen(ext);
    for (const char* p = list; (p = strstr(p, ext)) != NULL; p += n)
        if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0')) return 1;
    return 0;
}

/* Initialises dpy and creates a current OpenGL context on it; appends why not to why. */
static int vm_try_display(EGLDisplay dpy, const char* platform, vm_gl* gl, char* why, size_t why_cap) {
    char buf[256];
    if (dpy == EGL_NO_DISPLAY) {
        snprintf(buf, sizeof buf, "[%s: no display] ", platform);
        strncat(why, buf, why_cap - strlen(why) - 1);
        return 0;
    }
    EGLint major = 0, minor = 0;
    if (!eglInitialize(dpy, &major, &minor)) {
        snprintf(buf, sizeof buf, "[%s: eglInitialize: %s] ", platform, vm_egl_error_name(eglGetError()));
        strncat(why, buf, why_cap - strlen(why) - 1);
        return 0;
    }
    if (!eglBindAPI(EGL_OPENGL_API)) {
        snprintf(buf, sizeof buf, "[%s: no desktop OpenGL API: %s] ", platform, vm_egl_error_name(eglGetError()));
        strncat(why, buf, why_cap - strlen(why) - 1);
        return 0;
    }
    const EGLint with_pbuffer[] = {EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8, EGL_BLUE_SIZE, 8, EGL_ALPHA_SIZE, 8,
                                   EGL_DEPTH_SIZE, 24, EGL_STENCIL_SIZE, 8, EGL_COLOR_BUFFER_TYPE, EGL_RGB_BUFFER,
                                   EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT,
                                   EGL_NONE};
    const EGLint any_surface[] = {EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8, EGL_BLUE_SIZE, 8,
                                  EGL_DEPTH_SIZE, 24, EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_NONE};
    EGLConfig config = NULL;
    EGLint n = 0;
    int pbuffer_ok = 1;
    if (!eglChooseConfig(dpy, with_pbuffer, &config, 1, &n) || n < 1) {
        pbuffer_ok = 0;
        if (!eglChooseConfig(dpy, any_surface, &config, 1, &n) || n < 1) {
            snprintf(buf, sizeof buf, "[%s: no RGB8/depth24 OpenGL config] ", platform);
            strncat(why, buf, why_cap - strlen(why) - 1);
            return 0;
        }
    }
    EGLContext ctx = eglCreateContext(dpy, config, EGL_NO_CONTEXT, NULL);
    if (ctx == EGL_NO_CONTEXT) {
        snprintf(buf, sizeof buf, "[%s: eglCreateContext: %s] ", platform, vm_egl_error_name(eglGetError()));
        strncat(why, buf, why_cap - strlen(why) - 1);
        return 0;
    }
    EGLSurface surface = EGL_NO_SURFACE;
    if (!eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, ctx)) {
        /* No EGL_KHR_surfaceless_context: a 1x1 pbuffer (MuJoCo draws into its own FBO). */
        const EGLint pb[] = {EGL_WIDTH, 1, EGL_HEIGHT, 1, EGL_NONE};
        if (pbuffer_ok) surface = eglCreatePbufferSurface(dpy, config, pb);
        if (surface == EGL_NO_SURFACE || !eglMakeCurrent(dpy, surface, surface, ctx)) {
            snprintf(buf, sizeof buf, "[%s: eglMakeCurrent: %s] ", platform, vm_egl_error_name(eglGetError()));
            strncat(why, buf, why_cap - strlen(why) - 1);
            if (surface != EGL_NO_SURFACE) eglDestroySurface(dpy, surface);
            eglDestroyContext(dpy, ctx);
            return 0;
        }
    }
    gl->dpy = dpy;
    gl->ctx = ctx;
    gl->surface = surface;
    snprintf(gl->platform, sizeof gl->platform, "%s", platform);
    vm_glGetString_fn get_string = (vm_glGetString_fn)eglGetProcAddress("glGetString");
    const char* vendor = eglQueryString(dpy, EGL_VENDOR);
    const unsigned char* glv = get_string ? get_string(GL_VERSION_) : NULL;
    const unsigned char* glr = get_string ? get_string(GL_RENDERER_) : NULL;
    snprintf(gl->describe, sizeof gl->describe, "egl=%s %d.%d vendor=%s gl=%s renderer=%s", platform, major, minor,
             vendor ? vendor : "?", glv ? (const char*)glv : "?", glr ? (const char*)glr : "?");
    return 1;
}

static int vm_make_current(vm_gl* gl) {
    if (eglGetCurrentContext() == gl->ctx) return VL_OK;
    if (!eglMakeCurrent(gl->dpy, gl->surface, gl->surface, gl->ctx)) {
        EGLint e = eglGetError();
        if (e == EGL_BAD_ACCESS)
            return vm_fail(VL_ERR_BACKEND,
                           "the GL context is current on another thread (a render is running there, or it was "
                           "made current there with vm_gl_make_current and not released)");
        return vm_fail(VL_ERR_BACKEND, "eglMakeCurrent failed: %s", vm_egl_error_name(e));
    }
    return VL_OK;
}

/* What was current on this thread before a call borrowed gl. */
typedef struct {
    EGLDisplay dpy;
    EGLContext ctx;
    EGLSurface draw, read;
    int borrowed;
} vm_current;

static void vm_save_current(vm_current* saved) {
    saved->ctx = eglGetCurrentContext();
    saved->dpy = eglGetCurrentDisplay();
    saved->draw = eglGetCurrentSurface(EGL_DRAW);
    saved->read = eglGetCurrentSurface(EGL_READ);
    saved->borrowed = 0;
}

/* Makes gl current for one call, remembering what to put back. A context the caller made
 * current (vm_gl_make_current) stays as it is. */
static int vm_borrow(vm_gl* gl, vm_current* saved) {
    vm_save_current(saved);
    if (saved->ctx == gl->ctx) return VL_OK;
    int rc = vm_make_current(gl);
    if (rc == VL_OK) saved->borrowed = 1;
    return rc;
}

/* Puts back what was current before vm_borrow (nothing, or another context), so the
 * context is free for any thread after the call. */
static void vm_give_back(vm_gl* gl, const vm_current* saved) {
    if (!saved->borrowed) return;
    if (saved->ctx != EGL_NO_CONTEXT)
        eglMakeCurrent(saved->dpy, saved->draw, saved->read, saved->ctx);
    else
        eglMakeCurrent(gl->dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
}

/* The EGL device platform: tries the devices in order (only VLARL_EGL_DEVICE /
 * MUJOCO_EGL_DEVICE_ID when set), hardware ones unless software is set, Mesa's software
 * device only when it is. */
static int vm_try_devices(vm_gl* gl, int software, char* why, size_t why_cap) {
    PFNEGLGETPLATFORMDISPLAYEXTPROC get_platform_display =
        (PFNEGLGETPLATFORMDISPLAYEXTPROC)eglGetProcAddress("eglGetPlatformDisplayEXT");
    PFNEGLQUERYDEVICESEXTPROC query_devices = (PFNEGLQUERYDEVICESEXTPROC)eglGetProcAddress("eglQueryDevicesEXT");
    PFNEGLQUERYDEVICESTRINGEXTPROC device_string =
        (PFNEGLQUERYDEVICESTRINGEXTPROC)eglGetProcAddress("eglQueryDeviceStringEXT");
    EGLDeviceEXT devices[16];
    EGLint ndev = 0;
    if (get_platform_display == NULL || query_devices == NULL || !query_devices(16, devices, &ndev) || ndev < 1) {
        if (!software) strncat(why, "[device: no EGL devices] ", why_cap - strlen(why) - 1);
        return 0;
    }
    const char* want = getenv("VLARL_EGL_DEVICE");
    if (want == NULL || !*want) want = getenv("MUJOCO_EGL_DEVICE_ID"); /* MuJoCo's Python name */
    const int only = want && *want ? atoi(want) : -1;
    if (only >= ndev) {
        char buf[96];
        snprintf(buf, sizeof buf, "[device: index %d asked for, %d devices] ", only, (int)ndev);
        strncat(why, buf, why_cap - strlen(why) - 1);
        return 0;
    }
    int tried = 0;
    for (EGLint i = 0; i < ndev; i++) {
        if (only >= 0 && i != only) continue;
        const char* dext = device_string ? device_string(devices[i], EGL_EXTENSIONS) : NULL;
        const int is_software = vm_has_ext(dext, "EGL_MESA_device_software");
        if (only < 0 && is_software != software) continue;
        if (only >= 0 && software) continue; /* an explicit index is tried in the first pass */
        char name[48];
        snprintf(name, sizeof name, "device%d%s", (int)i, is_software ? "-software" : "");
        tried++;
        if (vm_try_display(get_platform_display(EGL_PLATFORM_DEVICE_EXT, devices[i], NULL), name, gl, why, why_cap))
            return 1;
    }
    if (!tried && !software) strncat(why, "[device: no hardware EGL device] ", why_cap - strlen(why) - 1);
    return 0;
}

int vm_gl_create(vm_gl** out) {
    VM_REQUIRE(out != NULL, "vm_gl_create: null argument");
    *out = NULL;
    vm_gl* gl = (vm_gl*)calloc(1, sizeof(vm_gl));
    if (gl == NULL) return vm_fail(VL_ERR_OUT_OF_MEMORY, "vm_gl_create: out of memory");
    char why[2048] = "";
    vm_current before;
    vm_save_current(&before);
    const char* client_ext = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
    PFNEGLGETPLATFORMDISPLAYEXTPROC get_platform_display =
        (PFNEGLGETPLATFORMDISPLAYEXTPROC)eglGetProcAddress("eglGetPlatformDisplayEXT");
    const char* force = getenv("VLARL_EGL_PLATFORM"); /* device | surfaceless | default */
    if (force != NULL && !*force) force = NULL;
    if (force != NULL && strcmp(force, "device") != 0 && strcmp(force, "surfaceless") != 0 &&
        strcmp(force, "default") != 0) {
        free(gl);
        return vm_fail(VL_ERR_INVALID_ARGUMENT, "VLARL_EGL_PLATFORM=%s: use device, surfaceless or default", force);
    }
    const int device_ok = vm_has_ext(client_ext, "EGL_EXT_platform_device");
    int ok = 0;

    /* 1. A GPU through the device platform (NVIDIA's EGL, or Mesa with a DRI device). */
    if (!ok && device_ok && (force == NULL || strcmp(force, "device") == 0)) ok = vm_try_devices(gl, 0, why, sizeof why);
    /* 2. Mesa's surfaceless platform (llvmpipe on a machine without a GPU). */
    if (!ok && get_platform_display && vm_has_ext(client_ext, "EGL_MESA_platform_surfaceless") &&
        (force == NULL || strcmp(force, "surfaceless") == 0)) {
        EGLDisplay dpy = get_platform_display(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, NULL);
        ok = vm_try_display(dpy, "surfaceless", gl, why, sizeof why);
    }
    /* 3. Mesa's software device, the same renderer by another way in. */
    if (!ok && device_ok && (force == NULL || strcmp(force, "device") == 0)) ok = vm_try_devices(gl, 1, why, sizeof why);
    /* 4. Whatever the default display is (EGL_PLATFORM decides with Mesa). */
    if (!ok && (force == NULL || strcmp(force, "default") == 0)) {
        ok = vm_try_display(eglGetDisplay(EGL_DEFAULT_DISPLAY), "default", gl, why, sizeof why);
    }
    if (!ok) {
        free(gl);
        return vm_fail(VL_ERR_UNSUPPORTED,
                       "no offscreen OpenGL context through EGL%s%s: %s(client extensions: %s). On a machine without "
                       "a GPU install Mesa (libegl-mesa0, libgl1-mesa-dri; ./vlarl setup).",
                       force ? " with VLARL_EGL_PLATFORM=" : "", force ? force : "", why,
                       client_ext ? client_ext : "none");
    }
    /* vm_try_display made the new context current (for glGetString): give the thread back
     * what it had, so that any thread can use the context next. */
    before.borrowed = 1;
    vm_give_back(gl, &before);
    vm_count_handle(VM_LIVE_GL, 1);
    *out = gl;
    return VL_OK;
}

/* The display is not terminated: EGL displays are per process and shared by every
 * context on them. */
int vm_gl_free(vm_gl* gl) {
    if (gl == NULL) return VL_OK;
    if (eglGetCurrentContext() == gl->ctx) eglMakeCurrent(gl->dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    eglDestroyContext(gl->dpy, gl->ctx);
    if (gl->surface != EGL_NO_SURFACE) eglDestroySurface(gl->dpy, gl->surface);
    free(gl);
    vm_count_handle(VM_LIVE_GL, -1);
    return VL_OK;
}

int vm_gl_make_current(vm_gl* gl) {
    VM_REQUIRE(gl != NULL, "vm_gl_make_current: null context");
    return vm_make_current(gl);
}

int vm_gl_release_current(vm_gl* gl) {
    VM_REQUIRE(gl != NULL, "vm_gl_release_current: null context");
    if (eglGetCurrentContext() != gl->ctx) return VL_OK;
    if (!eglMakeCurrent(gl->dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT))
        return vm_fail(VL_ERR_BACKEND, "eglMakeCurrent(none) failed: %s", vm_egl_error_name(eglGetError()));
    return VL_OK;
}

int vm_gl_describe(vm_gl* gl, const char** out) {
    VM_REQUIRE(gl != NULL && out != NULL, "vm_gl_describe: null argument");
    *out = gl->describe;
    return VL_OK;
}

int vm_gl_egl_handles(vm_gl* gl, void** display, void** context) {
    VM_REQUIRE(gl != NULL && display != NULL && context != NULL, "vm_gl_egl_handles: null argument");
    *display = gl->dpy;
    *context = gl->ctx;
    return VL_OK;
}

/* ---- renderer ------------------------------------------------------------------------ */

int vm_renderer_create(vm_gl* gl, const mjModel* m, int32_t width, int32_t height, int32_t max_geom,
                       vm_renderer** out) {
    VM_REQUIRE(gl != NULL && m != NULL && out != NULL, "vm_renderer_create: null argument");
    VM_REQUIRE(width > 0 && height > 0 && width <= 8192 && height <= 8192,
               "vm_renderer_create: size %dx%d outside 1..8192", width, height);
    *out = NULL;
    vm_renderer* r = (vm_renderer*)calloc(1, sizeof(vm_renderer));
    unsigned char* row = (unsigned char*)malloc((size_t)width * 4);
    if (r == NULL || row == NULL) {
        free(r);
        free(row);
        return vm_fail(VL_ERR_OUT_OF_MEMORY, "vm_renderer_create: out of memory");
    }
    vm_current saved;
    int rc = vm_borrow(gl, &saved);
    if (rc != VL_OK) {
        free(r);
        free(row);
        return rc;
    }
    r->gl = gl;
    r->m = m;
    r->width = width;
    r->height = height;
    r->row_tmp = row;
    /* The offscreen buffer must hold the image; the size lives in the model. */
    mjModel* mm = (mjModel*)m;
    if (mm->vis.global.offwidth < width) mm->vis.global.offwidth = width;
    if (mm->vis.global.offheight < height) mm->vis.global.offheight = height;
    mjv_defaultScene(&r->scn);
    mjv_defaultCamera(&r->cam);
    mjv_defaultOption(&r->opt);
    mjr_defaultContext(&r->con);
    volatile int grc = VL_OK;
    VM_GUARD_BEGIN(VM_SHARED)
    mjv_makeScene(m, &r->scn, max_geom > 0 ? max_geom : 1000);
    mjr_makeContext(m, &r->con, mjFONTSCALE_100);
    mjr_setBuffer(mjFB_OFFSCREEN, &r->con);
    VM_GUARD_END(grc)
    if (grc == VL_OK && (r->con.offWidth < width || r->con.offHeight < height))
        grc = vm_fail(VL_ERR_BACKEND, "offscreen buffer is %dx%d, smaller than %dx%d", r->con.offWidth,
                      r->con.offHeight, width, height);
    if (grc != VL_OK) {
        mjr_freeContext(&r->con);
        mjv_freeScene(&r->scn);
        free(r->row_tmp);
        free(r);
        vm_give_back(gl, &saved);
        return grc;
    }
    vm_give_back(gl, &saved);
    vm_count_handle(VM_LIVE_RENDERERS, 1);
    *out = r;
    return VL_OK;
}

int vm_renderer_free(vm_renderer* r) {
    if (r == NULL) return VL_OK;
    vm_current saved;
    int rc = vm_borrow(r->gl, &saved);
    if (rc == VL_OK) {
        mjr_freeContext(&r->con); /* GL objects need their context */
        vm_give_back(r->gl, &saved);
    }
    mjv_freeScene(&r->scn);
    free(r->row_tmp);
    free(r->seg_rgb);
    free(r);
    vm_count_handle(VM_LIVE_RENDERERS, -1);
    return rc;
}

int vm_renderer_set_flag(vm_renderer* r, int32_t flag, int32_t value) {
    VM_REQUIRE(r != NULL, "vm_renderer_set_flag: null renderer");
    if (flag >= 0 && flag < mjNRNDFLAG) {
        r->scn.flags[flag] = value ? 1 : 0;
    } else if (flag == VM_RENDER_DEPTH_METRES) {
        r->depth_metres = value ? 1 : 0;
    } else if (flag >= VM_RENDER_GEOMGROUP_0 && flag < VM_RENDER_GEOMGROUP_0 + mjNGROUP) {
        r->opt.geomgroup[flag - VM_RENDER_GEOMGROUP_0] = value ? 1 : 0;
    } else {
        return vm_fail(VL_ERR_INVALID_ARGUMENT, "vm_renderer_set_flag: unknown flag %d (see enum vm_render_flag)", flag);
    }
    return VL_OK;
}

static void vm_flip_rows(unsigned char* img, int width, int height, size_t pixel_bytes, unsigned char* tmp) {
    size_t stride = (size_t)width * pixel_bytes;
    for (int y = 0; y < height / 2; y++) {
        unsigned char* a = img + (size_t)y * stride;
        unsigned char* b = img + (size_t)(height - 1 - y) * stride;
        memcpy(tmp, a, stride);
        memcpy(a, b, stride);
        memcpy(b, tmp, stride);
    }
}

/* Points the renderer's camera as vm_render's arguments say. */
static int vm_set_camera(vm_renderer* r, int32_t camera, const double* free_camera) {
    const mjModel* m = r->m;
    if (camera >= 0) {
        VM_REQUIRE(camera < m->ncam, "vm_render: camera %d out of range: the model has %d cameras", camera, m->ncam);
        r->cam.type = mjCAMERA_FIXED;
        r->cam.fixedcamid = camera;
    } else {
        VM_REQUIRE(camera == VM_CAMERA_FREE, "vm_render: camera %d is neither a camera id nor VM_CAMERA_FREE", camera);
        if (free_camera == NULL) {
            mjv_defaultFreeCamera(m, &r->cam);
        } else {
            r->cam.type = mjCAMERA_FREE;
            r->cam.lookat[0] = free_camera[0];
            r->cam.lookat[1] = free_camera[1];
            r->cam.lookat[2] = free_camera[2];
            r->cam.distance = free_camera[3];
            r->cam.azimuth = free_camera[4];
            r->cam.elevation = free_camera[5];
        }
    }
    return VL_OK;
}

/* Updates the scene from d and draws it into rgb / depth (OpenGL row order). */
static int vm_draw(vm_renderer* r, mjData* d, uint8_t* rgb, float* depth) {
    vm_current saved;
    int rc = vm_borrow(r->gl, &saved);
    if (rc != VL_OK) return rc;
    volatile int grc = VL_OK;
    VM_GUARD_BEGIN(VM_SHARED)
    mjrRect viewport = {0, 0, r->width, r->height};
    mjr_setBuffer(mjFB_OFFSCREEN, &r->con); /* another renderer on this context may have switched */
    mjv_updateScene(r->m, d, &r->opt, NULL, &r->cam, mjCAT_ALL, &r->scn);
    mjr_render(viewport, &r->scn, &r->con);
    mjr_readPixels(rgb, depth, viewport, &r->con);
    VM_GUARD_END(grc)
    vm_give_back(r->gl, &saved);
    return grc;
}

int vm_render(vm_renderer* r, mjData* d, int32_t camera, const double* free_camera, uint8_t* out_rgb,
              float* out_depth) {
    VM_REQUIRE(r != NULL && d != NULL, "vm_render: null renderer or data");
    VM_REQUIRE(out_rgb != NULL || out_depth != NULL, "vm_render: no output buffer");
    const mjModel* m = r->m;
    int rc = vm_set_camera(r, camera, free_camera);
    if (rc == VL_OK) rc = vm_draw(r, d, out_rgb, out_depth);
    if (rc != VL_OK) return rc;
    /* OpenGL's row 0 is the bottom; callers get row 0 at the top. */
    if (out_rgb) vm_flip_rows(out_rgb, r->width, r->height, 3, r->row_tmp);
    if (out_depth) {
        vm_flip_rows((unsigned char*)out_depth, r->width, r->height, sizeof(float), r->row_tmp);
        if (r->depth_metres) {
            /* Inverts the perspective depth MuJoCo's projection writes (near/far from the model). */
            const double extent = m->stat.extent;
            const double znear = m->vis.map.znear * extent, zfar = m->vis.map.zfar * extent;
            const double k = 1.0 - znear / zfar;
            const size_t n = (size_t)r->width * r->height;
            for (size_t i = 0; i < n; i++) out_depth[i] = (float)(znear / (1.0 - out_depth[i] * k));
        }
    }
    return VL_OK;
}

int vm_render_segmentation(vm_renderer* r, mjData* d, int32_t camera, const double* free_camera,
                           int32_t* out_geom) {
    VM_REQUIRE(r != NULL && d != NULL && out_geom != NULL, "vm_render_segmentation: null argument");
    const size_t n = (size_t)r->width * r->height;
    if (r->seg_rgb == NULL) {
        r->seg_rgb = (unsigned char*)malloc(n * 3);
        if (r->seg_rgb == NULL) return vm_fail(VL_ERR_OUT_OF_MEMORY, "vm_render_segmentation: out of memory");
    }
    int rc = vm_set_camera(r, camera, free_camera);
    if (rc != VL_OK) return rc;
    /* MuJoCo's id colouring: each pixel's colour is (scene geom index + 1) in r + 256 g + 65536 b. */
    const mjtByte seg = r->scn.flags[mjRND_SEGMENT], idc = r->scn.flags[mjRND_IDCOLOR];
    r->scn.flags[mjRND_SEGMENT] = 1;
    r->scn.flags[mjRND_IDCOLOR] = 1;
    rc = vm_draw(r, d, r->seg_rgb, NULL);
    r->scn.flags[mjRND_SEGMENT] = seg;
    r->scn.flags[mjRND_IDCOLOR] = idc;
    if (rc != VL_OK) return rc;
    const int ngeom = r->scn.ngeom;
    for (int y = 0; y < r->height; y++) {
        const unsigned char* src = r->seg_rgb + (size_t)(r->height - 1 - y) * r->width * 3;
        int32_t* dst = out_geom + (size_t)y * r->width;
        for (int x = 0; x < r->width; x++) {
            const int v = src[3 * x] | src[3 * x + 1] << 8 | src[3 * x + 2] << 16;
            const int i = v - 1;
            dst[x] = (i >= 0 && i < ngeom && r->scn.geoms[i].objtype == mjOBJ_GEOM) ? r->scn.geoms[i].objid : -1;
        }
    }
    return VL_OK;
}
