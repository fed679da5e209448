/*
 * vm_loop - the plain-C reference loop for the Java-driven one: loads an MJCF file and
 * runs N control steps through the same shim calls Java makes (write ctrl, vm_step with
 * K substeps, and every R steps vm_render into a caller-owned buffer).
 *
 * Usage:
 *   vm_loop MODEL.xml [STEPS [SUBSTEPS [WIDTH HEIGHT RENDER_EVERY [CAMERA [NENV]]]]]
 *     STEPS         control steps (default 1000)
 *     SUBSTEPS      mj_step calls per control step, in one vm_step (default 10)
 *     WIDTH HEIGHT  render size; RENDER_EVERY 0 (default) renders nothing, R renders
 *                   after every R-th step
 *     CAMERA        model camera name, or "free" (default: MuJoCo's default free camera)
 *     NENV          environments (mjData over the one model), stepped and rendered in
 *                   turn, each into its own image buffer (default 1)
 *   --no-shadows (anywhere) turns the renderer's shadow pass off (vm_renderer_set_flag),
 *                   as Renderer.set(RenderFlag.SHADOW, false) does from Java.
 *
 * Times are per environment: step_us = time of one vm_step of one environment (with its
 * ctrl writes), frame_us = time of one vm_render.
 * Control pattern (deterministic, cheap): ctrl[i] = ((step + i) % 2 ? 0.5 : -0.5), the
 * same for every environment. qpos0 printed is environment 0's.
 * Prints one line: key=value pairs with the time per control step and per frame.
 * Exit code 0 on success, 1 on a shim error (message on stderr), 2 on bad usage.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <mujoco/mujoco.h>

#include "vlarl_mujoco.h"

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static void check(int rc, const char* what) {
    if (rc != VL_OK) {
        fprintf(stderr, "vm_loop: %s failed (status %d): %s\n", what, rc, vm_last_error());
        exit(1);
    }
}

int main(int argc0, char** argv0) {
    /* Flags first, the rest stays positional. */
    int shadows = 1, argc = 0;
    char* argv[16];
    for (int i = 0; i < argc0 && argc < 16; i++) {
        if (strcmp(argv0[i], "--no-shadows") == 0)
            shadows = 0;
        else
            argv[argc++] = argv0[i];
    }
    if (argc < 2 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
        fprintf(stderr, "usage: vm_loop MODEL.xml [STEPS [SUBSTEPS [WIDTH HEIGHT RENDER_EVERY [CAMERA [NENV]]]]]\n");
        return 2;
    }
    const char* path = argv[1];
    long steps = argc > 2 ? atol(argv[2]) : 1000;
    int substeps = argc > 3 ? atoi(argv[3]) : 10;
    int width = argc > 5 ? atoi(argv[4]) : 0, height = argc > 5 ? atoi(argv[5]) : 0;
    int every = argc > 6 ? atoi(argv[6]) : 0;
    const char* camera_name = argc > 7 ? argv[7] : "free";
    int nenv = argc > 8 ? atoi(argv[8]) : 1;
    if (steps <= 0 || substeps <= 0 || nenv <= 0 || (every > 0 && (width <= 0 || height <= 0))) {
        fprintf(stderr, "vm_loop: bad arguments (steps, substeps, nenv > 0; width, height > 0 when rendering)\n");
        return 2;
    }

    mjModel* m = NULL;
    check(vm_model_from_xml_file(path, &m), "load");
    mjData** envs = (mjData**)calloc((size_t)nenv, sizeof(mjData*));
    for (int e = 0; e < nenv; e++) check(vm_data_create(m, &envs[e]), "make data");
    mjData* d = envs[0];
    int32_t nu = m->nu;

    vm_gl* gl = NULL;
    vm_renderer* r = NULL;
    uint8_t* rgb = NULL;
    int32_t camera = VM_CAMERA_FREE;
    if (every > 0) {
        check(vm_gl_create(&gl), "EGL context");
        check(vm_renderer_create(gl, m, width, height, 0, &r), "renderer");
        if (!shadows) check(vm_renderer_set_flag(r, VM_RND_SHADOW, 0), "renderer flag");
        rgb = (uint8_t*)malloc((size_t)width * height * 3 * nenv);
        if (strcmp(camera_name, "free") != 0) {
            check(vm_name2id(m, VM_OBJ_CAMERA, camera_name, &camera), "camera lookup");
            if (camera < 0) {
                fprintf(stderr, "vm_loop: no camera named '%s'\n", camera_name);
                return 2;
            }
        }
    }

    long frames = 0, unstable = 0;
    double render_s = 0;
    double t0 = now_s();
    for (long s = 0; s < steps; s++) {
        for (int e = 0; e < nenv; e++) {
            mjData* de = envs[e];
            for (int32_t i = 0; i < nu; i++) de->ctrl[i] = ((s + i) % 2) ? 0.5 : -0.5;
            int32_t flags = 0;
            check(vm_step(m, de, substeps, &flags), "step");
            if (flags & VM_STEP_UNSTABLE_MASK) {
                unstable++;
                check(vm_reset(m, de), "reset");
            }
        }
        if (every > 0 && (s + 1) % every == 0) {
            double r0 = now_s();
            for (int e = 0; e < nenv; e++)
                check(vm_render(r, envs[e], camera, NULL, rgb + (size_t)e * width * height * 3, NULL), "render");
            render_s += now_s() - r0;
            frames += nenv;
        }
    }
    double total = now_s() - t0;
    double step_s = total - render_s;
    printf("vm_loop model=%s steps=%ld substeps=%d nenv=%d nu=%d step_us=%.3f frames=%ld frame_us=%.1f shadows=%d unstable=%ld "
           "total_s=%.3f qpos0=%.17g\n",
           path, steps, substeps, nenv, nu, 1e6 * step_s / (double)steps / nenv, frames,
           frames ? 1e6 * render_s / (double)frames : 0.0, shadows, unstable, total, m->nq ? d->qpos[0] : 0.0);
    if (every > 0) {
        const char* desc = NULL;
        vm_gl_describe(gl, &desc);
        printf("vm_loop gl: %s\n", desc);
    }
    vm_renderer_free(r);
    vm_gl_free(gl);
    free(rgb);
    for (int e = 0; e < nenv; e++) vm_data_free(envs[e]);
    free(envs);
    vm_model_free(m);
    return 0;
}
