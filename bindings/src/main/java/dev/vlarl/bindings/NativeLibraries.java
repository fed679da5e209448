package dev.vlarl.bindings;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds and loads vlarl's own shared libraries (libvlarl_*.so) and system ones
 * (libmujoco, libEGL).
 *
 * <p>vlarl's libraries are searched in this order; the first directory holding the file wins:
 * <ol>
 *   <li>the system property {@code vlarl.native.dir} (the launcher and the test run set it);</li>
 *   <li>the environment variable {@code VLARL_NATIVE_DIR};</li>
 *   <li>{@code build/native/lib} under the system property {@code vlarl.root}, then under the
 *       working directory and its parents (a checkout built with {@code ./vlarl build});</li>
 *   <li>each entry of {@code java.library.path}.</li>
 * </ol>
 * System libraries are loaded by soname through the dynamic linker's usual search.
 * Libraries are loaded once, into the global arena, and never unloaded.
 */
public final class NativeLibraries {
    private static final Map<String, SymbolLookup> LOADED = new ConcurrentHashMap<>();

    private NativeLibraries() {}

    /** The lookup of vlarl library {@code name} (e.g. "vlarl_torch" for libvlarl_torch.so). */
    public static SymbolLookup vlarl(String name) {
        return LOADED.computeIfAbsent("vlarl:" + name, k -> loadVlarl(name));
    }

    /** The lookup of a system library by soname (e.g. "libmujoco.so.2.2.2"), trying each name in turn. */
    public static SymbolLookup system(String what, String... sonames) {
        return LOADED.computeIfAbsent("sys:" + String.join("|", sonames), k -> loadSystem(what, sonames));
    }

    /** The directories searched for vlarl's libraries, in order. */
    public static List<Path> searchPath() {
        List<Path> dirs = new ArrayList<>();
        String prop = System.getProperty("vlarl.native.dir");
        if (prop != null && !prop.isBlank()) dirs.add(Path.of(prop));
        String env = System.getenv("VLARL_NATIVE_DIR");
        if (env != null && !env.isBlank()) dirs.add(Path.of(env));
        String root = System.getProperty("vlarl.root");
        if (root != null && !root.isBlank()) dirs.add(Path.of(root, "build", "native", "lib"));
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            dirs.add(p.resolve("build").resolve("native").resolve("lib"));
        }
        for (String entry : System.getProperty("java.library.path", "").split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) dirs.add(Path.of(entry));
        }
        return dirs;
    }

    /** Looks up a symbol, failing with a message that names the library and the symbol. */
    public static MemorySegment find(SymbolLookup lookup, String library, String symbol) {
        return lookup.find(symbol).orElseThrow(() -> new NativeLibraryException(
                "symbol '" + symbol + "' not found in " + library
                        + "; the library is older than the Java bindings: rebuild with ./vlarl build"));
    }

    private static SymbolLookup loadVlarl(String name) {
        String file = System.mapLibraryName(name);
        List<Path> dirs = searchPath();
        for (Path dir : dirs) {
            Path candidate = dir.resolve(file);
            if (Files.isRegularFile(candidate)) {
                try {
                    return SymbolLookup.libraryLookup(candidate, Arena.global());
                } catch (IllegalArgumentException e) {
                    throw new NativeLibraryException("found " + candidate + " but could not load it: " + e.getMessage()
                            + ". Are its dependencies installed? Run ./vlarl setup", e);
                }
            }
        }
        throw new NativeLibraryException(file + " not found. Searched: " + dirs
                + ". Build it with ./vlarl build, or point -Dvlarl.native.dir / VLARL_NATIVE_DIR at the directory holding it.");
    }

    private static SymbolLookup loadSystem(String what, String... sonames) {
        List<String> errors = new ArrayList<>();
        for (String soname : sonames) {
            try {
                return SymbolLookup.libraryLookup(soname, Arena.global());
            } catch (IllegalArgumentException e) {
                errors.add(soname + ": " + e.getMessage());
            }
        }
        throw new NativeLibraryException(what + " could not be loaded (" + String.join("; ", errors)
                + "). Install it with ./vlarl setup (Debian packages), or add its directory to LD_LIBRARY_PATH.");
    }
}
