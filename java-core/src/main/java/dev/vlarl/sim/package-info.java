/**
 * MuJoCo 2.2.2 and offscreen rendering, domain-neutral: {@link dev.vlarl.sim.MjModel} (a
 * compiled MJCF model, shared), {@link dev.vlarl.sim.MjData} (one simulation state, stepped
 * with {@link dev.vlarl.sim.MjData#step} in one downcall per control step, its arrays viewed
 * off-heap in place), {@link dev.vlarl.sim.MjBatch} (many states in one call),
 * {@link dev.vlarl.sim.GlContext} and {@link dev.vlarl.sim.Renderer} (MuJoCo's renderer into
 * an EGL offscreen buffer, pixels straight into caller memory, row 0 at the top).
 *
 * <p>All calls go through the shim native/mujoco/vlarl_mujoco.h, which turns every MuJoCo
 * error into a {@link dev.vlarl.bindings.MujocoException} instead of an exit; instability
 * (NaN, MuJoCo resetting the state) comes back as {@link dev.vlarl.sim.StepFlags}. Every
 * handle is a {@link dev.vlarl.torch.NativeResource}: close it (or attach it to a
 * {@link dev.vlarl.torch.Scope}); tests check the counts with LeakCheck and MujocoLeakCheck.
 * Tasks, observations and experts are built on this in {@code dev.vlarl.env}.
 */
package dev.vlarl.sim;
