package dev.vlarl.policy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Per-step metrics as JSONL and CSV under a run directory (names grouped by prefix,
 * CleanRL style: {@code losses/}, {@code charts/}), and a PNG plot of a chosen metric.
 * A resumed run first drops the rows at or after the step it resumes from.
 */
public final class MetricsLog implements AutoCloseable {
    private final Path jsonl;
    private final Path csv;
    private final List<String> columns;
    private final BufferedWriter json;
    private final BufferedWriter table;
    private final List<double[]> rows = new ArrayList<>();

    public MetricsLog(Path dir, List<String> columns, int resumeFrom) {
        this.columns = List.copyOf(columns);
        this.jsonl = dir.resolve("metrics.jsonl");
        this.csv = dir.resolve("metrics.csv");
        try {
            Files.createDirectories(dir);
            List<String> keptJson = new ArrayList<>();
            if (Files.exists(jsonl)) {
                for (String line : Files.readAllLines(jsonl)) {
                    Map<?, ?> m = PolicyFiles.JSON.readValue(line, Map.class);
                    int step = ((Number) m.get("step")).intValue();
                    if (step >= resumeFrom) continue;
                    keptJson.add(line);
                    double[] r = new double[columns.size() + 1];
                    r[0] = step;
                    for (int i = 0; i < columns.size(); i++) {
                        Object v = m.get(columns.get(i));
                        r[i + 1] = v instanceof Number n ? n.doubleValue() : Double.NaN;
                    }
                    rows.add(r);
                }
            }
            Files.write(jsonl, keptJson);
            List<String> keptCsv = new ArrayList<>();
            keptCsv.add("step," + String.join(",", columns));
            for (double[] r : rows) keptCsv.add(csvRow(r));
            Files.write(csv, keptCsv);
            json = Files.newBufferedWriter(jsonl, StandardOpenOption.APPEND);
            table = Files.newBufferedWriter(csv, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open metrics in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String csvRow(double[] r) {
        StringBuilder sb = new StringBuilder().append((long) r[0]);
        for (int i = 1; i < r.length; i++) sb.append(',').append(String.format(Locale.ROOT, "%.6g", r[i]));
        return sb.toString();
    }

    /** One row; {@code values} in the order of the columns. */
    public void log(int step, double... values) {
        if (values.length != columns.size()) throw new IllegalArgumentException("expected " + columns.size() + " values");
        double[] r = new double[values.length + 1];
        r[0] = step;
        System.arraycopy(values, 0, r, 1, values.length);
        rows.add(r);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", step);
        for (int i = 0; i < values.length; i++) m.put(columns.get(i), Double.isFinite(values[i]) ? values[i] : null);
        try {
            json.write(PolicyFiles.JSON.writeValueAsString(m));
            json.newLine();
            table.write(csvRow(r));
            table.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void flush() {
        try {
            json.flush();
            table.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Plots {@code column} against step (raw, and a moving average) as a PNG. */
    public void plot(String column, String title, Path png) {
        int c = columns.indexOf(column) + 1;
        if (c == 0) throw new IllegalArgumentException("no column " + column);
        if (rows.isEmpty()) return;
        double[] x = new double[rows.size()], y = new double[rows.size()], avg = new double[rows.size()];
        double ema = Double.NaN;
        for (int i = 0; i < rows.size(); i++) {
            x[i] = rows.get(i)[0];
            y[i] = rows.get(i)[c];
            ema = Double.isNaN(ema) ? y[i] : 0.95 * ema + 0.05 * y[i];
            avg[i] = ema;
        }
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(800).height(450).title(title).xAxisTitle("step").yAxisTitle(column).build();
        chart.getStyler().setMarkerSize(0);
        chart.addSeries(column, x, y).setMarker(SeriesMarkers.NONE);
        chart.addSeries(column + " (EMA 0.95)", x, avg).setMarker(SeriesMarkers.NONE);
        try {
            BitmapEncoder.saveBitmap(chart, png.toString().replaceAll("\\.png$", ""), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plot " + png + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            json.close();
            table.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
