package coop.mutua.app.axon;

import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.Require;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The last check before a command can cause an event: whatever path it took (API, page, CSV import, batch job, demo),
 * nothing reaches the event store that a read model cannot hold. Each rule here is what PostgreSQL itself refuses or what
 * no column of ours holds, so that a projection can never fail on an event because of its values (issue 15):
 * <ul>
 *   <li>texts: no NUL or other control character but line breaks and tabs, no lone surrogate, at most
 *       {@value #MAX_TEXT} characters (narrower columns are the domain's rules, named by field);</li>
 *   <li>decimals: fewer than 13 integer digits and at most 6 decimals;</li>
 *   <li>doubles (a location): finite;</li>
 *   <li>dates and instants: within {@link Require#EARLIEST} and {@link Require#LATEST}.</li>
 * </ul>
 * Records, lists, sets and maps (keys too) are walked; a refusal names the path ({@code lines[2].label}).
 */
final class CommandLimits implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final int MAX_TEXT = 10_000;
    private static final BigDecimal MAX_DECIMAL = new BigDecimal("1E12");
    private static final int MAX_SCALE = 6;
    private static final int MAX_DEPTH = 8;
    private static final Map<Class<?>, List<Component>> COMPONENTS = new ConcurrentHashMap<>();

    /** A record's component and its accessor, looked up once per class. */
    private record Component(String name, Method accessor) {
        static List<Component> of(Class<?> type) {
            List<Component> components = new ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                components.add(new Component(component.getName(), accessor));
            }
            return List.copyOf(components);
        }

        Object read(Object record) {
            try {
                return accessor.invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + name + " of " + record.getClass().getSimpleName(), e);
            }
        }
    }

    /**
     * Checked after the handler has decided, before its unit of work commits: the domain's own rules speak first, with
     * the names the API and the forms use ({@code name}, not {@code details.name}); this net only catches what they missed,
     * and a refusal here rolls back the events the handler applied.
     */
    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        check(unitOfWork.getMessage().getPayload(), "", 0);
        return result;
    }

    /** Throws a {@link DomainException} naming the first value of the payload that no read model could hold. */
    static void check(Object value, String path, int depth) {
        if (value == null || value instanceof Boolean || value instanceof Enum<?> || depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof String text) {
            text(text, path);
        } else if (value instanceof BigDecimal decimal) {
            if (decimal.abs().compareTo(MAX_DECIMAL) >= 0 || decimal.scale() > MAX_SCALE) {
                throw new DomainException("field.too-large", name(path), MAX_DECIMAL.toPlainString());
            }
        } else if (value instanceof Double number && !Double.isFinite(number)) {
            throw new DomainException("field.too-large", name(path), Double.MAX_VALUE);
        } else if (value instanceof Instant instant) {
            Require.instant(instant, name(path));
        } else if (value instanceof LocalDate date) {
            Require.date(date, name(path));
        } else if (value instanceof OffsetDateTime time) {
            Require.instant(time.toInstant(), name(path));
        } else if (value instanceof ZonedDateTime time) {
            Require.instant(time.toInstant(), name(path));
        } else if (value instanceof LocalDateTime time) {
            Require.date(time.toLocalDate(), name(path));
        } else if (value instanceof Optional<?> optional) {
            check(optional.orElse(null), path, depth + 1);
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                check(list.get(i), path + "[" + i + "]", depth + 1);
            }
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(element -> check(element, path + "[]", depth + 1));
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> {
                check(key, path + "[]", depth + 1);
                check(element, path + "[" + key + "]", depth + 1);
            });
        } else if (value.getClass().isRecord()) {
            for (Component component : COMPONENTS.computeIfAbsent(value.getClass(), Component::of)) {
                check(component.read(value), path.isEmpty() ? component.name() : path + "." + component.name(), depth + 1);
            }
        }
    }

    private static void text(String text, String path) {
        if (text.length() > MAX_TEXT) {
            throw new DomainException("field.too-long", name(path), MAX_TEXT);
        }
        Require.characters(text, name(path), true);
    }

    private static String name(String path) {
        return path.isEmpty() ? "command" : path;
    }
}
