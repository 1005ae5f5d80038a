package coop.mutua.catalog.web;

import coop.mutua.kernel.GeoPoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The directory's map, drawn by Mutua as inline SVG (ADR 22): the departments' outlines from the bundled gazetteer, the
 * results as numbered marks and the search's origin, in an equirectangular projection scaled by the cosine of the
 * middle latitude (true enough at a region's scale). The frame fits the marks; marks too far apart for one useful frame
 * (overseas with mainland) fall back to mainland France, and the marks outside it are left to the list.
 */
final class NetworkMap {

    static final int WIDTH = 640;
    private static final double[] MAINLAND = {41.3, 51.1, -5.2, 9.6};
    private static final double MAX_SPAN = 12;
    private static final double MIN_SPAN = 0.5;

    /** A mark: its place on the drawing, its number in the list, its title and where it leads. */
    record Mark(double x, double y, int number, String title, String href) {
    }

    /** What the page draws: the frame's size, each department's outline as SVG points, the marks, the origin if any. */
    record View(int width, int height, List<String> outlines, List<Mark> marks, Mark origin) {
    }

    /** A place to mark: its point and what the mark says. */
    record Place(GeoPoint point, String title, String href) {
    }

    private NetworkMap() {
    }

    static View draw(List<Place> places, GeoPoint origin, Map<String, List<GeoPoint>> outlines) {
        double[] frame = frame(places, origin);
        double midLatitude = Math.toRadians((frame[0] + frame[1]) / 2);
        double xSpan = (frame[3] - frame[2]) * Math.cos(midLatitude);
        double ySpan = frame[1] - frame[0];
        double scale = WIDTH / xSpan;
        int height = (int) Math.round(Math.min(Math.max(ySpan * scale, 240), 900));
        scale = Math.min(scale, height / ySpan);
        Projection projection = new Projection(frame, Math.cos(midLatitude), scale, (WIDTH - xSpan * scale) / 2, (height - ySpan * scale) / 2);
        List<String> drawn = Arrays.equals(frame, MAINLAND) ? mainland(outlines, projection, height) : outlines(outlines, frame, projection);
        List<Mark> marks = new ArrayList<>();
        for (int i = 0; i < places.size(); i++) {
            Place place = places.get(i);
            if (place.point() != null && inside(place.point(), frame)) {
                marks.add(new Mark(round(projection.x(place.point())), round(projection.y(place.point())), i + 1, place.title(), place.href()));
            }
        }
        Mark from = origin == null || !inside(origin, frame) ? null
                : new Mark(round(projection.x(origin)), round(projection.y(origin)), 0, null, null);
        return new View(WIDTH, height, drawn, marks, from);
    }

    /** The mainland's outlines drawn once (the frame of every search too broad for a region), then reused. */
    private static volatile Object[] mainland;

    private static List<String> mainland(Map<String, List<GeoPoint>> outlines, Projection projection, int height) {
        Object[] cached = mainland;
        if (cached == null || cached[0] != outlines || (int) cached[1] != height) {
            cached = new Object[] {outlines, height, outlines(outlines, MAINLAND, projection)};
            mainland = cached;
        }
        @SuppressWarnings("unchecked")
        List<String> drawn = (List<String>) cached[2];
        return drawn;
    }

    private static List<String> outlines(Map<String, List<GeoPoint>> outlines, double[] frame, Projection projection) {
        List<String> drawn = new ArrayList<>();
        outlines.values().stream().filter(outline -> outline.size() >= 3 && overlaps(outline, frame)).forEach(outline -> {
            StringBuilder points = new StringBuilder();
            for (GeoPoint point : outline) {
                points.append(points.isEmpty() ? "" : " ").append(format(projection.x(point))).append(',').append(format(projection.y(point)));
            }
            drawn.add(points.toString());
        });
        return List.copyOf(drawn);
    }

    private record Projection(double[] frame, double cosine, double scale, double left, double top) {
        double x(GeoPoint point) {
            return left + (point.longitude() - frame[2]) * cosine * scale;
        }

        double y(GeoPoint point) {
            return top + (frame[1] - point.latitude()) * scale;
        }
    }

    /** South, north, west, east: the marks and origin with a margin, or mainland France. */
    static double[] frame(List<Place> places, GeoPoint origin) {
        List<GeoPoint> points = new ArrayList<>();
        places.stream().map(Place::point).filter(point -> point != null).forEach(points::add);
        if (origin != null) {
            points.add(origin);
        }
        if (points.isEmpty()) {
            return MAINLAND.clone();
        }
        double south = points.stream().mapToDouble(GeoPoint::latitude).min().orElseThrow();
        double north = points.stream().mapToDouble(GeoPoint::latitude).max().orElseThrow();
        double west = points.stream().mapToDouble(GeoPoint::longitude).min().orElseThrow();
        double east = points.stream().mapToDouble(GeoPoint::longitude).max().orElseThrow();
        if (north - south > MAX_SPAN || east - west > MAX_SPAN) {
            return MAINLAND.clone();
        }
        double latMargin = Math.max((north - south) * 0.15, MIN_SPAN / 2);
        double lonMargin = Math.max((east - west) * 0.15, MIN_SPAN / 2);
        return new double[] {south - latMargin, north + latMargin, west - lonMargin, east + lonMargin};
    }

    private static boolean inside(GeoPoint point, double[] frame) {
        return point.latitude() >= frame[0] && point.latitude() <= frame[1] && point.longitude() >= frame[2] && point.longitude() <= frame[3];
    }

    private static boolean overlaps(List<GeoPoint> outline, double[] frame) {
        double south = Double.MAX_VALUE;
        double north = -Double.MAX_VALUE;
        double west = Double.MAX_VALUE;
        double east = -Double.MAX_VALUE;
        for (GeoPoint point : outline) {
            south = Math.min(south, point.latitude());
            north = Math.max(north, point.latitude());
            west = Math.min(west, point.longitude());
            east = Math.max(east, point.longitude());
        }
        return south <= frame[1] && north >= frame[0] && west <= frame[3] && east >= frame[2];
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** One decimal, without String.format (thousands of points per map). */
    private static String format(double value) {
        long tenths = Math.round(value * 10);
        long whole = Math.abs(tenths) / 10;
        return (tenths < 0 ? "-" : "") + whole + "." + Math.abs(tenths) % 10;
    }
}
