package dev.vlarl.bindings;

/**
 * Offsets of the mjModel fields Java reads, from the shim (offsetof on the installed
 * headers). Int sizes are {@code int}; {@code OPT_*} doubles are mjtNum; the rest are
 * pointers to arrays (prefer vm_model_array, which also gives their shape).
 */
public final class MjModelLayout {
    private MjModelLayout() {}

    private static long off(String field) {
        return MujocoLayouts.offsetOf("mjModel", field);
    }

    public static final long SIZEOF = MujocoLayouts.sizeOf("mjModel");

    public static final long NQ = off("nq");
    public static final long NV = off("nv");
    public static final long NU = off("nu");
    public static final long NA = off("na");
    public static final long NBODY = off("nbody");
    public static final long NJNT = off("njnt");
    public static final long NGEOM = off("ngeom");
    public static final long NSITE = off("nsite");
    public static final long NCAM = off("ncam");
    public static final long NLIGHT = off("nlight");
    public static final long NMAT = off("nmat");
    public static final long NTENDON = off("ntendon");
    public static final long NSENSOR = off("nsensor");
    public static final long NSENSORDATA = off("nsensordata");
    public static final long NKEY = off("nkey");
    public static final long NMOCAP = off("nmocap");
    public static final long NUSERDATA = off("nuserdata");
    public static final long NSTACK = off("nstack");
    public static final long NCONMAX = off("nconmax");

    /** mjtNum opt.timestep */
    public static final long OPT_TIMESTEP = off("opt.timestep");
    /** mjtNum opt.gravity[3] */
    public static final long OPT_GRAVITY = off("opt.gravity");
    /** int vis.global.offwidth / offheight, int vis.quality.offsamples */
    public static final long VIS_OFFWIDTH = off("vis.global.offwidth");
    public static final long VIS_OFFHEIGHT = off("vis.global.offheight");
    public static final long VIS_OFFSAMPLES = off("vis.quality.offsamples");
    /** mjtNum stat.extent, stat.center[3] */
    public static final long STAT_EXTENT = off("stat.extent");
    public static final long STAT_CENTER = off("stat.center");
}
