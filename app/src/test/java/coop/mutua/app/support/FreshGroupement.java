package coop.mutua.app.support;

import coop.mutua.app.support.TestGroupements.TestGroupement;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The set-up most integration tests repeated: a groupement of their own (a coordinator, a member and a supplier, see
 * {@link TestGroupements}), the running application's API, and a {@link RoundFlow} on both. A test method (or
 * {@code @BeforeEach}) declares what it needs, {@code void x(RoundFlow flow)}, {@code void y(TestGroupement groupement,
 * Http http)}; one groupement per test method, shared by its parameters, named after the test's class and method (or
 * by {@link Named} on the parameter). Registered by {@link IntegrationTest}.
 */
public class FreshGroupement implements ParameterResolver {

    /** The groupement's name, when the test shows or checks it. */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Named {
        String value();
    }

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FreshGroupement.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RoundFlow.class || type == TestGroupement.class || type == Http.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        Http http = http(context);
        if (type == Http.class) {
            return http;
        }
        Named named = parameter.getParameter().getAnnotation(Named.class);
        TestGroupement groupement = context.getStore(NAMESPACE).getOrComputeIfAbsent("groupement", key -> {
            TestGroupements groupements = SpringExtension.getApplicationContext(context).getBean(TestGroupements.class);
            return groupements.create(named != null ? named.value()
                    : "Réseau " + context.getRequiredTestClass().getSimpleName() + "." + context.getTestMethod().map(m -> m.getName()).orElse("tous"));
        }, TestGroupement.class);
        return type == TestGroupement.class ? groupement : new RoundFlow(http, groupement);
    }

    private static Http http(ExtensionContext context) {
        ApplicationContext application = SpringExtension.getApplicationContext(context);
        return new Http(Integer.parseInt(application.getEnvironment().getRequiredProperty("local.server.port")));
    }
}
