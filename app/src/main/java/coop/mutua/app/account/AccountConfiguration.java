package coop.mutua.app.account;

import coop.mutua.platform.web.Links;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AccountConfiguration.class);

    @Bean
    PasswordPolicy passwordPolicy() {
        return PasswordPolicy.shipped();
    }

    @Bean
    ApplicationRunner warnWithoutPublicUrl(Links links, AccountMails mails) {
        return args -> {
            if (mails.configured() && !links.configured()) {
                log.warn("MUTUA_PUBLIC_URL is not set: password reset mails link to {} and invitation mails to the address the "
                        + "coordinator used. Set it to the address people use (https://achats.example.org).", links.local());
            }
        };
    }
}
