package coop.mutua.app.security;

import coop.mutua.kernel.Actor;
import java.util.Optional;
import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets controllers of every context declare an {@link Actor} parameter: the logged-in user, never the request's say. A
 * page open to everyone (the network directory) declares {@code Optional<Actor>}: empty for a visitor.
 */
class ActorArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Actor.class.equals(parameter.getParameterType())
                || Optional.class.equals(parameter.getParameterType()) && Actor.class.equals(parameter.nestedIfOptional().getNestedParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer, NativeWebRequest webRequest,
                                  WebDataBinderFactory binderFactory) {
        if (Optional.class.equals(parameter.getParameterType())) {
            return CurrentActor.get();
        }
        return CurrentActor.get().orElseThrow(() -> new AccessDeniedException("login required"));
    }
}
