package dev.vlarl.env;

import static dev.vlarl.env.Skills.closeDrawer;
import static dev.vlarl.env.Skills.openDrawer;
import static dev.vlarl.env.Skills.pick;
import static dev.vlarl.env.Skills.pickPlaceInBin;
import static dev.vlarl.env.Skills.pickPlaceOnPlate;
import static dev.vlarl.env.Skills.placeInDrawer;
import static dev.vlarl.env.Skills.pressButton;
import static dev.vlarl.env.Skills.push;

import dev.vlarl.env.Goal.All;
import dev.vlarl.env.Goal.ButtonPressed;
import dev.vlarl.env.Goal.DrawerClosed;
import dev.vlarl.env.Goal.DrawerOpen;
import dev.vlarl.env.Goal.InBin;
import dev.vlarl.env.Goal.InDrawer;
import dev.vlarl.env.Goal.InZone;
import dev.vlarl.env.Goal.Lifted;
import dev.vlarl.env.Goal.OnPlate;
import dev.vlarl.env.ScriptedExpert.Phase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.SplittableRandom;

/**
 * Every task, by name {@code suite/task}. Benchmark suites (LIBERO's four): {@code spatial}
 * (same objects, the instruction names a place), {@code object} (which object),
 * {@code goal} (one scene, different goals), {@code long} (two stages). The
 * {@code pretrain} suite shares skills, objects and scenes but holds none of the benchmark
 * tasks: the policy's shared base learns there, benchmark tasks stay unseen.
 */
public final class TaskRegistry {
    private TaskRegistry() {}

    public static final String PRETRAIN = "pretrain";
    /** Benchmark suites in report order. */
    public static final List<String> BENCHMARK_SUITES = List.of("spatial", "object", "goal", "long");

    // ---- scenes ------------------------------------------------------------------------
    static final Set<String> SPATIAL_SCENE = Set.of("cube_red", "cube_red2", "plate_white", "bin");
    static final Set<String> OBJECT_SCENE = Set.of("cube_red", "cube_green", "cube_blue", "cyl_red", "cyl_green", "cyl_yellow",
            "plate_white", "bin");
    static final Set<String> GOAL_SCENE = Set.of("cabinet", "button_base", "cube_red", "cube_green", "zone_blue", "zone_red");
    static final Set<String> PAIR_SCENE = Set.of("cube_red", "cube_blue", "plate_white", "bin");

    /** Spatial layout A: two red cubes left and right of the plate, the bin behind. */
    static void layoutSides(Sim s, Placer p) {
        double[] plate = p.spot(-0.06, 0.06, -0.07, 0.0, 0.065);
        s.setMocap("plate_white", plate[0], plate[1], 0);
        double[] bin = p.spot(-0.1, 0.1, 0.17, 0.21, 0.08);
        s.setMocap("bin", bin[0], bin[1], 0);
        // the cubes keep their places relative to the plate (the plate's jitter moves them too)
        s.setFreeBody("cube_red", plate[0] - p.fixed(0.11, 0.15), plate[1] + p.fixed(-0.04, 0.04), 0.0201, p.yaw());
        s.setFreeBody("cube_red2", plate[0] + p.fixed(0.11, 0.15), plate[1] + p.fixed(-0.04, 0.04), 0.0201, p.yaw());
    }

    /**
     * Spatial layout B: two red cubes in front of and behind the bin, the plate to the right.
     * Each cube's centre is 15.5-17.5 cm from the bin's: an open finger, which reaches 5 cm from
     * the grasp point along y, keeps 2.5 cm or more from the bin wall (at 13 cm it had 1 mm, and
     * a grasp 1 cm off centre hit the wall: AimToleranceTest).
     */
    static void layoutFrontBack(Sim s, Placer p) {
        double bx = p.uniform(-0.14, -0.06), by = p.uniform(0.03, 0.07);
        s.setMocap("bin", bx, by, 0);
        s.setMocap("plate_white", p.uniform(0.12, 0.18), p.uniform(-0.06, 0.1), 0);
        s.setFreeBody("cube_red", bx + p.fixed(-0.03, 0.03), by - p.fixed(0.155, 0.175), 0.0201, p.yaw());
        s.setFreeBody("cube_red2", bx + p.fixed(-0.03, 0.03), by + p.fixed(0.155, 0.175), 0.0201, p.yaw());
    }

    /** Object layout: six objects in front, plate and bin at the back. */
    static void layoutObjects(Sim s, Placer p) {
        boolean binLeft = p.choice();
        double[] plate = binLeft ? p.spot(0.06, 0.17, 0.15, 0.2, 0.065) : p.spot(-0.17, -0.06, 0.15, 0.2, 0.065);
        double[] bin = binLeft ? p.spot(-0.17, -0.07, 0.17, 0.21, 0.08) : p.spot(0.07, 0.17, 0.17, 0.21, 0.08);
        s.setMocap("plate_white", plate[0], plate[1], 0);
        s.setMocap("bin", bin[0], bin[1], 0);
        // six slots in two rows of three (LIBERO places clutter in fixed regions); which
        // object sits in which slot is part of the arrangement
        List<String> objects = new ArrayList<>(List.of("cube_red", "cube_green", "cube_blue", "cyl_red", "cyl_green", "cyl_yellow"));
        for (int slot = 0; slot < 6; slot++) {
            String o = objects.remove(p.pick(objects.size()));
            double x = -0.16 + 0.16 * (slot % 3), y = slot < 3 ? -0.11 : 0.03;
            double[] xy = p.spot(x - 0.03, x + 0.03, y - 0.03, y + 0.03, 0.04);
            s.setFreeBody(o, xy[0], xy[1], Goal.halfHeight(o) + 0.0001, o.startsWith("cube") ? p.yaw() : 0);
        }
    }

    /** Goal layout: drawer and button fixed at the back; two cubes and two zones in front. */
    static void layoutGoal(Sim s, Placer p, double drawer) {
        double[] zb = p.sample(-0.2, 0.2, -0.15, -0.07, 0.065);
        double[] zr = p.sample(-0.2, 0.2, -0.15, -0.07, 0.065);
        s.setMocap("zone_blue", zb[0], zb[1], 0);
        s.setMocap("zone_red", zr[0], zr[1], 0);
        // cubes at least 13 cm from every zone centre, clear of the drawer's sweep and the button
        double[] cr = p.sample(-0.04, 0.2, -0.02, 0.13, 0.06);
        double[] cg = p.sample(-0.04, 0.2, -0.02, 0.13, 0.06);
        s.setFreeBody("cube_red", cr[0], cr[1], 0.0201, p.yaw());
        s.setFreeBody("cube_green", cg[0], cg[1], 0.0201, p.yaw());
        s.setJoint("drawer", drawer);
    }

    /**
     * Pair layout: bin and plate at the back, red and blue cubes in front. The cubes stay 15.5
     * cm or more in front of the bin's centre in y (as in {@link #layoutFrontBack}): closer, an open
     * finger aimed 1 cm off can land on the bin's front wall (AimToleranceTest with 12 seeds).
     */
    static void layoutPair(Sim s, Placer p) {
        boolean binLeft = p.choice();
        s.setMocap("bin", binLeft ? p.uniform(-0.16, -0.06) : p.uniform(0.06, 0.16), p.uniform(0.15, 0.2), 0);
        s.setMocap("plate_white", binLeft ? p.uniform(0.08, 0.17) : p.uniform(-0.17, -0.08), p.uniform(0.14, 0.2), 0);
        double[] a = p.sample(-0.2, 0.2, -0.15, -0.005, 0.05);
        double[] b = p.sample(-0.2, 0.2, -0.15, -0.005, 0.05);
        s.setFreeBody("cube_red", a[0], a[1], 0.0201, p.yaw());
        s.setFreeBody("cube_blue", b[0], b[1], 0.0201, p.yaw());
    }

    @SafeVarargs
    static Task.ExpertPlan seq(Function<SplittableRandom, List<Phase>>... parts) {
        return rng -> {
            List<Phase> all = new ArrayList<>();
            for (var f : parts) all.addAll(f.apply(rng));
            return all;
        };
    }

    private static final Map<String, Task> TASKS = new LinkedHashMap<>();

    private static void add(Task t) {
        if (TASKS.put(t.name(), t) != null) throw new IllegalStateException("duplicate task " + t.name());
    }

    static {
        // spatial: the same two red cubes; the instruction names which one by its place
        add(new Task("spatial/left_cube_to_bin", "put the cube that is left of the plate into the bin", 200, SPATIAL_SCENE,
                TaskRegistry::layoutSides, new InBin("cube_red"), seq(r -> pickPlaceInBin("cube_red", 0, r))));
        add(new Task("spatial/right_cube_to_bin", "put the cube that is right of the plate into the bin", 200, SPATIAL_SCENE,
                TaskRegistry::layoutSides, new InBin("cube_red2"), seq(r -> pickPlaceInBin("cube_red2", 0, r))));
        add(new Task("spatial/front_cube_on_plate", "put the cube in front of the bin on the plate", 200, SPATIAL_SCENE,
                TaskRegistry::layoutFrontBack, new OnPlate("cube_red", "plate_white"),
                seq(r -> pickPlaceOnPlate("cube_red", "plate_white", r))));
        add(new Task("spatial/back_cube_on_plate", "put the cube behind the bin on the plate", 200, SPATIAL_SCENE,
                TaskRegistry::layoutFrontBack, new OnPlate("cube_red2", "plate_white"),
                seq(r -> pickPlaceOnPlate("cube_red2", "plate_white", r))));
        // object: one cluttered scene; which object to move
        add(new Task("object/green_cylinder_on_plate", "pick up the green cylinder and put it on the plate", 200, OBJECT_SCENE,
                TaskRegistry::layoutObjects, new OnPlate("cyl_green", "plate_white"),
                seq(r -> pickPlaceOnPlate("cyl_green", "plate_white", r))));
        add(new Task("object/blue_cube_on_plate", "pick up the blue cube and put it on the plate", 200, OBJECT_SCENE,
                TaskRegistry::layoutObjects, new OnPlate("cube_blue", "plate_white"),
                seq(r -> pickPlaceOnPlate("cube_blue", "plate_white", r))));
        add(new Task("object/yellow_cylinder_in_bin", "pick up the yellow cylinder and put it in the bin", 200, OBJECT_SCENE,
                TaskRegistry::layoutObjects, new InBin("cyl_yellow"), seq(r -> pickPlaceInBin("cyl_yellow", 0, r))));
        // goal: one scene (drawer, button, two cubes, two zones); different goals
        add(new Task("goal/open_drawer", "open the drawer", 150, GOAL_SCENE, (s, p) -> layoutGoal(s, p, 0), new DrawerOpen(),
                seq(Skills::openDrawer)));
        add(new Task("goal/press_button", "press the button", 150, GOAL_SCENE, (s, p) -> layoutGoal(s, p, 0), new ButtonPressed(),
                seq(Skills::pressButton)));
        add(new Task("goal/push_red_cube_to_blue_zone", "push the red cube to the blue square", 200, GOAL_SCENE,
                (s, p) -> layoutGoal(s, p, 0), new InZone("cube_red", "zone_blue"), seq(r -> push("cube_red", "zone_blue", r))));
        // long: two stages
        add(new Task("long/both_cubes_in_bin", "put both cubes in the bin", 400, PAIR_SCENE, TaskRegistry::layoutPair,
                new All(List.of(new InBin("cube_red", -0.03), new InBin("cube_blue", 0.03))),
                seq(r -> pickPlaceInBin("cube_red", -0.028, r), r -> pickPlaceInBin("cube_blue", 0.028, r))));
        add(new Task("long/drawer_then_cube", "open the drawer and put the green cube inside", 400, GOAL_SCENE,
                (s, p) -> layoutGoal(s, p, 0), new InDrawer("cube_green"),
                seq(Skills::openDrawer, r -> pick("cube_green", r), r -> placeInDrawer("cube_green", r))));
        add(new Task("long/cube_on_plate_and_cylinder_in_bin", "put the blue cube on the plate and the yellow cylinder in the bin",
                400, OBJECT_SCENE, TaskRegistry::layoutObjects,
                new All(List.of(new OnPlate("cube_blue", "plate_white"), new InBin("cyl_yellow"))),
                seq(r -> pickPlaceOnPlate("cube_blue", "plate_white", r), r -> pickPlaceInBin("cyl_yellow", 0, r))));

        // pretraining: same skills, objects and scenes; none of the tasks above
        add(new Task("pretrain/lift_blue_cube", "pick up the blue cube", 150, OBJECT_SCENE, TaskRegistry::layoutObjects,
                new Lifted("cube_blue"), seq(r -> pick("cube_blue", r))));
        add(new Task("pretrain/lift_green_cylinder", "pick up the green cylinder", 150, OBJECT_SCENE, TaskRegistry::layoutObjects,
                new Lifted("cyl_green"), seq(r -> pick("cyl_green", r))));
        add(new Task("pretrain/red_cube_on_plate", "put the red cube on the plate", 200, OBJECT_SCENE,
                TaskRegistry::layoutObjects, new OnPlate("cube_red", "plate_white"),
                seq(r -> pickPlaceOnPlate("cube_red", "plate_white", r))));
        add(new Task("pretrain/green_cube_in_bin", "put the green cube in the bin", 200, OBJECT_SCENE, TaskRegistry::layoutObjects,
                new InBin("cube_green"), seq(r -> pickPlaceInBin("cube_green", 0, r))));
        add(new Task("pretrain/red_cylinder_on_plate", "put the red cylinder on the plate", 200, OBJECT_SCENE,
                TaskRegistry::layoutObjects, new OnPlate("cyl_red", "plate_white"),
                seq(r -> pickPlaceOnPlate("cyl_red", "plate_white", r))));
        add(new Task("pretrain/left_cube_on_plate", "put the cube that is left of the plate on the plate", 200, SPATIAL_SCENE,
                TaskRegistry::layoutSides, new OnPlate("cube_red", "plate_white"),
                seq(r -> pickPlaceOnPlate("cube_red", "plate_white", r))));
        add(new Task("pretrain/back_cube_in_bin", "put the cube behind the bin into the bin", 200, SPATIAL_SCENE,
                TaskRegistry::layoutFrontBack, new InBin("cube_red2"), seq(r -> pickPlaceInBin("cube_red2", 0, r))));
        add(new Task("pretrain/close_drawer", "close the drawer", 150, GOAL_SCENE, (s, p) -> layoutGoal(s, p, p.episodeUniform(0.12, 0.15)),
                new DrawerClosed(), seq(Skills::closeDrawer)));
        add(new Task("pretrain/push_green_cube_to_red_zone", "push the green cube to the red square", 200, GOAL_SCENE,
                (s, p) -> layoutGoal(s, p, 0), new InZone("cube_green", "zone_red"), seq(r -> push("cube_green", "zone_red", r))));
        add(new Task("pretrain/red_cube_in_drawer", "open the drawer and put the red cube inside", 400, GOAL_SCENE,
                (s, p) -> layoutGoal(s, p, 0), new InDrawer("cube_red"),
                seq(Skills::openDrawer, r -> pick("cube_red", r), r -> placeInDrawer("cube_red", r))));
        // session 5: each benchmark sub-skill in one more context - the pair scene (no
        // pretraining task used it), a cylinder into the bin, a red cube pushed, and two-stage
        // pick-and-place in the object and pair scenes
        add(new Task("pretrain/pair_red_cube_in_bin", "put the red cube in the bin", 200, PAIR_SCENE, TaskRegistry::layoutPair,
                new InBin("cube_red"), seq(r -> pickPlaceInBin("cube_red", 0, r))));
        add(new Task("pretrain/pair_blue_cube_on_plate", "put the blue cube on the plate", 200, PAIR_SCENE,
                TaskRegistry::layoutPair, new OnPlate("cube_blue", "plate_white"),
                seq(r -> pickPlaceOnPlate("cube_blue", "plate_white", r))));
        add(new Task("pretrain/red_cylinder_in_bin", "put the red cylinder in the bin", 200, OBJECT_SCENE,
                TaskRegistry::layoutObjects, new InBin("cyl_red"), seq(r -> pickPlaceInBin("cyl_red", 0, r))));
        add(new Task("pretrain/push_red_cube_to_red_zone", "push the red cube to the red square", 200, GOAL_SCENE,
                (s, p) -> layoutGoal(s, p, 0), new InZone("cube_red", "zone_red"), seq(r -> push("cube_red", "zone_red", r))));
        add(new Task("pretrain/red_cube_on_plate_and_green_cylinder_in_bin",
                "put the red cube on the plate and the green cylinder in the bin", 400, OBJECT_SCENE, TaskRegistry::layoutObjects,
                new All(List.of(new OnPlate("cube_red", "plate_white"), new InBin("cyl_green"))),
                seq(r -> pickPlaceOnPlate("cube_red", "plate_white", r), r -> pickPlaceInBin("cyl_green", 0, r))));
        add(new Task("pretrain/pair_red_on_plate_blue_in_bin", "put the red cube on the plate and the blue cube in the bin", 400,
                PAIR_SCENE, TaskRegistry::layoutPair,
                new All(List.of(new OnPlate("cube_red", "plate_white"), new InBin("cube_blue"))),
                seq(r -> pickPlaceOnPlate("cube_red", "plate_white", r), r -> pickPlaceInBin("cube_blue", 0, r))));
    }

    /** Every task in registry order (benchmark suites, then pretrain). */
    public static List<Task> all() {
        return List.copyOf(TASKS.values());
    }

    /** Suite names in order. */
    public static List<String> suites() {
        List<String> s = new ArrayList<>(BENCHMARK_SUITES);
        s.add(PRETRAIN);
        return s;
    }

    /** The task of a full name {@code suite/task}. */
    public static Task get(String name) {
        Task t = TASKS.get(name);
        if (t == null) throw unknown(name);
        return t;
    }

    /**
     * Tasks selected by a comma-separated list of names: a full task name, a suite name
     * (all its tasks), or {@code benchmark} (every benchmark task). Unknown names give an
     * error listing the valid ones.
     */
    public static List<Task> select(String names) {
        List<Task> out = new ArrayList<>();
        for (String raw : names.split(",")) {
            String n = raw.trim();
            if (n.isEmpty()) continue;
            if (n.equals("benchmark")) {
                out.addAll(TASKS.values().stream().filter(Task::benchmark).toList());
            } else if (suites().contains(n)) {
                out.addAll(TASKS.values().stream().filter(t -> t.suite().equals(n)).toList());
            } else {
                out.add(get(n));
            }
        }
        if (out.isEmpty()) throw unknown(names);
        return out.stream().distinct().toList();
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("unknown task or suite '" + name + "'. Suites: " + String.join(", ", suites())
                + " (or 'benchmark'). Tasks: " + String.join(", ", TASKS.keySet()));
    }
}
