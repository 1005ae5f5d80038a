package coop.mutua.app.web;

import coop.mutua.app.problems.FilterProblems;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Filters after Spring Security's (order -100), before any controller: parameters with control characters refused, then
 * the API's content negotiation, then its Idempotency-Key, so that neither a refused format nor a retried request ever
 * reaches a change.
 */
@Configuration(proxyBeanMethods = false)
class ApiFiltersConfiguration {

    @Bean
    IdempotencyFilter idempotencyFilter(JdbcClient jdbc, FilterProblems problems) {
        return new IdempotencyFilter(jdbc, problems);
    }

    /** Only requests made directly to /error (the container's own forwards are ERROR dispatches, not filtered here). */
    @Bean
    FilterRegistrationBean<ErrorAddressFilter> errorAddress() {
        FilterRegistrationBean<ErrorAddressFilter> registration = new FilterRegistrationBean<>(new ErrorAddressFilter());
        registration.addUrlPatterns("/error", "/error/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(-200);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ParameterCharactersFilter> parameterCharacters(FilterProblems problems) {
        FilterRegistrationBean<ParameterCharactersFilter> registration = new FilterRegistrationBean<>(new ParameterCharactersFilter(problems));
        registration.setOrder(0);
        return registration;
    }

    @Bean
    FilterRegistrationBean<NegotiateFirstFilter> negotiateFirst(FilterProblems problems) {
        FilterRegistrationBean<NegotiateFirstFilter> registration = new FilterRegistrationBean<>(new NegotiateFirstFilter(problems));
        registration.setOrder(1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotency(IdempotencyFilter filter) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(2);
        return registration;
    }
}
