package vn.ntm.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Paths into a request body held as nested maps and lists: {@code evidence.note}, {@code items[0].value} — the
 * fields the corpus varies one at a time.
 */
final class BodyPaths {

    /** A step into a list in a body path: {@code items[0]}. */
    private static final Pattern INDEXED = Pattern.compile("(.+)\\[(\\d+)]");

    private BodyPaths() {
    }

    /**
     * Dotted paths of every value in nested maps; the items of the lists named in {@code itemLists} are descended into
     * ({@code items[0].value}), other lists are values.
     */
    static List<String> leaves(Map<String, Object> map, String prefix, Set<String> itemLists) {
        List<String> paths = new ArrayList<>();
        map.forEach((key, value) -> {
            paths.add(prefix + key);
            if (value instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) nested;
                paths.addAll(leaves(typed, prefix + key + ".", itemLists));
            } else if (value instanceof List<?> items && itemLists.contains(prefix + key)) {
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i) instanceof Map<?, ?> item) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> typed = (Map<String, Object>) item;
                        paths.addAll(leaves(typed, prefix + key + "[" + i + "].", itemLists));
                    }
                }
            }
        });
        return paths;
    }

    /** A path's steps: keys of maps, and indexes of lists ({@code items[1].value} is items, 1, value). */
    static List<Object> steps(String path) {
        List<Object> steps = new ArrayList<>();
        for (String part : path.split("\\.")) {
            Matcher indexed = INDEXED.matcher(part);
            if (indexed.matches()) {
                steps.add(indexed.group(1));
                steps.add(Integer.parseInt(indexed.group(2)));
            } else {
                steps.add(part);
            }
        }
        return steps;
    }

    static Object step(Object current, Object step) {
        return step instanceof Integer index ? ((List<?>) current).get(index) : ((Map<?, ?>) current).get(step);
    }

    static Object get(Map<String, Object> map, String path) {
        List<Object> steps = steps(path);
        return step(parent(map, steps), steps.get(steps.size() - 1));
    }

    /** The map or list holding the last step. */
    static Object parent(Map<String, Object> map, List<Object> steps) {
        Object current = map;
        for (Object step : steps.subList(0, steps.size() - 1)) {
            current = step(current, step);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static void set(Map<String, Object> map, String path, Object value) {
        List<Object> steps = steps(path);
        Object parent = parent(map, steps);
        Object last = steps.get(steps.size() - 1);
        if (last instanceof Integer index) {
            ((List<Object>) parent).set(index, value);
        } else {
            ((Map<String, Object>) parent).put((String) last, value);
        }
    }

    /** A copy whose maps and lists can be changed without changing the valid body. */
    static Map<String, Object> deepCopy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, deepCopyValue(value)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    static Object deepCopyValue(Object value) {
        if (value instanceof Map<?, ?> nested) {
            return deepCopy((Map<String, Object>) nested);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(deepCopyValue(item)));
            return copy;
        }
        return value;
    }
}
