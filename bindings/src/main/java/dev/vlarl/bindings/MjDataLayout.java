package dev.vlarl.bindings;

/**
 * Offsets of the mjData fields Java reads, from the shim (offsetof on the installed
 * headers). Array pointers ({@code QPOS} ...) are fixed for the life of an mjData, so a
 * view made once stays valid; their lengths come from the model's sizes (vm_data_array).
 */
public final class MjDataLayout {
    private MjDataLayout() {}

    private static long off(String field) {
        return MujocoLayouts.offsetOf("mjData", field);
    }

    public static final long SIZEOF = MujocoLayouts.sizeOf("mjData");

    /** mjtNum time */
    public static final long TIME = off("time");
    /** int ncon, ne, nefc */
    public static final long NCON = off("ncon");
    public static final long NEFC = off("nefc");
    /** mjWarningStat warning[mjNWARNING] */
    public static final long WARNING = off("warning");
    public static final long WARNING_STAT_SIZE = MujocoLayouts.sizeOf("mjWarningStat");
    public static final long WARNING_NUMBER = MujocoLayouts.offsetOf("mjWarningStat", "number");
    public static final long WARNING_LASTINFO = MujocoLayouts.offsetOf("mjWarningStat", "lastinfo");

    /** Pointers (mjtNum*) */
    public static final long QPOS = off("qpos");
    public static final long QVEL = off("qvel");
    public static final long ACT = off("act");
    public static final long CTRL = off("ctrl");
    public static final long QACC = off("qacc");
    public static final long XPOS = off("xpos");
    public static final long XQUAT = off("xquat");
    public static final long GEOM_XPOS = off("geom_xpos");
    public static final long SITE_XPOS = off("site_xpos");
    public static final long SENSORDATA = off("sensordata");
    public static final long MOCAP_POS = off("mocap_pos");
    public static final long MOCAP_QUAT = off("mocap_quat");
    /** mjContact* contact (nconmax entries, the first ncon in use) and the mjContact fields read */
    public static final long CONTACT = off("contact");
    public static final long CONTACT_SIZE = MujocoLayouts.sizeOf("mjContact");
    public static final long CONTACT_DIST = MujocoLayouts.offsetOf("mjContact", "dist");
    public static final long CONTACT_POS = MujocoLayouts.offsetOf("mjContact", "pos");
    public static final long CONTACT_FRAME = MujocoLayouts.offsetOf("mjContact", "frame");
    public static final long CONTACT_GEOM1 = MujocoLayouts.offsetOf("mjContact", "geom1");
    public static final long CONTACT_GEOM2 = MujocoLayouts.offsetOf("mjContact", "geom2");
}
