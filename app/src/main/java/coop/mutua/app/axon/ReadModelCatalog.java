package coop.mutua.app.axon;

import coop.mutua.kernel.InvalidFieldException;
import coop.mutua.kernel.ReadModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.config.ProcessingGroup;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.stereotype.Component;

/**
 * The read models the operator can rebuild: every bean marked {@link ReadModel}, by its processing group, with the
 * tables it writes. Which read models a rebuild takes: those asked, and those whose tables they also write.
 */
@Component
public class ReadModelCatalog {

    /** What "rebuild all" is asked with. */
    public static final String ALL = "all";
    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]*");

    /** One read model: its processing group, the tables it writes (seeded ones are also written by a job), its handler. */
    public record Entry(String name, List<String> tables, List<String> seeded, List<String> alsoWrites, Object handler) {

        /** Every table the rebuild replaces. */
        public List<String> allTables() {
            List<String> all = new ArrayList<>(tables);
            all.addAll(seeded);
            return all;
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    ReadModelCatalog(ApplicationContext context) {
        List<Entry> found = new ArrayList<>();
        for (Object bean : context.getBeansWithAnnotation(ReadModel.class).values()) {
            Class<?> type = AopUtils.getTargetClass(bean);
            ReadModel model = AnnotationUtils.findAnnotation(type, ReadModel.class);
            ProcessingGroup group = AnnotationUtils.findAnnotation(type, ProcessingGroup.class);
            if (model == null || group == null) {
                throw new IllegalStateException(type.getName() + ": a @ReadModel is a projection with its own @ProcessingGroup");
            }
            Entry entry = new Entry(group.value(), checked(model.tables()), checked(model.seeded()), checked(model.alsoWrites()), bean);
            found.add(entry);
        }
        found.sort(Comparator.comparing(Entry::name));
        found.forEach(entry -> {
            if (entries.put(entry.name(), entry) != null) {
                throw new IllegalStateException("Two read models in processing group " + entry.name());
            }
        });
        Set<String> owned = new LinkedHashSet<>();
        entries.values().forEach(entry -> entry.allTables().forEach(table -> {
            if (!owned.add(table)) {
                throw new IllegalStateException("Table " + table + " belongs to two read models");
            }
        }));
        entries.values().forEach(entry -> entry.alsoWrites().forEach(this::owner));
    }

    public List<Entry> all() {
        return List.copyOf(entries.values());
    }

    /**
     * The read models a rebuild of {@code names} takes, in name order: those named ({@value #ALL} for every one), and
     * those owning a table one of them also writes, and so on. Unknown names are refused, naming the field.
     */
    public List<Entry> closure(Collection<String> names) {
        if (names == null || names.isEmpty()) {
            throw new InvalidFieldException("readModels", "rebuild.read-models.empty");
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String name : names) {
            if (ALL.equals(name)) {
                wanted.addAll(entries.keySet());
            } else if (entries.containsKey(name)) {
                wanted.add(name);
            } else {
                throw new InvalidFieldException("readModels", "rebuild.read-models.unknown", String.valueOf(name));
            }
        }
        boolean grown = true;
        while (grown) {
            grown = false;
            for (String name : List.copyOf(wanted)) {
                for (String table : entries.get(name).alsoWrites()) {
                    grown |= wanted.add(owner(table).name());
                }
            }
        }
        return entries.values().stream().filter(entry -> wanted.contains(entry.name())).toList();
    }

    private Entry owner(String table) {
        return entries.values().stream().filter(entry -> entry.allTables().contains(table)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No read model owns table " + table));
    }

    private static List<String> checked(String[] tables) {
        for (String table : tables) {
            if (!TABLE.matcher(table).matches()) {
                throw new IllegalStateException("Not a plain table name: " + table);
            }
        }
        return Arrays.asList(tables);
    }
}
