/**
 * Environments: vlarl's LIBERO. MuJoCo tabletop scenes, tasks, batched stepping and
 * offscreen rendering, scripted experts.
 *
 * <h2>Contract with the policy</h2>
 * {@link dev.vlarl.env.EnvSpec} (shapes, field order, control rate), filled by
 * {@link dev.vlarl.env.BatchedEnv} into one {@link dev.vlarl.env.ObservationBatch} and read
 * from one {@link dev.vlarl.env.ActionChunk}, both off-heap and reused:
 * <pre>{@code
 * List<Task> tasks = TaskRegistry.select("spatial");                 // a suite, a task, or "benchmark"
 * try (BatchedEnv env = new BatchedEnv(EnvSpec.defaults(), n);
 *      ActionChunk actions = new ActionChunk(n, EnvSpec.DEFAULT_CHUNK)) {
 *     for (int i = 0; i < n; i++) env.reset(i, tasks.get(i % tasks.size()), Seeds.train(i));
 *     while (!env.allDone()) {
 *         policy.act(env.observations(), actions);                   // images uint8[N,H,W,3], states float32[N,8]
 *         env.step(actions);                                         // K actions each, early termination, one render
 *     }
 *     // env.status(i): SUCCESS / TIMEOUT / UNSTABLE, env.reason(i), env.steps(i)
 * }
 * }</pre>
 * Finished environments are not stepped (their chunk rows are ignored) and keep their last
 * observation; {@link dev.vlarl.env.BatchedEnv#chunkSteps} says how many actions of the last
 * chunk each environment executed.
 *
 * <h2>Pieces</h2>
 * <ul>
 *   <li>{@link dev.vlarl.env.Scenes}: composes a task's MJCF from {@code scenes/tabletop.xml}
 *       (only the objects it uses); {@link dev.vlarl.env.SceneLibrary} compiles each once.</li>
 *   <li>{@link dev.vlarl.env.Task} (instruction, scene, seeded layout, {@link dev.vlarl.env.Goal},
 *       step limit, expert plan) and {@link dev.vlarl.env.TaskRegistry} (names {@code suite/task}).</li>
 *   <li>{@link dev.vlarl.env.Sim}: one environment's mjData and gripper servo targets.</li>
 *   <li>{@link dev.vlarl.env.ScriptedExpert} / {@link dev.vlarl.env.ExpertRollout}: the experts,
 *       which act through the same action interface; demonstrations go to {@link dev.vlarl.demo}.</li>
 *   <li>{@link dev.vlarl.env.Seeds}: disjoint training and evaluation seed ranges.</li>
 * </ul>
 */
package dev.vlarl.env;
