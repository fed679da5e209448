package dev.vlarl.sim;

import dev.vlarl.bindings.VlarlMujoco;

/** Renderer options ({@link Renderer#set}); the first ten are MuJoCo's scene flags (mjtRndFlag). */
public enum RenderFlag {
    /** Shadows (default on). The shadow pass costs most of a frame on a CPU (llvmpipe) renderer. */
    SHADOW(VlarlMujoco.VM_RND_SHADOW),
    WIREFRAME(VlarlMujoco.VM_RND_WIREFRAME),
    /** Reflections (default on). */
    REFLECTION(VlarlMujoco.VM_RND_REFLECTION),
    ADDITIVE(VlarlMujoco.VM_RND_ADDITIVE),
    /** Skybox (default on). */
    SKYBOX(VlarlMujoco.VM_RND_SKYBOX),
    FOG(VlarlMujoco.VM_RND_FOG),
    HAZE(VlarlMujoco.VM_RND_HAZE),
    /** Segmentation colours instead of shading. */
    SEGMENT(VlarlMujoco.VM_RND_SEGMENT),
    /** With SEGMENT: colour = scene geom index + 1; {@link Renderer#renderSegmentation} gives model geom ids. */
    IDCOLOR(VlarlMujoco.VM_RND_IDCOLOR),
    CULL_FACE(VlarlMujoco.VM_RND_CULL_FACE),
    /** Depth output in metres from the camera plane instead of OpenGL's [0, 1] (default off). */
    DEPTH_METRES(VlarlMujoco.VM_RENDER_DEPTH_METRES);

    final int code;

    RenderFlag(int code) {
        this.code = code;
    }
}
