package coop.mutua.app.web;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/** Makes {@link Formats} available to every template as {@code #fmt}, in the locale of the page being rendered. */
@Component
class FormatDialect extends AbstractDialect implements IExpressionObjectDialect {

    FormatDialect() {
        super("mutua-formats");
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("fmt");
            }

            @Override
            public Object buildObject(IExpressionContext context, String name) {
                return new Formats(context.getLocale());
            }

            @Override
            public boolean isCacheable(String name) {
                return true;
            }
        };
    }
}
